"""Preview readers on crafted camera JPEGs: what they read, and what they refuse."""

from __future__ import annotations

import os
import struct

import pytest
from PIL import Image, ImageOps

from tests.core.previews.preview_files import (
    MAIN_SIZE,
    marked,
    mean_difference,
    patch,
    write_camera,
)
from viewer.core.formats.jpeg.layout import PREFIX_BYTES, Head, read_layout
from viewer.core.io.ranged import CountingReader
from viewer.core.io.reading import DecodeError
from viewer.core.previews.thumbnailer import make_thumbnail

#: A preview this close (mean absolute difference, 0–255) to the real image is of it.
CLOSE = 20.0


def _upright(path: str) -> Image.Image:
    """The main image as Pillow turns it upright: an oracle independent of our readers."""
    with Image.open(path) as opened:
        return ImageOps.exif_transpose(opened.convert("RGB"))


def test_exif_thumbnail_costs_one_64k_read(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None)
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.reads == [(path, 0, PREFIX_BYTES)]
    assert os.path.getsize(path) > 4 * PREFIX_BYTES
    assert max(thumbnail.width, thumbnail.height) == 128
    assert thumbnail.full_size == MAIN_SIZE
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_letterboxed_thumbnail_is_cut_to_the_image_aspect(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None, thumbnail_size=(160, 120))
    thumbnail = make_thumbnail(path, 160, cache=None)
    assert abs(thumbnail.width / thumbnail.height - 1.5) < 0.02  # not 4:3, no black bars
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


@pytest.mark.parametrize("orientation", [6, 8])
def test_preview_is_turned_by_the_main_images_orientation(
    tmp_path: object, orientation: int
) -> None:
    path = write_camera(str(tmp_path), "a.jpg", orientation=orientation, preview_side=640)
    for size in (128, 512):  # EXIF thumbnail, then the MPF preview
        thumbnail = make_thumbnail(path, size, cache=None)
        assert thumbnail.height > thumbnail.width
        assert thumbnail.full_size == MAIN_SIZE[::-1]
        assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_mpf_preview_is_one_ranged_read(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=640)
    with Image.open(path) as opened:  # Pillow's MPO plugin agrees on the index
        assert getattr(opened, "n_frames", 1) == 2
        opened.seek(1)
        assert opened.size == (640, 427)
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 512, cache=None, reader=reader)
    (_, start, first), (_, offset, length) = reader.reads
    assert (start, first) == (0, PREFIX_BYTES)
    assert offset + length == os.path.getsize(path)  # the preview is appended: the file's end
    assert length < os.path.getsize(path) // 4
    assert max(thumbnail.width, thumbnail.height) == 512
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_an_mpf_image_that_is_not_a_large_thumbnail_is_not_used(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=640)
    patch(path, struct.pack("<I", 0x010002), struct.pack("<I", 0x020002))  # a disparity image
    reader = CountingReader()
    make_thumbnail(path, 512, cache=None, reader=reader)
    assert reader.total() == os.path.getsize(path)  # decoded from the file, not the MPF image


def test_without_previews_a_reduced_decode_is_the_last_resort(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", thumbnail_size=None, preview_side=None)
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.total() == os.path.getsize(path)
    assert max(thumbnail.width, thumbnail.height) == 128
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_progressive_jpeg_uses_its_exif_thumbnail(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None, progressive=True)
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    layout = read_layout(Head(reader, path, os.path.getsize(path)))
    assert layout is not None and layout.progressive
    assert reader.total() <= 2 * PREFIX_BYTES
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_progressive_jpeg_without_previews_decodes_reduced(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", thumbnail_size=None, preview_side=None,
                        progressive=True)  # fmt: skip
    thumbnail = make_thumbnail(path, 128, cache=None)
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def _thumbnail_length_field(path: str) -> bytes:
    """The IFD1 entry JPEGInterchangeFormatLength as stored (little-endian), tag and type."""
    return struct.pack("<HHI", 0x0202, 4, 1)


def test_thumbnail_claiming_huge_length_is_refused_not_read(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None)
    entry = _thumbnail_length_field(path)
    with open(path, "rb") as file:
        data = file.read()
    at = data.index(entry) + len(entry)
    with open(path, "r+b") as file:
        file.seek(at)
        file.write(struct.pack("<I", 0x7FFFFFFF))
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)  # falls back to a decode
    assert max(reader.reads, key=lambda read: read[2])[2] < 2 * 1024 * 1024  # no 2 GB read
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_corrupt_exif_thumbnail_falls_back(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None)
    with open(path, "rb") as file:
        data = file.read()
    start = data.index(b"\xff\xd8", 4)  # the thumbnail's SOI, inside APP1
    with open(path, "r+b") as file:
        file.seek(start + 200)
        file.write(b"\x00" * 2000)  # wipe its tables and scan
    thumbnail = make_thumbnail(path, 128, cache=None)
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_absurd_preview_size_is_refused(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None, thumbnail_size=(160, 120))
    patch(path, b"\x08\x00\x78\x00\xa0", b"\x08\xea\x60\xfd\xe8")  # SOF: 160×120 → 65000×60000
    reader = CountingReader()
    make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.total() == os.path.getsize(path)  # refused: the file was decoded instead


