"""The fast path for ordinary JPEGs: simplejpeg (libjpeg-turbo) straight to Qt's layout.

simplejpeg decodes to BGRA while holding the GIL about 1 ms, where Pillow's conversions hold
it 10–200 ms for a 24 MP photo. A JPEG can also be decoded at 1/2, 1/4 or 1/8 scale straight
from its DCT coefficients, almost for free: this is how a huge one fits the memory limit and
how a display-sized image is made. A damaged JPEG (libjpeg warns, e.g. "Premature end of
JPEG file") is decoded again leniently and shown if enough of it came through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import simplejpeg

from viewer.core.formats.geometry import Size, jpeg_cover_reduction, stored_size, upright_size
from viewer.core.formats.jpeg.split import decode_split
from viewer.core.formats.limits import OUTPUT_BYTES_PER_PIXEL, jpeg_reduction, scaled
from viewer.core.formats.orientation import upright_transpose
from viewer.core.formats.pixels import LITTLE_ENDIAN, Allocator, new_array
from viewer.core.io.cancel import has_right_of_way
from viewer.core.metadata.exif import jpeg_orientation

MAGIC = b"\xff\xd8\xff"
_SIMPLEJPEG_ORDER = "BGRA" if LITTLE_ENDIAN else "ARGB"
#: A damaged JPEG is shown only if at least this share of its rows decoded; less is not useful.
MIN_USEFUL_ROWS = 0.1
_JPEG_FILL = 128  # libjpeg paints what a truncated file lacks in mid-grey
DAMAGED_NOTE = "damaged: only part of the image could be read"


@dataclass(frozen=True)
class JpegHeader:
    """What a JPEG's markers say, read without decoding pixels.

    Attributes:
        width, height: the size as stored, before the EXIF orientation is applied.
        orientation: the EXIF orientation, 1 (upright) when the file has none.
    """

    width: int
    height: int
    orientation: int = 1

    @property
    def full_size(self) -> Size:
        """The real, upright (width, height)."""
        return upright_size((self.width, self.height), self.orientation)


def header_size(header: JpegHeader) -> Size:
    """The (width, height) as stored."""
    return header.width, header.height


def read_header(data: bytes) -> JpegHeader | None:
    """The header of a JPEG this path decodes; None sends CMYK or unreadable files to Pillow."""
    try:
        height, width, colorspace, _ = simplejpeg.decode_jpeg_header(data)
    except ValueError:
        return None
    if colorspace not in ("Gray", "YCbCr", "RGB"):
        return None  # CMYK/YCCK: Pillow handles Adobe's inverted CMYK.
    return JpegHeader(width, height, jpeg_orientation(data))


def memory_reduction(header: JpegHeader, max_bytes: int) -> int | None:
    """The smallest DCT reduction at which decoding fits ``max_bytes``; None if none does.

    Turning the image upright needs a second buffer, so an EXIF-rotated JPEG counts twice.
    """
    buffers = 1 if header.orientation == 1 else 2
    bytes_per_pixel = OUTPUT_BYTES_PER_PIXEL * buffers
    return jpeg_reduction(header.width, header.height, bytes_per_pixel, max_bytes)


def display_reduction(header: JpegHeader, size: Size | None) -> int:
    """The largest fast DCT reduction whose output still covers the upright ``size``."""
    if size is None:
        return 1
    stored = (header.width, header.height)
    return jpeg_cover_reduction(stored, stored_size(size, header.orientation))


def decode_pixels(
    data: bytes, allocate: Allocator | None, header: JpegHeader, reduction: int
) -> tuple[np.ndarray, bool] | None:
    """Upright pixels at 1/``reduction`` scale, and whether the file was damaged.

    ``allocate`` None: any array will do (the pixels are resized next), even a view.

    A strict decode first; if libjpeg complains, a lenient one, kept only when at least
    ``MIN_USEFUL_ROWS`` of the picture came through. None: nothing useful decodes, and
    Pillow gives the clearer message.
    """
    try:
        return _decode(data, allocate, header, reduction, strict=True), False
    except ValueError:
        pass
    try:
        pixels = _decode(data, allocate, header, reduction, strict=False)
    except ValueError:
        return None
    return (pixels, True) if decoded_share(pixels) >= MIN_USEFUL_ROWS else None


def _decode(
    data: bytes, allocate: Allocator | None, header: JpegHeader, reduction: int, strict: bool
) -> np.ndarray:
    """Decode into the final buffer directly when no turn or reduction is needed.

    The image the user waits for (its load has the right of way) is decoded on two cores
    where the file has restart markers (``split``); read-ahead keeps to one, so it never
    takes the second core, nor the GIL for the split's copies, from the GUI thread. Only
    strict decodes split: a damaged file is decoded whole, leniently.
    """
    split = strict and has_right_of_way()
    if header.orientation == 1 and reduction == 1:
        out = (allocate or new_array)(header.height, header.width, False)
        if not split or decode_split(data, _SIMPLEJPEG_ORDER, *header_size(header), 1, out) is None:
            simplejpeg.decode_jpeg(data, colorspace=_SIMPLEJPEG_ORDER, buffer=out, strict=strict)
        return out
    raw = None
    if split:
        raw = decode_split(data, _SIMPLEJPEG_ORDER, *header_size(header), reduction)
    if raw is None:
        raw = simplejpeg.decode_jpeg(
            data,
            colorspace=_SIMPLEJPEG_ORDER,
            min_width=scaled(header.width, reduction),  # libjpeg picks the smallest scale that fits
            min_height=scaled(header.height, reduction),
            strict=strict,
        )
    upright = orient(raw, header.orientation)
    if allocate is None:
        return upright
    out = allocate(upright.shape[0], upright.shape[1], False)
    np.copyto(out, upright)
    return out


def decoded_share(pixels: np.ndarray, band: int = 64) -> float:
    """How much of a leniently decoded JPEG is picture: libjpeg fills the rest with grey."""
    height = int(pixels.shape[0])
    for bottom in range(height, 0, -band):
        rows = pixels[max(0, bottom - band) : bottom, :, :3]
        filled = np.flatnonzero((rows != _JPEG_FILL).any(axis=(1, 2)))
        if filled.size:
            return (max(0, bottom - band) + int(filled[-1]) + 1) / height
    return 0.0


#: Each of Pillow's transposes as a numpy view (no copy), keyed as ``orientation`` names them.
_TRANSPOSE_VIEW: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "FLIP_LEFT_RIGHT": lambda p: p[:, ::-1],
    "ROTATE_180": lambda p: p[::-1, ::-1],
    "FLIP_TOP_BOTTOM": lambda p: p[::-1],
    "TRANSPOSE": lambda p: p.transpose(1, 0, 2),
    "ROTATE_270": lambda p: p.transpose(1, 0, 2)[:, ::-1],
    "TRANSVERSE": lambda p: p.transpose(1, 0, 2)[::-1, ::-1],
    "ROTATE_90": lambda p: p.transpose(1, 0, 2)[::-1],
}


def orient(pixels: np.ndarray, orientation: int) -> np.ndarray:
    """A view of ``pixels`` turned upright for an EXIF orientation (as exif_transpose does)."""
    transpose = upright_transpose(orientation)
    return pixels if transpose is None else _TRANSPOSE_VIEW[transpose](pixels)
