import os

import numpy as np
import pytest
from PIL import Image, ImageOps

from tests.images import bgra_to_rgb, encode, pattern
from viewer.core.formats.decode import decode_bytes, read_file
from viewer.core.formats.load import load_image
from viewer.core.io.reading import DecodeError


def quadrants(size=(64, 32)) -> Image.Image:
    """Four solid colours: any wrong rotation or flip moves a colour to another corner."""
    width, height = size
    pixels = np.zeros((height, width, 3), np.uint8)
    pixels[: height // 2, : width // 2] = (250, 10, 10)
    pixels[: height // 2, width // 2 :] = (10, 250, 10)
    pixels[height // 2 :, : width // 2] = (10, 10, 250)
    pixels[height // 2 :, width // 2 :] = (250, 250, 10)
    return Image.fromarray(pixels)


def reference_rgb(data: bytes) -> np.ndarray:
    with Image.open(__import__("io").BytesIO(data)) as image:
        return np.asarray(ImageOps.exif_transpose(image).convert("RGB")).astype(int)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation(fmt, orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(quadrants(), fmt, exif=exif, **({"quality": 95} if fmt == "JPEG" else {}))
    decoded = decode_bytes(data, "x")
    expected = reference_rgb(data)
    assert decoded.pixels.shape[:2] == expected.shape[:2]
    if orientation >= 5:
        assert (decoded.width, decoded.height) == (32, 64)
    difference = np.abs(bgra_to_rgb(decoded.pixels).astype(int) - expected)
    assert difference.mean() < 3
    assert (decoded.pixels[..., 3] == 255).all()


def test_jpeg_alpha_byte_is_opaque():
    decoded = decode_bytes(encode(pattern((33, 17)), "JPEG"), "x")
    assert decoded.format == "JPEG" and not decoded.has_alpha
    assert (decoded.pixels[..., 3] == 255).all()


def test_rgb_png_is_exact():
    image = pattern((31, 23), seed=4)
    decoded = decode_bytes(encode(image, "PNG"), "x")
    assert np.array_equal(bgra_to_rgb(decoded.pixels), np.asarray(image))


def test_greyscale():
    image = pattern((20, 10), mode="L")
    decoded = decode_bytes(encode(image, "PNG"), "x")
    grey = np.asarray(image)
    for channel in range(3):
        assert np.array_equal(decoded.pixels[..., channel], grey)


def test_sixteen_bit_greyscale_uses_the_top_byte():
    values = (np.arange(200, dtype=np.uint32).reshape(10, 20) * 300).astype(np.uint16)
    data = encode(Image.fromarray(values), "PNG")
    decoded = decode_bytes(data, "x")
    assert np.array_equal(decoded.pixels[..., 0], (values >> 8).astype(np.uint8))


def test_palette_with_transparency_is_premultiplied():
    image = Image.new("P", (4, 4), 1)
    image.putpalette([0, 0, 0, 200, 100, 50] + [0] * 762)
    image.putpixel((0, 0), 0)
    data = encode(image, "PNG", transparency=0)
    decoded = decode_bytes(data, "x")
    assert decoded.has_alpha
    assert tuple(decoded.pixels[0, 0]) == (0, 0, 0, 0)
    assert tuple(decoded.pixels[1, 1]) == (50, 100, 200, 255)


def test_rgba_premultiplied():
    image = Image.new("RGBA", (2, 1), (200, 100, 50, 128))
    decoded = decode_bytes(encode(image, "PNG"), "x")
    blue, green, red, alpha = (int(v) for v in decoded.pixels[0, 0])
    assert alpha == 128
    assert (red, green, blue) == (100, 50, 25)


def test_opaque_rgba_becomes_rgb32():
    decoded = decode_bytes(encode(Image.new("RGBA", (3, 3), (1, 2, 3, 255)), "PNG"), "x")
    assert not decoded.has_alpha


def test_cmyk_jpeg():
    image = Image.new("CMYK", (16, 16), (0, 255, 255, 0))  # pure red in CMYK
    decoded = decode_bytes(encode(image, "JPEG", quality=95), "x")
    red = bgra_to_rgb(decoded.pixels).astype(int).mean(axis=(0, 1))
    assert red[0] > 200 and red[1] < 60 and red[2] < 60


def test_multi_frame_gif_counts_frames():
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    import io

    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    decoded = decode_bytes(buffer.getvalue(), "anim.gif")
    assert decoded.frame_count == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"definitely not an image", "not an image"),
        (encode(pattern((64, 64)), "PNG")[:200], "damaged"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "damaged|not an image"),
    ],
)
def test_bad_data_raises_one_error_type_with_a_sentence(data, message):
    with pytest.raises(DecodeError, match=message) as caught:
        decode_bytes(data, "bad.png")
    assert "bad.png" in str(caught.value)


def test_file_errors(tmp_path):
    with pytest.raises(DecodeError, match="gone"):
        read_file(str(tmp_path / "missing.jpg"))
    (tmp_path / "dir.jpg").mkdir()
    with pytest.raises(DecodeError, match="folder"):
        read_file(str(tmp_path / "dir.jpg"))
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(DecodeError, match="empty"):
        read_file(str(tmp_path / "empty.jpg"))


def test_load_image_records_stamp(tmp_path):
    path = str(tmp_path / "a.png")
    pattern((10, 10)).save(path)
    loaded = load_image(path)
    assert loaded.stamp.size == os.path.getsize(path)
    assert loaded.cost == 10 * 10 * 4
    assert loaded.info().width == 10


def sixteen_bit_rgb_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A 16-bit-per-channel RGB PNG, written by hand (Pillow cannot save one)."""
    import struct
    import zlib

    row = b"\x00" + np.full((width, 3), rgb, dtype=">u2").tobytes()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def test_sixteen_bit_rgb_uses_the_top_byte():
    decoded = decode_bytes(sixteen_bit_rgb_png(4, 3, (60000, 30000, 1000)), "deep.png")
    assert tuple(bgra_to_rgb(decoded.pixels)[2, 3]) == (60000 >> 8, 30000 >> 8, 1000 >> 8)
