"""File bytes to a 32-bit pixel array that Qt can wrap without converting.

The output layout is Qt's ``Format_RGB32`` (opaque) or ``Format_ARGB32_Premultiplied`` (alpha):
one native-endian 0xAARRGGBB word per pixel, which is B, G, R, A in memory on the
little-endian machines we ship for. ``QPixmap.fromImage`` takes these formats without a pass
over the pixels, so the GUI thread never converts anything.

The path was chosen by measurement (24 MP JPEG, this project's 2-core machines):
simplejpeg decodes straight to BGRA while holding the GIL about 1 ms; Pillow's ``tobytes`` and
``split``/``merge`` hold it 10–200 ms, which would stall the GUI thread. So JPEGs go through
simplejpeg, other formats through Pillow, and channel shuffles through numpy, whose copies
release the GIL.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO, Callable

import numpy as np
import simplejpeg
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

from viewer.core.cancel import check_cancelled
from viewer.core.geometry import Size, fit_within, jpeg_cover_reduction, stored_size
from viewer.core.image_info import ImageInfo as ImageInfo  # its old home: imports keep working
from viewer.core.limits import (
    DEFAULT_MAX_IMAGE_BYTES,
    OUTPUT_BYTES_PER_PIXEL,
    PILLOW_BYTES_PER_PIXEL,
    fits,
    jpeg_reduction,
    reduced_note,
    scaled,
    too_large_message,
)
from viewer.core.sniff import describe

#: ``(height, width, has_alpha) -> writable uint8 array of shape (height, width, 4)``.
#: The Qt model passes one that returns a view of a fresh QImage's memory, so the decoder
#: writes the final pixels exactly once.
Allocator = Callable[[int, int, bool], np.ndarray]

_LITTLE_ENDIAN = sys.byteorder == "little"
# Index of each channel inside a 32-bit 0xAARRGGBB word, in memory order.
_B, _G, _R, _A = (0, 1, 2, 3) if _LITTLE_ENDIAN else (3, 2, 1, 0)
_SIMPLEJPEG_ORDER = "BGRA" if _LITTLE_ENDIAN else "ARGB"
_JPEG_MAGIC = b"\xff\xd8\xff"
_ORIENTATION_TAG = 0x0112
#: Reads come in chunks of this size, so a load called off stops within one chunk.
READ_CHUNK = 1 << 20
#: A damaged JPEG is shown only if at least this share of its rows decoded; less is not useful.
MIN_USEFUL_ROWS = 0.1
_JPEG_FILL = 128  # libjpeg paints what a truncated file lacks in mid-grey
DAMAGED_NOTE = "damaged: only part of the image could be read"
# Box (area averaging): after a DCT reduction the remaining ratio is under 2, where it looks as
# good as bilinear. Measured 3000×2000 → 1620×1080: box 30 ms, bilinear 59 ms, both GIL-free.
_RESIZE_FILTER = Image.Resampling.BOX
#: Modes Pillow resizes correctly as decoded (it premultiplies RGBA/LA itself while resizing).
_RESIZED_AS_DECODED = frozenset({"RGB", "RGBA", "L", "LA"})


class DecodeError(Exception):
    """An image could not be read or decoded. ``str()`` is a sentence to show the user."""


@dataclass(frozen=True)
class FileStamp:
    """What identifies one version of a file: an edit in place changes it."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileStamp:
        """The stamp of a file from its ``os.stat`` (or ``os.fstat``) result."""
        return cls(status.st_size, status.st_mtime_ns)


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
    """

    pixels: np.ndarray
    has_alpha: bool
    format: str
    frame_count: int = 1
    note: str = ""
    full_size: tuple[int, int] | None = None

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
        return ImageInfo(
            width, height, self.stamp.size, image.format, image.frame_count, image.note
        )


def new_array(height: int, width: int, has_alpha: bool) -> np.ndarray:
    """The default allocator: a plain numpy array."""
    return np.empty((height, width, 4), dtype=np.uint8)


def read_file(path: str) -> tuple[bytes, FileStamp]:
    """Read a whole file in one open, so a slow share pays one round trip, not several.

    The file comes in chunks, and between chunks the read stops if its load has been called
    off (``viewer.core.cancel``): the user has moved past the image, and the rest of the
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
    except FileNotFoundError:
        raise DecodeError(f"{name} is gone: it was deleted or moved.") from None
    except IsADirectoryError:
        raise DecodeError(f"{name} is a folder, not an image file.") from None
    except PermissionError:
        raise DecodeError(f"Permission denied reading {name}.") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DecodeError(f"Cannot read {name}: {reason}.") from None
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


