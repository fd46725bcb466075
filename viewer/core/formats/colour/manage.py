"""Colour management: an image's embedded profile (or its EXIF "Adobe RGB" marker) to sRGB.

It runs on the worker, after the resize to display size, so it converts two megapixels, not
twenty-four. LittleCMS transforms are cached per source profile, mode, intent and output
profile: building one costs far more than applying it. The cache's lock covers only its
bookkeeping; a transform is built outside it, and one built twice by two threads at once is
simply kept once (as ``functools.lru_cache`` does). Transforms are built without LittleCMS's
one-pixel cache, so two workers may apply the same one at once.

A profile that cannot be read, or that does not fit the image, leaves the pixels as they are
and says so in a note: never an exception.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import sys
import threading
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageCms

from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.icc import ADOBE_RGB, icc_bytes, red_blue_swapped
from viewer.core.metadata.exif import CameraFacts, exif_block, parse_exif

log = logging.getLogger(__name__)

BROKEN_NOTE = "colour profile unreadable: shown without colour management"
MISFIT_NOTE = "colour profile does not fit the image: shown without colour management"
_ADOBE_RGB_ICC = icc_bytes(ADOBE_RGB)
_MANAGED_MODES = {"RGB": "RGB", "RGBA": "RGBA", "CMYK": "RGB"}
_SRGB_NAMES = ("srgb", "iec61966-2.1", "iec 61966-2.1")
#: Where R, G and B sit in a Qt RGB32 word in memory (B, G, R, A on little-endian machines).
_LITTLE_ENDIAN = sys.byteorder == "little"
_RGB_IN_MEMORY = (2, 1, 0) if _LITTLE_ENDIAN else (1, 2, 3)
_EMPTY = Image.new("RGB", (1, 1))


@dataclass(frozen=True)
class Outcome:
    """What colour management did to one image: the image and what the user should know."""

    image: Image.Image
    profile: str | None = None  # the source profile's name, for the metadata panel
    note: str = ""


def embedded_profile(image: Image.Image, facts: CameraFacts | None = None) -> bytes | None:
    """The ICC profile the image's colours are in: embedded, or Adobe RGB by its EXIF marker.

    Cameras set to Adobe RGB write ColorSpace = uncalibrated with the DCF interoperability
    index "R03" (some write ColorSpace = 2) and often no profile at all.
    """
    embedded = image.info.get("icc_profile")
    if isinstance(embedded, bytes) and embedded:
        return embedded
    if facts is None:
        block = image.info.get("exif")
        facts = parse_exif(exif_block(block)) if isinstance(block, bytes) else CameraFacts()
    return marked_profile(facts)


def marked_profile(facts: CameraFacts) -> bytes | None:
    """Adobe RGB where the EXIF marks a file so without embedding a profile; else None."""
    return _ADOBE_RGB_ICC if facts.marks_adobe_rgb else None


_shared: ColourManager | None = None
_shared_lock = threading.Lock()


def default_manager() -> ColourManager:
    """The manager loads share unless given their own; Preferences change its settings."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ColourManager()
        return _shared


