"""The first frame's image, made on the early thread and handed to the first frame once
both exist, whichever comes first. Qt is imported by the first call, on that thread, so the
early read begins before any Qt import."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PyQt5.QtGui import QImage

    from viewer.core.geometry import Size
    from viewer.core.previews.ranged import RangeReader
    from viewer.startup.first_decode import Header
    from viewer.startup.first_frame import FirstFrame


class FirstImage:
    """What the first frame shows: one image, delivered once to one frame.

    An ``EarlyStart`` first source: ``from_ranges`` tries the camera's preview from parts of
    the file; ``from_data`` decodes the whole file if that did not make the image.
    """

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._wanted = True
        self._header: Header | None = None
        self._made: tuple[QImage, Size] | None = None
        self._settled = False  # made, or found there is nothing to make
        self._frame: FirstFrame | None = None

    def refuse(self) -> None:
        """Make none (colours are converted for a monitor: only the decoder does that)."""
        self._wanted = False

    def is_wanted(self) -> bool:
        return self._wanted

    def from_ranges(self, path: str, reader: RangeReader, box: Size) -> None:
        """The camera's preview, if it may stand in for the image: its header first."""
        if not self._wanted:
            return
        from viewer.startup.first_decode import from_preview, read_header

        self._header = read_header(path, reader, self._max_bytes)
        if self._header is None:
            self._settle(None)  # not a JPEG Qt shows as the decoder does
        elif (made := from_preview(self._header, path, reader, box)) is not None:
            self._settle(made)

    def from_data(self, data: bytes, box: Size) -> None:
        """The whole file decoded, unless the image is made already."""
        if self._settled:
            return
        made = None
        if self._wanted:
            from viewer.startup.first_decode import first_frame_image, from_file

            if self._header is not None:
                made = from_file(data, self._header, box)
            else:  # no ranged read came first
                made = first_frame_image(data, box, self._max_bytes)
        self._settle(made)

    def attach(self, frame: FirstFrame) -> None:
        """Show the image in ``frame`` when made (at once, if it already is)."""
        with self._lock:
            self._frame = frame
            if self._settled:
                self._hand(frame)

    def _settle(self, made: tuple[QImage, Size] | None) -> None:
        with self._lock:
            self._made, self._settled = made, True
            if self._frame is not None:
                self._hand(self._frame)

    def _hand(self, frame: FirstFrame) -> None:
        if self._made is not None:
            frame.deliver(*self._made)
        else:
            frame.nothingToShow.emit()