def load_image(
    path: str,
    allocate: Allocator = new_array,
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    fit: Size | None = None,
) -> LoadedFile:
    """Read and decode one file. The unit of work of every loader in the project."""
    data, stamp = read_file(path)
    check_cancelled()  # read in full, but the user has moved on: skip the decode too
    decoded = decode_bytes(data, os.path.basename(path), allocate, max_bytes, fit)
    return LoadedFile(path, stamp, decoded)


def decode_bytes(
    data: bytes,
    name: str,
    allocate: Allocator = new_array,
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    fit: Size | None = None,
) -> DecodedImage:
    """Decode an encoded image to RGB32/ARGB32-premultiplied pixels, upright per EXIF.

    Args:
        data: the whole encoded file.
        name: the file name, used only in error messages.
        allocate: where the output pixels are written.
        max_bytes: the most the pixel buffers of this one decode may take together (see
            ``viewer.core.limits``); larger JPEGs are decoded smaller, others refused.
        fit: a box (device pixels) to deliver the image in, keeping its aspect ratio and
            never enlarging; None for full resolution. A JPEG is decoded at the smallest
            fast DCT scale that covers the box, so a 24 MP photo costs a fraction of a
            full decode, then resized exactly.

    Raises:
        DecodeError: with a sentence for the user.
    """
    if data.startswith(_JPEG_MAGIC):
        decoded = _decode_jpeg(data, name, allocate, max_bytes, fit)
        if decoded is not None:
            return decoded
    return _decode_with_pillow(data, name, allocate, max_bytes, fit)


def _decode_jpeg(
    data: bytes, name: str, allocate: Allocator, max_bytes: int, fit: Size | None
) -> DecodedImage | None:
    """The fast path for ordinary JPEGs; None sends CMYK or unreadable files to Pillow.

    A JPEG too large for ``max_bytes`` is decoded at 1/2, 1/4 or 1/8 scale straight from its
    DCT coefficients. A damaged one (libjpeg warns, e.g. "Premature end of JPEG file") is
    decoded again leniently and shown with a note if enough of it came through.
    """
    try:
        height, width, colorspace, _ = simplejpeg.decode_jpeg_header(data)
    except ValueError:
        return None
    if colorspace not in ("Gray", "YCbCr", "RGB"):
        return None  # CMYK/YCCK: Pillow handles Adobe's inverted CMYK.
    orientation = _jpeg_orientation(data) or 1
    full_size = (height, width) if orientation >= 5 else (width, height)
    buffers = 1 if orientation == 1 else 2  # turning it upright needs a second buffer
    reduction = jpeg_reduction(width, height, OUTPUT_BYTES_PER_PIXEL * buffers, max_bytes)
    if reduction is None:
        raise DecodeError(too_large_message(name, *full_size, max_bytes))
    notes = [reduced_note(reduction)] if reduction > 1 else []
    target = _target(full_size, fit)
    if target is not None:
        cover = jpeg_cover_reduction((width, height), stored_size(target, orientation))
        reduction = max(reduction, cover)
    decode_into = allocate if target is None else new_array
    try:
        out = _jpeg_pixels(data, decode_into, orientation, reduction, strict=True)
    except ValueError:
        try:
            out = _jpeg_pixels(data, decode_into, orientation, reduction, strict=False)
        except ValueError:
            return None  # nothing decodes: Pillow gives the clearer message
        if _decoded_share(out) < MIN_USEFUL_ROWS:
            return None
        notes.insert(0, DAMAGED_NOTE)
    if target is not None:
        out = _place(out, target, False, allocate)
    return DecodedImage(
        out,
        has_alpha=False,
        format="JPEG",
        note="; ".join(notes),
        full_size=full_size if (out.shape[1], out.shape[0]) != full_size else None,
    )


