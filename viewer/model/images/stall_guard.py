"""Keep a hung read from taking a worker away from everyone else.

A read from a share that stopped answering can block in the kernel for minutes, and it cannot
be cancelled. Each load that has run longer than ``stall_after_s`` gets the pool one spare
thread (up to ``max_spares``), so the other threads keep serving the user; when the stuck load
finally returns, its spare is taken back.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Callable

from PyQt5.QtCore import QObject, QThreadPool, QTimer, pyqtSlot

from viewer.model.images.load_task import PoolTask

STALL_AFTER_S = 5.0
MAX_SPARES = 4
CHECK_MS = 1000


class StallGuard(QObject):
    """Watches the pool's running tasks from the GUI thread and lends threads for stuck ones.

    ``check`` runs every second while tasks are known; tests inject ``clock`` and call
    ``check`` themselves.
    """

    def __init__(
        self,
        pool: QThreadPool,
        tasks: Callable[[], Iterable[PoolTask]],
        *,
        clock: Callable[[], float] = time.monotonic,
        stall_after_s: float = STALL_AFTER_S,
        max_spares: int = MAX_SPARES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._stalled: set[PoolTask] = set()  # each holds one spare thread
        self._pool = pool
        self._threads = pool.maxThreadCount()
        self._tasks = tasks
        self._stall_after_s = stall_after_s
        self._max_spares = max_spares
        self._first_seen: dict[PoolTask, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def wake(self) -> None:
        """A task was started: watch until none is left."""
        if not self._timer.isActive():
            self._timer.start()

    def set_threads(self, threads: int) -> None:
        """The user's own thread count (Preferences): spares are lent on top of it."""
        self._threads = threads
        self._pool.setMaxThreadCount(self._threads + len(self._stalled))

    def spare_threads(self) -> int:
        """Threads lent to the pool right now, one per load counted as stuck."""
        return len(self._stalled)

    @pyqtSlot()
    def check(self) -> None:
        """Count loads running for ``stall_after_s`` or more as stuck, and size the pool."""
        now = self._clock()
        known = list(self._tasks())
        running = {task for task in known if task.started.is_set()}
        for task in list(self._first_seen):
            if task not in running:
                del self._first_seen[task]
                self._stalled.discard(task)
        for task in running:
            since = self._first_seen.setdefault(task, now)
            stuck = now - since >= self._stall_after_s
            if stuck and task not in self._stalled and len(self._stalled) < self._max_spares:
                self._stalled.add(task)
        self._pool.setMaxThreadCount(self._threads + len(self._stalled))
        if not known:
            self._timer.stop()
