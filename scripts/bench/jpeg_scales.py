"""The numbers behind the JPEG display path: decode time per DCT scale, and per resizer.

libjpeg decodes straight from the DCT coefficients at 1/2, 1/4 or 1/8 size; the decoder picks
the smallest of these that still covers the fitted size, then resizes to it exactly. These
rows time each scale, Pillow's ``draft`` at the chosen one, the resizers one could use on the
chosen scale's output, and the whole ``decode_bytes(display_box=…)`` the viewer runs.
"""

from __future__ import annotations

import io
import os
import statistics
import time
from typing import Any, Callable

import numpy as np
import simplejpeg
from PIL import Image
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QImage

from bench.figures import ms
from viewer.core.formats import decode
from viewer.core.formats import pixels as pixels_module
from viewer.core.formats.geometry import JPEG_REDUCTIONS, Size, fit_within, jpeg_cover_reduction
from viewer.core.formats.limits import scaled
from viewer.model.images.qimage_buffer import QImageAllocator

#: What the decoder resizes with (it is private to the decoder; the benchmark reports it).
RESIZE_FILTER = pixels_module.RESIZE_FILTER


def _median_ms(function: Callable[[], object], repeat: int) -> tuple[float | None, object]:
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return ms(statistics.median(samples)), result


def _size(pixels: Any) -> str:
    if isinstance(pixels, QImage):
        return f"{pixels.width()}×{pixels.height()}"
    if isinstance(pixels, Image.Image):
        return f"{pixels.width}×{pixels.height}"
    if isinstance(pixels, decode.DecodedImage):
        return f"{pixels.width}×{pixels.height}"
    return f"{pixels.shape[1]}×{pixels.shape[0]}"


def scale_rows(path: str, display_box: Size, repeat: int) -> list[dict[str, Any]]:
    """Time every way of getting ``path`` to its size in ``display_box``; the used ones marked."""
    with open(path, "rb") as file:
        data = file.read()
    height, width, _, _ = simplejpeg.decode_jpeg_header(data)
    fitted = fit_within((width, height), display_box)
    chosen = jpeg_cover_reduction((width, height), fitted)
    rows = []

    def row(step: str, function: Callable[[], object], used: bool) -> object:
        median, result = _median_ms(function, repeat)
        rows.append({"step": step, "output": _size(result), "ms": median,
                     "used": "yes" if used else ""})  # fmt: skip
        return result

    def decoder(reduction: int) -> Callable[[], np.ndarray]:
        min_width, min_height = scaled(width, reduction), scaled(height, reduction)
        return lambda: simplejpeg.decode_jpeg(
            data, colorspace="BGRA", min_width=min_width, min_height=min_height
        )

    for reduction in sorted(JPEG_REDUCTIONS):
        row(f"simplejpeg decode 1/{reduction}", decoder(reduction), reduction == chosen)

    def pillow_draft() -> Image.Image:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (scaled(width, chosen), scaled(height, chosen)))
            image.load()
            decoded: Image.Image = image.copy()
            return decoded

    row(f"Pillow draft decode 1/{chosen}", pillow_draft, False)
    pixels = np.ascontiguousarray(decoder(chosen)())
    size = (pixels.shape[1], pixels.shape[0])
    rgbx = Image.frombuffer("RGBX", size, pixels, "raw", "RGBX", 0, 1)

    def resizer(method: Image.Resampling) -> Callable[[], Image.Image]:
        def resize() -> Image.Image:
            resized: Image.Image = rgbx.resize(fitted, method)
            return resized

        return resize

    for label, method in (("box", Image.Resampling.BOX),
                          ("bilinear", Image.Resampling.BILINEAR),
                          ("bicubic", Image.Resampling.BICUBIC)):  # fmt: skip
        row(f"Pillow {label} resize (GIL released)", resizer(method), method == RESIZE_FILTER)
    allocator = QImageAllocator()
    np.copyto(allocator(size[1], size[0], False), pixels)
    qimage = allocator.image
    assert qimage is not None

    def qt_scaled() -> QImage:
        return qimage.scaled(fitted[0], fitted[1], Qt.IgnoreAspectRatio, Qt.SmoothTransformation)

    row("QImage.scaled smooth (holds the GIL)", qt_scaled, False)
    name = os.path.basename(path)
    row(
        "decode_bytes(display_box=…), end to end",
        lambda: decode.decode_bytes(data, name, display_box=display_box),
        True,
    )
    return rows
