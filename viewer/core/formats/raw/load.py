"""Loading a camera RAW: its preview for the display, LibRaw only for more pixels than that.

A display-sized load reads the RAW's head and its embedded JPEG's range, and decodes that
JPEG like any other (fast DCT scaling included). A full-resolution load (the view zoomed past
what the preview holds) develops the sensor data with ``rawpy`` when the preview is smaller
than the sensor; a preview as large as the sensor serves both.
"""

from __future__ import annotations

import logging
import os

from PIL import Image

from viewer.core.formats.colour.manage import ColourManager
from viewer.core.formats.decode import DecodedImage, LoadedFile, decode_bytes
from viewer.core.formats.geometry import Size, fit_within, upright_size
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES, fits
from viewer.core.formats.pixels import RESIZE_FILTER, Allocator, new_array, to_qt_layout
from viewer.core.formats.raw.preview import (
    RawError,
    RawRead,
    develop,
    read_preview,
    read_range,
    sensor_size,
)
from viewer.core.formats.raw.preview import with_orientation as _oriented
from viewer.core.io.reading import DecodeError, FileStamp
from viewer.core.metadata.exif import facts_from_head

log = logging.getLogger(__name__)

#: Bytes per pixel while developing: LibRaw's 16-bit working image plus our RGB and output.
_DEVELOP_BYTES_PER_PIXEL = 6 + 3 + 4


def load_raw(
    path: str,
    allocate: Allocator = new_array,
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    display_box: Size | None = None,
    colour: ColourManager | None = None,
) -> LoadedFile:
    """Read and show one RAW file; its camera facts come from the bytes read for it.

    Raises:
        DecodeError: with a sentence for the user (no preview and no rawpy, unreadable, …).
    """
    name = os.path.basename(path)
    try:
        with open(path, "rb") as file:
            read = read_preview(file)
            facts = facts_from_head(read.head, read.source)
            stored = sensor_size(read.source)
            sensor = None if stored is None else upright_size(stored, read.orientation)
            if read.preview is not None and not _zoomed_past(read, sensor, display_box):
                decoded = _preview(read, name, allocate, max_bytes, display_box, sensor, colour)
            else:
                data = read_range(file, 0, read.file_size)
                decoded = _developed(data, name, allocate, max_bytes, display_box, sensor)
    except OSError as error:
        raise DecodeError(f"Cannot read {name}: {error.strerror or error}.") from None
    except RawError as error:
        raise DecodeError(str(error)) from None
    decoded.camera = facts  # the RAW's own EXIF: an embedded preview seldom has any
    return LoadedFile(path, FileStamp(read.file_size, read.mtime_ns), decoded)


def _zoomed_past(read: RawRead, sensor: Size | None, display_box: Size | None) -> bool:
    """Whether this load wants more pixels than the preview has: full size, sensor larger."""
    if display_box is not None or sensor is None or read.preview is None:
        return False
    width = _preview_width(read.preview)
    return width is not None and width < 0.99 * max(sensor)


def _preview_width(jpeg: bytes) -> int | None:
    """The preview's longer side, from its header only."""
    try:
        import simplejpeg

        height, width, _, _ = simplejpeg.decode_jpeg_header(jpeg)
    except ValueError:
        return None
    return int(max(width, height))


def _preview(
    read: RawRead, name: str, allocate: Allocator, max_bytes: int,
    display_box: Size | None, sensor: Size | None, colour: ColourManager | None,
) -> DecodedImage:  # fmt: skip
    assert read.preview is not None
    decoded = decode_bytes(_oriented(read.preview, read.orientation), name, allocate,
                           max_bytes, display_box, colour)  # fmt: skip
    shown = decoded.full_size or (decoded.width, decoded.height)
    if sensor is not None and max(sensor) > max(shown):
        decoded.full_size = sensor  # so zooming in asks for more, and gets the sensor's pixels
    decoded.format = f"{os.path.splitext(name)[1][1:].upper()} (embedded preview)"
    return decoded


def _developed(
    data: bytes, name: str, allocate: Allocator, max_bytes: int,
    display_box: Size | None, sensor: Size | None,
) -> DecodedImage:  # fmt: skip
    """Demosaic; at half size for a display box, or when full size would not fit the limit."""
    too_big = sensor is not None and not fits(*sensor, _DEVELOP_BYTES_PER_PIXEL, max_bytes)
    rgb = develop(data, name, half_size=display_box is not None or too_big)
    full = sensor or (int(rgb.shape[1]), int(rgb.shape[0]))
    image = Image.fromarray(rgb, "RGB")  # sRGB: LibRaw's default output space
    developed = (image.width, image.height)
    target = developed if display_box is None else fit_within(developed, display_box)
    if target != developed:
        image = image.resize(target, RESIZE_FILTER)
    out, _ = to_qt_layout(image, allocate)
    return DecodedImage(out, has_alpha=False, format=os.path.splitext(name)[1][1:].upper(),
                        full_size=full if target != full else None)  # fmt: skip
