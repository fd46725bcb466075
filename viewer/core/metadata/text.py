"""The metadata panel's rows: camera facts and file facts as short labelled text.

Qt-free, so scripts and tests can print the same rows the panel shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.metadata.exif import CameraFacts
from viewer.core.metadata.formatting import format_file_size

_FLASH_MODES = {0x8: "forced on", 0x10: "off", 0x18: "auto"}


@dataclass(frozen=True)
class FileFacts:
    """What the viewer knows about the file itself, beside the camera's EXIF."""

    path: str
    width: int
    height: int
    file_size: int
    format: str
    frames: int = 1
    profile: str | None = None  # the colour profile's name; None when there is none


def rows(camera: CameraFacts, file: FileFacts) -> list[tuple[str, str]]:
    """``(label, text)`` pairs in panel order; facts the file lacks are left out."""
    found = [
        ("Camera", camera.camera),
        ("Lens", camera.lens),
        ("Exposure", exposure_text(camera.exposure)),
        ("Aperture", f"f/{camera.aperture:.1f}" if camera.aperture else None),
        ("ISO", str(camera.iso) if camera.iso else None),
        ("Focal length", focal_text(camera.focal_length, camera.focal_length_35)),
        ("Flash", flash_text(camera.flash)),
        ("Date taken", camera.date_taken.strftime("%Y-%m-%d %H:%M:%S")
         if camera.date_taken else None),
        ("GPS", gps_text(camera.gps)),
        ("Pixels", f"{file.width} × {file.height}"),
        ("File size", format_file_size(file.file_size)),
        ("Format", file.format),
        ("Frames", str(file.frames) if file.frames > 1 else None),
        ("Colour profile", file.profile),
        ("Path", file.path),
    ]  # fmt: skip
    return [(label, text) for label, text in found if text]


def exposure_text(seconds: float | None) -> str | None:
    """1/250 s for short exposures, 2.5 s for long ones."""
    if not seconds:
        return None
    if seconds < 1:
        return f"1/{round(1 / seconds)} s"
    return f"{seconds:g} s"


def focal_text(focal: float | None, equivalent: int | None) -> str | None:
    if not focal:
        return None
    text = f"{focal:g} mm"
    return f"{text} ({equivalent} mm in 35 mm)" if equivalent else text


def flash_text(flash: int | None) -> str | None:
    """The EXIF Flash field: bit 0 fired, bits 3–4 the mode, bit 5 no flash unit."""
    if flash is None:
        return None
    if flash & 0x20:
        return "no flash"
    fired = "fired" if flash & 0x1 else "did not fire"
    mode = _FLASH_MODES.get(flash & 0x18)
    return f"{fired} ({mode})" if mode else fired


def gps_text(gps: tuple[float, float] | None) -> str | None:
    if gps is None:
        return None
    latitude, longitude = gps
    north = "N" if latitude >= 0 else "S"
    east = "E" if longitude >= 0 else "W"
    return f"{abs(latitude):.6f}° {north}, {abs(longitude):.6f}° {east}"
