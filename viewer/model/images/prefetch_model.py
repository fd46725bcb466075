"""PrefetchModel: serve the requested image at once if stored, and load ahead of the user.

The window calls ``request(index)``; the model answers from its ``Renderings`` or has its
``LoadQueue`` start a load, whose result comes back on the GUI thread, goes into the store and
is announced with ``imageReady`` (the window decides whether it is still wanted). This module
is the policy: what is wanted, when read-ahead starts, the user's pace and pauses.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.geometry import Size
from viewer.core.io.reading import FileStamp
from viewer.core.metadata.image_info import ImageInfo
from viewer.core.readahead.pace import Pace
from viewer.core.readahead.plan import Direction, ReadAheadPlan
from viewer.core.readahead.position import Position, Wanted
from viewer.core.readahead.renderings import RenderingKey, Renderings
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT, ImageStore
from viewer.model.images.after_paint import AfterPaint
from viewer.model.images.budget import Budget
from viewer.model.images.load_queue import PREFETCH_PRIORITY, REQUEST_PRIORITY, LoadQueue, LoadStats
from viewer.model.images.load_state import LoadState
from viewer.model.images.load_task import FileLoader, Loader, LoadResult
from viewer.model.images.stall_guard import StallGuard

log = logging.getLogger(__name__)


class PrefetchModel(QObject):
    """Owns the queue, the renderings and the read-ahead policy for one image sequence.

    Signals:
        imageReady(int, QImage): the image at an index finished loading (or was served from
            the store). Emitted for read-ahead too; listeners compare the index.
        loadFailed(int, str): the image at an index cannot be shown; the string says why.
        stateChanged(int): ``state(index)`` may have changed (a load started, stored, failed,
            called off or taken back, an image evicted), or ``request`` or ``reindex`` moved
            the current image to this index. After ``set_paths`` listeners read afresh.
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
        pause_timer: QTimer | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``clock`` times the user's moves, the loads and stuck reads; ``pause_timer``
        notices that the user has stopped (tests pass one they fire themselves)."""
        super().__init__(parent)
        self._queue = LoadQueue(loader or FileLoader(), threads=threads, clock=clock)
        self._queue.loaded.connect(self._on_loaded)
        self._queue.failed.connect(self._on_failed)
        self._queue.cancelled.connect(self._on_cancelled)
        self._queue.stamped.connect(self._on_stamped)
        self._queue.changed.connect(self._announce)
        self._renderings: Renderings[LoadResult] = Renderings(max_images, max_bytes, self._announce)
        self._budget = Budget(self._queue, self._renderings)
        self._asked_plan = plan  # as the user set it; ``_plan`` is it fitted to the store
        self._plan = plan.fitted_to(max_images)
        self._pace = Pace(clock)
        self._pause_timer = pause_timer if pause_timer is not None else QTimer(self)
        self._pause_timer.setSingleShot(True)  # the user stopped moving: the current image first
        self._pause_timer.timeout.connect(self._on_pause)
        self._after_paint = AfterPaint(self)  # read-ahead waits for an image's paint
        self._position = Position()
        self._display_box = display_box
        # Failed or too big to keep: read again only when the user asks for them, never ahead.
        self._no_read_ahead: set[str] = set()
        self._failed: set[str] = set()
        self._pinned: list[str] = []  # shown beside the current image (compare panes)

    # -- what the window asks -------------------------------------------------------------

    @property
    def store(self) -> ImageStore[RenderingKey, LoadResult]:
        """The store of finished images (read it; only the model writes it)."""
        return self._renderings.store

    @property
    def plan(self) -> ReadAheadPlan:
        return self._plan

    @property
    def current_index(self) -> int | None:
        return self._position.current

    @property
    def direction(self) -> Direction:
        return self._position.direction

    @property
    def display_box(self) -> Size | None:
        return self._display_box

    def set_display_box(self, display_box: Size | None) -> None:
        """Deliver images fitted to ``display_box`` (device pixels; None: full size) from now
        on. Queued loads are retargeted in place, and the current image is re-rendered by at
        most one load at a time, however many resize events arrive."""
        if display_box == self._display_box:
            return
        self._display_box = display_box
        self._queue.retarget(display_box)
        for path in {key.path for key in self.store}:
            self._announce(path)  # stored at the old box, or at the new one
        self._refresh_current()

    def request_full(self, index: int) -> None:
        """Load ``index`` at full resolution (for zooming in); announced with ``imageReady``."""
        path = self.path(index)
        if (full := self._renderings.lookup(path, None)) is not None:
            self.imageReady.emit(index, full.image)
        elif self._display_box is None and self._queue.is_loading(path):
            return  # read-ahead at full resolution already loads it
        elif path not in self._no_read_ahead:
            self._queue.start_full(path, REQUEST_PRIORITY)

    def pin(self, indexes: Sequence[int]) -> None:
        """Keep these images loaded at the display box beside the current one (the compare
        view's other panes): they load right after the current image, ahead of read-ahead,
        and are neither evicted nor called off until pinned no more (``pin([])``)."""
        self._pinned = [self.path(index) for index in indexes]
        self._schedule_read_ahead()

    def set_paths(self, paths: Sequence[str]) -> None:
        """Switch to another sequence. Stored images stay keyed by path, so reopening is free."""
        self._position.set_paths(paths)
        self._pinned = []
        self._no_read_ahead.clear()
        self._queue.take_back_or_call_off(wanted=set())

    def reindex(self, paths: Sequence[str]) -> int | None:
        """Take a new listing of the same folder; returns the current image's new index (by
        path; None if it is not listed any more). Loads under way keep going."""
        current = self._position.reindex(paths)
        if current is None:
            self._queue.take_back_or_call_off(wanted=set())
        else:
            self._schedule_read_ahead()
            self.stateChanged.emit(current)
        return current

    def count(self) -> int:
        return len(self._position.paths)

    def path(self, index: int) -> str:
        return self._position.paths[index]

    def request(self, index: int) -> bool:
        """Make ``index`` current; True if its image was served (emitted) from the store.

        Otherwise its load starts ahead of every queued prefetch, or the one under way is
        awaited; either way that load has the right of way (``LoadQueue.give_way_to``). Even
        while a held key outruns the loads: its first bytes bring the image's preview, and
        when the key is let go, the read of the image it stopped on is already under way.
        """
        self._pace.moved(self._position.move(index))
        path = self.path(index)
        self._no_read_ahead.discard(path)
        self._queue.give_way_to(path)
        result = self._renderings.lookup(path, self._display_box)
        if result is None:
            self._ensure_loading(path, REQUEST_PRIORITY)
            result = self._renderings.lookup_any(path)  # shown scaled until the sharp one
        self._pause_timer.start(round(self._pace.pause_after() * 1000))
        self._after_paint.run(self._schedule_read_ahead, wait=result is not None)
        self.stateChanged.emit(index)
        if result is None:
            return False
        self.imageReady.emit(index, result.image)
        self._queue.check_stamp(path)
        return True

    def cached_image(self, index: int) -> QImage | None:
        """The stored image for ``index`` without touching the LRU order, or None."""
        result = self._renderings.peek(self.path(index), self._display_box)
        return None if result is None else result.image

    def is_cached(self, index: int) -> bool:
        return self._is_stored(self.path(index))

    def is_loading(self, index: int) -> bool:
        return self._queue.is_loading(self.path(index))

    def image_info(self, index: int) -> ImageInfo | None:
        """Size and format of the image at ``index``, once it has been loaded."""
        return self._renderings.info(self.path(index))

    def state(self, index: int) -> LoadState:
        """Cached, loading, failed (at its last attempt) or absent; changes nothing."""
        path = self.path(index)
        if self._is_stored(path):
            return LoadState.CACHED
        if self._queue.is_loading(path):
            return LoadState.LOADING
        return LoadState.FAILED if path in self._failed else LoadState.ABSENT

    def wanted_span(self) -> range:
        """The indexes the read-ahead indicator shows: from the lowest to the highest index
        the plan wants ready around the current image; empty with no image current."""
        return self._position.span(self._plan)

    def set_limits(self, max_images: int, max_bytes: int) -> None:
        """Resize the store now (evicting least recently used images) and refit the plan."""
        self._renderings.set_limits(max_images, max_bytes)
        self.set_plan(self._asked_plan)

    def set_plan(self, plan: ReadAheadPlan) -> None:
        """Read ahead and behind by ``plan`` from now on (fitted to the store's image count)."""
        self._asked_plan = plan
        self._plan = plan.fitted_to(self.store.max_count)
        self._schedule_read_ahead()

    def reserved_cost(self) -> int:
        """Estimated decoded bytes of the loads that will still deliver an image."""
        return self._budget.reserved_cost(self._display_box)

    def shutdown(self, wait: bool = False) -> None:
        """Drop queued work, call off running loads, ignore late results; optionally wait."""
        self._pause_timer.stop()
        self._after_paint.cancel()
        self._queue.close(wait)

    def lead(self) -> int:
        """How many images ahead of the user read-ahead starts now (for tests; see ``Pace``)."""
        return self._pace.lead()

    # -- the pool, and the viewer's own file operations -----------------------------------------

    @property
    def queue(self) -> LoadQueue:
        """The pool and the loads on it (read it: thread counts, loads tracked)."""
        return self._queue

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

    def set_image_limit(self, max_bytes: int) -> None:
        """Decode each image within ``max_bytes`` from the next load on (an injected loader
        that is not a ``FileLoader`` keeps its own limits)."""
        if isinstance(self.loader, FileLoader):
            self.loader.set_max_bytes(max_bytes)

    def set_colour(self, colour: ColourSettings) -> None:
        """Convert colours with ``colour`` from the next load on; kept images stay as made."""
        if isinstance(self.loader, FileLoader):
            self.loader.set_colour(colour)

    def set_thumbnail_budget(self, budget_bytes: int) -> None:
        """Keep the thumbnail cache that display loads fill within ``budget_bytes``."""
        if isinstance(self.loader, FileLoader):
            self.loader.set_thumbnail_budget(budget_bytes)

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

    def file_stamp(self, path: str) -> FileStamp | None:
        """The version (size, mtime) of ``path`` read last; None if never read."""
        return self._renderings.stamp(path)

    def files_changed(self, changes: Sequence[tuple[str | None, str | None]]) -> None:
        """The viewer renamed (``(old, new)``) or removed (``(old, None)``) files: what is
        stored of them follows them, or goes, before the re-listing; read-ahead then goes on
        from wherever the window moves."""
        for old, new in changes:
            if old is not None:
                self._renderings.rename(old, new)
                self._failed.discard(old)

    # -- scheduling -------------------------------------------------------------------------

    @pyqtSlot(str)
    def _announce(self, path: str) -> None:
        """``stateChanged`` for the index of ``path``, if it is in the sequence."""
        index = self._position.index_of(path)
        if index is not None:
            self.stateChanged.emit(index)

    def _is_stored(self, path: str) -> bool:
        return self._renderings.has(path, self._display_box)

    def _refresh_current(self) -> None:
        """Load the current image unless it is stored for the box in use, then read ahead:
        after a resize, and when the user pauses after outrunning the loads."""
        path = self._position.current_path()
        if path is None or self._queue.closed:
            return
        if not self._is_stored(path) and path not in self._no_read_ahead:
            self._ensure_loading(path, REQUEST_PRIORITY)
        self._schedule_read_ahead()

    def _ensure_loading(self, path: str, priority: int) -> None:
        """Start a load for ``path`` unless one exists; a queued one is moved up to ``priority``."""
        box = self._display_box
        if not self._queue.is_loading(path):
            if priority == REQUEST_PRIORITY:
                self._budget.clear_way_for_request(path, box, self._plan.ahead, self._wanted())
            self._queue.start(path, box, priority)
        elif priority == REQUEST_PRIORITY:
            self._queue.promote(path, priority)  # ahead of every queued read-ahead

    def _wanted(self) -> Wanted:
        """Paths to load (current, pinned, then ahead) and paths to keep (behind)."""
        wanted = self._position.wanted(self._plan, self._pace.lead())
        if not self._pinned or not wanted.load:
            return wanted
        pinned = [p for p in self._pinned if p != wanted.load[0]]
        ahead = [p for p in wanted.load[1:] if p not in pinned]
        return Wanted(wanted.load[:1] + pinned + ahead, wanted.keep)

    def _passing(self) -> list[str]:
        """Paths the user will pass before the read-ahead: reads under way for them go on."""
        return self._position.passing(self._plan, self._pace.lead())

    def _schedule_read_ahead(self) -> None:
        """Keep the images ahead loading; read one behind only when nothing ahead is missing
        (it competes with the way the user is going); take back loads of passed images. None
        starts while the current image loads: on a share limited by bandwidth, a read beside
        it would halve the speed of the one the user waits for."""
        current = self._position.current_path()
        if current is None or self._queue.closed:
            return
        wanted = self._wanted()
        ahead_done = all(self._is_stored(p) or p in self._no_read_ahead for p in wanted.load)
        queue = wanted.load[1:] + (wanted.keep if ahead_done else [])
        to_load = set(wanted.load) | set(queue)
        useful = to_load | set(wanted.keep) | set(self._passing())
        self._queue.take_back_or_call_off(to_load, still_useful=useful)
        if self._queue.is_loading(current):
            return  # the image the user waits for has the link to itself until it arrives
        protected, box = wanted.all(), self._display_box
        for rank, path in enumerate(queue):
            if path in self._no_read_ahead or self._is_stored(path) or self._queue.is_loading(path):
                continue
            if not self._budget.read_ahead_fits(path, box, self._plan.ahead, protected):
                break
            self._ensure_loading(path, PREFETCH_PRIORITY - rank)

    # -- results, on the GUI thread ----------------------------------------------------------

    @pyqtSlot(object)
    def _on_loaded(self, result: LoadResult) -> None:
        path = result.path
        self._failed.discard(path)
        if result.display_box is not None or self._display_box is None:
            self._pace.loaded(result.seconds)  # full-size loads for zooming say nothing here
        key = RenderingKey(path, result.stamp, result.display_box)
        kept = self._renderings.add(key, result.info, result, result.cost)
        self._announce(path)
        self._budget.evict_to_fit(0, self._display_box, protected=self._wanted().all())
        if not kept:
            self._no_read_ahead.add(path)
        index, current = self._position.index_of(path), self._position.current
        left_behind = result.display_box not in (None, self._display_box)
        # Made for a box the window has since left: shown only if nothing at the box in use
        # is stored (at start-up, a hidden window's 100×30 view once replaced a sharp image).
        shown = not (left_behind and self._is_stored(path))
        if index is not None and (kept or index == current) and shown:
            self.imageReady.emit(index, result.image)
        if index == current and left_behind:
            self._refresh_current()
        else:
            self._after_paint.run(self._schedule_read_ahead, wait=index == current)

    @pyqtSlot(str)
    def _on_cancelled(self, path: str) -> None:
        """A load called off has stopped: its thread is free for what the user wants now."""
        self._announce(path)
        self._schedule_read_ahead()

    @pyqtSlot()
    def _on_pause(self) -> None:
        """The user has stopped moving: load the image they are on, then read ahead of it."""
        if self._pace.outrunning():  # a move came in meanwhile: wait for the real pause
            self._pause_timer.start(round(self._pace.pause_after() * 1000))
        else:
            self._refresh_current()

    @pyqtSlot(str, str)
    def _on_failed(self, path: str, message: str) -> None:
        log.warning("%s", message)
        self._no_read_ahead.add(path)
        self._failed.add(path)
        self._announce(path)
        index = self._position.index_of(path)
        if index is not None:
            self.loadFailed.emit(index, message)

    @pyqtSlot(str, object)
    def _on_stamped(self, path: str, stamp: FileStamp | None) -> None:
        """A stored file changed on disk: forget the old pixels and read it again."""
        if self._renderings.purge_if_edited(path, stamp) and path == self._position.current_path():
            self._ensure_loading(path, REQUEST_PRIORITY)
