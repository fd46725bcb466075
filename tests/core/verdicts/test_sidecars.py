"""Which sidecars belong to an image, which wins, what a new one is called, and what the
image's own packet says when it has none."""

from __future__ import annotations

import io
import os
import struct

from PIL import Image

from tests.core.verdicts import samples
from tests.core.verdicts.helpers import read, write
from viewer.core.folder.sidecars import moved_sidecar_name, sidecar_names
from viewer.core.verdicts import (
    Edit,
    Label,
    SidecarStyle,
    Verdict,
    read_verdict,
    read_verdicts,
    set_verdict,
    sidecars_of,
)
from viewer.core.verdicts.embedded import HEAD_BYTES, embedded_packet, jpeg_packet


def test_both_styles_any_case_of_xmp_own_first() -> None:
    names = ["IMG_1.CR2", "IMG_1.XMP", "IMG_1.CR2.xmp", "IMG_10.CR2.xmp", "IMG_1.cr2.xmp"]
    assert sidecar_names("IMG_1.CR2", names) == ["IMG_1.CR2.xmp", "IMG_1.XMP"]
    assert sidecars_of("/f/IMG_1.CR2", names) == ["/f/IMG_1.CR2.xmp", "/f/IMG_1.XMP"]


def test_a_shared_stem_sidecar_belongs_to_the_pairs_raw() -> None:
    names = ["IMG_1.CR2", "IMG_1.JPG", "IMG_1.xmp"]
    assert sidecar_names("IMG_1.CR2", names) == ["IMG_1.xmp"]
    assert sidecar_names("IMG_1.JPG", names) == []
    two_raws = ["IMG_1.CR2", "IMG_1.DNG", "IMG_1.xmp"]
    assert sidecar_names("IMG_1.CR2", two_raws) == sidecar_names("IMG_1.DNG", two_raws) == []
    assert sidecar_names("a.png", ["a.png", "a.xmp", "a.txt"]) == ["a.xmp"]


def test_sidecar_names_follow_a_new_image_name() -> None:
    assert moved_sidecar_name("IMG_1.CR2.XMP", "IMG_1.CR2", "keep.CR2") == "keep.CR2.XMP"
    assert moved_sidecar_name("IMG_1.xmp", "IMG_1.CR2", "IMG_1 (2).CR2") == "IMG_1 (2).xmp"


def test_the_name_style_falls_back_where_the_pairs_raw_owns_name_xmp(tmp_path: object) -> None:
    folder = str(tmp_path)
    raw = write(os.path.join(folder, "IMG_1.CR2"), b"raw")
    jpeg = write(os.path.join(folder, "IMG_1.JPG"), b"jpeg")
    assert set_verdict(raw, Edit(rating=1), style=SidecarStyle.NAME).changes[0].path == (
        os.path.join(folder, "IMG_1.xmp")
    )
    assert set_verdict(jpeg, Edit(rating=2), style=SidecarStyle.NAME).changes[0].path == (
        jpeg + ".xmp"
    )
    assert read_verdicts(folder) == {raw: Verdict(1), jpeg: Verdict(2)}


def _jpeg_with_xmp(packet: bytes) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "JPEG")
    data = out.getvalue()
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def test_the_packet_in_a_jpeg_and_in_a_head_of_bytes() -> None:
    jpeg = _jpeg_with_xmp(samples.UNKNOWN)
    assert jpeg_packet(jpeg) == samples.UNKNOWN
    assert jpeg_packet(jpeg[:100]) is None  # the packet is not within the head
    dng_head = b"II*\x00" + bytes(300) + samples.LIGHTROOM + bytes(100)
    assert embedded_packet(dng_head) == samples.LIGHTROOM.rstrip(b"\n")
    assert embedded_packet(b"\xff\xd8\xff\xdb\x00\x04\x00\x00") is None


def test_an_image_without_sidecar_reads_its_own_packet(tmp_path: object) -> None:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "a.jpg"), _jpeg_with_xmp(samples.UNKNOWN))
    read_back = read_verdict(image)
    assert read_back.verdict == Verdict(4, Label.BLUE) and read_back.source == image


def test_a_new_sidecar_starts_from_the_images_own_verdict(tmp_path: object) -> None:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "a.jpg"), _jpeg_with_xmp(samples.UNKNOWN))
    before = read(image)
    written = set_verdict(image, Edit(label=Label.RED))
    assert written.verdict == Verdict(4, Label.RED)
    assert read_verdict(image).verdict == Verdict(4, Label.RED)
    assert read(image) == before  # the image itself is never written


def test_a_sidecar_wins_over_the_images_packet(tmp_path: object) -> None:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "a.jpg"), _jpeg_with_xmp(samples.UNKNOWN))
    write(os.path.join(folder, "a.xmp"), samples.LIGHTROOM)
    assert read_verdicts(folder) == {image: Verdict(2, Label.YELLOW)}


def test_a_folder_read_reads_only_listed_sidecars_and_64_kb_heads(tmp_path: object) -> None:
    from tests.core.fileops.faulty_fs import FaultyFs

    folder = str(tmp_path)
    big = write(os.path.join(folder, "big.jpg"), _jpeg_with_xmp(samples.UNKNOWN) + bytes(1 << 20))
    raw = write(os.path.join(folder, "r.CR2"), bytes(1 << 20))
    write(os.path.join(folder, "r.CR2.xmp"), samples.DARKTABLE)
    write(os.path.join(folder, "notes.txt"), b"hello")
    sizes: dict[str, int] = {}

    class Counting(FaultyFs):
        def open_read(self, path: str):  # type: ignore[no-untyped-def]
            handle = super().open_read(path)
            original = handle.read

            def counted(size: int = -1) -> bytes:
                data = original(size)
                sizes[path] = sizes.get(path, 0) + len(data)
                return data

            handle.read = counted  # type: ignore[method-assign]
            return handle

    verdicts = read_verdicts(folder, fs=Counting())
    assert verdicts == {big: Verdict(4, Label.BLUE), raw: Verdict(1, Label.GREEN)}
    assert sizes[big] == HEAD_BYTES
    assert raw not in sizes  # it has a sidecar: the image is not read at all
    assert set(sizes) == {big, raw + ".xmp"}
