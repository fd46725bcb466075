"""The first frame's image, made on the early thread and handed to the first frame once
both exist, whichever comes first. Qt is imported by the first ``make``, on that thread, so
the early read begins before any Qt import."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PyQt5.QtGui import QImage

    from viewer.core.geometry import Size
    from viewer.startup.first_frame import FirstFrame


class FirstImage:
    """What the first frame shows: one image, delivered once to one frame."""

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._wanted = True
        self._made: tuple[QImage, Size] | None = None
        self._settled = False  # made, or found there is nothing to make
        self._frame: FirstFrame | None = None

    def refuse(self) -> None:
        """Make none (colours are converted for a monitor: only the decoder does that)."""
        self._wanted = False

    def is_wanted(self) -> bool:
        return self._wanted

    def make(self, data: bytes, box: Size) -> None:
        """Decode ``data`` for ``box``; an ``EarlyStart`` ``on_read``."""
        made = None
        if self._wanted:
            from viewer.startup.first_decode import first_frame_image

            made = first_frame_image(data, box, self._max_bytes)
        with self._lock:
            self._made, self._settled = made, True
            if self._frame is not None:
                self._hand(self._frame)

    def attach(self, frame: FirstFrame) -> None:
        """Show the image in ``frame`` when made (at once, if it already is)."""
        with self._lock:
            self._frame = frame
            if self._settled:
                self._hand(frame)

    def _hand(self, frame: FirstFrame) -> None:
        if self._made is not None:
            frame.deliver(*self._made)
        else:
            frame.nothingToShow.emit()
