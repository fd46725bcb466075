"""The first frame's pixels: a camera JPEG at the screen's size, by Qt's own reader.

The viewer's decoder needs numpy, Pillow and simplejpeg, about 200 ms of imports that hold
the GIL. Qt's reader needs nothing Qt has not loaded already and releases the GIL while it
decodes. Two ways, the cheaper first:

- the camera's own screen-sized preview (the MPF "large thumbnail" most cameras append), when
  it is the image's shape and at least as large as the screen needs: about 10 ms, where
- the whole file, reduced in its DCT (``setScaledSize``) as the decoder does it, takes about
  200 ms for a 24 MP photo: its entropy decoding cannot be reduced.

Only what Qt shows as the decoder would is taken: a JPEG without an embedded or EXIF-marked
colour profile (sRGB), and not when colours are converted for a monitor. Anything else, or
anything Qt cannot read, gives None and waits for the viewer's own decode, which says what is
wrong with a file in its own sentences.
"""

from __future__ import annotations

from PyQt5.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PyQt5.QtGui import QImage, QImageReader, QTransform

from viewer.core.geometry import Size, fit_within, stored_size, upright_size
from viewer.core.jpeg_markers import InMemory, MarkerError, segments
from viewer.core.limits import OUTPUT_BYTES_PER_PIXEL, scaled
from viewer.core.metadata import exif_block, jpeg_icc_profile, parse_exif
from viewer.core.previews.mpf import large_thumbnails, read_mpf
from viewer.core.tiff_ifd import TiffError

_JPEG_MAGIC = b"\xff\xd8\xff"
_APP2, _MPF_HEADER, _EOI = 0xE2, b"MPF\0", b"\xff\xd9"
#: Start-of-frame markers: SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
#: The most Qt's reader can reduce a JPEG in its DCT; larger files are left to the decoder.
_MOST_REDUCTION = 8
#: How far a preview's aspect may differ from the image's (rounding of its sides).
_SAME_ASPECT = 0.01
#: EXIF orientations that are turns (cameras write no others) and the turn, in degrees.
_TURNS = {1: 0, 3: 180, 6: 90, 8: 270}


def first_frame_image(data: bytes, box: Size, max_bytes: int) -> tuple[QImage, Size] | None:
    """``data`` decoded to fit ``box`` (device pixels) and upright, and its full upright size.

    None: not a plain sRGB JPEG, too large for ``max_bytes`` even at 1/8 scale, or not
    readable by Qt.
    """
    if not _plain_jpeg(data) or jpeg_icc_profile(data) is not None:
        return None
    facts = parse_exif(exif_block(data))
    if facts.marks_adobe_rgb:
        return None
    reader, _buffer = _reader(data)  # the buffer must outlive the reader's reads
    stored = reader.size()
    width, height = stored.width(), stored.height()
    least = scaled(width, _MOST_REDUCTION) * scaled(height, _MOST_REDUCTION)
    if width <= 0 or height <= 0 or least * OUTPUT_BYTES_PER_PIXEL > max_bytes:
        return None
    orientation = facts.orientation or 1
    full = upright_size((width, height), orientation)
    target = fit_within(full, box)
    image = _from_preview(data, (width, height), orientation, target)
    if image is None:
        reader.setAutoTransform(True)
        reader.setScaledSize(QSize(*stored_size(target, orientation)))
        image = reader.read()
    if image.isNull() or (image.width(), image.height()) != target:
        return None  # unreadable, or Qt turned it otherwise than the EXIF we parsed says
    return image, full


def _plain_jpeg(data: bytes) -> bool:
    """A whole JPEG (it ends as one: not truncated) of sound markers, grey or YCbCr: what
    Qt decodes without a word on the console. CMYK and damaged files are the decoder's."""
    if not data.startswith(_JPEG_MAGIC) or not data.rstrip(b"\0").endswith(_EOI):
        return False
    try:
        for segment in segments(InMemory(data)):
            if segment.marker in _FRAME_MARKERS:
                return segment.start + 5 < len(data) and data[segment.start + 5] in (1, 3)
    except MarkerError:
        return False
    return False


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A JPEG reader over ``data``, and the buffer it reads, which the caller keeps."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer, b"jpeg")
    reader.setAutoTransform(False)
    return reader, buffer


def _from_preview(data: bytes, stored: Size, orientation: int, target: Size) -> QImage | None:
    """The camera's preview scaled to ``target``; None if there is none fit to stand in."""
    turn = _TURNS.get(orientation)
    preview = mpf_preview(data) if turn is not None else None
    if preview is None:
        return None
    reader, _buffer = _reader(preview)
    size = reader.size()
    width, height = stored_size(target, orientation)
    if size.width() < width or size.height() < height:
        return None  # smaller than the screen needs: the image itself is decoded
    if abs(size.width() * stored[1] / (size.height() * stored[0]) - 1) > _SAME_ASPECT:
        return None  # not this picture's shape (letterboxed, or another picture's)
    reader.setScaledSize(QSize(width, height))
    image = reader.read()
    return image.transformed(QTransform().rotate(turn)) if turn and not image.isNull() else image


def mpf_preview(data: bytes) -> bytes | None:
    """The largest MPF large-thumbnail of a JPEG in memory; None without a sound one."""
    try:
        for segment in segments(InMemory(data)):
            payload = data[segment.start : segment.end]
            if segment.marker == _APP2 and payload.startswith(_MPF_HEADER):
                entries = large_thumbnails(read_mpf(payload[len(_MPF_HEADER) :]))
                if not entries:
                    return None
                start = segment.start + len(_MPF_HEADER) + entries[-1].offset
                end = start + entries[-1].size
                return data[start:end] if end <= len(data) else None
    except (MarkerError, TiffError):
        return None
    return None
