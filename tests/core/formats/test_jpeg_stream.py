"""A JPEG decoded as its bytes arrive gives the pixels the whole-file decode gives; a fast
read never starts it, and anything it cannot finish leaves the whole-file decode to do it."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.fakes import FakeClock
from viewer.core.formats.colour.icc import ADOBE_RGB, icc_bytes
from viewer.core.formats.decode import decode_bytes, decode_streamed
from viewer.core.formats.jpeg.stream import JpegStream

CHUNK = 4096


def photo(
    size: tuple[int, int] = (800, 600), orientation: int = 1, fmt: str = "JPEG", **options: object
) -> bytes:
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 255, (size[1] // 8, size[0] // 8, 3), dtype=np.uint8)
    image = Image.fromarray(pixels).resize(size)
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, fmt, **({"exif": exif, "quality": 90, **options} if fmt == "JPEG" else {}))
    return out.getvalue()


def fed(data: bytes, box: tuple[int, int] | None, seconds_per_chunk: float) -> JpegStream:
    clock = FakeClock()
    stream = JpegStream(box, 1 << 30, clock=clock)
    for start in range(0, len(data), CHUNK):
        stream.feed(data[start : start + CHUNK])
        clock.now += seconds_per_chunk
    return stream


@pytest.mark.parametrize("orientation", [1, 6])
@pytest.mark.parametrize("box", [None, (300, 300)])
def test_a_slow_read_is_decoded_as_it_arrives_to_the_same_pixels(orientation, box):
    data = photo(orientation=orientation)
    streamed = fed(data, box, seconds_per_chunk=0.01).result()
    assert streamed is not None
    if box is not None:
        assert streamed.reduction == 2  # 400×300 still covers the 300×225 delivered
    got = decode_streamed(streamed, data, "a.jpg", display_box=box)
    want = decode_bytes(data, "a.jpg", display_box=box)
    assert got.pixels.shape == want.pixels.shape
    assert np.abs(got.pixels.astype(int) - want.pixels).max() <= 2
    assert (got.format, got.full_size, got.note) == (want.format, want.full_size, want.note)


def test_a_colour_profile_is_converted_as_in_the_whole_decode():
    data = photo(icc_profile=icc_bytes(ADOBE_RGB))
    streamed = fed(data, (400, 400), seconds_per_chunk=0.01).result()
    assert streamed is not None
    got = decode_streamed(streamed, data, "a.jpg", display_box=(400, 400))
    want = decode_bytes(data, "a.jpg", display_box=(400, 400))
    assert got.profile == want.profile and got.profile is not None
    assert np.abs(got.pixels.astype(int) - want.pixels).max() <= 2


def test_a_fast_read_is_left_to_the_whole_file_decode():
    assert fed(photo(), None, seconds_per_chunk=0.0).result() is None


def test_a_read_that_stops_short_gives_no_image():
    data = photo()
    assert fed(data[: len(data) // 2], None, seconds_per_chunk=0.01).result() is None


def test_not_a_jpeg_gives_no_image():
    assert fed(photo(fmt="PNG"), None, seconds_per_chunk=0.01).result() is None
