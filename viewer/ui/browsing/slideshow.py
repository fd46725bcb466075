"""The slideshow: the next image every interval, and only once it is ready.

Moving on forward keeps the model's read-ahead pointed forward, so the next image is normally
stored long before its turn. When it is not (a slow share, a huge file), the slideshow waits
on the current image instead of showing "Loading", and moves on as soon as the next arrives.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

DEFAULT_SECONDS = 4


class Slideshow(QObject):
    """Signals:
    runningChanged(bool): the slideshow started (True) or stopped (False).
    advanced(): it moved to the next image.
    """

    runningChanged = pyqtSignal(bool)
    advanced = pyqtSignal()

    def __init__(
        self,
        next_is_ready: Callable[[], bool],
        advance: Callable[[], None],
        seconds: Callable[[], float] = lambda: DEFAULT_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._next_is_ready = next_is_ready
        self._advance = advance
        self._seconds = seconds  # read at every image, so a new interval applies at once
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)  # restarted from each image shown
        self._timer.timeout.connect(self._on_timeout)
        self._running = False
        self._waiting = False  # the interval is over, the next image is not ready yet

    def is_running(self) -> bool:
        return self._running

    def is_waiting(self) -> bool:
        """Whether its interval is over and it waits for the next image to arrive."""
        return self._waiting

    def toggle(self) -> None:
        if self.is_running():
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        self._running, self._waiting = True, False
        self._start_timer()
        self.runningChanged.emit(True)

    def stop(self) -> None:
        if not self._running:
            return
        self._timer.stop()
        self._running = self._waiting = False
        self.runningChanged.emit(False)

    def _start_timer(self) -> None:
        self._timer.start(max(1, round(self._seconds() * 1000)))

    @pyqtSlot(int, QImage)
    def on_image_ready(self, _index: int = -1, _image: QImage | None = None) -> None:
        """An image arrived: if the slideshow is waiting for the next one, move on now."""
        if self._waiting and self._next_is_ready():
            self._move_on()

    @pyqtSlot()
    def _on_timeout(self) -> None:
        if self._next_is_ready():
            self._move_on()
        else:
            self._waiting = True

    def _move_on(self) -> None:
        self._waiting = False
        self._advance()  # at the last image, the window stops the slideshow instead
        if self._running:
            self._start_timer()  # the next interval counts from the image shown
            self.advanced.emit()
