"""The first frame's pixels: a camera JPEG at the screen's size, by Qt's own reader.

The viewer's decoder needs numpy, Pillow and simplejpeg, about 200 ms of imports that hold
the GIL. Qt's reader needs nothing Qt has not loaded already and releases the GIL while it
decodes. Two ways, the cheaper first:

- ``from_preview``: the camera's own screen-sized preview (the MPF "large thumbnail" most
  cameras append), when it is the image's shape and at least as large as the screen needs.
  Its place is in the file's first 64 KB, so it costs two ranged reads (about 0.5 MB) and a
  10 ms decode, before the rest of an 11 MB file has crossed a share;
- ``from_file``: the whole file, reduced in its DCT (``setScaledSize``) as the decoder does
  it: about 200 ms for a 24 MP photo, whose entropy decoding cannot be reduced.

Only what Qt shows as the decoder would is taken: a JPEG without an embedded or EXIF-marked
colour profile (sRGB), and not when colours are converted for a monitor. Anything else, or
anything Qt cannot read, gives None and waits for the viewer's own decode, which says what is
wrong with a file in its own sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from PyQt5.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PyQt5.QtGui import QImage, QImageReader, QTransform

from viewer.core.geometry import Size, fit_within, stored_size, upright_size
from viewer.core.limits import OUTPUT_BYTES_PER_PIXEL, scaled
from viewer.core.metadata import parse_exif
from viewer.core.previews.jpeg_layout import Head, JpegLayout, read_layout
from viewer.core.previews.mpf import large_thumbnails, read_mpf
from viewer.core.previews.ranged import RangeReader
from viewer.core.reading import DecodeError
from viewer.core.tiff_ifd import TiffError

Made = tuple[QImage, Size]

_EOI = b"\xff\xd9"
#: The most Qt's reader can reduce a JPEG in its DCT; larger files are left to the decoder.
_MOST_REDUCTION = 8
#: No camera's preview is larger; a larger claim is a damaged (or hostile) index.
_MOST_PREVIEW_BYTES = 16 << 20
#: How far a preview's aspect may differ from the image's (rounding of its sides).
_SAME_ASPECT = 0.01
#: EXIF orientations that are turns (cameras write no others) and the turn, in degrees.
_TURNS = {1: 0, 3: 180, 6: 90, 8: 270}


@dataclass(frozen=True)
class Header:
    """What the first markers of a plain sRGB JPEG say.

    Attributes:
        stored: (width, height) as stored; orientation: the EXIF one (1 without);
        preview: where the MPF large preview lies in the file (offset, size), or None.
    """

    stored: Size
    orientation: int
    preview: tuple[int, int] | None

    @property
    def full_size(self) -> Size:
        return upright_size(self.stored, self.orientation)


def read_header(
    path: str, reader: RangeReader, max_bytes: int, size: int | None = None
) -> Header | None:
    """The header of a JPEG Qt shows as the decoder would, from its first bytes (the
    previews' ``read_layout``, which reads 64 KB and grows only as its segments need); None for
    anything else (CMYK, a colour profile, damaged markers, too large even at 1/8)."""
    try:
        layout = read_layout(Head(reader, path, size))
        if layout is None or layout.icc or layout.components not in (1, 3):
            return None
        preview = _preview_place(layout)
    except (DecodeError, TiffError):
        return None
    width, height = layout.size
    least = scaled(width, _MOST_REDUCTION) * scaled(height, _MOST_REDUCTION)
    if least * OUTPUT_BYTES_PER_PIXEL > max_bytes:
        return None
    facts = parse_exif(layout.exif)
    if facts.marks_adobe_rgb:
        return None
    return Header(layout.size, facts.orientation or 1, preview)


def from_preview(header: Header, path: str, reader: RangeReader, box: Size) -> Made | None:
    """The camera's preview, read as a range and scaled to fit ``box``; None if it has none
    fit to stand in for the image: smaller than the screen needs (it would be blurry), not
    the image's shape (letterboxed, or another picture's), or not readable."""
    turn = _TURNS.get(header.orientation)
    if header.preview is None or turn is None or header.preview[1] > _MOST_PREVIEW_BYTES:
        return None
    target = fit_within(header.full_size, box)
    wanted = stored_size(target, header.orientation)
    offset, length = header.preview
    preview = reader(path, offset, length)
    if not preview.endswith(_EOI):
        return None  # cut short: Qt would fill it grey
    qt_reader, _buffer = _reader(preview)  # the buffer must outlive the reads
    size = qt_reader.size()
    if size.width() < wanted[0] or size.height() < wanted[1]:
        return None
    width, height = header.stored
    if abs(size.width() * height / (size.height() * width) - 1) > _SAME_ASPECT:
        return None
    qt_reader.setScaledSize(QSize(*wanted))
    image = qt_reader.read()
    if turn and not image.isNull():
        image = image.transformed(QTransform().rotate(turn))
    return _checked(image, target, header)


def from_file(data: bytes, header: Header, box: Size) -> Made | None:
    """The whole file decoded by Qt, reduced in its DCT, to fit ``box``; None if it is
    truncated (Qt would fill it grey, and say so on the console) or not readable."""
    if not data.rstrip(b"\0").endswith(_EOI):
        return None
    target = fit_within(header.full_size, box)
    reader, _buffer = _reader(data)
    reader.setAutoTransform(True)
    reader.setScaledSize(QSize(*stored_size(target, header.orientation)))
    return _checked(reader.read(), target, header)


def first_frame_image(data: bytes, box: Size, max_bytes: int) -> Made | None:
    """A whole file in memory to fit ``box``: from its preview if it can, else decoded."""
    header = read_header("", _in_memory(data), max_bytes, len(data))
    if header is None:
        return None
    made = from_preview(header, "", _in_memory(data), box)
    return made or from_file(data, header, box)


def _in_memory(data: bytes) -> RangeReader:
    return lambda _path, offset, length: data[offset : offset + length]


def _checked(image: QImage, target: Size, header: Header) -> Made | None:
    if image.isNull() or (image.width(), image.height()) != target:
        return None  # unreadable, or Qt turned it otherwise than the EXIF we parsed says
    return image, header.full_size


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A JPEG reader over ``data``, and the buffer it reads, which the caller keeps."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer, b"jpeg")
    reader.setAutoTransform(False)
    return reader, buffer


def _preview_place(layout: JpegLayout) -> tuple[int, int] | None:
    """Where the largest MPF large thumbnail lies in the file (offset, size)."""
    entries = large_thumbnails(read_mpf(layout.mpf)) if layout.mpf is not None else []
    if not entries:
        return None
    return layout.mpf_offset + entries[-1].offset, entries[-1].size


def mpf_preview(data: bytes) -> bytes | None:
    """The largest MPF large thumbnail of a JPEG in memory; None without a sound one."""
    header = read_header("", _in_memory(data), 1 << 62, len(data))
    if header is None or header.preview is None:
        return None
    offset, size = header.preview
    return data[offset : offset + size] if offset + size <= len(data) else None
