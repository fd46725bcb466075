"""Small Pillow images to and from the decoder's pixel layout (Qt RGB32 / ARGB32-premultiplied).

Thumbnails are at most a few hundred pixels a side, so these copies cost microseconds; the
big-image paths keep their own GIL-free conversions in ``viewer.core.formats.decode``.
"""

from __future__ import annotations

import sys

import numpy as np
from PIL import Image

# Channel order of one 0xAARRGGBB word in memory: B, G, R, A on little-endian machines.
_ORDER = [2, 1, 0, 3] if sys.byteorder == "little" else [3, 0, 1, 2]
_INVERSE = list(np.argsort(_ORDER))


def to_qt_layout(image: Image.Image) -> tuple[np.ndarray, bool]:
    """An RGB(A) Pillow image as ``(height, width, 4)`` Qt-ordered pixels, and has_alpha."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    rgba = np.array(image.convert("RGBA" if has_alpha else "RGB").convert("RGBA"), np.uint8)
    if has_alpha and bool((rgba[..., 3] == 255).all()):
        has_alpha = False
    if has_alpha:
        alpha = rgba[..., 3:].astype(np.uint16)
        rgba[..., :3] = (rgba[..., :3] * alpha + 127) // 255
    return np.ascontiguousarray(rgba[..., _ORDER]), has_alpha


def from_qt_layout(pixels: np.ndarray, has_alpha: bool) -> Image.Image:
    """The inverse of ``to_qt_layout``: an RGB (or straight-alpha RGBA) Pillow image."""
    rgba = np.ascontiguousarray(pixels[..., _INVERSE])
    if not has_alpha:
        return Image.fromarray(np.ascontiguousarray(rgba[..., :3]), "RGB")
    alpha = rgba[..., 3:].astype(np.uint16)
    safe = np.maximum(alpha, 1)
    straight = np.minimum((rgba[..., :3].astype(np.uint16) * 255 + safe // 2) // safe, 255)
    rgba[..., :3] = np.where(alpha == 0, 0, straight).astype(np.uint8)
    return Image.fromarray(rgba, "RGBA")
