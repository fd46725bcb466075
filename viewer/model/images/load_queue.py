"""LoadQueue: the pool and the loads on it, by path (qimgv's ``Loader``).

It owns its ``QThreadPool`` and every task on it, from ``start`` until the task's result has
come back to the GUI thread, so one path is never loaded twice at once. Queued loads can be
taken back (``tryTake``) and running ones called off; results are passed on as the queue's
own signals, and dropped once the queue is closed. What to load, and when, is the model's
business: the queue only does as it is told, and counts.

Every queue is registered until it is closed and drained, so a test teardown can close and
drain all of them. The registry also keeps the queue alive: a queue has no Qt parent, because
a parent freed by Python's garbage collector would destroy the pool with it, and a pool's
destructor waits for its threads while holding the GIL that their result signals need.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot

from viewer.core.formats.geometry import Size
from viewer.core.io.reading import FileStamp
from viewer.core.io.right_of_way import RightOfWay
from viewer.model.images.load_task import (
    Loader,
    LoadResult,
    LoadTask,
    PoolTask,
    StampSignals,
    StampTask,
    TaskSignals,
)
from viewer.model.images.stall_guard import StallGuard
from viewer.model.task_pools import task_pool

#: Pool priorities: higher runs first. A request outranks every prefetch.
REQUEST_PRIORITY = 1000
PREFETCH_PRIORITY = 500
STAMP_PRIORITY = 0

_queues: set[LoadQueue] = set()


def live_queues() -> list[LoadQueue]:
    """Every queue not yet closed and drained: what a test teardown closes and waits for."""
    return list(_queues)


@dataclass
class LoadStats:
    """Counters for tests and benchmarks: work is checked by counting, not timing."""

    loads_started: int = 0
    loads_taken_back: int = 0
    loads_called_off: int = 0
    peak_in_flight: int = 0


class LoadQueue(QObject):
    """The loads of one model: at the display box by path, at full size, and stamp checks.

    Signals:
        loaded(LoadResult): a load finished with an image.
        failed(str, str): the load of a path failed; the second string says why.
        cancelled(str): a load called off has stopped, so its thread is free.
        stamped(str, object): a path's ``FileStamp`` on disk, or None if it cannot be read.
        changed(str): a load of a path started, or was taken back out of the pool.

    Attributes:
        stats: counters of loads started, taken back and called off.
        stall_guard: lends the pool a thread for each load stuck on a hung read.
    """

    loaded = pyqtSignal(object)
    failed = pyqtSignal(str, str)
    cancelled = pyqtSignal(str)
    stamped = pyqtSignal(str, object)
    changed = pyqtSignal(str)

    def __init__(
        self,
        loader: Loader,
        *,
        threads: int = 2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()  # no parent: see the module's docstring
        self._loader = loader
        self._clock = clock
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(threads)
        self._task_signals = TaskSignals(self)
        self._task_signals.loaded.connect(self._on_loaded)
        self._task_signals.failed.connect(self._on_failed)
        self._task_signals.cancelled.connect(self._on_cancelled)
        self._stamp_signals = StampSignals(self)
        self._stamp_signals.stamped.connect(self._on_stamped)
        self._tasks: dict[str, LoadTask] = {}
        self._full_tasks: dict[str, LoadTask] = {}  # full resolution, for zooming in
        self._stamp_tasks: dict[str, StampTask] = {}
        self._way = RightOfWay()
        self._way_path: str | None = None
        self._closed = False
        self.stats = LoadStats()
        self.stall_guard = StallGuard(self._pool, self._pool_tasks, clock=clock, parent=self)
        _queues.add(self)

    @property
    def loader(self) -> Loader:
        return self._loader

    @property
    def closed(self) -> bool:
        """True once ``close`` was called: nothing starts, and no result is passed on."""
        return self._closed

    # -- loads at the display box, one per path ---------------------------------------------

    def is_loading(self, path: str) -> bool:
        """Whether a load of ``path`` is tracked (queued, running, or its result on its way)."""
        return path in self._tasks

    def load_started(self, path: str) -> threading.Event | None:
        """The "started" flag of the display load under way for ``path``, or None."""
        task = self._tasks.get(path)
        return None if task is None else task.started

    def tracked_paths(self) -> list[str]:
        """Paths with a tracked load, oldest first."""
        return list(self._tasks)

    def tracked_loads(self) -> dict[str, bool]:
        """Each tracked load's path, with whether it has been called off."""
        return {path: task.call_off.is_set() for path, task in self._tasks.items()}

    def start(self, path: str, display_box: Size | None, priority: int) -> None:
        """Queue a load of ``path`` for ``display_box``; the caller checked none exists."""
        if self._closed:
            return
        task = LoadTask(path, self._loader, self._task_signals, display_box, self._clock, self._way)
        self._tasks[path] = task
        if path == self._way_path:
            self._way.give_to(task.call_off)
            self._free_a_thread_for(task)
        self.stats.loads_started += 1
        self.stats.peak_in_flight = max(self.stats.peak_in_flight, self.in_flight())
        self._start(task, priority)
        self.changed.emit(path)

    def promote(self, path: str, priority: int) -> None:
        """Move a queued load of ``path`` up to ``priority``; a running one is left alone."""
        task = self._tasks[path]
        if self._take_back(task):
            self._start(task, priority)
            if path == self._way_path:
                self._free_a_thread_for(task)

    def give_way_to(self, path: str | None) -> None:
        """The display load of ``path`` (now, or once started) has the right of way: while
        it runs, every other load's read waits between chunks (``core.io.right_of_way``).
        None: nobody has it."""
        self._way_path = path
        task = None if path is None else self._tasks.get(path)
        self._way.give_to(None if task is None else task.call_off)
        if task is not None:
            self._free_a_thread_for(task)

    def _free_a_thread_for(self, owner: LoadTask) -> None:
        """If the load with the right of way is queued because every thread runs another
        load, call off the one started last (it has read least): the others' reads would
        only wait for it, holding the threads it needs."""
        if owner.started.is_set():
            return
        running = [task for task in self._pool_tasks()
                   if task.started.is_set() and not task.finished.is_set()]  # fmt: skip
        if len(running) < self._pool.maxThreadCount():
            return
        others = [task for task in self._tasks.values()
                  if task in running and task is not owner and not task.call_off.is_set()
                  ]  # fmt: skip
        if others:
            others[-1].call_off.set()
            self.stats.loads_called_off += 1

    def retarget(self, display_box: Size | None) -> None:
        """Queued loads decode for ``display_box`` instead (running ones keep their box)."""
        for task in self._tasks.values():
            if not task.started.is_set():
                task.display_box = display_box

    def take_back(self, path: str) -> bool:
        """Take the queued load of ``path`` out of the pool; False if a thread has it."""
        if not self._take_back(self._tasks[path]):
            return False
        del self._tasks[path]
        self.stats.loads_taken_back += 1
        self.changed.emit(path)
        return True

    def take_back_or_call_off(self, wanted: set[str], still_useful: set[str] | None = None) -> None:
        """Take loads that are not ``wanted`` back out of the pool, and call off running
        ones that are not even ``still_useful`` (they stop within a read chunk and report
        ``cancelled``).

        A running read that is still useful (the image just behind, or one the user is about
        to pass) may land in time: it goes on.
        """
        useful = wanted if still_useful is None else still_useful
        for path, task in list(self._tasks.items()):
            if path in wanted or self.take_back(path):
                continue
            if path not in useful and not task.call_off.is_set():
                task.call_off.set()
                self.stats.loads_called_off += 1

    def in_flight(self) -> int:
        """Loads queued or running right now (a load called off stops counting once its
        thread is free, before its signal is handled)."""
        return sum(1 for task in self._tasks.values() if not task.finished.is_set())

    def reserved(self, estimate: Callable[[str], int]) -> int:
        """The sum of ``estimate(path)`` over loads queued or running, and finished ones
        whose image has not been handled yet (a load called off holds none)."""
        return sum(
            estimate(path)
            for path, task in self._tasks.items()
            if task.delivered or not task.finished.is_set()
        )

    # -- other work ---------------------------------------------------------------------------

    def start_full(self, path: str, priority: int) -> None:
        """Load ``path`` at full resolution (for zooming in), unless that is under way."""
        if path not in self._full_tasks and not self._closed:
            task = LoadTask(path, self._loader, self._task_signals, None, self._clock, self._way)
            self._full_tasks[path] = task
            self._start(task, priority)

    def check_stamp(self, path: str) -> None:
        """Stat ``path`` off the GUI thread, to notice an edit in place (``stamped``)."""
        if path not in self._stamp_tasks and not self._closed:
            task = StampTask(path, self._stamp_signals)
            self._stamp_tasks[path] = task
            self._start(task, STAMP_PRIORITY)

    def idle(self) -> bool:
        """Whether no load is still to report back."""
        return not self._tasks and not self._full_tasks

    # -- the pool -----------------------------------------------------------------------------

    def set_threads(self, threads: int) -> None:
        """Use ``threads`` workers; running loads finish, extra threads start at once."""
        self.stall_guard.set_threads(threads)

    def thread_count(self) -> int:
        """Threads the pool may run now, spares lent for hung reads included."""
        return self._pool.maxThreadCount()

    def has_running_work(self) -> bool:
        """Whether a pool thread is still inside a task (a read that may never return)."""
        return self._pool.activeThreadCount() > 0

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Wait until no pool thread is busy; False if ``msecs`` passed first (-1: forever)."""
        return self._pool.waitForDone(msecs)

    def close(self, wait: bool = False) -> None:
        """Drop queued work, call off running loads and pass on no more results;
        optionally wait for the pool."""
        self._closed = True
        self.take_back_or_call_off(wanted=set())
        for path, stamp_task in list(self._stamp_tasks.items()):
            if self._take_back(stamp_task):
                del self._stamp_tasks[path]
        if wait:
            self._pool.waitForDone()
            _queues.discard(self)  # nothing can start any more, and nothing runs

    def _pool_tasks(self) -> list[PoolTask]:
        return [*self._tasks.values(), *self._full_tasks.values(), *self._stamp_tasks.values()]

    def _start(self, task: PoolTask, priority: int) -> None:
        """Queue ``task`` at ``priority``, even when the pool has idle threads.

        Qt 5 queues a task it hands to a waiting thread at priority 0, so a request could run
        after read-ahead queued a moment later. Each retry wakes one more idle thread; once
        none is left waiting, the task is queued at its own priority.
        """
        self._pool.start(task, priority)
        for _ in range(self._pool.maxThreadCount()):
            if not self._take_back(task):
                break  # a thread has it
            self._pool.start(task, priority)
        self.stall_guard.wake()

    def _take_back(self, task: PoolTask) -> bool:
        """Remove ``task`` from the pool's queue; False if a thread has already started it."""
        return not task.started.is_set() and self._pool.tryTake(task)

    def _forget(self, task: LoadTask) -> None:
        """Drop the reference to a task that has signalled its result."""
        for tasks in (self._tasks, self._full_tasks):
            if tasks.get(task.path) is task:
                del tasks[task.path]

    # -- results, on the GUI thread ----------------------------------------------------------

    @pyqtSlot(object, object)
    def _on_loaded(self, task: LoadTask, result: LoadResult) -> None:
        self._forget(task)
        if not self._closed:
            self.loaded.emit(result)

    @pyqtSlot(object, str)
    def _on_failed(self, task: LoadTask, message: str) -> None:
        self._forget(task)
        if not self._closed:
            self.failed.emit(task.path, message)

    @pyqtSlot(object)
    def _on_cancelled(self, task: LoadTask) -> None:
        self._forget(task)
        if not self._closed:
            self.cancelled.emit(task.path)

    @pyqtSlot(str, object)
    def _on_stamped(self, path: str, stamp: FileStamp | None) -> None:
        self._stamp_tasks.pop(path, None)
        if not self._closed:
            self.stamped.emit(path, stamp)
