"""Clipping: pixels at the ends of the range, where detail is lost.

A highlight is clipped when any channel is 255, a shadow when any channel is 0: one blown
channel is already a colour shift. Measured on the decoded pixels, which for a RAW shown from
its embedded JPEG are the camera's rendering, not the sensor's data (see the README).
"""

from __future__ import annotations

import numpy as np

from viewer.core.aids.pixels import channels


def clipped(bgra: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(highlights, shadows)`` as boolean masks of the image's shape.

    The channels are reduced to their largest and smallest value once each, in place, so a
    screen-sized image costs two uint8 planes and two comparisons, not six.
    """
    red, green, blue = channels(bgra)
    brightest = np.maximum(red, green)
    np.maximum(brightest, blue, out=brightest)
    darkest = np.minimum(red, green)
    np.minimum(darkest, blue, out=darkest)
    return brightest == 255, darkest == 0
