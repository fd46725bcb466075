"""Pixels in Qt's 32-bit layouts: conversion from Pillow's modes, the size to deliver, resize.

The output layout is Qt's ``Format_RGB32`` (opaque) or ``Format_ARGB32_Premultiplied`` (alpha):
one native-endian 0xAARRGGBB word per pixel, which is B, G, R, A in memory on little-endian
machines. Channel shuffles go through numpy and resizes through Pillow, both of which release
the GIL while they copy, so a worker never stalls the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from typing import Callable

import numpy as np
from PIL import Image

from viewer.core.formats.geometry import Size, fit_within

#: ``(height, width, has_alpha) -> writable uint8 array of shape (height, width, 4)``.
#: The Qt model passes one that returns a view of a fresh QImage's memory, so the decoder
#: writes the final pixels exactly once.
Allocator = Callable[[int, int, bool], np.ndarray]

LITTLE_ENDIAN = sys.byteorder == "little"
# Index of each channel inside a 32-bit 0xAARRGGBB word, in memory order.
_B, _G, _R, _A = (0, 1, 2, 3) if LITTLE_ENDIAN else (3, 2, 1, 0)
# Box (area averaging): after a DCT reduction the remaining ratio is under 2, where it looks as
# good as bilinear. Measured 3000×2000 → 1620×1080: box 30 ms, bilinear 59 ms, both GIL-free.
RESIZE_FILTER = Image.Resampling.BOX
#: Fewer rows than this in each band are resized on one thread: a thread costs more.
MIN_BAND_ROWS = 64
#: Modes Pillow resizes correctly as decoded (it premultiplies RGBA/LA itself while resizing).
#: CMYK too, so its profile converts display-sized pixels.
RESIZED_AS_DECODED = frozenset({"RGB", "RGBA", "L", "LA", "CMYK"})


def new_array(height: int, width: int, has_alpha: bool) -> np.ndarray:
    """The default allocator: a plain numpy array."""
    return np.empty((height, width, 4), dtype=np.uint8)


def delivered_size(full_size: Size, display_box: Size | None) -> Size | None:
    """The size to deliver when fitting into ``display_box``; None when that is the full size."""
    if display_box is None:
        return None
    size = fit_within(full_size, display_box)
    return None if size in (full_size, (0, 0)) else size


def place(
    pixels: np.ndarray, size: Size, has_alpha: bool, allocate: Allocator, threads: int = 1
) -> np.ndarray:
    """Write ``pixels`` resized to ``size`` into a fresh allocation.

    Opaque pixels are resized straight into it, with ``threads`` 2 in two bands at once
    (for the image the user waits for: Pillow releases the GIL while it resamples).
    """
    if (pixels.shape[1], pixels.shape[0]) == size or has_alpha:
        if (pixels.shape[1], pixels.shape[0]) != size:
            pixels = resized(pixels, size, has_alpha)
        out = allocate(pixels.shape[0], pixels.shape[1], has_alpha)
        np.copyto(out, pixels)
        return out
    out = allocate(size[1], size[0], False)
    _resize_opaque_into(pixels, out, threads)
    return out


def resized(pixels: np.ndarray, size: Size, has_alpha: bool) -> np.ndarray:
    """Resize 32-bit pixels with Pillow, which releases the GIL while it resamples.

    Opaque pixels go through as one RGBX image sharing our memory. Premultiplied pixels are
    resized band by band, because Pillow's RGBA resize would premultiply them a second time.
    """
    height, width = pixels.shape[:2]
    if not has_alpha:
        out = np.empty((size[1], size[0], 4), dtype=np.uint8)
        _resize_opaque_into(pixels, out, 1)
        return out
    out = np.empty((size[1], size[0], 4), dtype=np.uint8)
    for band in range(4):
        channel = np.ascontiguousarray(pixels[..., band])
        image = Image.frombuffer("L", (width, height), channel, "raw", "L", 0, 1)
        out[..., band] = np.asarray(image.resize(size, RESIZE_FILTER))
    return out


def _resize_opaque_into(pixels: np.ndarray, out: np.ndarray, threads: int) -> None:
    """``out`` = opaque ``pixels`` resized to its size; with ``threads`` 2, the lower half of
    its rows on a second thread. A band's source box gives the rows of one whole resize,
    but for rounding: a few pixels may differ by 1 of 255."""
    height, width = pixels.shape[:2]
    rows, columns = out.shape[:2]
    image = Image.frombuffer("RGBX", (width, height), np.ascontiguousarray(pixels), "raw",
                             "RGBX", 0, 1)  # fmt: skip

    def band(top: int, bottom: int) -> None:
        if (top, bottom) == (0, rows):
            part = image.resize((columns, rows), RESIZE_FILTER)
        else:
            box = (0.0, top * height / rows, float(width), bottom * height / rows)
            part = image.resize((columns, bottom - top), RESIZE_FILTER, box=box)
        out[top:bottom] = np.asarray(part)
        out[top:bottom, :, _A] = 255

    if threads < 2 or rows < MIN_BAND_ROWS * 2:
        band(0, rows)
        return
    middle = rows // 2
    failure: list[BaseException] = []

    def lower() -> None:
        try:
            band(middle, rows)
        except BaseException as error:  # handed to the caller's thread, raised there
            failure.append(error)

    helper = threading.Thread(target=lower, name="resize-band", daemon=True)
    helper.start()
    try:
        band(0, middle)
    finally:
        helper.join()
    if failure:
        raise failure[0]


def to_qt_layout(image: Image.Image, allocate: Allocator) -> tuple[np.ndarray, bool]:
    """Convert any Pillow mode to RGB32 or premultiplied ARGB32 memory order."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        return _grey_to_qt(_scale_to_8bit(np.asarray(image)), allocate), False
    if mode == "F":
        return _grey_to_qt(_normalise_float(np.asarray(image)), allocate), False
    if mode in ("L", "1"):
        return _grey_to_qt(np.asarray(image.convert("L")), allocate), False
    if mode == "RGB":
        return _rgb_to_qt(np.asarray(image), allocate), False
    if mode == "RGBA" or _has_transparency(image):
        rgba = np.asarray(image if mode == "RGBA" else image.convert("RGBA"))
        if bool((rgba[..., 3] == 255).all()):
            return _rgb_to_qt(rgba[..., :3], allocate), False
        return _rgba_to_qt(rgba, allocate), True
    return _rgb_to_qt(np.asarray(image.convert("RGB")), allocate), False


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in ("LA", "La", "PA", "RGBa") or "transparency" in image.info