def test_preview_of_another_shape_is_refused(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None, thumbnail_size=(90, 160))
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.total() == os.path.getsize(path)
    assert thumbnail.width > thumbnail.height


def test_truncated_app1_is_a_sentence(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None)
    with open(path, "rb") as file:
        data = file.read()
    head = data[: struct.unpack(">H", data[4:6])[0] // 2]  # half of the APP1 segment
    with open(path, "wb") as file:
        file.write(head)
    with pytest.raises(DecodeError, match="truncated"):
        read_layout(Head(CountingReader(), path, len(head)))
    with pytest.raises(DecodeError, match=r"a\.jpg"):
        make_thumbnail(path, 128, cache=None)


def test_app1_header_growing_past_the_prefix_is_read_to_its_end_only(tmp_path: object) -> None:
    """A large APP0 pushes EXIF across the 64 KB line: the read grows to APP1's end, no more."""
    path = write_camera(str(tmp_path), "a.jpg", preview_side=None)
    with open(path, "rb") as file:
        data = file.read()
    filler = b"\xff\xeb" + struct.pack(">H", 60_000) + b"\0" * 59_998  # an APP11 of 60 KB
    with open(path, "wb") as file:
        file.write(data[:2] + filler + data[2:])
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.total() < 2 * PREFIX_BYTES
    assert reader.total() < os.path.getsize(path) // 4
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_other_formats_get_a_reduced_decode(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "a.png")
    marked((300, 200)).save(path)
    thumbnail = make_thumbnail(path, 128, cache=None)
    assert (thumbnail.width, thumbnail.height) == (128, 85)
    assert mean_difference(thumbnail.pixels, _upright(path)) < CLOSE


def test_tiff_reduced_resolution_page_is_its_preview(tmp_path: object) -> None:
    from PIL import TiffImagePlugin

    path = os.path.join(str(tmp_path), "scan.tif")
    main = marked((3000, 2000))
    with TiffImagePlugin.AppendingTiffWriter(path, new=True) as tiff:
        main.save(tiff, format="TIFF")
        tiff.newFrame()
        main.resize((300, 200)).save(tiff, format="TIFF", tiffinfo={254: 1})  # reduced page
        tiff.newFrame()
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.total() < os.path.getsize(path) // 10  # the full page was never read
    assert thumbnail.full_size == (3000, 2000)
    assert mean_difference(thumbnail.pixels, main) < CLOSE


def test_png_exif_thumbnail_is_its_preview(tmp_path: object) -> None:
    import io

    from viewer.demo.camera_jpeg import CameraInfo, exif_tiff

    main = marked((1200, 800))
    small = io.BytesIO()
    main.resize((160, 107)).save(small, format="JPEG")
    path = os.path.join(str(tmp_path), "a.png")
    main.save(path, exif=b"Exif\x00\x00" + exif_tiff(CameraInfo(), main.size, small.getvalue()))
    reader = CountingReader()
    thumbnail = make_thumbnail(path, 128, cache=None, reader=reader)
    assert reader.total() < os.path.getsize(path) // 4
    assert mean_difference(thumbnail.pixels, main) < CLOSE
