"""The marks the aids draw, as one premultiplied BGRA layer over the image's pixels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viewer.core.aids.clipping import clipped
from viewer.core.aids.histogram import Histogram, histogram
from viewer.core.aids.peaking import DEFAULT_THRESHOLD, peaking_mask

#: Colours as (B, G, R, A): peaking green, clipped highlights red, clipped shadows blue.
PEAKING_COLOUR = (0, 255, 64, 255)
HIGHLIGHT_COLOUR = (40, 40, 255, 255)
SHADOW_COLOUR = (255, 120, 0, 255)


@dataclass(frozen=True)
class AidChoice:
    """Which aids are on."""

    peaking: bool = False
    clipping: bool = False
    histogram: bool = False

    def any(self) -> bool:
        return self.peaking or self.clipping or self.histogram


@dataclass(frozen=True)
class AidLayers:
    """What the aids computed for one image region.

    Attributes:
        marks: ``(h, w, 4)`` premultiplied BGRA, transparent where nothing is marked; None
            when neither peaking nor clipping is on.
        histogram: the region's histogram, or None.
    """

    marks: np.ndarray | None
    histogram: Histogram | None


def compute(bgra: np.ndarray, choice: AidChoice, threshold: int = DEFAULT_THRESHOLD) -> AidLayers:
    """The layers ``choice`` asks for, from a ``(h, w, 4)`` BGRA array."""
    marks = None
    if choice.peaking or choice.clipping:
        marks = np.zeros((*bgra.shape[:2], 4), np.uint8)
        if choice.clipping:
            highlights, shadows = clipped(bgra)
            marks[shadows] = SHADOW_COLOUR
            marks[highlights] = HIGHLIGHT_COLOUR
        if choice.peaking:
            marks[peaking_mask(bgra, threshold)] = PEAKING_COLOUR
    return AidLayers(marks, histogram(bgra) if choice.histogram else None)
