"""Colour management through the decoder: both paths, display-sized and full, and the notes."""

from __future__ import annotations

import io
import os

import numpy as np
import pytest
from PIL import Image

from tests.builders import (
    SRGB_PRIMARIES,
    grey_cmyk_profile,
    jpeg_bytes,
    lightness_to_srgb,
    primaries_in,
    stripe_colours,
    tiff_block,
    write_dng,
)
from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.icc import ADOBE_RGB
from viewer.core.formats.colour.manage import BROKEN_NOTE, ColourManager
from viewer.core.formats.decode import DecodedImage, decode_bytes
from viewer.core.formats.load import load_image

OFF = ColourManager(ColourSettings(enabled=False))


def _rgb(decoded: DecodedImage) -> np.ndarray:
    return decoded.pixels[..., 2::-1]  # Qt's B, G, R, A memory order to R, G, B


def _close(found: list[tuple[int, int, int]], wanted: list[tuple[int, int, int]]) -> bool:
    return all(abs(a - b) <= 3 for f, w in zip(found, wanted) for a, b in zip(f, w))


def _encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "TIFF"])
@pytest.mark.parametrize("box", [None, (24, 8)], ids=["full", "display"])
def test_adobe_rgb_file_shows_srgb_colours(kind: str, box: tuple[int, int] | None) -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    options = {"quality": 100, "subsampling": 0} if kind == "JPEG" else {}
    data = _encoded(converted, kind, icc_profile=profile, **options)

    managed = decode_bytes(data, f"a.{kind.lower()}", display_box=box, colour=ColourManager())
    unmanaged = decode_bytes(data, f"a.{kind.lower()}", display_box=box, colour=OFF)

    assert _close(stripe_colours(_rgb(managed)), SRGB_PRIMARIES)
    assert not _close(stripe_colours(_rgb(unmanaged)), SRGB_PRIMARIES)
    assert managed.profile == unmanaged.profile == ADOBE_RGB.name


def test_adobe_rgb_marker_in_exif_is_managed_on_the_jpeg_path() -> None:
    converted, _ = primaries_in(ADOBE_RGB)
    exif = b"Exif\0\0" + tiff_block({0x010F: "Nikon", 0x8769: {0xA001: 2}})
    data = _encoded(converted, "JPEG", exif=exif, quality=100, subsampling=0)
    decoded = decode_bytes(data, "a.jpg", colour=ColourManager())
    assert _close(stripe_colours(_rgb(decoded)), SRGB_PRIMARIES)
    assert decoded.camera is not None and decoded.camera.camera == "Nikon"


@pytest.mark.parametrize("kind", ["JPEG", "TIFF"])
def test_cmyk_with_and_without_profile(kind: str) -> None:
    cmyk = Image.new("CMYK", (16, 8), (0, 0, 0, 0))
    cmyk.paste((255, 0, 0, 0), (8, 0, 16, 8))  # cyan ink on the right half
    grey = lightness_to_srgb(128 / 255 * 100)
    with_profile = decode_bytes(_encoded(cmyk, kind, icc_profile=grey_cmyk_profile(),
                                         quality=100), "c", display_box=(8, 4))  # fmt: skip
    without = decode_bytes(_encoded(cmyk, kind, quality=100), "c", display_box=(8, 4))
    assert _close([tuple(int(v) for v in _rgb(with_profile)[2, 6])], [(grey, grey, grey)])
    assert _close([tuple(int(v) for v in _rgb(without)[2, 6])], [(0, 255, 255)])
    assert _close([tuple(int(v) for v in _rgb(without)[2, 1])], [(255, 255, 255)])


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_broken_profile_shows_unmanaged_with_a_note(kind: str) -> None:
    image = Image.new("RGB", (8, 8), (200, 10, 10))
    data = _encoded(image, kind, icc_profile=b"this is no ICC profile" * 20, quality=100)
    decoded = decode_bytes(data, "b", colour=ColourManager())
    assert BROKEN_NOTE in decoded.note
    assert _close([tuple(int(v) for v in _rgb(decoded)[4, 4])], [(200, 10, 10)])


def test_camera_and_profile_travel_to_the_image_info(tmp_path: object) -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    exif = b"Exif\0\0" + tiff_block({0x010F: "Canon", 0x0110: "Canon EOS R5",
                                      0x8769: {0x8827: 200}})  # fmt: skip
    path = os.path.join(str(tmp_path), "a.jpg")
    with open(path, "wb") as file:
        file.write(_encoded(converted, "JPEG", icc_profile=profile, exif=exif))
    info = load_image(path, display_box=(24, 8)).info()
    assert info.profile == ADOBE_RGB.name
    assert info.camera is not None and (info.camera.camera, info.camera.iso) == (
        "Canon EOS R5",
        200,
    )


def test_raw_files_load_through_their_preview(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "photo.dng")
    write_dng(path, jpeg_bytes((64, 48)))
    loaded = load_image(path, display_box=(32, 32))
    assert (loaded.image.width, loaded.image.height) == (32, 24)
    assert "embedded preview" in loaded.info().format


def test_heic_carries_its_camera_facts(tmp_path: object) -> None:
    from tests.builders import exif_with
    from viewer.core.formats.registry import register_plugins

    register_plugins()
    path = os.path.join(str(tmp_path), "IMG_0001.HEIC")
    Image.new("RGB", (16, 16), (1, 2, 3)).save(path, "HEIF", exif=exif_with(model="iPhone 15"))
    loaded = load_image(path)
    assert loaded.info().format == "HEIF"
    assert loaded.image.camera is not None and loaded.image.camera.camera == "Canon iPhone 15"
