"""Clipping: pixels at the ends of the range, where detail is lost.

A highlight is clipped when any channel is 255, a shadow when any channel is 0: one blown
channel is already a colour shift. Measured on the decoded pixels, which for a RAW shown from
its embedded JPEG are the camera's rendering, not the sensor's data (see the README).
"""

from __future__ import annotations

import numpy as np

from viewer.core.aids.pixels import channels


def clipped(bgra: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(highlights, shadows)`` as boolean masks of the image's shape."""
    red, green, blue = channels(bgra)
    highlights = (red == 255) | (green == 255) | (blue == 255)
    shadows = (red == 0) | (green == 0) | (blue == 0)
    return highlights, shadows
