"""Focus peaking: where an image is sharp, as a mask of strong local contrast.

The measure is the magnitude of the 3×3 Laplacian of the luminance: a sharp edge changes
from one pixel to the next, a blurred one over many, so only the sharp one gives a large
second difference. Pixels above ``threshold`` (0–1020) are marked. Computed on the pixels
given: the display image at fit, or the full-resolution region in view when zoomed, since a
display image made smaller is sharper than the frame it stands for.
"""

from __future__ import annotations

import numpy as np

from viewer.core.aids.pixels import luminance

DEFAULT_THRESHOLD = 60


def sharp_mask(luma: np.ndarray, threshold: int = DEFAULT_THRESHOLD) -> np.ndarray:
    """True where |4·centre − the four neighbours| of ``luma`` exceeds ``threshold``.

    One int16 temporary, the neighbours subtracted into it in place, compared straight into
    the mask; the one-pixel border is never marked.
    """
    mask = np.zeros(luma.shape, bool)
    if luma.shape[0] < 3 or luma.shape[1] < 3:
        return mask
    inner = np.multiply(luma[1:-1, 1:-1], 4, dtype=np.int16)
    inner -= luma[:-2, 1:-1]
    inner -= luma[2:, 1:-1]
    inner -= luma[1:-1, :-2]
    inner -= luma[1:-1, 2:]
    np.abs(inner, out=inner)
    np.greater(inner, threshold, out=mask[1:-1, 1:-1])
    return mask


def peaking_mask(bgra: np.ndarray, threshold: int = DEFAULT_THRESHOLD) -> np.ndarray:
    """True where the image is in focus (Laplacian magnitude above ``threshold``)."""
    return sharp_mask(luminance(bgra), threshold)
