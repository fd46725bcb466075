"""Tells which image of a folder a screen shows, from the screen's middle row and column alone.

A viewer that drops key presses while it loads lands elsewhere than the last press asked, so
``jump_screen.py`` checks where each one landed. Every image is assumed fitted to the screen
(scaled down to fit, centred), as each viewer shows it full screen. The screen's strips are cut
into segments over the middle 80 % of where that image would lie, and each segment's mean colour
is compared with the same segment of the image itself (decoded at 1/8 scale); the nearest image
wins, unless even it differs by more than ``MISMATCH`` levels on average.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

SEGMENTS = 24
#: Mean difference (0–255 levels) above which a screen shows none of the images.
MISMATCH = 24.0

Pixels = NDArray[np.float64]


@dataclass(frozen=True)
class Reference:
    """One image: its size and pixels at 1/8 scale (upright, RGB)."""

    size: tuple[int, int]
    pixels: Pixels


def reference(path: str) -> Reference:
    with Image.open(path) as image:
        full = image.size
        turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        image.draft("RGB", (full[0] // 8, full[1] // 8))
        upright = ImageOps.exif_transpose(image).convert("RGB")
        size = (full[1], full[0]) if turned else full
        return Reference(size, np.asarray(upright, dtype=np.float64))


def strips_of(row: str, column: str) -> tuple[Pixels, Pixels]:
    """The watcher's base64 ``RGB32`` strips as RGB arrays (one pixel a row)."""
    arrays = []
    for strip in (row, column):
        raw = np.frombuffer(base64.b64decode(strip), dtype=np.uint8).reshape(-1, 4)
        arrays.append(raw[:, 2::-1].astype(np.float64))  # B, G, R, 255 → R, G, B
    return arrays[0], arrays[1]


def which(strips: tuple[Pixels, Pixels], references: list[Reference]) -> int | None:
    """The index of the image the strips show, or None."""
    best, index = MISMATCH, None
    for number, image in enumerate(references):
        difference = _difference(strips, image)
        if difference < best:
            best, index = difference, number
    return index


def _difference(strips: tuple[Pixels, Pixels], image: Reference) -> float:
    row, column = strips
    width, height = len(row), len(column)
    scale = min(width / image.size[0], height / image.size[1], 1.0)
    shown_w, shown_h = image.size[0] * scale, image.size[1] * scale
    left, top = (width - shown_w) / 2, (height - shown_h) / 2
    small_h, small_w = image.pixels.shape[:2]
    # Where the screen's middle row and column cross the image, as fractions of it.
    across = min(max(((height // 2) - top) / shown_h, 0.0), 1.0)
    down = min(max(((width // 2) - left) / shown_w, 0.0), 1.0)
    image_row = image.pixels[min(int(across * small_h), small_h - 1)]
    image_column = image.pixels[:, min(int(down * small_w), small_w - 1)]
    total = 0.0
    for screen, offset, extent, source in (
        (row, left, shown_w, image_row),
        (column, top, shown_h, image_column),
    ):
        for segment in range(SEGMENTS):
            start = 0.1 + 0.8 * segment / SEGMENTS
            end = 0.1 + 0.8 * (segment + 1) / SEGMENTS
            on_screen = screen[int(offset + start * extent) : int(offset + end * extent) + 1]
            in_image = source[int(start * len(source)) : int(end * len(source)) + 1]
            total += float(np.abs(on_screen.mean(axis=0) - in_image.mean(axis=0)).mean())
    return total / (2 * SEGMENTS)
