"""Read-ahead waits one frame after an image goes on screen, so its paint has the cores.

Measured while browsing 24 MP JPEGs (issue 15): the GUI stalls of 17–23 ms came at the key
presses, when the image served from the store was about to be painted and the model had just
started the next read-ahead decodes. Those decodes took both cores and, between their
GIL-free stretches, the GIL, so the paint waited on the OS run queue and on the GIL. With
read-ahead started one frame later, the stalls at the presses went away (the heartbeat's
classification by ``/proc/thread-self/schedstat``; see the README's Performance section).
"""

from __future__ import annotations

from typing import Callable

from PyQt5 import sip
from PyQt5.QtCore import QObject, QTimer, pyqtSlot

#: One frame at 60 Hz: the paint of an image put on screen comes first.
SETTLE_MS = 16


class AfterPaint(QObject):
    """Runs work now, or once a frame has passed since an image went on screen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._on_frame_passed)

    def run(self, work: Callable[[], None], *, wait: bool) -> None:
        """Run ``work`` now, or (``wait``: an image is going on screen) one frame from now;
        work run now replaces work still waiting."""
        self._work = work if wait else None
        if wait:
            self._timer.start()
        else:
            self._timer.stop()
            work()

    def cancel(self) -> None:
        """Drop work still waiting (the model shuts down)."""
        self._work = None
        self._timer.stop()

    def pending(self) -> bool:
        """Whether work is waiting for its frame."""
        return self._timer.isActive()

    @pyqtSlot()
    def _on_frame_passed(self) -> None:
        if sip.isdeleted(self):  # a dropped model collected while its timer fired
            return
        work, self._work = self._work, None
        if work is not None:
            work()