def _target(full_size: Size, fit: Size | None) -> Size | None:
    """The size to deliver when fitting into ``fit``; None when that is the full size."""
    if fit is None:
        return None
    target = fit_within(full_size, fit)
    return None if target in (full_size, (0, 0)) else target


def _place(pixels: np.ndarray, target: Size, has_alpha: bool, allocate: Allocator) -> np.ndarray:
    """Write ``pixels`` resized to ``target`` into a fresh allocation."""
    if (pixels.shape[1], pixels.shape[0]) != target:
        pixels = _resized(pixels, target, has_alpha)
    out = allocate(pixels.shape[0], pixels.shape[1], has_alpha)
    np.copyto(out, pixels)
    return out


def _resized(pixels: np.ndarray, target: Size, has_alpha: bool) -> np.ndarray:
    """Resize 32-bit pixels with Pillow, which releases the GIL while it resamples.

    Opaque pixels go through as one RGBX image sharing our memory. Premultiplied pixels are
    resized band by band, because Pillow's RGBA resize would premultiply them a second time.
    """
    height, width = pixels.shape[:2]
    if not has_alpha:
        source = np.ascontiguousarray(pixels)
        image = Image.frombuffer("RGBX", (width, height), source, "raw", "RGBX", 0, 1)
        out = np.array(image.resize(target, _RESIZE_FILTER), dtype=np.uint8)
        out[..., _A] = 255
        return out
    out = np.empty((target[1], target[0], 4), dtype=np.uint8)
    for band in range(4):
        channel = np.ascontiguousarray(pixels[..., band])
        image = Image.frombuffer("L", (width, height), channel, "raw", "L", 0, 1)
        out[..., band] = np.asarray(image.resize(target, _RESIZE_FILTER))
    return out


def _jpeg_pixels(
    data: bytes, allocate: Allocator, orientation: int, reduction: int, strict: bool
) -> np.ndarray:
    """Decode into the final buffer directly when no turn or reduction is needed."""
    height, width, _, _ = simplejpeg.decode_jpeg_header(data)
    if orientation == 1 and reduction == 1:
        out = allocate(height, width, False)
        simplejpeg.decode_jpeg(data, colorspace=_SIMPLEJPEG_ORDER, buffer=out, strict=strict)
        return out
    raw = simplejpeg.decode_jpeg(
        data,
        colorspace=_SIMPLEJPEG_ORDER,
        min_width=scaled(width, reduction),  # libjpeg picks the smallest DCT scale this fits
        min_height=scaled(height, reduction),
        strict=strict,
    )
    upright = _orient(raw, orientation)
    out = allocate(upright.shape[0], upright.shape[1], False)
    np.copyto(out, upright)
    return out


def _decoded_share(pixels: np.ndarray, band: int = 64) -> float:
    """How much of a leniently decoded JPEG is picture: libjpeg fills the rest with grey."""
    height = int(pixels.shape[0])
    for bottom in range(height, 0, -band):
        rows = pixels[max(0, bottom - band) : bottom, :, :3]
        filled = np.flatnonzero((rows != _JPEG_FILL).any(axis=(1, 2)))
        if filled.size:
            return (max(0, bottom - band) + int(filled[-1]) + 1) / height
    return 0.0


def _jpeg_orientation(data: bytes) -> int | None:
    """EXIF orientation of a JPEG, from its markers only, no pixels.

    The JPEG parser is used directly: ``Image.open`` would refuse a huge JPEG as a
    decompression bomb before we could read its orientation and decode it reduced.
    """
    try:
        with JpegImagePlugin.JpegImageFile(io.BytesIO(data)) as image:
            value = image.getexif().get(_ORIENTATION_TAG)
    except Exception:
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


