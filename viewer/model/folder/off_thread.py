"""Questions to the file system, answered off the GUI thread so a hung share never freezes it.

Is this a folder? Does that file still exist? Each is answered on a thread of its own.

Each question gets a plain daemon thread: they are rare (an open, a drop, a reopen offer), a
hung one must not hold up the next, and a thread stuck in the kernel must not hold up the
exit either (a ``QThreadPool`` waits for its threads when it is destroyed). The answer comes
back to the GUI thread as a queued signal with the ticket ``ask`` returned, so a caller that
has moved on ignores answers to questions it no longer cares about.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PyQt5.QtCore import QObject, pyqtSignal

log = logging.getLogger(__name__)


class OffThread(QObject):
    """Runs blocking file-system calls off the GUI thread, one daemon thread per call.

    Signals:
        answered(int, object): a ticket from ``ask`` and what the function returned.
        failed(int, str): a ticket and the error the function raised, in words.
    """

    answered = pyqtSignal(int, object)
    failed = pyqtSignal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tickets = 0
        self._running: set[int] = set()
        self._lock = threading.Lock()

    def ask(self, function: Callable[..., Any], *args: Any) -> int:
        """Call ``function(*args)`` on a new thread; returns the ticket its answer carries."""
        self._tickets += 1
        ticket = self._tickets
        with self._lock:
            self._running.add(ticket)
        thread = threading.Thread(
            target=self._run, args=(ticket, function, args), name="file-system", daemon=True
        )
        thread.start()
        return ticket

    def has_running_work(self) -> bool:
        """Whether a call has not returned yet (on a dead share it may never)."""
        with self._lock:
            return bool(self._running)

    def _run(self, ticket: int, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            result = function(*args)
        except Exception as error:
            log.debug("File-system call %s failed: %s", function, error)
            self._finish(ticket)
            self._emit(self.failed, ticket, str(error) or type(error).__name__)
        else:
            self._finish(ticket)
            self._emit(self.answered, ticket, result)

    def _emit(self, signal: Any, *values: object) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the window closed meanwhile and took this object with it
            log.debug("Answer to a file-system call dropped: nobody is listening")

    def _finish(self, ticket: int) -> None:
        with self._lock:
            self._running.discard(ticket)
