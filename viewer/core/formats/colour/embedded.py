"""What a file carries beside its pixels: the camera's EXIF and its colour profile.

The decoder asks for both from the bytes it already holds (a JPEG's markers, or what Pillow
parsed), converts the display-sized pixels with them, and hands the camera facts and the
profile's name on with the image for the metadata panel. One small object, so the decode
path needs only a line or two at each of its two exits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from viewer.core.formats.colour.manage import (
    ColourManager,
    default_manager,
    embedded_profile,
    marked_profile,
)
from viewer.core.metadata.exif import CameraFacts, exif_block, jpeg_icc_profile, parse_exif

_TIFF_MAGIC = (b"II*\0", b"MM\0*")


@dataclass
class Embedded:
    """One file's EXIF facts and profile; after ``manage``, the profile's name and a note.

    Attributes:
        camera: what the EXIF says (empty facts when there is none).
        profile_bytes: the ICC profile the colours are in, or None (taken as sRGB).
        profile: the profile's name once read, for the metadata panel.
        note: what the user should know ("colour profile unreadable: …"), or "".
    """

    camera: CameraFacts
    profile_bytes: bytes | None
    colour: ColourManager = field(default_factory=default_manager)
    profile: str | None = None
    note: str = ""

    @classmethod
    def of_jpeg(cls, data: bytes, colour: ColourManager | None = None) -> Embedded:
        """From a JPEG's APP1 (Exif) and APP2 (ICC) segments, without decoding anything."""
        camera = parse_exif(exif_block(data))
        profile = jpeg_icc_profile(data) or marked_profile(camera)
        return cls(camera, profile, colour or default_manager())

    @classmethod
    def of_pillow(
        cls, opened: Image.Image, data: bytes, colour: ColourManager | None = None
    ) -> Embedded:
        """From what Pillow parsed (``info``), or the file itself where it is a TIFF."""
        block = exif_block(data) if data[:4] in _TIFF_MAGIC else None
        if block is None and isinstance(exif := opened.info.get("exif"), bytes):
            block = exif_block(exif)
        camera = parse_exif(block)
        return cls(camera, embedded_profile(opened, camera), colour or default_manager())

    def joined(self, *notes: str) -> str:
        """The decoder's notes and this one's, as the status bar shows them."""
        return "; ".join(note for note in (*notes, self.note) if note)

    def manage(self, image: Image.Image) -> Image.Image:
        """``image`` in the display's colours (CMYK becomes RGB in any case)."""
        outcome = self.colour.to_display(image, self.profile_bytes)
        self.profile, self.note = outcome.profile or self.profile, outcome.note
        return outcome.image

    def manage_qt(self, pixels: np.ndarray) -> None:
        """Convert opaque Qt RGB32 pixels in place (the JPEG path)."""
        outcome = self.colour.convert_qt_pixels(pixels, self.profile_bytes)
        self.profile, self.note = outcome.profile or self.profile, outcome.note
