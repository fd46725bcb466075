"""File bytes to a 32-bit pixel array that Qt can wrap without converting (``pixels.py``).

JPEGs go through simplejpeg (``jpeg.py``), which holds the GIL about 1 ms for a 24 MP photo;
other formats through Pillow, whose decoders release it. Here are the types every loader
shares, the chunked read that a load called off stops, and the Pillow path.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from viewer.core.formats.colour.embedded import Embedded
from viewer.core.formats.colour.manage import ColourManager
from viewer.core.formats.geometry import Size
from viewer.core.formats.jpeg import decode as jpeg
from viewer.core.formats.jpeg.stream import Streamed
from viewer.core.formats.limits import (
    DEFAULT_MAX_IMAGE_BYTES,
    PILLOW_BYTES_PER_PIXEL,
    fits,
    jpeg_reduction,
    reduced_note,
    scaled,
    too_large_message,
)
from viewer.core.formats.orientation import upright_transpose
from viewer.core.formats.pixels import (
    RESIZE_FILTER,
    RESIZED_AS_DECODED,
    Allocator,
    delivered_size,
    new_array,
    place,
    to_qt_layout,
)
from viewer.core.formats.registry import missing_message, missing_plugin, register_plugins
from viewer.core.formats.sniff import bomb_message, describe
from viewer.core.io.arriving import arrived
from viewer.core.io.cancel import check_cancelled, has_right_of_way
from viewer.core.io.read_errors import DAMAGED_DATA, damage_reason, read_error
from viewer.core.io.reading import READ_CHUNK, DecodeError, FileStamp
from viewer.core.metadata.exif import CameraFacts
from viewer.core.metadata.image_info import ImageInfo

_ORIENTATION = 0x0112  # the EXIF tag

register_plugins()  # HEIF and JPEG XL join Pillow's formats before any file is opened


@dataclass
class DecodedImage:
    """Decoded pixels plus what the status bar needs to know about them.

    Attributes:
        pixels: ``(height, width, 4)`` uint8 in Qt RGB32 / ARGB32-premultiplied memory order.
        has_alpha: whether ``pixels`` carries (premultiplied) transparency.
        format: the file format Pillow or libjpeg recognised, e.g. ``"JPEG"``.
        frame_count: frames or pages in the file; only the first is decoded.
        note: what the user should know about the pixels shown ("damaged: …", "shown at
            1/4 size: …"), or "".
        full_size: the image's real, upright (width, height) when ``pixels`` were decoded
            smaller (to fit a view, or the memory limit).
        camera, profile: the file's EXIF facts and colour profile name, for the info panel.
    """

    pixels: np.ndarray
    has_alpha: bool
    format: str
    frame_count: int = 1
    note: str = ""
    full_size: tuple[int, int] | None = None
    camera: CameraFacts | None = None
    profile: str | None = None

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    @property
    def nbytes(self) -> int:
        return int(self.pixels.nbytes)


@dataclass
class LoadedFile:
    """One file read and decoded: the unit a prefetcher caches."""

    path: str
    stamp: FileStamp
    image: DecodedImage

    @property
    def cost(self) -> int:
        """Bytes the decoded pixels occupy: what a store's budget counts."""
        return self.image.nbytes

    def info(self) -> ImageInfo:
        image = self.image
        width, height = image.full_size or (image.width, image.height)
        return ImageInfo(width, height, self.stamp.size, image.format, image.frame_count,
                         image.note, image.camera, image.profile)  # fmt: skip


def read_file(path: str) -> tuple[bytes, FileStamp]:
    """Read a whole file in one open, so a slow share pays one round trip, not several.

    The file comes in chunks, and between chunks the read stops if its load has been called
    off (``viewer.core.io.cancel``): the user has moved past the image, and the rest of the
    bandwidth belongs to the image they are waiting for.

    Raises:
        DecodeError: with a sentence naming the file and what went wrong.
        Cancelled: the load was called off.
    """
    name = os.path.basename(path)
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            data = _read_chunks(file)
    except OSError as error:
        raise DecodeError(read_error(path, error)) from None
    if not data:
        raise DecodeError(f"{name} is empty (0 bytes).")
    return data, FileStamp.of(status)


def _read_chunks(file: BinaryIO) -> bytes:
    chunks: list[bytes] = []
    while True:
        check_cancelled()
        chunk = file.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        arrived(chunk)


def decode_bytes(
    data: bytes,
    name: str,
    allocate: Allocator = new_array,
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    display_box: Size | None = None,
    colour: ColourManager | None = None,
) -> DecodedImage:
    """Decode an encoded image to RGB32/ARGB32-premultiplied pixels, upright per EXIF.

    Args:
        data: the whole encoded file.
        name: the file name, used only in error messages.
        allocate: where the output pixels are written.
        max_bytes: the most the pixel buffers of this one decode may take together (see
            ``viewer.core.formats.limits``); larger JPEGs are decoded smaller, others refused.
        display_box: a box (device pixels) to deliver the image in, keeping its aspect ratio and
            never enlarging; None for full resolution. A JPEG is decoded at the smallest
            fast DCT scale that covers the box, so a 24 MP photo costs a fraction of a
            full decode, then resized exactly.
        colour: converts embedded colour profiles after the resize; None: the shared default.

    Raises:
        DecodeError: with a sentence for the user.
    """
    if data.startswith(jpeg.MAGIC):
        decoded = _decode_jpeg(data, name, allocate, max_bytes, display_box, colour)
        if decoded is not None:
            return decoded
    return _decode_with_pillow(data, name, allocate, max_bytes, display_box, colour)


def _decode_jpeg(
    data: bytes, name: str, allocate: Allocator, max_bytes: int, display_box: Size | None,
    colour: ColourManager | None,
) -> DecodedImage | None:  # fmt: skip
    """The fast path for ordinary JPEGs (``formats.jpeg.decode``); None sends a file to Pillow.

    A JPEG too large for ``max_bytes`` is decoded at 1/2, 1/4 or 1/8 scale and says so in
    its note; a damaged one is shown in part, with a note, if enough of it came through.
    """
    header = jpeg.read_header(data)
    if header is None:
        return None
    reduction = jpeg.memory_reduction(header, max_bytes)
    if reduction is None:
        raise DecodeError(too_large_message(name, *header.full_size, max_bytes))
    notes = [reduced_note(reduction)] if reduction > 1 else []
    size = delivered_size(header.full_size, display_box)
    reduction = max(reduction, jpeg.display_reduction(header, size))
    decoded = jpeg.decode_pixels(data, allocate if size is None else None, header, reduction)
    if decoded is None:
        return None
    pixels, damaged = decoded
    if damaged:
        notes.insert(0, jpeg.DAMAGED_NOTE)
    if size is not None:
        pixels = place(pixels, size, False, allocate, threads=2 if has_right_of_way() else 1)
    embedded = Embedded.of_jpeg(data, colour)
    embedded.manage_qt(pixels)  # at display size: a fraction of the cost at full size
    return DecodedImage(pixels, False, "JPEG", note=embedded.joined(*notes),
                        full_size=_if_reduced(pixels, header.full_size),
                        camera=embedded.camera, profile=embedded.profile)  # fmt: skip


def _if_reduced(pixels: np.ndarray, full_size: Size) -> Size | None:
    """``full_size`` when the pixels are smaller than the image, else None."""
    return full_size if (pixels.shape[1], pixels.shape[0]) != full_size else None


def _decode_with_pillow(
    data: bytes, name: str, allocate: Allocator, max_bytes: int, display_box: Size | None,
    colour: ColourManager | None,
) -> DecodedImage:  # fmt: skip
    """Everything but plain JPEGs. The size is checked before any pixels are decoded.

    Pillow's ``LOAD_TRUNCATED_IMAGES`` stays False: it is a process-wide module global, so
    setting it for one image would race with every other worker thread (and change
    behaviour for any other Pillow user in the process). A truncated PNG, TIFF or GIF is
    therefore reported as damaged, not shown in part; damaged JPEGs are shown in part by
    libjpeg's lenient mode, which is per call.

    ``DecompressionBombWarning`` is left to the application's warning filters (the app
    silences it: the byte limit checked here is what decides); should a filter turn it into
    an error, it is handled like ``DecompressionBombError``, which Pillow raises at twice its
    pixel limit before it tells us the size.
    """
    try:
        with Image.open(io.BytesIO(data)) as opened:
            frame_count = int(getattr(opened, "n_frames", 1))
            full_size = opened.size
            reduction = _fit_in_limit(opened, name, max_bytes)
            opened.load()
            return _from_pillow(opened, data, full_size, reduction, frame_count, allocate,
                                display_box, colour)  # fmt: skip
    except UnidentifiedImageError:
        if (plugin := missing_plugin(name)) is not None:
            raise DecodeError(missing_message(name, plugin)) from None
        kind = describe(data)
        if kind is None:
            raise DecodeError(f"{name} is not an image this viewer can read.") from None
        raise DecodeError(f"{name} is not an image: it is {kind}.") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DecodeError(bomb_message(data, name)) from None
    except MemoryError:
        raise DecodeError(f"Not enough memory to decode {name}.") from None
    except DAMAGED_DATA as error:
        raise DecodeError(f"{name} is damaged: {damage_reason(error)}.") from None


def decode_streamed(
    streamed: Streamed,
    data: bytes,
    name: str,
    allocate: Allocator = new_array,
    display_box: Size | None = None,
    colour: ColourManager | None = None,
) -> DecodedImage:
    """A JPEG decoded as its bytes arrived (``formats.jpeg.stream``), made ready like any
    image Pillow decoded: upright, fitted to ``display_box``, colour-managed.

    Raises:
        DecodeError: with a sentence for the user.
    """
    try:
        decoded = _from_pillow(streamed.image, data, streamed.full_size, streamed.forced, 1,
                               allocate, display_box, colour)  # fmt: skip
        decoded.format = "JPEG"  # as the usual decode says, a camera's MPO included
        return decoded
    except MemoryError:
        raise DecodeError(f"Not enough memory to decode {name}.") from None


def _from_pillow(
    opened: Image.Image, data: bytes, full_size: Size, reduction: int, frame_count: int,
    allocate: Allocator, display_box: Size | None, colour: ColourManager | None,
) -> DecodedImage:  # fmt: skip
    """Pixels in Qt's layout from a loaded Pillow image: upright, fitted, colour-managed.

    ``reduction`` is the one the memory limit forced (said in the note), 1 if none.
    """
    upright = upright_transpose(opened.getexif().get(_ORIENTATION))
    # exif_transpose copies even an upright image: 20–50 ms for 6 MP, for nothing.
    image = opened if upright is None else ImageOps.exif_transpose(opened)
    if image.size != opened.size:
        full_size = full_size[::-1]
    size = delivered_size(image.size, display_box)
    embedded = Embedded.of_pillow(opened, data, colour)
    if size is None:
        pixels, has_alpha = to_qt_layout(embedded.manage(image), allocate)
    elif image.mode in RESIZED_AS_DECODED:
        # Resize first, so only display-sized pixels are converted (layout, colour).
        resized = image.resize(size, RESIZE_FILTER)
        pixels, has_alpha = to_qt_layout(embedded.manage(resized), allocate)
    else:
        whole, has_alpha = to_qt_layout(embedded.manage(image), new_array)
        pixels = place(whole, size, has_alpha, allocate)
    return DecodedImage(
        pixels,
        has_alpha,
        format=str(opened.format or "image"),
        frame_count=frame_count,
        note=embedded.joined(reduced_note(reduction) if reduction > 1 else ""),
        full_size=_if_reduced(pixels, full_size),
        camera=embedded.camera,
        profile=embedded.profile,
    )


def _fit_in_limit(opened: Image.Image, name: str, max_bytes: int) -> int:
    """Make an opened image fit ``max_bytes`` before it loads; returns the reduction used."""
    width, height = opened.size
    if fits(width, height, PILLOW_BYTES_PER_PIXEL, max_bytes):
        return 1
    reduction = None
    if opened.format == "JPEG":  # CMYK JPEGs come here: libjpeg can still reduce them
        reduction = jpeg_reduction(width, height, PILLOW_BYTES_PER_PIXEL, max_bytes)
    if reduction is not None:
        opened.draft(None, (scaled(width, reduction), scaled(height, reduction)))
        if fits(*opened.size, PILLOW_BYTES_PER_PIXEL, max_bytes):
            return reduction
    raise DecodeError(too_large_message(name, width, height, max_bytes))
