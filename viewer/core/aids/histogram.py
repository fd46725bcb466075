"""Histograms of the red, green, blue and luminance values (256 bins each)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from viewer.core.aids.pixels import luminance_image, rgb_image


@dataclass(frozen=True)
class Histogram:
    """Counts per value, 0–255, for each channel and for luminance."""

    red: np.ndarray
    green: np.ndarray
    blue: np.ndarray
    luma: np.ndarray

    def peak(self) -> int:
        """The largest count of any bin, to scale a drawing (at least 1)."""
        return max(1, int(max(a.max() for a in (self.red, self.green, self.blue, self.luma))))


def histogram_of(rgb: Image.Image, luma: Image.Image) -> Histogram:
    """Counts of every pixel of an "RGBX" image and its "L" luminance, by Pillow's own loop
    (C, the GIL let go): cheaper than counting a sample with numpy."""
    counts = np.asarray(rgb.histogram(), np.int64)
    return Histogram(counts[0:256], counts[256:512], counts[512:768],
                     np.asarray(luma.histogram(), np.int64))  # fmt: skip


def histogram(bgra: np.ndarray) -> Histogram:
    """Counts of every pixel of a ``(h, w, 4)`` BGRA array."""
    rgb = rgb_image(bgra)
    return histogram_of(rgb, luminance_image(rgb))
