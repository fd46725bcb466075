"""The marks the aids draw, as one premultiplied BGRA layer over the image's pixels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viewer.core.aids.clipping import clipped
from viewer.core.aids.histogram import Histogram, histogram_of
from viewer.core.aids.peaking import DEFAULT_THRESHOLD, sharp_mask
from viewer.core.aids.pixels import luminance_image, rgb_image

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


def _word(colour: tuple[int, int, int, int]) -> np.ndarray:
    """A BGRA colour as the one 32-bit word it is in memory."""
    return np.array(colour, np.uint8).view(np.uint32)


def compute(
    bgra: np.ndarray,
    choice: AidChoice,
    threshold: int = DEFAULT_THRESHOLD,
    marks: np.ndarray | None = None,
) -> AidLayers:
    """The layers ``choice`` asks for, from a ``(h, w, 4)`` BGRA array.

    The luminance is made once for peaking and the histogram together. The marks are written
    a 32-bit word a pixel into ``marks`` when given (a ``(h, w, 4)`` uint8 array with
    contiguous rows: the worker passes the QImage that will show them, so nothing is copied
    afterwards), else into a new array.
    """
    height, width = bgra.shape[:2]
    rgb = luma = None
    if choice.peaking or choice.histogram:
        rgb = rgb_image(bgra)
        luma = luminance_image(rgb)
    layer = None
    if choice.peaking or choice.clipping:
        layer = marks if marks is not None else np.empty((height, width, 4), np.uint8)
        words = layer.view(np.uint32)[..., 0]  # a view, whatever the rows' stride
        words.fill(0)
        if choice.clipping:
            highlights, shadows = clipped(bgra)
            np.copyto(words, _word(SHADOW_COLOUR), where=shadows)
            np.copyto(words, _word(HIGHLIGHT_COLOUR), where=highlights)
        if choice.peaking and luma is not None:
            np.copyto(words, _word(PEAKING_COLOUR), where=sharp_mask(np.asarray(luma), threshold))
    counts = None
    if choice.histogram and rgb is not None and luma is not None:
        counts = histogram_of(rgb, luma)
    return AidLayers(layer, counts)
