"""Whether an image is being panned or zoomed, so its paint can skip smoothing until it rests.

A smooth (bilinear) draw of a scaled image costs several milliseconds a pane; during a drag
or a run of wheel steps the eye cannot tell it from the nearest-pixel draw, which costs a
fraction of that. So each step paints fast, and one smooth paint follows once the image has
stood still for ``REST_MS``. Pure Qt core, no widgets: a widget asks ``moving()`` and calls
``moved()``; ``rested`` asks it to repaint.
"""

from __future__ import annotations

from PyQt5.QtCore import QObject, QTimer, pyqtSignal

#: How long an image must stand still before it is painted smooth again.
REST_MS = 150


class Motion(QObject):
    """Counts an image as moving from ``moved()`` until ``REST_MS`` pass without another.

    Signals:
        rested(): it came to rest; paint it smooth now.
    """

    rested = pyqtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REST_MS)
        self._timer.timeout.connect(self.rested)

    def moved(self) -> None:
        """A pan or zoom step: paint fast until it rests."""
        self._timer.start()

    def moving(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """Rest now (a new image is shown: its first paint is smooth)."""
        self._timer.stop()
