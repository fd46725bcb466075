"""Views of 32-bit image rows as numpy arrays, and the luminance the aids measure.

The viewer's decoded images are 32 bits a pixel in Qt's byte order (B, G, R, A in memory on
little-endian machines). The aids read them as a ``(height, width, 4)`` uint8 view, no copy.
"""

from __future__ import annotations

import numpy as np

#: Rec. 709 luma weights in integers (sum 256), so luminance stays in integer arithmetic.
LUMA_R, LUMA_G, LUMA_B = 54, 183, 19


def channels(bgra: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The R, G and B planes of a ``(h, w, 4)`` BGRA array (views, no copy)."""
    return bgra[..., 2], bgra[..., 1], bgra[..., 0]


def luminance(bgra: np.ndarray) -> np.ndarray:
    """Rec. 709 luma (0–255) of a BGRA array as uint8: what sharpness and the grey
    histogram are measured on."""
    red, green, blue = channels(bgra)
    weighted = red.astype(np.uint16) * LUMA_R
    weighted += green.astype(np.uint16) * LUMA_G
    weighted += blue.astype(np.uint16) * LUMA_B
    return (weighted >> 8).astype(np.uint8)
