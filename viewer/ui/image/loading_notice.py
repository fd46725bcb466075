"""Counts the seconds the current image has been loading, so a share that hangs shows as one.

A GUI-thread ``QTimer`` ticks once a second while the image the user is on is loading; the
window stays responsive because nothing here waits. The clock is injectable and ``tick`` is a
public slot, so tests drive it without waiting.
"""

from __future__ import annotations

import time
from typing import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot

#: Below this, "Loading NAME…" is enough; from here on the seconds are counted aloud.
STILL_LOADING_AFTER_S = 2.0
TICK_MS = 1000


class LoadingNotice(QObject):
    """Says how long the current load has been running, once it is longer than usual.

    Signals:
        stillLoading(int): whole seconds the current image has been loading.

    Attributes:
        clock: seconds from a monotonic clock; tests replace it.
    """

    stillLoading = pyqtSignal(int)

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._since = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        """The current image started loading (or the user moved to one that is loading)."""
        self._since = self.clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    @pyqtSlot()
    def tick(self) -> None:
        elapsed = self.clock() - self._since
        if self.is_active() and elapsed >= STILL_LOADING_AFTER_S:
            self.stillLoading.emit(int(elapsed))
