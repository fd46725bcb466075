"""PrefetchModel: serve the requested image at once if cached, and load ahead of the user.

Data flows one way: the window calls ``request(index)``; the model answers from its store or
starts a ``LoadTask`` on its own ``QThreadPool``; results come back as queued signals on the
GUI thread, go into the store, and are announced with ``imageReady``. The window decides
whether an announced image is still the one the user is looking at.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Optional

from PyQt5.QtCore import QObject, QThreadPool, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.decode import ImageInfo
from viewer.core.geometry import Size, fit_within
from viewer.core.pace import Pace
from viewer.core.readahead import Direction, ReadAheadPlan, direction_of
from viewer.core.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT, ImageStore
from viewer.model.load_task import (
    FileLoader,
    Loader,
    LoadResult,
    LoadTask,
    PoolTask,
    StampSignals,
    StampTask,
    TaskSignals,
)
from viewer.model.stall_guard import StallGuard

log = logging.getLogger(__name__)

#: Pool priorities: higher runs first. A request outranks every prefetch.
REQUEST_PRIORITY = 1000
PREFETCH_PRIORITY = 500
STAMP_PRIORITY = 0

#: path, size, mtime_ns, and the display box the pixels were made for (None: full resolution).
StoreKey = tuple[str, int, int, Optional[Size]]


@dataclass
class ModelStats:
    """Counters for tests and benchmarks: work is checked by counting, not timing."""

    loads_started: int = 0
    loads_taken_back: int = 0
    loads_called_off: int = 0
    peak_in_flight: int = 0


class LoadState(Enum):
    """Where the image at an index stands, for the status bar's read-ahead indicator."""

    CACHED = "cached"
    LOADING = "loading"
    FAILED = "failed"
    ABSENT = "absent"


SlotState = LoadState  # interim: the old name, until house-model renames every use


