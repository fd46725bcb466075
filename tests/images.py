"""Small test images built on the fly; no binary files are committed."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def pattern(size: tuple[int, int], seed: int = 0, mode: str = "RGB") -> Image.Image:
    """A deterministic image with distinct corners, so orientation errors show."""
    width, height = size
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    image = Image.fromarray(pixels)
    return image if mode == "RGB" else image.convert(mode)


def write_image(path: str, size: tuple[int, int], seed: int = 0, **save: object) -> str:
    pattern(size, seed).save(path, **save)  # type: ignore[arg-type]
    return path


def encode(
    image: Image.Image, format: str, exif: Image.Exif | None = None, **save: object
) -> bytes:
    buffer = io.BytesIO()
    if exif is not None:
        save["exif"] = exif
    image.save(buffer, format=format, **save)  # type: ignore[arg-type]
    return buffer.getvalue()


def bgra_to_rgb(pixels: np.ndarray) -> np.ndarray:
    """Qt RGB32 memory order (little-endian B, G, R, A) back to an RGB array."""
    return pixels[..., [2, 1, 0]]