class ColourManager:
    """Converts display-sized images to the monitor's colours, caching transforms.

    Thread-safe: every worker shares one. ``settings`` may be replaced at any time; a load
    reads it once when it converts.
    """

    def __init__(self, settings: ColourSettings | None = None) -> None:
        self.settings = settings or ColourSettings()
        self._lock = threading.Lock()
        self._transforms: dict[tuple[object, ...], ImageCms.ImageCmsTransform] = {}
        self._outputs: dict[tuple[str, int], ImageCms.ImageCmsProfile] = {}
        self._sources: dict[bytes, tuple[ImageCms.ImageCmsProfile, str | None] | None] = {}
        self._srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        swapped = red_blue_swapped(self._srgb.tobytes())
        assert swapped is not None  # LittleCMS's sRGB is a matrix-shaper
        self._srgb_swapped = ImageCms.ImageCmsProfile(io.BytesIO(swapped))
        self.built = 0  # transforms built so far: what the cache saves is countable

    def to_display(self, image: Image.Image, profile: bytes | None) -> Outcome:
        """``image`` (any mode) in the display's colours, as RGB/RGBA where it was converted.

        Without a profile, or with management off, the image is returned unchanged except
        that CMYK becomes RGB by Pillow's plain formula (no profile: nothing better is known).
        """
        if image.mode not in _MANAGED_MODES:
            return Outcome(image)
        transform, name, note = self._plan(profile, image.mode)
        if transform is None:
            return Outcome(_plain(image), name, note)
        converted = ImageCms.applyTransform(image, transform)
        assert converted is not None  # applyTransform returns the image unless inPlace
        return Outcome(converted, name)

    def to_display_pixels(
        self, rgb: np.ndarray, profile: bytes | None
    ) -> tuple[np.ndarray, Outcome]:
        """Convert ``(height, width, 3)`` RGB numbers; returns the new numbers and the outcome."""
        image = Image.fromarray(np.ascontiguousarray(rgb), "RGB")
        outcome = self.to_display(image, profile)
        if outcome.image is image:
            return rgb, outcome
        return np.asarray(outcome.image), outcome

    def convert_qt_pixels(self, pixels: np.ndarray, profile: bytes | None) -> Outcome:
        """Convert opaque Qt RGB32 pixels ``(height, width, 4)`` in place (the JPEG path).

        The returned outcome's image is a placeholder: read only its profile and note.
        """
        in_place = _LITTLE_ENDIAN and pixels.flags.c_contiguous
        swapped = self._swapped_plan(profile) if in_place else None
        if swapped is not None:  # B, G, R memory converted where it lies
            height, width = pixels.shape[:2]
            shared = Image.frombuffer("RGBX", (width, height), pixels, "raw", "RGBX", 0, 1)
            ImageCms.applyTransform(shared, swapped[0], inPlace=True)
            return Outcome(_EMPTY, swapped[1])
        transform, name, note = self._plan(profile, "RGB")
        if transform is None:
            return Outcome(_EMPTY, name, note)
        height, width = pixels.shape[:2]
        rgb = np.empty((height, width, 3), np.uint8)
        for target, source in enumerate(_RGB_IN_MEMORY):
            rgb[..., target] = pixels[..., source]
        image = Image.fromarray(rgb, "RGB")
        ImageCms.applyTransform(image, transform, inPlace=True)
        converted = np.asarray(image)
        for source, target in enumerate(_RGB_IN_MEMORY):
            pixels[..., target] = converted[..., source]
        return Outcome(_EMPTY, name)

    def _plan(
        self, profile: bytes | None, mode: str
    ) -> tuple[ImageCms.ImageCmsTransform | None, str | None, str]:
        """The transform for ``profile`` (None where nothing is to be done), its name, a note."""
        settings = self.settings
        if profile is None:
            return None, None, ""
        digest = hashlib.blake2b(profile, digest_size=16).digest()
        source = self._source(digest, profile)
        if source is None:
            return None, None, BROKEN_NOTE if settings.enabled else ""
        profile_object, name = source
        if not settings.enabled:
            return None, name, ""  # named in the metadata panel all the same
        output = self._output(settings)
        if output is None and _is_srgb(name) and mode != "CMYK":
            return None, name, ""  # already sRGB: converting would change nothing
        try:
            return self._transform(digest, profile_object, mode, settings, output), name, ""
        except (OSError, ValueError, ImageCms.PyCMSError) as error:
            log.info("profile %s does not fit a %s image: %s", name, mode, error)
            return None, name, MISFIT_NOTE

    def _swapped_plan(
        self, profile: bytes | None
    ) -> tuple[ImageCms.ImageCmsTransform, str | None] | None:
        """A transform for B, G, R memory when both profiles are plain matrix-shapers."""
        transform, name, _ = self._plan(profile, "RGB")
        settings = self.settings
        if transform is None or profile is None or settings.monitor_profile:
            return None  # nothing to do, or a monitor profile: the general path handles it
        digest = hashlib.blake2b(profile, digest_size=16).digest()
        key = (digest, "BGRX", settings.intent, None)
        with self._lock:
            cached = self._transforms.get(key)
        if cached is not None:
            return cached, name
        source = red_blue_swapped(profile)
        if source is None:
            return None
        try:
            built = ImageCms.buildTransform(
                ImageCms.ImageCmsProfile(io.BytesIO(source)), self._srgb_swapped, "RGBX", "RGBX",
                ImageCms.Intent(settings.intent), flags=ImageCms.Flags.NOCACHE,
            )  # fmt: skip
        except (OSError, ValueError, ImageCms.PyCMSError):
            return None
        with self._lock:
            self.built += 1
            return self._transforms.setdefault(key, built), name

    def _source(
        self, digest: bytes, profile: bytes
    ) -> tuple[ImageCms.ImageCmsProfile, str | None] | None:
        """The parsed profile and its name, parsed once per profile; None if unreadable."""
        with self._lock:
            if digest in self._sources:
                return self._sources[digest]
        try:
            parsed = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            found = parsed, ImageCms.getProfileDescription(parsed).strip() or None
        except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
            found = None
        with self._lock:
            return self._sources.setdefault(digest, found)

    def _transform(
        self,
        digest: bytes,
        source: ImageCms.ImageCmsProfile,
        mode: str,
        settings: ColourSettings,
        output: ImageCms.ImageCmsProfile | None,
    ) -> ImageCms.ImageCmsTransform:
        key = (digest, mode, settings.intent, settings.monitor_profile)
        with self._lock:
            cached = self._transforms.get(key)
        if cached is not None:
            return cached
        built = ImageCms.buildTransform(
            source, output or self._srgb, mode, _MANAGED_MODES[mode],
            ImageCms.Intent(settings.intent), flags=ImageCms.Flags.NOCACHE,
        )  # fmt: skip
        with self._lock:
            self.built += 1
            return self._transforms.setdefault(key, built)

    def _output(self, settings: ColourSettings) -> ImageCms.ImageCmsProfile | None:
        """The monitor profile chosen in Preferences, read once per file version; None: sRGB."""
        path = settings.monitor_profile
        if not path:
            return None
        try:
            key = (path, os.stat(path).st_mtime_ns)
        except OSError:
            log.warning("monitor profile %s cannot be read; using sRGB", path)
            return None
        with self._lock:
            cached = self._outputs.get(key)
        if cached is not None:
            return cached
        try:
            loaded = ImageCms.ImageCmsProfile(path)
        except (OSError, ImageCms.PyCMSError):
            log.warning("monitor profile %s is not an ICC profile; using sRGB", path)
            return None
        with self._lock:
            return self._outputs.setdefault(key, loaded)


def check_profile_file(path: str) -> str | None:
    """Why ``path`` cannot serve as a monitor profile (a sentence), or None when it can."""
    try:
        profile = ImageCms.ImageCmsProfile(path)
    except (OSError, ImageCms.PyCMSError):
        return f"{os.path.basename(path)} is not an ICC colour profile."
    if profile.profile.xcolor_space.strip() != "RGB":
        return f"{os.path.basename(path)} is not an RGB display profile."
    return None


def _plain(image: Image.Image) -> Image.Image:
    return image.convert("RGB") if image.mode == "CMYK" else image


def _is_srgb(name: str | None) -> bool:
    lowered = (name or "").lower()
    return any(marker in lowered for marker in _SRGB_NAMES)
