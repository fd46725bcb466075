"""Loading a camera RAW: its preview for the display, LibRaw only for more pixels than that.

A display-sized load reads the RAW's head and its embedded JPEG's range, and decodes that
JPEG like any other (fast DCT scaling included). A full-resolution load (the view zoomed past
what the preview holds) develops the sensor data with ``rawpy`` when the preview is smaller
than the sensor; a preview as large as the sensor serves both.
"""

from __future__ import annotations

import logging
import os

import numpy as np
from PIL import Image

from viewer.core.decode import (
    Allocator,
    DecodedImage,
    DecodeError,
    FileStamp,
    LoadedFile,
    decode_bytes,
    new_array,
)
from viewer.core.geometry import Size, fit_within
from viewer.core.limits import DEFAULT_MAX_IMAGE_BYTES, fits
from viewer.core.metadata import CameraFacts, facts_from_head
from viewer.core.raw import RawError, RawRead, develop, read_preview, read_range, sensor_size
from viewer.core.raw import with_orientation as _oriented

log = logging.getLogger(__name__)

#: Bytes per pixel while developing: LibRaw's 16-bit working image plus our RGB and output.
_DEVELOP_BYTES_PER_PIXEL = 6 + 3 + 4


def load_raw(
    path: str,
    allocate: Allocator = new_array,
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    display_box: Size | None = None,
) -> tuple[LoadedFile, CameraFacts]:
    """Read and show one RAW file; its camera facts come from the bytes read for it.

    Raises:
        DecodeError: with a sentence for the user (no preview and no rawpy, unreadable, …).
    """
    name = os.path.basename(path)
    try:
        with open(path, "rb") as file:
            read = read_preview(file)
            facts = facts_from_head(read.head, read.source)
            sensor = _upright(sensor_size(read.source), read.orientation)
            if read.preview is not None and not _zoomed_past(read, sensor, display_box):
                decoded = _preview(read, name, allocate, max_bytes, display_box, sensor)
            else:
                data = read_range(file, 0, read.file_size)
                decoded = _developed(data, name, allocate, max_bytes, display_box, sensor)
    except OSError as error:
        raise DecodeError(f"Cannot read {name}: {error.strerror or error}.") from None
    except RawError as error:
        raise DecodeError(str(error)) from None
    return LoadedFile(path, FileStamp(read.file_size, read.mtime_ns), decoded), facts


def _upright(size: tuple[int, int] | None, orientation: int) -> Size | None:
    if size is None:
        return None
    return (size[1], size[0]) if orientation >= 5 else size


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
    display_box: Size | None, sensor: Size | None,
) -> DecodedImage:  # fmt: skip
    assert read.preview is not None
    decoded = decode_bytes(_oriented(read.preview, read.orientation), name, allocate,
                           max_bytes, display_box)  # fmt: skip
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
    image = Image.fromarray(rgb, "RGB")
    developed = (image.width, image.height)
    target = developed if display_box is None else fit_within(developed, display_box)
    if target != (image.width, image.height):
        image = image.resize(target, Image.Resampling.BOX)
    out = allocate(target[1], target[0], False)
    out[..., :3] = np.asarray(image)[..., ::-1]  # RGB to Qt's B, G, R memory order
    out[..., 3] = 255
    return DecodedImage(out, has_alpha=False, format=os.path.splitext(name)[1][1:].upper(),
                        full_size=full if target != full else None)  # fmt: skip