_UPRIGHT: dict[int, Callable[[np.ndarray], np.ndarray]] = {
    2: lambda p: p[:, ::-1],
    3: lambda p: p[::-1, ::-1],
    4: lambda p: p[::-1],
    5: lambda p: p.transpose(1, 0, 2),
    6: lambda p: p.transpose(1, 0, 2)[:, ::-1],
    7: lambda p: p.transpose(1, 0, 2)[::-1, ::-1],
    8: lambda p: p.transpose(1, 0, 2)[::-1],
}


def _orient(pixels: np.ndarray, orientation: int) -> np.ndarray:
    """A view of ``pixels`` turned upright for an EXIF orientation (as exif_transpose does)."""
    turn = _UPRIGHT.get(orientation)
    return pixels if turn is None else turn(pixels)


def _decode_with_pillow(
    data: bytes, name: str, allocate: Allocator, max_bytes: int, fit: Size | None
) -> DecodedImage:
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
            image = ImageOps.exif_transpose(opened)
            if image.size != opened.size:
                full_size = full_size[::-1]
            target = _target(image.size, fit)
            if target is None:
                pixels, has_alpha = _to_qt_layout(image, allocate)
            elif image.mode in _RESIZED_AS_DECODED:
                # Resize first, so only display-sized pixels are converted to Qt's layout.
                resized = image.resize(target, _RESIZE_FILTER)
                pixels, has_alpha = _to_qt_layout(resized, allocate)
            else:
                whole, has_alpha = _to_qt_layout(image, new_array)
                pixels = _place(whole, target, has_alpha, allocate)
            return DecodedImage(
                pixels,
                has_alpha,
                format=str(opened.format or "image"),
                frame_count=frame_count,
                note=reduced_note(reduction) if reduction > 1 else "",
                full_size=full_size if (pixels.shape[1], pixels.shape[0]) != full_size else None,
            )
    except UnidentifiedImageError:
        kind = describe(data)
        if kind is None:
            raise DecodeError(f"{name} is not an image this viewer can read.") from None
        raise DecodeError(f"{name} is not an image: it is {kind}.") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DecodeError(_bomb_message(data, name)) from None
    except MemoryError:
        raise DecodeError(f"Not enough memory to decode {name}.") from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError) as error:
        raise DecodeError(f"{name} is damaged: {_pillow_reason(error)}.") from None


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


def _bomb_message(data: bytes, name: str) -> str:
    size = _claimed_size(data)
    claim = "" if size is None else f" ({size[0]}×{size[1]} pixels)"
    return (
        f"{name} is too large to open safely{claim}: it is over Pillow's decompression-bomb limit."
    )


def _claimed_size(data: bytes) -> tuple[int, int] | None:
    """The size a file's header claims, read by Pillow's format parsers directly.

    ``Image.open`` raises ``DecompressionBombError`` without saying the size; the parsers
    themselves only read headers and allocate no pixels, so asking them is safe.
    """
    Image.init()
    prefix = data[:16]
    for format_id in Image.ID:
        factory, accept = Image.OPEN[format_id]
        try:
            accepted = accept(prefix) if accept is not None else True
            if not accepted or isinstance(accepted, str):
                continue
            with factory(io.BytesIO(data), "") as image:
                width, height = image.size
                return int(width), int(height)
        except Exception:
            continue
    return None


def _pillow_reason(error: BaseException) -> str:
    text = str(error).strip().rstrip(".")
    return text or type(error).__name__


def _to_qt_layout(image: Image.Image, allocate: Allocator) -> tuple[np.ndarray, bool]:
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
    for source, target in ((0, _R), (1, _G), (2, _B)):
        out[..., target] = (rgba[..., source] * alpha + 127) // 255
    out[..., _A] = rgba[..., 3]
    return out
