"""Views of 32-bit image rows as numpy arrays and Pillow images, and the luminance measured.

The viewer's decoded images are 32 bits a pixel in Qt's byte order (B, G, R, A in memory on
little-endian machines). The aids read them as a ``(height, width, 4)`` uint8 view, no copy.
Luminance and histograms go through Pillow: one C pass reorders the bytes into an RGB image
(the GIL let go), after which Pillow's conversion and counting loops run at C speed, several
times faster than the same arithmetic as numpy temporaries on a screen-sized image.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided
from PIL import Image


def channels(bgra: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The R, G and B planes of a ``(h, w, 4)`` BGRA array (views, no copy)."""
    return bgra[..., 2], bgra[..., 1], bgra[..., 0]


def rgb_image(bgra: np.ndarray) -> Image.Image:
    """The pixels of a ``(h, w, 4)`` BGRA array (a view into rows is fine) as an "RGBX" image."""
    height, width = bgra.shape[:2]
    if height == 0 or width == 0:
        return Image.new("RGBX", (width, height))
    if bgra.strides[1:] != (4, 1) or bgra.strides[0] < width * 4:
        bgra = np.ascontiguousarray(bgra)
    # The bytes from the first pixel to the last, rows apart by their stride: one flat span
    # of the same buffer, which Pillow's raw decoder reads row by row.
    span = as_strided(bgra, shape=((height - 1) * bgra.strides[0] + width * 4,), strides=(1,))
    return Image.frombuffer("RGBX", (width, height), span, "raw", "BGRX", bgra.strides[0], 1)


def luminance_image(rgb: Image.Image) -> Image.Image:
    """Luma (ITU-R 601: 0.299 R + 0.587 G + 0.114 B, as JPEG defines it) as an "L" image."""
    return rgb.convert("L")


def luminance(bgra: np.ndarray) -> np.ndarray:
    """Luma (0–255) of a BGRA array as uint8: what sharpness and the grey histogram measure."""
    return np.asarray(luminance_image(rgb_image(bgra)))
