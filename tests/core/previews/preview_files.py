"""Camera-like JPEGs for the preview tests, with the bytes to patch them made findable."""

from __future__ import annotations

import os

import numpy as np
from PIL import Image

from viewer.demo.camera_jpeg import CameraInfo, camera_jpeg

MAIN_SIZE = (1200, 800)


def marked(size: tuple[int, int] = MAIN_SIZE, seed: int = 0) -> Image.Image:
    """Noise (so the file is well over 64 KB) with a bright red top-left quadrant and a green
    bottom edge, so any turn or flip of a preview shows."""
    width, height = size
    rng = np.random.default_rng(seed)
    pixels = rng.integers(40, 90, (height, width, 3), dtype=np.uint8)
    pixels[: height // 2, : width // 2] = (230, 30, 30)
    pixels[-height // 8 :, :, 1] = 220
    return Image.fromarray(pixels)


def write_camera(
    folder: str,
    name: str,
    image: Image.Image | None = None,
    orientation: int = 1,
    **options: object,
) -> str:
    path = os.path.join(folder, name)
    data = camera_jpeg(image or marked(), CameraInfo(orientation=orientation), **options)  # type: ignore[arg-type]
    with open(path, "wb") as file:
        file.write(data)
    return path


def patch(path: str, old: bytes, new: bytes) -> None:
    """Replace the one occurrence of ``old`` in the file by ``new`` (same length)."""
    assert len(old) == len(new)
    with open(path, "rb") as file:
        data = file.read()
    assert data.count(old) == 1, "the bytes to patch must be unique"
    with open(path, "wb") as file:
        file.write(data.replace(old, new))


def mean_difference(pixels: np.ndarray, expected: Image.Image) -> float:
    """Mean absolute difference between Qt-ordered pixels and an RGB image resized to them."""
    height, width = pixels.shape[:2]
    reference = np.asarray(expected.convert("RGB").resize((width, height)), dtype=np.int16)
    rgb = pixels[..., [2, 1, 0]].astype(np.int16)
    return float(np.abs(rgb - reference).mean())