def _scale_to_8bit(values: np.ndarray) -> np.ndarray:
    """16-bit (or 32-bit integer holding 16-bit) greyscale to 8 bits by its top byte."""
    shift = 8
    if values.dtype.itemsize != 2:
        shift = max(0, int(values.max(initial=0)).bit_length() - 8)
    scaled: np.ndarray = (np.clip(values, 0, None) >> shift).astype(np.uint8)
    return scaled


def _normalise_float(values: np.ndarray) -> np.ndarray:
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    span = high - low or 1.0
    return np.nan_to_num((values - low) * (255.0 / span)).astype(np.uint8)


def _grey_to_qt(grey: np.ndarray, allocate: Allocator) -> np.ndarray:
    out = allocate(grey.shape[0], grey.shape[1], False)
    out[..., _B] = out[..., _G] = out[..., _R] = grey
    out[..., _A] = 255
    return out


def _rgb_to_qt(rgb: np.ndarray, allocate: Allocator) -> np.ndarray:
    out = allocate(rgb.shape[0], rgb.shape[1], False)
    out[..., _B] = rgb[..., 2]
    out[..., _G] = rgb[..., 1]
    out[..., _R] = rgb[..., 0]
    out[..., _A] = 255
    return out


def _rgba_to_qt(rgba: np.ndarray, allocate: Allocator) -> np.ndarray:
    """Premultiply, because Qt paints premultiplied ARGB32 without converting it first."""
    out = allocate(rgba.shape[0], rgba.shape[1], True)
    alpha = rgba[..., 3].astype(np.uint16)
    for source, channel in ((0, _R), (1, _G), (2, _B)):
        out[..., channel] = (rgba[..., source] * alpha + 127) // 255
    out[..., _A] = rgba[..., 3]
    return out
