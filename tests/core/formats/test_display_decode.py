"""Decoding straight to a display size: the fast path for big images on screen."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.images import bgra_to_rgb, encode, pattern
from viewer.core.formats.decode import decode_bytes
from viewer.core.formats.jpeg import decode as jpeg_module
from viewer.core.formats.pixels import new_array, place


def exif_with(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


@pytest.mark.parametrize(("orientation", "expected"), [(1, (400, 300)), (6, (225, 300))])
def test_jpeg_is_delivered_at_the_fitted_size(orientation, expected):
    data = encode(pattern((1600, 1200)), "JPEG", exif=exif_with(orientation))
    decoded = decode_bytes(data, "big.jpg", display_box=(400, 300))
    assert (decoded.width, decoded.height) == expected
    full = (1600, 1200) if orientation == 1 else (1200, 1600)
    assert decoded.full_size == full
    assert (decoded.pixels[..., 3] == 255).all()


def test_jpeg_uses_the_smallest_fast_dct_scale_that_covers(monkeypatch):
    asked = []
    real = jpeg_module.simplejpeg.decode_jpeg

    def spy(data, **options):
        asked.append((options.get("min_width"), options.get("min_height")))
        return real(data, **options)

    monkeypatch.setattr(jpeg_module.simplejpeg, "decode_jpeg", spy)
    data = encode(pattern((1600, 1200)), "JPEG")
    decode_bytes(data, "big.jpg", display_box=(390, 290))  # 1/4 = 400×300 covers, 1/8 does not
    assert asked == [(400, 300)]


def test_fit_never_enlarges():
    data = encode(pattern((120, 80)), "JPEG")
    decoded = decode_bytes(data, "small.jpg", display_box=(1920, 1080))
    assert (decoded.width, decoded.height) == (120, 80)
    assert decoded.full_size is None


def test_png_display_size_keeps_the_picture():
    image = Image.new("RGB", (800, 400), (200, 30, 10))
    image.paste((10, 30, 200), (400, 0, 800, 400))  # left red, right blue
    decoded = decode_bytes(encode(image, "PNG"), "wide.png", display_box=(200, 200))
    assert (decoded.width, decoded.height) == (200, 100)
    rgb = bgra_to_rgb(decoded.pixels).astype(int)
    assert tuple(rgb[50, 20]) == pytest.approx((200, 30, 10), abs=2)
    assert tuple(rgb[50, 180]) == pytest.approx((10, 30, 200), abs=2)


def test_alpha_stays_premultiplied_when_resized():
    image = Image.new("RGBA", (400, 400), (200, 100, 50, 128))
    decoded = decode_bytes(encode(image, "PNG"), "glass.png", display_box=(100, 100))
    assert decoded.has_alpha and (decoded.width, decoded.height) == (100, 100)
    blue, green, red, alpha = (int(v) for v in decoded.pixels[50, 50])
    assert alpha == 128
    assert (red, green, blue) == pytest.approx((100, 50, 25), abs=1)


def test_display_decode_into_the_allocator():
    given = []

    def allocate(height, width, has_alpha):
        given.append((width, height))
        return np.empty((height, width, 4), np.uint8)

    decode_bytes(encode(pattern((1600, 1200)), "JPEG"), "x.jpg", allocate, display_box=(400, 300))
    assert given == [(400, 300)]  # only the final pixels go to the caller's memory


@pytest.mark.parametrize("size", [(1200, 800), (1253, 835), (500, 858)])
def test_a_resize_in_two_bands_gives_the_pixels_of_one(size):
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (size[1] * 5 // 4, size[0] * 5 // 4, 4), dtype=np.uint8)
    whole = place(pixels, size, False, new_array)
    banded = place(pixels, size, False, new_array, threads=2)
    assert banded.shape == whole.shape
    assert (banded[..., 3] == 255).all()
    # Each band's source box starts at a fractional row: rounding may move a pixel by 1.
    assert np.abs(banded.astype(int) - whole.astype(int)).max() <= 1


def test_a_failure_in_the_second_band_reaches_the_caller(monkeypatch):
    pixels = np.zeros((1000, 1500, 4), np.uint8)
    real = Image.Image.resize

    def failing(self, size, *args, box=None, **kwargs):
        if box is not None and box[1] > 0:
            raise MemoryError("no room for the lower band")
        return real(self, size, *args, box=box, **kwargs)

    monkeypatch.setattr(Image.Image, "resize", failing)
    with pytest.raises(MemoryError):
        place(pixels, (1200, 800), False, new_array, threads=2)
