"""RAW: the embedded preview found and read as a range; rawpy only to develop."""

from __future__ import annotations

import io
import os
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.builders import jpeg_bytes, write_dng
from viewer.core.formats.raw.load import load_raw
from viewer.core.formats.raw.preview import (
    HEAD_BYTES,
    HeadSource,
    RawError,
    develop,
    find_preview,
    read_preview,
)
from viewer.core.io.reading import DecodeError
from viewer.core.metadata.tiff_ifd import memory_source


def test_dng_preview_is_read_as_a_range(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "photo.dng")
    preview = jpeg_bytes((64, 48))
    write_dng(path, preview, orientation=6)
    with open(path, "rb") as file:
        read = read_preview(file)
    assert read.preview == preview
    assert read.orientation == 6
    assert read.file_size == os.path.getsize(path)
    # the head held every directory; the preview itself came in one read past it
    assert read.source.extra_reads <= 1
    assert len(read.head) == min(HEAD_BYTES, read.file_size)


def test_the_largest_of_several_jpegs_is_the_preview(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "photo.dng")
    preview = jpeg_bytes((400, 300))
    write_dng(path, preview)
    with open(path, "rb") as file:
        data = file.read()
    found = find_preview(memory_source(data), len(data))
    assert found is not None
    assert data[found.offset : found.offset + found.length] == preview


def test_raf_header_names_the_preview() -> None:
    preview = jpeg_bytes((32, 24))
    header = b"FUJIFILMCCD-RAW 0201FF383501".ljust(84, b"\0")
    offset = 160
    data = header + struct.pack(">II", offset, len(preview))
    data = data.ljust(offset, b"\0") + preview + b"\0" * 100
    found = find_preview(memory_source(data), len(data))
    assert found is not None
    assert data[found.offset : found.offset + found.length] == preview


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def test_cr3_preview_box() -> None:
    preview = jpeg_bytes((32, 24))
    uuid = bytes.fromhex("eaf42b5e1c984b88b9fbb7dc406e4d16")
    prvw = _box(b"PRVW", bytes(4) + struct.pack(">HHHHI", 1, 32, 24, 1, len(preview)) + preview)
    data = (_box(b"ftyp", b"crx \0\0\0\x01crx isom") + _box(b"moov", bytes(40))
            + _box(b"uuid", uuid + bytes(8) + prvw) + _box(b"mdat", bytes(64)))  # fmt: skip
    found = find_preview(memory_source(data), len(data))
    assert found is not None
    assert data[found.offset : found.offset + found.length] == preview


def test_no_preview_is_none() -> None:
    data = b"II*\0" + struct.pack("<IH", 8, 0) + bytes(4)
    assert find_preview(memory_source(data), len(data)) is None
    assert find_preview(memory_source(b"not a raw at all"), 16) is None


def test_preview_past_the_end_of_the_file_is_refused() -> None:
    header = b"FUJIFILMCCD-RAW ".ljust(84, b"\0") + struct.pack(">II", 100, 10_000)
    assert find_preview(memory_source(header.ljust(200, b"\0")), 200) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_hostile_headers_never_raise(data: bytes) -> None:
    for prefix in (b"II*\0\x08\0\0\0", b"MM\0*\0\0\0\x08", b"FUJIFILMCCD-RAW ",
                   b"\0\0\0\x18ftypcrx "):  # fmt: skip
        whole = prefix + data
        find_preview(memory_source(whole), len(whole))


def test_head_source_counts_reads_past_the_head() -> None:
    data = bytes(range(256)) * 8
    source = HeadSource(io.BytesIO(data), data[:100])
    assert source(10, 20) == data[10:30]
    assert source.extra_reads == 0
    assert source(90, 20) == data[90:110]
    assert source.extra_reads == 1


def test_develop_demosaics_a_dng(tmp_path: object) -> None:
    pytest.importorskip("rawpy")
    path = os.path.join(str(tmp_path), "photo.dng")
    write_dng(path, jpeg_bytes((64, 48)), orientation=6)
    with open(path, "rb") as file:
        pixels = develop(file.read(), "photo.dng")
    assert pixels.shape == (128, 96, 3)  # the 128×96 sensor, turned upright by LibRaw


def test_develop_refuses_what_is_not_raw() -> None:
    pytest.importorskip("rawpy")
    with pytest.raises(RawError, match="cannot be developed"):
        develop(b"junk" * 100, "junk.nef")


def test_display_load_shows_the_preview_upright_and_knows_the_sensor(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "photo.dng")
    write_dng(path, jpeg_bytes((64, 48)), orientation=6, make="Canon")
    loaded = load_raw(path, display_box=(1920, 1080))
    assert (loaded.image.width, loaded.image.height) == (48, 64)  # the preview, turned upright
    assert loaded.image.full_size == (96, 128)  # the sensor, upright: zooming in asks for it
    assert "embedded preview" in loaded.image.format
    assert loaded.image.camera is not None and loaded.image.camera.camera == "Canon Cam 1"
    assert loaded.stamp.size == os.path.getsize(path)


def test_full_resolution_develops_the_sensor(tmp_path: object) -> None:
    pytest.importorskip("rawpy")
    path = os.path.join(str(tmp_path), "photo.dng")
    write_dng(path, jpeg_bytes((64, 48)), orientation=6)
    loaded = load_raw(path, display_box=None)
    assert (loaded.image.width, loaded.image.height) == (96, 128)
    assert loaded.image.format == "DNG"


def test_a_preview_as_large_as_the_sensor_serves_full_resolution(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "photo.dng")
    write_dng(path, jpeg_bytes((128, 96)))
    loaded = load_raw(path, display_box=None)
    assert "embedded preview" in loaded.image.format
    assert (loaded.image.width, loaded.image.height) == (128, 96)


def test_unreadable_raw_is_a_sentence(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "broken.nef")
    with open(path, "wb") as file:
        file.write(b"II*\0" + bytes(200))
    with pytest.raises(DecodeError, match=r"broken\.nef"):
        load_raw(path, display_box=(100, 100))
    with pytest.raises(DecodeError, match=r"gone\.nef"):
        load_raw(os.path.join(str(tmp_path), "gone.nef"))
