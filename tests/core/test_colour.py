"""Colour management: embedded profiles, the EXIF Adobe RGB marker, CMYK, broken profiles."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.builders import (
    SRGB_PRIMARIES,
    exif_with,
    grey_cmyk_profile,
    lightness_to_srgb,
    primaries_in,
    stripe_colours,
    tiff_block,
)
from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.icc import (
    ADOBE_RGB,
    PROPHOTO_RGB,
    MatrixProfile,
    icc_bytes,
    red_blue_swapped,
)
from viewer.core.formats.colour.manage import (
    BROKEN_NOTE,
    MISFIT_NOTE,
    ColourManager,
    check_profile_file,
    embedded_profile,
)

TOLERANCE = 3


def _close(found: list[tuple[int, int, int]], wanted: list[tuple[int, int, int]]) -> bool:
    return all(abs(a - b) <= TOLERANCE for f, w in zip(found, wanted) for a, b in zip(f, w))


def _saved(image: Image.Image, kind: str, **options: object) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return Image.open(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "TIFF", "WEBP"])
def test_embedded_adobe_rgb_profile_shows_the_srgb_colours(kind: str) -> None:
    _check_primaries(ADOBE_RGB, kind, SRGB_PRIMARIES)


def test_embedded_prophoto_profile_shows_the_srgb_colours() -> None:
    # 8-bit ProPhoto cannot hold sRGB blue exactly (one step of its red near zero is several
    # sRGB steps), so the check is against what the stored numbers mean by the textbook
    # formulas, computed here without LittleCMS.
    converted, _ = primaries_in(PROPHOTO_RGB)
    wanted = stripe_colours(_srgb_from_matrix_space(np.asarray(converted), PROPHOTO_RGB))
    assert _close(wanted[:2], SRGB_PRIMARIES[:2])
    _check_primaries(PROPHOTO_RGB, "PNG", wanted)


_BRADFORD_D50_TO_D65 = np.array([[0.9555766, -0.0230393, 0.0631636],
                                 [-0.0282895, 1.0099416, 0.0210077],
                                 [0.0122982, -0.0204830, 1.3299098]])  # fmt: skip
_XYZ_TO_SRGB = np.array([[3.2404542, -1.5371385, -0.4985314],
                         [-0.9692660, 1.8760108, 0.0415560],
                         [0.0556434, -0.2040259, 1.0572252]])  # fmt: skip


def _srgb_from_matrix_space(pixels: np.ndarray, space: MatrixProfile) -> np.ndarray:
    linear = (pixels.astype(np.float64) / 255) ** space.gamma
    to_xyz = np.array([space.red, space.green, space.blue]).T
    srgb = np.clip(linear @ (_XYZ_TO_SRGB @ _BRADFORD_D50_TO_D65 @ to_xyz).T, 0, 1)
    encoded = np.where(srgb <= 0.0031308, 12.92 * srgb, 1.055 * srgb ** (1 / 2.4) - 0.055)
    return np.round(encoded * 255).astype(np.uint8)


def _check_primaries(space: MatrixProfile, kind: str, wanted: list[tuple[int, int, int]]) -> None:
    converted, profile = primaries_in(space)
    options = {"quality": 100, "subsampling": 0} if kind == "JPEG" else {}
    if kind == "WEBP":
        options = {"lossless": True}
    opened = _saved(converted, kind, icc_profile=profile, **options)
    unmanaged = stripe_colours(np.asarray(opened.convert("RGB")))
    assert not _close(unmanaged, SRGB_PRIMARIES)  # shown as they are, the colours are wrong

    outcome = ColourManager().to_display(opened.convert("RGB"), embedded_profile(opened))

    assert _close(stripe_colours(np.asarray(outcome.image)), wanted)
    assert outcome.profile == space.name
    assert outcome.note == ""


@pytest.mark.parametrize("marker", [{0xA001: 0xFFFF, 0xA005: {0x0001: "R03"}}, {0xA001: 2}],
                         ids=["uncalibrated+R03", "ColorSpace=2"])  # fmt: skip
def test_adobe_rgb_marker_without_a_profile_is_managed(marker: dict[int, object]) -> None:
    converted, _ = primaries_in(ADOBE_RGB)
    exif = b"Exif\0\0" + tiff_block({0x010F: "Nikon", 0x8769: marker})
    opened = _saved(converted, "JPEG", exif=exif, quality=100, subsampling=0)
    assert "icc_profile" not in opened.info

    outcome = ColourManager().to_display(opened.convert("RGB"), embedded_profile(opened))

    assert _close(stripe_colours(np.asarray(outcome.image)), SRGB_PRIMARIES)
    assert outcome.profile == ADOBE_RGB.name


def test_srgb_images_without_marker_are_left_alone() -> None:
    plain = _saved(Image.new("RGB", (4, 4), (10, 20, 30)), "JPEG", exif=exif_with(tag_A001=1))
    assert embedded_profile(plain) is None


def test_cmyk_with_profile_follows_the_profile() -> None:
    cmyk = Image.new("CMYK", (2, 1))
    cmyk.putpixel((1, 0), (255, 0, 0, 0))  # cyan ink: grey by this profile, cyan by formula
    for kind in ("JPEG", "TIFF"):
        opened = _saved(cmyk, kind, icc_profile=grey_cmyk_profile(), quality=100)
        outcome = ColourManager().to_display(opened, embedded_profile(opened))
        grey = lightness_to_srgb(128 / 255 * 100)
        assert outcome.image.mode == "RGB"
        assert _close([outcome.image.getpixel((0, 0)), outcome.image.getpixel((1, 0))],
                      [(255, 255, 255), (grey, grey, grey)])  # fmt: skip


def test_cmyk_without_profile_uses_the_plain_formula() -> None:
    cmyk = Image.new("CMYK", (1, 1), (0, 255, 255, 0))  # magenta + yellow: red
    for kind in ("JPEG", "TIFF"):
        opened = _saved(cmyk, kind, quality=100)
        outcome = ColourManager().to_display(opened, embedded_profile(opened))
        assert _close([outcome.image.getpixel((0, 0))], [(255, 0, 0)])
        assert outcome.note == ""


def test_broken_profile_shows_unmanaged_with_a_note() -> None:
    image = Image.new("RGB", (2, 2), (200, 10, 10))
    for junk in (b"garbage", b"\0" * 200, bytes(range(256)) * 4):
        outcome = ColourManager().to_display(image, junk)
        assert outcome.image.getpixel((0, 0)) == (200, 10, 10)
        assert outcome.note == BROKEN_NOTE


def test_profile_for_another_colour_space_is_a_note() -> None:
    outcome = ColourManager().to_display(Image.new("RGB", (1, 1), (5, 6, 7)), grey_cmyk_profile())
    assert outcome.image.getpixel((0, 0)) == (5, 6, 7)
    assert outcome.note == MISFIT_NOTE


def test_management_off_changes_nothing() -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    manager = ColourManager(ColourSettings(enabled=False))
    outcome = manager.to_display(converted, profile)
    assert stripe_colours(np.asarray(outcome.image)) == stripe_colours(np.asarray(converted))


def test_transforms_are_cached_per_profile_and_intent() -> None:
    converted, adobe = primaries_in(ADOBE_RGB)
    _, prophoto = primaries_in(PROPHOTO_RGB)
    manager = ColourManager()
    for _ in range(3):
        manager.to_display(converted, adobe)
        manager.to_display(converted, prophoto)
    assert manager.built == 2
    manager.settings = ColourSettings(intent=1)
    manager.to_display(converted, adobe)
    assert manager.built == 3


def test_alpha_survives_conversion() -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    rgba = converted.convert("RGBA")
    rgba.putalpha(77)
    outcome = ColourManager().to_display(rgba, profile)
    assert outcome.image.mode == "RGBA"
    assert outcome.image.getpixel((0, 0))[3] == 77


def test_monitor_profile_from_a_file(tmp_path: object) -> None:
    path = f"{tmp_path}/monitor.icc"
    converted, adobe = primaries_in(ADOBE_RGB)
    with open(path, "wb") as file:
        file.write(adobe)  # the monitor is an Adobe RGB one: the numbers come back unchanged
    assert check_profile_file(path) is None
    outcome = ColourManager(ColourSettings(monitor_profile=path)).to_display(converted, adobe)
    assert _close(stripe_colours(np.asarray(outcome.image)),
                  stripe_colours(np.asarray(converted)))  # fmt: skip


def test_unusable_monitor_profile_files_are_refused(tmp_path: object) -> None:
    junk, cmyk = f"{tmp_path}/junk.icc", f"{tmp_path}/cmyk.icc"
    with open(junk, "wb") as file:
        file.write(b"not a profile")
    with open(cmyk, "wb") as file:
        file.write(grey_cmyk_profile())
    assert "is not an ICC colour profile" in (check_profile_file(junk) or "")
    assert "is not an RGB display profile" in (check_profile_file(cmyk) or "")


def test_pixels_in_an_array_are_converted() -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    pixels, outcome = ColourManager().to_display_pixels(np.asarray(converted), profile)
    assert _close(stripe_colours(pixels), SRGB_PRIMARIES)
    assert outcome.profile == ADOBE_RGB.name


def test_qt_pixels_are_converted_in_place() -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    rgb = np.asarray(converted)
    pixels = np.empty((*rgb.shape[:2], 4), np.uint8)
    pixels[..., 0], pixels[..., 1], pixels[..., 2], pixels[..., 3] = (
        rgb[..., 2], rgb[..., 1], rgb[..., 0], 255)  # fmt: skip
    outcome = ColourManager().convert_qt_pixels(pixels, profile)
    assert outcome.profile == ADOBE_RGB.name
    assert _close(stripe_colours(pixels[..., 2::-1]), SRGB_PRIMARIES)
    assert np.all(pixels[..., 3] == 255)


def test_qt_pixels_in_place_match_the_general_conversion() -> None:
    rgb = np.random.default_rng(7).integers(0, 256, (64, 96, 3), dtype=np.uint8)
    pixels = np.empty((64, 96, 4), np.uint8)
    pixels[..., 0], pixels[..., 1], pixels[..., 2], pixels[..., 3] = (
        rgb[..., 2], rgb[..., 1], rgb[..., 0], 255)  # fmt: skip
    for space in (ADOBE_RGB, PROPHOTO_RGB):
        profile = icc_bytes(space)
        general = np.asarray(ColourManager().to_display(Image.fromarray(rgb), profile).image)
        in_place = pixels.copy()
        ColourManager().convert_qt_pixels(in_place, profile)
        assert np.abs(in_place[..., 2::-1].astype(int) - general).max() <= 1
        assert np.all(in_place[..., 3] == 255)
        strided = np.zeros((64, 192, 4), np.uint8)[:, ::2]  # not contiguous: the copying path
        strided[...] = pixels
        ColourManager().convert_qt_pixels(strided, profile)
        assert np.abs(strided[..., 2::-1].astype(int) - general).max() <= 1


def test_profiles_with_tables_are_not_swapped() -> None:
    assert red_blue_swapped(grey_cmyk_profile()) is None
    assert red_blue_swapped(b"short") is None
    swapped = red_blue_swapped(icc_bytes(ADOBE_RGB))
    assert swapped is not None and red_blue_swapped(swapped) == icc_bytes(ADOBE_RGB)


def test_the_light_intent_table_has_littlecms_values():
    # Preferences names intents without importing ImageCms; the numbers must be LittleCMS's.
    from PIL import ImageCms

    from viewer.core.formats.colour.choice import INTENTS

    assert {
        "Perceptual": int(ImageCms.Intent.PERCEPTUAL),
        "Relative colorimetric": int(ImageCms.Intent.RELATIVE_COLORIMETRIC),
        "Saturation": int(ImageCms.Intent.SATURATION),
        "Absolute colorimetric": int(ImageCms.Intent.ABSOLUTE_COLORIMETRIC),
    } == INTENTS
