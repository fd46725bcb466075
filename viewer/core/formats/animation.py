"""The frames of an animated image, decoded one at a time, in order, with their durations.

GIF, WebP and APNG, and AVIF or JPEG XL where the plugin reads their frames.

Pillow keeps only the frame it is on (composited with what came before, as each format's
disposal rules say), so a reader costs one frame, however long the animation. Whoever plays it
decides how many decoded frames to keep ahead (``viewer.model.animation``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from PIL import Image

from viewer.core.formats.pixels import Allocator, to_qt_layout

#: Pillow's names of the formats whose extra frames are an animation, not pages.
ANIMATED_FORMATS = frozenset({"GIF", "WEBP", "PNG", "AVIF", "JXL", "JPEG XL"})
#: Browsers show a frame of 0–10 ms for 100 ms; files made for them count on it.
DEFAULT_DURATION_MS = 100
SHORTEST_DURATION_MS = 20

#: ``(path) -> an opened Pillow image`` (tests open from bytes).
Opener = Callable[[str], Image.Image]


def is_animation(format: str, frame_count: int) -> bool:
    """Whether a file with these facts plays (a multi-page TIFF does not)."""
    return frame_count > 1 and format.upper() in ANIMATED_FORMATS


@dataclass
class Frame:
    """One decoded frame: Qt-ordered pixels, and how long it stays on screen."""

    index: int
    pixels: np.ndarray
    has_alpha: bool
    duration_ms: int


def frame_duration(info: Mapping[Any, object]) -> int:
    """A frame's time on screen from Pillow's ``info``, as browsers read it."""
    duration = info.get("duration")
    if not isinstance(duration, (int, float)) or duration <= 10:
        return DEFAULT_DURATION_MS
    return max(SHORTEST_DURATION_MS, int(duration))


class FrameReader:
    """Reads one animated file's frames on demand; not thread-safe (one worker uses it)."""

    def __init__(self, path: str, opener: Opener = Image.open) -> None:
        self._image = opener(path)
        self.frame_count = int(getattr(self._image, "n_frames", 1))

    @property
    def size(self) -> tuple[int, int]:
        return self._image.size

    def read(self, index: int, allocate: Allocator) -> Frame:
        """Frame ``index`` (0-based), written into memory from ``allocate``. Going back
        (the loop's restart) makes Pillow decode again from the first frame."""
        self._image.seek(index)
        pixels, has_alpha = to_qt_layout(self._image, allocate)
        return Frame(index, pixels, has_alpha, frame_duration(self._image.info))

    def close(self) -> None:
        self._image.close()
