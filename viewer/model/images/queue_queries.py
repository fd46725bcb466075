"""QueueQueries: the pool-level questions a model answers by asking its ``LoadQueue``."""

from __future__ import annotations

import threading

from viewer.model.images.after_paint import AfterPaint
from viewer.model.images.load_queue import LoadQueue, LoadStats
from viewer.model.images.load_task import Loader
from viewer.model.images.stall_guard import StallGuard


class QueueQueries:
    """The pool-level questions a model answers by asking its ``LoadQueue``.

    Mixed into ``PrefetchModel``, whose public API they are, so the model's own module is
    left to its policy.
    """

    _queue: LoadQueue
    _after_paint: AfterPaint

    @property
    def loader(self) -> Loader:
        """What reads and decodes each file (a ``FileLoader`` unless one was injected)."""
        return self._queue.loader

    @property
    def stats(self) -> LoadStats:
        """Counters of loads started, taken back and called off."""
        return self._queue.stats

    @property
    def stall_guard(self) -> StallGuard:
        """Lends the pool a thread for each load stuck on a hung read."""
        return self._queue.stall_guard

    def set_threads(self, threads: int) -> None:
        """Use ``threads`` workers; running loads finish, extra threads start at once."""
        self._queue.set_threads(threads)

    def thread_count(self) -> int:
        """Threads the pool may run now, spares lent for hung reads included."""
        return self._queue.thread_count()

    def idle(self) -> bool:
        """Whether no load is still to report back, nor read-ahead waiting for a paint:
        results so far are all in the store."""
        return self._queue.idle() and not self._after_paint.pending()

    def in_flight(self) -> int:
        """Loads queued or running right now (see ``LoadQueue.in_flight``)."""
        return self._queue.in_flight()

    def has_running_work(self) -> bool:
        """Whether a pool thread is still inside a task (a read that may never return)."""
        return self._queue.has_running_work()

    def load_started(self, path: str) -> threading.Event | None:
        """The "started" flag of the display load under way for ``path`` (None if none):
        previews wait for it, so their reads never stand before the image's own."""
        return self._queue.load_started(path)

    def tracked_loads(self) -> dict[str, bool]:
        """The loads not yet reported back, by path, each with whether it was called off."""
        return self._queue.tracked_loads()

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Wait until no pool thread is busy; False if ``msecs`` passed first (-1: forever)."""
        return self._queue.wait_for_done(msecs)
