"""The ready-made loaders on real files, and what values cost."""

import os

import numpy as np
import pytest
from PIL import Image, ImageOps

from tests.images import encode, pattern, write_image
from viewer.core.formats.decode import DecodedImage
from viewer.core.io.reading import DecodeError
from viewer.core.prefetch import (
    cost_of,
    display_loader,
    load_array,
    load_bytes,
    load_pil,
    prefetch,
)


def test_default_value_is_an_rgb_array_matching_pillow(tmp_path):
    path = write_image(str(tmp_path / "1.png"), (30, 20), seed=4)
    with prefetch(str(tmp_path)) as seq:
        value = seq[0].value
    assert value.shape == (20, 30, 3) and value.dtype == np.uint8
    assert np.array_equal(value, np.asarray(Image.open(path).convert("RGB")))


def test_transparency_comes_as_straight_rgba(tmp_path):
    rgba = np.zeros((4, 5, 4), np.uint8)
    rgba[..., 0], rgba[..., 3] = 200, 100  # half-transparent red: premultiplying would change it
    path = str(tmp_path / "a.png")
    Image.fromarray(rgba, "RGBA").save(path)
    assert np.array_equal(load_array(path), rgba)


def test_pil_bytes_and_display_sized(tmp_path):
    path = write_image(str(tmp_path / "1.jpg"), (400, 300), seed=1)
    image = load_pil(path)
    assert isinstance(image, Image.Image) and image.size == (400, 300)
    with open(path, "rb") as file:
        assert load_bytes(path) == file.read()
    shown = display_loader((100, 100))(path)
    assert isinstance(shown, DecodedImage)
    assert (shown.width, shown.height) == (100, 75)


def test_bytes_read_are_counted(tmp_path):
    write_image(str(tmp_path / "1.png"), (30, 20))
    write_image(str(tmp_path / "2.png"), (30, 20), seed=2)
    with prefetch(str(tmp_path), loader=load_bytes) as seq:
        total = sum(len(item.value) for item in seq)
        assert seq.settle(10)
        assert seq.stats.bytes_read == total
    assert total == sum(os.path.getsize(tmp_path / n) for n in ("1.png", "2.png"))


@pytest.mark.parametrize("loader", [load_array, load_pil])
def test_a_broken_file_is_a_sentence(tmp_path, loader):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with pytest.raises(DecodeError, match=r"broken\.png"):
        loader(str(path))


def test_costs():
    assert cost_of(np.zeros((2, 3, 4), np.uint8)) == 24
    assert cost_of(b"abc") == 3
    assert cost_of(pattern((10, 5))) == 150
    assert cost_of((np.zeros(4, np.uint8), b"ab")) == 6


def test_a_turned_jpeg_comes_upright(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side: turn 90° clockwise to show
    path = tmp_path / "turned.jpg"
    path.write_bytes(encode(pattern((40, 20)), "JPEG", exif=exif))
    value = load_array(str(path))
    assert value.shape == (40, 20, 3)
    upright = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    assert np.abs(value.astype(int) - np.asarray(upright, dtype=int)).mean() < 3
