"""Previews stored inside a JPEG: the EXIF IFD1 thumbnail and the MPF large thumbnail.

Each is a small JPEG of its own. It is checked before it is trusted (it must be a JPEG, of a
sane size, no larger than the image, of the image's shape), then turned upright by the
*main* image's EXIF orientation, cut to the main image's exact aspect (cameras letterbox a
3:2 photo into a 4:3 thumbnail) and reduced to the size asked for.
"""

from __future__ import annotations

import io
import math
import os
import warnings
from dataclasses import dataclass

import simplejpeg
from PIL import Image

from viewer.core.formats.decode import DecodedImage
from viewer.core.formats.geometry import Size, upright_size
from viewer.core.formats.jpeg.layout import JpegLayout
from viewer.core.formats.jpeg.mpf import MpEntry
from viewer.core.formats.orientation import upright_transpose
from viewer.core.formats.thumbnail_pixels import to_qt_layout
from viewer.core.io.ranged import RangeReader, read_range
from viewer.core.io.reading import DecodeError
from viewer.core.metadata.exif import orientation_in
from viewer.core.metadata.tiff_ifd import TiffError, TiffReader

#: A preview side beyond this is not a preview.
MAX_PREVIEW_SIDE = 8192
#: How far a preview's aspect may stray from the image's and still be the same picture,
#: letterboxed: 4:3 around 16:9 is 1.33. A portrait preview of a landscape photo is 2.25.
MAX_ASPECT_RATIO = 1.34
_SAME_ASPECT = 1.01
#: EXIF tags: the thumbnail's compression, offset and length in IFD1.
COMPRESSION = 0x0103
THUMBNAIL_OFFSET = 0x0201
THUMBNAIL_LENGTH = 0x0202
_JPEG_COMPRESSION = 6  # "old-style JPEG": what every camera writes for its IFD1 thumbnail


@dataclass(frozen=True)
class ExifPreview:
    """What EXIF says: the orientation (1 when absent) and the thumbnail's place, if any.

    Attributes:
        orientation: EXIF orientation 1–8.
        thumbnail: ``(offset, length)`` inside the TIFF data, or None.
    """

    orientation: int
    thumbnail: tuple[int, int] | None


def read_exif(data: bytes) -> ExifPreview:
    """Orientation and IFD1 thumbnail of an EXIF TIFF block (the APP1 payload after ``Exif``).

    Raises:
        TiffError: the block is damaged, or its thumbnail claims bytes it does not hold.
    """
    reader = TiffReader.strict(data)
    ifd0 = reader.directory(reader.first_offset)
    if ifd0 is None:
        raise TiffError(f"its first directory is at {reader.first_offset:,}")
    orientation = orientation_in(ifd0)
    ifd1 = reader.directory(ifd0.next_offset)  # None: no IFD1, or a loop back to IFD0
    if ifd1 is None:
        return ExifPreview(orientation, None)
    offset, length = ifd1.integer(THUMBNAIL_OFFSET), ifd1.integer(THUMBNAIL_LENGTH)
    if offset is None or length is None:
        return ExifPreview(orientation, None)
    compression = ifd1.integer(COMPRESSION)
    if compression is not None and compression != _JPEG_COMPRESSION:
        return ExifPreview(orientation, None)  # an uncompressed thumbnail: too rare to read
    if length <= 0 or offset < 0 or offset + length > len(data):
        raise TiffError(
            f"the EXIF thumbnail claims {length:,} bytes at {offset:,}, "
            f"past the {len(data):,} bytes of its segment"
        )
    return ExifPreview(orientation, (offset, length))


def orientation_of(layout: JpegLayout) -> int:
    """The main image's EXIF orientation (1 when EXIF is absent or unreadable)."""
    if layout.exif is None:
        return 1
    try:
        return read_exif(layout.exif).orientation
    except TiffError:
        return 1


def exif_thumbnail(layout: JpegLayout, name: str) -> bytes | None:
    """The IFD1 thumbnail's bytes, already in memory with the EXIF segment; None if absent.

    Raises:
        DecodeError: the EXIF block is damaged or its thumbnail claims more than it holds.
    """
    if layout.exif is None:
        return None
    try:
        place = read_exif(layout.exif).thumbnail
    except TiffError as error:
        raise DecodeError(f"{name} has a damaged EXIF thumbnail: {error}.") from None
    if place is None:
        return None
    offset, length = place
    return layout.exif[offset : offset + length]


def read_mpf_preview(reader: RangeReader, path: str, layout: JpegLayout, entry: MpEntry) -> bytes:
    """One ranged read of exactly the preview's bytes."""
    data = read_range(reader, path, layout.mpf_offset + entry.offset, entry.size)
    if len(data) != entry.size:
        raise DecodeError(f"{os.path.basename(path)} is truncated inside its MPF preview.")
    return data


def decode_preview(
    data: bytes, name: str, layout: JpegLayout, orientation: int, size: int
) -> DecodedImage:
    """Decode an embedded JPEG preview, upright, at the main image's aspect, ≤ ``size``.

    Raises:
        DecodeError: it is not a JPEG, is damaged or truncated, or is not this image's shape.
    """
    _checked_size(data, name, layout.size)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=["JPEG"]) as opened:
                opened.draft("RGB", (size, size))
                opened.load()
                image = opened.convert("RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as error:
        raise DecodeError(f"{name}'s embedded preview is damaged: {error}.") from None
    image = _cropped_to(image, layout.size)
    transpose = upright_transpose(orientation)
    if transpose is not None:
        image = image.transpose(Image.Transpose[transpose])
    image.thumbnail((size, size), Image.Resampling.BICUBIC)
    pixels, has_alpha = to_qt_layout(image)
    return DecodedImage(pixels, has_alpha, "JPEG", full_size=upright_size(layout.size, orientation))


def _checked_size(data: bytes, name: str, main: Size) -> Size:
    """The preview's stored size, refused unless it is plausible for this image."""
    try:
        height, width, _, _ = simplejpeg.decode_jpeg_header(data)
    except ValueError:
        raise DecodeError(f"{name}'s embedded preview is not a JPEG.") from None
    if not 0 < width <= MAX_PREVIEW_SIDE or not 0 < height <= MAX_PREVIEW_SIDE:
        raise DecodeError(f"{name}'s embedded preview claims an absurd size ({width}×{height}).")
    if width > main[0] * _SAME_ASPECT or height > main[1] * _SAME_ASPECT:
        raise DecodeError(
            f"{name}'s embedded preview ({width}×{height}) is larger than the image "
            f"({main[0]}×{main[1]})."
        )
    ratio = (width / height) / (main[0] / main[1])
    if abs(math.log(ratio)) > math.log(MAX_ASPECT_RATIO):
        raise DecodeError(
            f"{name}'s embedded preview ({width}×{height}) is not the shape of the image "
            f"({main[0]}×{main[1]}): it may belong to another picture."
        )
    return width, height


def _cropped_to(image: Image.Image, main: Size) -> Image.Image:
    """Cut a letterboxed preview to the main image's aspect, centred."""
    width, height = image.size
    main_width, main_height = main
    if abs(math.log((width * main_height) / (height * main_width))) <= math.log(_SAME_ASPECT):
        return image
    if width * main_height > height * main_width:  # preview wider: cut the sides
        keep = max(1, round(height * main_width / main_height))
        left = (width - keep) // 2
        return image.crop((left, 0, left + keep, height))
    keep = max(1, round(width * main_height / main_width))
    top = (height - keep) // 2
    return image.crop((0, top, width, top + keep))
