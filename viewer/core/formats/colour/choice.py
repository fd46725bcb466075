"""What the user chooses about colour: management on or off, a monitor profile, an intent.

Apart from ``manage`` (which converts, with numpy and Pillow's LittleCMS), so settings and
Preferences name a choice without importing either.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The ICC rendering intents by the name Preferences shows; the values are ICC's (and so
#: ``PIL.ImageCms.Intent``'s, which a test checks).
INTENTS = {
    "Perceptual": 0,
    "Relative colorimetric": 1,
    "Saturation": 2,
    "Absolute colorimetric": 3,
}


@dataclass(frozen=True)
class ColourSettings:
    """What Preferences decide.

    Attributes:
        enabled: False shows every image's numbers as sRGB, unconverted.
        monitor_profile: an ICC file describing the monitor; None means sRGB.
        intent: an ICC rendering intent (see ``INTENTS``).
    """

    enabled: bool = True
    monitor_profile: str | None = None
    intent: int = INTENTS["Perceptual"]
