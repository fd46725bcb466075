"""The camera's preview as the first frame: checked early, decoded by Qt on the GUI thread.

It is read and checked on the early thread.

Most cameras append a screen-sized preview (the MPF "large thumbnail"). Its place is in the
file's first 64 KB, so it costs two ranged reads (about 0.5 MB) and a 10 ms decode, before
the rest of an 11 MB file has crossed a share. It stands in for the image only when it is
the image's shape and at least as large as the screen needs.

Qt reads it on the GUI thread only: off it, Qt's reader reads a Python-made ``QBuffer``
through virtual calls that want the GIL while Qt holds its image-plugin lock, and the GUI
thread, holding the GIL while it loads an icon, wants that lock. A start-up hung so (seen
once in 16 runs of a benchmark).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.formats.geometry import Size, fit_within, stored_size
from viewer.core.formats.orientation import clockwise_turn
from viewer.core.io.ranged import RangeReader, memory_reader
from viewer.startup.first_header import Header, plain_layout

if TYPE_CHECKING:  # Qt only on the GUI thread: see ``first_decode.DecodedFrame``
    from PyQt5.QtGui import QImage

_EOI = b"\xff\xd9"
#: No camera's preview is larger; a larger claim is a damaged (or hostile) index.
_MOST_PREVIEW_BYTES = 16 << 20
#: How far a preview's aspect may differ from the image's (rounding of its sides).
_SAME_ASPECT = 0.01


@dataclass(frozen=True)
class Preview:
    """The camera's preview, read and checked on the early thread, for the GUI thread to
    decode (``decode``): Qt's reader, reducing it in its DCT, takes about 10 ms for it."""

    data: bytes
    header: Header
    box: Size

    def decode(self) -> tuple[QImage, Size] | None:
        """The preview scaled to fit the box and turned upright; on the GUI thread only."""
        from PyQt5.QtCore import QBuffer, QByteArray, QIODevice, QSize
        from PyQt5.QtGui import QImageReader, QTransform

        target = fit_within(self.header.full_size, self.box)
        buffer = QBuffer()
        buffer.setData(QByteArray(self.data))
        buffer.open(QIODevice.ReadOnly)
        reader = QImageReader(buffer, b"jpeg")
        reader.setAutoTransform(False)
        reader.setScaledSize(QSize(*stored_size(target, self.header.orientation)))
        image = reader.read()
        turn = clockwise_turn(self.header.orientation)
        if turn and not image.isNull():
            image = image.transformed(QTransform().rotate(turn))
        if image.isNull() or (image.width(), image.height()) != target:
            return None
        return image, self.header.full_size


def from_preview(header: Header, path: str, reader: RangeReader, box: Size) -> Preview | None:
    """The camera's preview, read as a range, if it is fit to stand in for the image; None if
    it is smaller than the screen needs (it would be blurry), not the image's shape
    (letterboxed, or another picture's), turned otherwise than by quarter turns, or damaged."""
    if header.preview is None or header.preview[1] > _MOST_PREVIEW_BYTES:
        return None
    if clockwise_turn(header.orientation) is None:
        return None  # cameras write no mirrored orientations
    wanted = stored_size(fit_within(header.full_size, box), header.orientation)
    offset, length = header.preview
    data = reader(path, offset, length)
    if not data.endswith(_EOI):
        return None  # cut short: it would be filled grey
    layout = plain_layout("", memory_reader(data), 1 << 62, len(data))
    if layout is None:
        return None
    (width, height), (stored_width, stored_height) = layout.size, header.stored
    if width < wanted[0] or height < wanted[1]:
        return None
    if abs(width * stored_height / (height * stored_width) - 1) > _SAME_ASPECT:
        return None
    return Preview(data, header, box)
