"""Ready-made loaders (``path -> value``) and what a value costs in the byte budget.

Every loader reads the whole file in one open (``viewer.core.formats.decode.read_file``: one round
trip on a share, and a read called off stops between chunks) and reports the bytes it read.
Failures are ``DecodeError`` with a sentence naming the file.
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import simplejpeg
from PIL import Image, ImageOps

from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.manage import ColourManager
from viewer.core.formats.decode import DecodedImage, LoadedFile, decode_bytes, read_file
from viewer.core.formats.geometry import Size
from viewer.core.formats.jpeg.decode import orient, read_header
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES, fits
from viewer.core.io.reading import DecodeError
from viewer.core.prefetch.stats import note_bytes_read

# The viewer decodes to 32-bit words 0xAARRGGBB; these pick R, G, B out of them in memory.
_RGB = slice(2, None, -1) if sys.byteorder == "little" else slice(1, 4)


def _read(path: str) -> bytes:
    data, _stamp = read_file(path)
    note_bytes_read(len(data))
    return data


def load_bytes(path: str) -> bytes:
    """The file's bytes, for loaders of your own that decode in the transform."""
    return _read(path)


def load_array(path: str) -> np.ndarray:
    """An upright ``(height, width, 3)`` RGB uint8 array, or ``(…, 4)`` RGBA with alpha.

    Decoded as the viewer decodes (simplejpeg for JPEGs, Pillow for the rest, EXIF
    orientation applied, damaged JPEGs in part), but with the file's own values: no
    colour-profile conversion. Images with transparency come from
    Pillow as straight (not premultiplied) RGBA; 16-bit and float images are reduced to
    8 bits as the viewer shows them: use ``load_pil`` or your own loader to keep their depth.
    """
    return decode_array(_read(path), os.path.basename(path))


def decode_array(data: bytes, name: str) -> np.ndarray:
    """``load_array`` for bytes already read (``name`` is for messages only)."""
    plain = _upright_jpeg_rgb(data)
    if plain is not None:
        return plain
    decoded = decode_bytes(data, name, colour=_file_values())
    if decoded.has_alpha:
        return np.asarray(_open(data, name).convert("RGBA"))
    return np.ascontiguousarray(decoded.pixels[..., _RGB])


@functools.lru_cache(maxsize=1)
def _file_values() -> ColourManager:
    """No colour-profile conversion: a script gets the numbers stored in the file, as from
    Pillow or imageio, on the fast path and the viewer's path alike."""
    return ColourManager(ColourSettings(enabled=False))


def _upright_jpeg_rgb(data: bytes) -> np.ndarray | None:
    """A JPEG within the memory limit, decoded by libjpeg straight to RGB, then turned upright.

    One pass and no channel shuffle: picking R, G, B out of the viewer's 32-bit layout
    costs as much as the decode itself (24 MP: about 0.25 s each). Anything else (CMYK,
    damaged, huge, not a JPEG) is None and goes through the viewer's decoder.
    """
    header = read_header(data)
    if header is None or not fits(header.width, header.height, 3, DEFAULT_MAX_IMAGE_BYTES):
        return None
    try:
        pixels: np.ndarray = simplejpeg.decode_jpeg(data, colorspace="RGB", strict=True)
    except ValueError:
        return None  # the viewer's decoder says what is wrong, or shows what it can
    if header.orientation == 1:
        return pixels
    return np.ascontiguousarray(orient(pixels, header.orientation))


def load_pil(path: str) -> Image.Image:
    """A loaded, upright Pillow image in its own mode (16-bit TIFFs stay 16-bit)."""
    return _open(_read(path), os.path.basename(path))


def _open(data: bytes, name: str) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            upright = ImageOps.exif_transpose(opened)
            return upright if upright is not opened else opened.copy()
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise DecodeError(f"{name} cannot be decoded: {error}") from None


def _load_display(path: str, display_box: Size) -> DecodedImage:
    data = _read(path)
    return decode_bytes(data, os.path.basename(path), display_box=display_box)


def display_loader(display_box: Size = (1920, 1080)) -> Callable[[str], DecodedImage]:
    """A loader giving the viewer's display-sized decode: fitted into ``display_box``
    (width, height), never enlarged, in the viewer's 32-bit layout. JPEGs decode at a
    reduced DCT scale first, so a 24 MP photo costs a fraction of a full decode.
    Picklable, so it also runs on a dask cluster."""
    return functools.partial(_load_display, display_box=display_box)


def cost_of(value: Any) -> int:
    """Bytes ``value`` holds, as the budget counts them: array, image and buffer sizes."""
    if isinstance(value, np.ndarray):
        return int(value.nbytes)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return len(value)
    if isinstance(value, Image.Image):
        return value.width * value.height * max(1, len(value.getbands()))
    if isinstance(value, LoadedFile):
        return value.cost
    if isinstance(value, DecodedImage):
        return value.nbytes
    if isinstance(value, (tuple, list)):
        return sum(cost_of(part) for part in value)
    nbytes = getattr(value, "nbytes", None)
    return int(nbytes) if isinstance(nbytes, int) else sys.getsizeof(value)