class PrefetchModel(QObject):
    """Owns the pool, the store and the read-ahead policy for one image sequence.

    Signals:
        imageReady(int, QImage): the image at an index finished loading (or was served from
            the store). Emitted for read-ahead too; listeners compare the index.
        loadFailed(int, str): the image at an index cannot be shown; the string says why.
        stateChanged(int): the ``state()`` of an index may have changed, or ``request()``
            moved the current index there (interim version, superseded by house-model).

    Attributes:
        stats: counters of loads started and taken back.
        stall_guard: lends the pool a thread for each load stuck on a hung read.
    """

    imageReady = pyqtSignal(int, QImage)
    loadFailed = pyqtSignal(int, str)
    stateChanged = pyqtSignal(int)

    def __init__(
        self,
        loader: Loader | None = None,
        *,
        threads: int = 2,
        plan: ReadAheadPlan = ReadAheadPlan(),
        max_images: int = DEFAULT_MAX_COUNT,
        max_bytes: int = DEFAULT_MAX_COST,
        display_box: Size | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader: Loader = loader if loader is not None else FileLoader()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._store: ImageStore[StoreKey, LoadResult] = ImageStore(max_images, max_bytes)
        self._asked_plan = plan  # as the user set it; ``_plan`` is it fitted to the store
        self._plan = plan.fitted_to(max_images)
        # Decoded size of the last stored image: the estimate for one not loaded before.
        self._last_cost: int | None = None
        self._task_signals = TaskSignals(self)
        self._task_signals.loaded.connect(self._on_loaded)
        self._task_signals.failed.connect(self._on_failed)
        self._task_signals.cancelled.connect(self._on_cancelled)
        self._clock = clock
        self._pace = Pace(clock)
        self.pause_timer = QTimer(self)  # the user stopped moving: the current image first
        self.pause_timer.setSingleShot(True)
        self.pause_timer.timeout.connect(self._on_pause)
        self._stamp_signals = StampSignals(self)
        self._stamp_signals.stamped.connect(self._on_stamped)
        self._paths: Sequence[str] = ()
        self._index_of: dict[str, int] = {}
        self._tasks: dict[str, LoadTask] = {}
        self._full_tasks: dict[str, LoadTask] = {}  # full resolution, for zooming in
        self._box = display_box
        self._stamp_tasks: dict[str, StampTask] = {}
        self._stamps: dict[str, tuple[int, int]] = {}
        self._infos: dict[str, ImageInfo] = {}
        # Failed or too big to keep: read again only when the user asks for them, never ahead.
        self._no_read_ahead: set[str] = set()
        self._failed: set[str] = set()
        self._current: int | None = None
        self._direction = Direction.FORWARD
        self._closed = False
        self.stats = ModelStats()
        self.stall_guard = StallGuard(self._pool, self._pool_tasks, parent=self)

    # -- what the window asks -------------------------------------------------------------

    @property
    def store(self) -> ImageStore[StoreKey, LoadResult]:
        """The store of finished images (read it; only the model writes it)."""
        return self._store

    @property
    def loader(self) -> Loader:
        """What reads and decodes each file (a ``FileLoader`` unless one was injected)."""
        return self._loader

    @property
    def plan(self) -> ReadAheadPlan:
        return self._plan

    @property
    def current_index(self) -> int | None:
        return self._current

    @property
    def direction(self) -> Direction:
        return self._direction

    @property
    def display_box(self) -> Size | None:
        return self._box

    def set_display_box(self, box: Size | None) -> None:
        """Deliver images fitted to ``box`` (device pixels) from now on; None: full size.

        Queued loads are retargeted in place rather than queued again, and the current image
        is re-rendered by at most one load at a time, however many resize events arrive.
        """
        if box == self._box:
            return
        self._box = box
        for task in self._tasks.values():
            if not task.started.is_set():
                task.fit = box
        self._refresh_current()

    def request_full(self, index: int) -> None:
        """Load ``index`` at full resolution (for zooming in); announced with ``imageReady``."""
        path = self._paths[index]
        full = self._lookup(path, None)
        if full is not None:
            self.imageReady.emit(index, full.image)
        elif path not in self._full_tasks and path not in self._no_read_ahead:
            task = LoadTask(path, self._loader, self._task_signals, fit=None)
            self._full_tasks[path] = task
            self._start(task, REQUEST_PRIORITY)

    def set_paths(self, paths: Sequence[str]) -> None:
        """Switch to another sequence. Stored images stay keyed by path, so reopening is free."""
        self._paths = paths
        self._index_of = {path: i for i, path in enumerate(paths)}
        self._current = None
        self._no_read_ahead.clear()
        self._take_back_queued(wanted=set())

    def reindex(self, paths: Sequence[str]) -> int | None:
        """Take a new listing of the same folder; returns the current image's new index.

        The current image stays current by path, and loads under way keep going. Returns None,
        with no image current, if the current path is not in ``paths``.
        """
        current = None if self._current is None else self._paths[self._current]
        self._paths = paths
        self._index_of = {path: i for i, path in enumerate(paths)}
        self._current = None if current is None else self._index_of.get(current)
        if self._current is None:
            self._take_back_queued(wanted=set())
        else:
            self._schedule_read_ahead()
        return self._current

    def count(self) -> int:
        return len(self._paths)

    def path(self, index: int) -> str:
        return self._paths[index]

    def request(self, index: int) -> bool:
        """Make ``index`` current. Returns True if its image was served from the store.

        A cached image is emitted with ``imageReady`` before this returns. Otherwise its load
        is started ahead of every queued prefetch, or the load already under way is awaited.
        """
        if not 0 <= index < len(self._paths):
            raise IndexError(f"index {index} out of range 0..{len(self._paths) - 1}")
        self._direction = direction_of(self._current, index, self._direction)
        self._pace.moved(0 if self._current is None else index - self._current)
        self._current = index
        path = self._paths[index]
        self._no_read_ahead.discard(path)
        result = self._lookup(path, self._box)
        if result is None:
            if not self._pace.outrunning():
                self._ensure_loading(path, REQUEST_PRIORITY)
            # else: it would arrive after the user has moved on; read ahead of them instead,
            # and load this one if they stop here (``pause_timer``).
            result = self._lookup_any(path)  # shown scaled until the sharp one arrives
        self.pause_timer.start(round(self._pace.pause_after() * 1000))
        self._schedule_read_ahead()
        self.stateChanged.emit(index)
        if result is None:
            return False
        self.imageReady.emit(index, result.image)
        self._check_stamp(path)
        return True

    def cached_image(self, index: int) -> QImage | None:
        """The stored image for ``index`` without touching the LRU order, or None."""
        key = self._key(self._paths[index], self._box)
        result = None if key is None else self._store.peek(key)
        return None if result is None else result.image

    def is_cached(self, index: int) -> bool:
        return self._is_stored(self._paths[index])

    def is_loading(self, index: int) -> bool:
        return self._paths[index] in self._tasks

    def image_info(self, index: int) -> ImageInfo | None:
        """Size and format of the image at ``index``, once it has been loaded."""
        return self._infos.get(self._paths[index])

    def wanted_span(self) -> range:
        """The indexes the read-ahead plan wants ready around the current one (interim)."""
        count = len(self._paths)
        if self._current is None or not 0 <= self._current < count:
            return range(0)
        targets = self._plan.targets(self._current, count, self._direction)
        return range(min(targets), max(targets) + 1)

    def _changed(self, path: str) -> None:
        """Tell the indicator the state of ``path``'s index may have changed (interim)."""
        index = self._index_of.get(path)
        if index is not None:
            self.stateChanged.emit(index)

    def state(self, index: int) -> SlotState:
        """Cached, loading, failed (at its last attempt) or absent; changes nothing."""
        path = self._paths[index]
        if self._is_stored(path):
            return SlotState.CACHED
        if path in self._tasks:
            return SlotState.LOADING
        return SlotState.FAILED if path in self._failed else SlotState.ABSENT

    def set_limits(self, max_images: int, max_bytes: int) -> None:
        """Resize the store now (evicting least recently used images) and refit the plan."""
        self._store.set_limits(max_images, max_bytes)
        self.set_plan(self._asked_plan)

    def set_plan(self, plan: ReadAheadPlan) -> None:
        """Read ahead and behind by ``plan`` from now on (fitted to the store's image count)."""
        self._asked_plan = plan
        self._plan = plan.fitted_to(self._store.max_count)
        self._schedule_read_ahead()
        if self._current is not None:
            self.stateChanged.emit(self._current)

    def set_threads(self, threads: int) -> None:
        """Use ``threads`` workers; running loads finish, extra threads start at once."""
        self._pool.setMaxThreadCount(threads)

    def thread_count(self) -> int:
        return self._pool.maxThreadCount()

    def idle(self) -> bool:
        """Whether no load is still to report back: results so far are all in the store."""
        return not self._tasks and not self._full_tasks

    def in_flight(self) -> int:
        """Loads queued or running right now (a load called off stops counting once its
        thread is free, before its signal is handled)."""
        return sum(1 for task in self._tasks.values() if not task.finished.is_set())

    def has_running_work(self) -> bool:
        """Whether a pool thread is still inside a task (a read that may never return)."""
        return self._pool.activeThreadCount() > 0

    def shutdown(self, wait: bool = False) -> None:
        """Drop queued work, call off running loads and ignore results still to come;
        optionally wait for the pool."""
        self._closed = True
        self.pause_timer.stop()
        self._take_back_queued(wanted=set())
        for path, stamp_task in list(self._stamp_tasks.items()):
            if self._take_back(stamp_task):
                del self._stamp_tasks[path]
        if wait:
            self._pool.waitForDone()

    # -- scheduling -------------------------------------------------------------------------

    def _pool_tasks(self) -> list[PoolTask]:
        return [*self._tasks.values(), *self._full_tasks.values(), *self._stamp_tasks.values()]

    def _key(self, path: str, box: Size | None) -> StoreKey | None:
        stamp = self._stamps.get(path)
        return None if stamp is None else (path, *stamp, box)

    def _check_stamp(self, path: str) -> None:
        """Stat a cached file off the GUI thread, to notice an edit in place."""
        if path not in self._stamp_tasks:
            task = StampTask(path, self._stamp_signals)
            self._stamp_tasks[path] = task
            self._start(task, STAMP_PRIORITY)

    def _is_stored(self, path: str) -> bool:
        key = self._key(path, self._box)
        return key is not None and self._store.contains(key)

    def _lookup(self, path: str, box: Size | None) -> LoadResult | None:
        key = self._key(path, box)
        return None if key is None else self._store.lookup(key)

    def _lookup_any(self, path: str) -> LoadResult | None:
        """The largest stored rendering of ``path``'s current version, at any box."""
        stamp = self._stamps.get(path)
        results = [
            result
            for key in self._store
            if key[0] == path and key[1:3] == stamp
            for result in [self._store.peek(key)]
            if result is not None
        ]
        return max(results, key=lambda result: result.cost, default=None)

    def _refresh_current(self) -> None:
        """Load the current image unless it is stored for the box in use, then read ahead.

        Runs after the box changed (a re-render) and when the user pauses after outrunning
        the loads."""
        if self._current is None or self._closed:
            return
        path = self._paths[self._current]
        if not self._is_stored(path) and path not in self._no_read_ahead:
            self._ensure_loading(path, REQUEST_PRIORITY)
        self._schedule_read_ahead()

    def _ensure_loading(self, path: str, priority: int) -> None:
        """Start a load for ``path`` unless one exists; a queued one is moved up to ``priority``."""
        task = self._tasks.get(path)
        if task is None:
            if priority == REQUEST_PRIORITY:
                self._make_room_for_request(path)
            task = LoadTask(path, self._loader, self._task_signals, self._box, self._clock)
            self._tasks[path] = task
            self.stats.loads_started += 1
            self.stats.peak_in_flight = max(self.stats.peak_in_flight, self.in_flight())
            self._start(task, priority)
            self._changed(path)
        elif priority == REQUEST_PRIORITY and self._take_back(task):
            self._start(task, priority)  # moved ahead of every queued read-ahead

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

    def _wanted(self) -> tuple[list[str], list[str]]:
        """Paths to load (current, then ahead) and paths to keep (behind)."""
        if self._current is None:
            return [], []
        lead = self._pace.lead()
        load, keep = self._plan.split(self._current, len(self._paths), self._direction, lead)
        return [self._paths[i] for i in load], [self._paths[i] for i in keep]

    def _passing(self) -> list[str]:
        """Paths the user will pass before the read-ahead: reads under way for them go on."""
        if self._current is None:
            return []
        lead = self._pace.lead()
        between = self._plan.passing(self._current, len(self._paths), self._direction, lead)
        return [self._paths[i] for i in between]

    def _schedule_read_ahead(self) -> None:
        """Keep the images ahead loading; read one behind only when nothing ahead is missing.

        An image behind is one the user has just seen, so it is normally stored already. If it
        is not (after a jump, or while a key is held), reading it would compete with the way
        the user is going, and a queued load of a passed-over image is taken back.

        No read-ahead starts while the current image is loading: on a share limited by
        bandwidth, a read beside it would halve the speed of the one the user waits for.
        """
        if self._current is None or self._closed:
            return
        load, keep = self._wanted()
        ahead_done = all(self._is_stored(p) or p in self._no_read_ahead for p in load)
        queue = load[1:] + (keep if ahead_done else [])
        wanted = set(load) | set(queue)
        self._take_back_queued(wanted, still_useful=wanted | set(keep) | set(self._passing()))
        if self._paths[self._current] in self._tasks:
            return  # the image the user waits for has the link to itself until it arrives
        for rank, path in enumerate(queue):
            if path in self._no_read_ahead or self._is_stored(path) or path in self._tasks:
                continue
            if not self._room_for(path):
                break
            self._ensure_loading(path, PREFETCH_PRIORITY - rank)

    # -- limits: loads in flight and the byte budget ------------------------------------------

    def _estimate(self, path: str) -> int:
        """Decoded bytes ``path`` will take: known from an earlier load, else the last image's."""
        info = self._infos.get(path)
        if info is None:
            return self._last_cost or 0
        size = (info.width, info.height)
        width, height = size if self._box is None else fit_within(size, self._box)
        return width * height * 4

    def reserved_cost(self) -> int:
        """Estimated decoded bytes of the loads queued or running, and of finished ones whose
        image has not reached the store yet (a load called off holds none)."""
        return sum(
            self._estimate(path)
            for path, task in self._tasks.items()
            if task.delivered or not task.finished.is_set()
        )

    def _in_flight_cap(self) -> int:
        """Loads queued or running never exceed one per thread plus the read-ahead."""
        return self._pool.maxThreadCount() + max(1, self._plan.ahead)

    def _room_for(self, path: str) -> bool:
        """Whether one more read-ahead fits under the in-flight cap and the byte budget."""
        if len(self._tasks) >= self._in_flight_cap():
            return False
        if self._last_cost is None and self._tasks:
            return False  # no size known yet: one load at a time until the first arrives
        load, keep = self._wanted()
        return self._make_room(self._estimate(path), protected=set(load) | set(keep))

    def _make_room(self, extra: int, protected: set[str]) -> bool:
        """Evict stored images, least recently used first, until stored + in flight + ``extra``
        fits the budget; images in ``protected`` are never evicted. False if it cannot fit."""
        budget = self._store.max_cost - self.reserved_cost() - extra
        for key in self._store:  # least recently used first
            if self._store.total_cost() <= budget:
                break
            if key[0] not in protected:
                self._store.remove(key)
        return self._store.total_cost() <= budget

    def _make_room_for_request(self, path: str) -> None:
        """Take queued read-ahead back, least urgent first, so the request stays within the cap."""
        load, keep = self._wanted()
        rank = {p: i for i, p in enumerate(load + keep)}
        queued = [p for p in self._tasks if p != path]
        for other in sorted(queued, key=lambda p: -rank.get(p, len(rank))):
            if len(self._tasks) < self._in_flight_cap():
                break
            if self._take_back(self._tasks[other]):
                del self._tasks[other]
                self.stats.loads_taken_back += 1
        # The request goes ahead in any case: images behind and ahead give way to it if need be.
        extra = self._estimate(path)
        if not self._make_room(extra, protected=set(rank)):
            self._make_room(extra, protected={path})

    def _take_back_queued(self, wanted: set[str], still_useful: set[str] | None = None) -> None:
        """Take loads that are no longer wanted back out of the pool, and call off running
        ones that are not even ``still_useful`` (they stop within a read chunk and report
        ``cancelled``). A running read of the image just behind, or of one the user is about
        to pass, may still land in time: it goes on, but no new one starts."""
        useful = wanted if still_useful is None else still_useful
        for path, task in list(self._tasks.items()):
            if path in wanted:
                continue
            if self._take_back(task):
                del self._tasks[path]
                self.stats.loads_taken_back += 1
            elif path not in useful and not task.call_off.is_set():
                task.call_off.set()
                self.stats.loads_called_off += 1

    def _take_back(self, task: PoolTask) -> bool:
        """Remove ``task`` from the pool's queue; False if a thread has already started it."""
        return not task.started.is_set() and self._pool.tryTake(task)

    # -- results, on the GUI thread ----------------------------------------------------------

    @pyqtSlot(object, object)
    def _on_loaded(self, task: LoadTask, result: LoadResult) -> None:
        self._forget(task)
        if self._closed:
            return
        path = result.path
        self._stamps[path] = result.stamp
        self._infos[path] = result.info
        self._failed.discard(path)
        if result.fit is not None or self._box is None:
            self._pace.loaded(result.seconds)  # full-size loads for zooming say nothing here
        kept = self._store.insert((path, *result.stamp, result.fit), result, result.cost)
        if kept:
            self._last_cost = result.cost  # an image too big to keep says little about the next
        load, keep = self._wanted()
        self._make_room(0, protected=set(load) | set(keep))
        if not kept:
            self._no_read_ahead.add(path)
        index = self._index_of.get(path)
        if index is not None and (kept or index == self._current):
            self.imageReady.emit(index, result.image)
        self._changed(path)
        if index == self._current and result.fit is not None and result.fit != self._box:
            self._refresh_current()  # made for a box the window has since left
        else:
            self._schedule_read_ahead()

    def _forget(self, task: LoadTask) -> None:
        """Drop the model's reference to a task that has signalled its result."""
        for tasks in (self._tasks, self._full_tasks):
            if tasks.get(task.path) is task:
                del tasks[task.path]

    @pyqtSlot(object)
    def _on_cancelled(self, task: LoadTask) -> None:
        """A load called off has stopped: its thread is free for what the user wants now."""
        self._forget(task)
        if not self._closed:
            self._schedule_read_ahead()
            self._changed(task.path)

    @pyqtSlot()
    def _on_pause(self) -> None:
        """The user has stopped moving: load the image they are on, then read ahead of it."""
        if self._pace.outrunning():  # a move came in meanwhile: wait for the real pause
            self.pause_timer.start(round(self._pace.pause_after() * 1000))
        else:
            self._refresh_current()

    @pyqtSlot(object, str)
    def _on_failed(self, task: LoadTask, message: str) -> None:
        self._forget(task)
        if self._closed:
            return
        log.warning("%s", message)
        self._no_read_ahead.add(task.path)
        self._failed.add(task.path)
        index = self._index_of.get(task.path)
        if index is not None:
            self.loadFailed.emit(index, message)
        self._changed(task.path)

    @pyqtSlot(str, object)
    def _on_stamped(self, path: str, stamp: tuple[int, int] | None) -> None:
        """A cached file changed on disk: forget the old pixels and read it again."""
        self._stamp_tasks.pop(path, None)
        known = self._stamps.get(path)
        if self._closed or stamp is None or known is None or stamp == known:
            return
        for key in self._store:
            if key[0] == path:
                self._store.remove(key)
        del self._stamps[path]
        index = self._index_of.get(path)
        if index is not None and index == self._current:
            self._ensure_loading(path, REQUEST_PRIORITY)
