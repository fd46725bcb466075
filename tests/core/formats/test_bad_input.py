"""Files that are damaged, huge, or not images at all: each gives a clear sentence or a note."""

from __future__ import annotations

import errno
import os
import struct
import warnings
import zlib

import numpy as np
import pytest
from PIL import Image

from tests.images import encode, pattern
from viewer.core.formats.decode import decode_bytes, read_file
from viewer.core.formats.limits import jpeg_reduction
from viewer.core.formats.load import load_image
from viewer.core.io.reading import DecodeError


def forged_png(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height``; its few data bytes decode nothing."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    idat = b"IDAT" + zlib.compress(b"\x00" * 64)
    idat = struct.pack(">I", len(idat) - 4) + idat + struct.pack(">I", zlib.crc32(idat))
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat


def forged_jpeg(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header is rewritten to claim ``width``×``height``."""
    data = bytearray(encode(pattern((16, 16)), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def random_jpeg(size=(320, 240), **save) -> bytes:
    return encode(pattern(size, seed=3), "JPEG", quality=90, **save)


class CountingAllocator:
    """Records every pixel buffer requested, so tests can bound what a decode allocates."""

    def __init__(self):
        self.requests = []

    def __call__(self, height, width, has_alpha):
        self.requests.append(height * width * 4)
        return np.empty((height, width, 4), np.uint8)


# -- damaged ------------------------------------------------------------------------------------


def test_truncated_jpeg_shows_the_part_that_decodes_with_a_note():
    data = random_jpeg()
    decoded = decode_bytes(data[: len(data) * 2 // 3], "cut.jpg")
    assert (decoded.width, decoded.height) == (320, 240)
    assert decoded.note.startswith("damaged")
    assert not (decoded.pixels[:40, :, :3] == 128).all()  # the top is picture, not filler


def test_jpeg_cut_right_after_its_header_is_damaged_not_shown():
    data = random_jpeg()
    scan = data.index(b"\xff\xda")
    with pytest.raises(DecodeError, match=r"cut\.jpg is damaged"):
        decode_bytes(data[: scan + 40], "cut.jpg")


def test_intact_jpeg_has_no_note():
    assert decode_bytes(random_jpeg(), "fine.jpg").note == ""


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "TIFF", "WEBP"])
def test_truncated_files_of_other_formats_say_damaged(fmt):
    data = encode(pattern((120, 90), seed=5), fmt)
    with pytest.raises(DecodeError, match=r"x\.img is (damaged|not an image)"):
        decode_bytes(data[: len(data) // 2], "x.img")


# -- huge ---------------------------------------------------------------------------------------


def test_jpeg_over_the_limit_is_decoded_at_reduced_dct_scale():
    data = random_jpeg((640, 480))
    allocate = CountingAllocator()
    limit = 640 * 480 * 4 // 3
    decoded = decode_bytes(data, "big.jpg", allocate, max_bytes=limit)
    assert (decoded.width, decoded.height) == (320, 240)
    assert decoded.full_size == (640, 480)
    assert "1/2 size" in decoded.note
    assert max(allocate.requests) <= limit


def test_rotated_jpeg_over_the_limit_reports_its_upright_full_size():
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(pattern((640, 480)), "JPEG", exif=exif)
    decoded = decode_bytes(data, "big.jpg", max_bytes=640 * 480 * 4 // 3)
    assert decoded.full_size == (480, 640)
    assert (decoded.width, decoded.height) == (120, 160)  # two buffers fit at 1/4, not 1/2


def test_cmyk_jpeg_over_the_limit_is_reduced_through_pillow():
    data = encode(Image.new("CMYK", (640, 480), (0, 255, 255, 0)), "JPEG")
    decoded = decode_bytes(data, "cmyk.jpg", max_bytes=640 * 480 * 12 // 3)
    assert (decoded.width, decoded.height) == (320, 240)
    assert decoded.full_size == (640, 480)


def test_jpeg_too_large_even_at_one_eighth_is_refused_with_its_dimensions():
    allocate = CountingAllocator()
    with pytest.raises(DecodeError, match="65000×65000") as caught:
        decode_bytes(forged_jpeg(65000, 65000), "scan.jpg", allocate, max_bytes=1 << 20)
    assert "too large" in str(caught.value)
    assert allocate.requests == []


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_png_over_the_limit_is_refused_before_decoding():
    allocate = CountingAllocator()
    with pytest.raises(DecodeError, match="9500×9500") as caught:
        decode_bytes(forged_png(9500, 9500), "scan.png", allocate)  # 90 MP: over 1 GiB
    assert "scan.png is too large" in str(caught.value)
    assert allocate.requests == []


def test_decompression_bomb_error_is_refused_with_the_claimed_size():
    with pytest.raises(DecodeError, match=r"30000×30000 pixels.*decompression-bomb"):
        decode_bytes(forged_png(30000, 30000), "bomb.png")


def test_decompression_bomb_warning_as_error_is_handled_too():
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with pytest.raises(DecodeError, match=r"9500×9500 pixels.*decompression-bomb"):
            decode_bytes(forged_png(9500, 9500), "bomb.png")


def test_jpeg_reduction_choices():
    assert jpeg_reduction(100, 100, 4, 40_000) == 1
    assert jpeg_reduction(100, 100, 4, 39_999) == 2
    assert jpeg_reduction(30000, 30000, 4, 1 << 30) == 2
    assert jpeg_reduction(30000, 30000, 4, 1 << 20) is None


# -- not images ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "a HEIC image"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00", "an MP4 or QuickTime video"),
        (
            b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>",
            "an SVG drawing",
        ),
        (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "a web page"),
        (b"just some notes\nabout the shoot\n", "a text file"),
    ],
)
def test_not_an_image_says_what_it_is(data, kind):
    with pytest.raises(DecodeError, match=f"photo.jpg is not an image: it is {kind}"):
        decode_bytes(data, "photo.jpg")


def test_unknown_binary_with_wrong_magic_is_not_an_image():
    data = bytearray(encode(pattern((20, 20)), "PNG"))
    data[1:4] = b"XYZ"
    with pytest.raises(DecodeError, match=r"photo\.png is not an image this viewer can read"):
        decode_bytes(bytes(data), "photo.png")


# -- files that cannot be read ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), r"Permission denied reading f\.jpg"),
        (OSError(errno.EIO, "Input/output error"), r"Cannot read f\.jpg: Input/output error"),
        (OSError(errno.ESTALE, "Stale file handle"), r"Cannot read f\.jpg: Stale file handle"),
    ],
)
def test_read_errors_name_the_file_and_the_error(tmp_path, monkeypatch, error, message):
    path = str(tmp_path / "f.jpg")
    real_open = open

    def failing_open(file, *args, **kwargs):
        if file == path:
            raise error
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(DecodeError, match=message):
        read_file(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_no_permission_on_a_real_file(tmp_path):
    path = tmp_path / "secret.jpg"
    path.write_bytes(random_jpeg())
    path.chmod(0)
    with pytest.raises(DecodeError, match=r"Permission denied reading secret\.jpg"):
        load_image(str(path))


def test_deleted_between_listing_and_loading(tmp_path):
    path = tmp_path / "gone.jpg"
    path.write_bytes(random_jpeg())
    path.unlink()
    with pytest.raises(DecodeError, match=r"gone\.jpg is gone"):
        load_image(str(path))


def test_damaged_jpeg_xl_says_damaged_instead_of_raising_the_plugins_error():
    pytest.importorskip("pillow_jxl")
    with pytest.raises(DecodeError, match=r"x\.jxl is damaged: its decoder could not read it"):
        decode_bytes(b"\xff\n" + bytes(200), "x.jxl")  # the JPEG XL signature, then nothing
