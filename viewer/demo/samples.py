"""Numbered sequences of large, realistic images for the demo, the benchmarks and tests.

Camera-like content (a procedural landscape plus sensor-like noise) so JPEG sizes and decode
times resemble real photos: a 6000×4000 frame comes out around 10 MB
at JPEG quality 92, and takes about 1.3 s to make. JPEGs are laid out as a camera writes
them (``viewer.demo.camera_jpeg``): EXIF make, model, exposure and date, a 160×120 IFD1
thumbnail and, unless turned off, a Full HD MPF preview.
"""

from __future__ import annotations

import os
import threading
from typing import Callable

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from viewer.demo.camera_jpeg import CameraInfo, camera_jpeg
from viewer.demo.scenery import landscape

CAMERA_SIZE = (6000, 4000)


def make_image(number: int, size: tuple[int, int] = CAMERA_SIZE, seed: int = 0) -> Image.Image:
    """One frame: a landscape (``scenery``) with fine detail and sensor-like grain, and its
    number drawn large so the user can tell the frames apart."""
    width, height = size
    rng = np.random.default_rng(seed * 100_003 + number)
    small = landscape(number, (max(2, height // 8), max(2, width // 8)), seed)
    detail = rng.integers(0, 24, small.shape, np.uint8)  # enlarged with the scene: fine detail
    scene = Image.fromarray(np.clip(small.astype(np.int16) + detail - 12, 0, 255).astype(np.uint8))
    image = scene.resize(size, Image.Resampling.BILINEAR)
    grain_tile = Image.fromarray(rng.integers(0, 24, (512, 512, 3), np.uint8))
    grain = Image.new("RGB", size)
    for top in range(0, height, 512):
        for left in range(0, width, 512):
            grain.paste(grain_tile, (left, top))
    image = ImageChops.add(image, grain, offset=-12)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=max(12, height // 4))
    draw.text((width // 2, height // 2), str(number), fill=(255, 255, 255), font=font,
              anchor="mm", stroke_width=max(1, height // 200), stroke_fill=(0, 0, 0))  # fmt: skip
    return image


def write_sequence(
    folder: str,
    count: int,
    size: tuple[int, int] = CAMERA_SIZE,
    extension: str = ".jpg",
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
    mpf: bool = True,
) -> list[str]:
    """Write ``1.EXT … COUNT.EXT`` into ``folder`` (skipping files already there).

    Args:
        mpf: give JPEGs an MPF preview as well as their EXIF thumbnail.
    """
    os.makedirs(folder, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = os.path.join(folder, f"{number}{extension}")
        if not os.path.exists(path):
            image = make_image(number, size, seed)
            # Unique to this writer: two processes making the same samples at once (a
            # benchmark and a test run) must not replace each other's half-written file.
            partial = f"{path}.{os.getpid()}.{threading.get_ident()}.part"
            if _format_of(extension) == "JPEG":
                with open(partial, "wb") as file:
                    file.write(camera_jpeg(image, _camera_info(number), quality=92,
                                           preview_side=1920 if mpf else None))  # fmt: skip
            else:
                image.save(partial, format=_format_of(extension), **_save_options(extension))
            os.replace(partial, path)
        paths.append(path)
        if progress is not None:
            progress(number, count)
    return paths


def _camera_info(number: int) -> CameraInfo:
    """A plausible, varied exposure per frame, one minute apart."""
    shutter = (1, (60, 125, 250, 500, 1000)[number % 5])
    date = f"2026:12:01 {9 + number // 60 % 12:02d}:{number % 60:02d}:00"
    return CameraInfo(exposure=shutter, iso=(100, 200, 400, 800)[number % 4], date=date)


def _format_of(extension: str) -> str:
    return {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".tif": "TIFF", ".tiff": "TIFF",
            ".webp": "WEBP", ".bmp": "BMP"}[extension.lower()]  # fmt: skip


def _save_options(extension: str) -> dict[str, object]:
    if extension.lower() == ".png":
        return {"compress_level": 1}
    return {}
