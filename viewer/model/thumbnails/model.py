"""ThumbnailModel: the folder as a list model whose thumbnails arrive lazily, visible first.

One model serves the grid and the film strip. Each view says which rows it shows
(``set_visible``); the model loads those first, then a little around them
(``viewer.core.previews.thumb_order``), on a small pool of its own, so thumbnail reads never take a
thread from the main image. The pool gets a few loads at a time (two per thread) and the
rest wait in order here, so a scroll reorders a list: loads for rows scrolled away are
taken back out of the pool (``tryTake``) or dropped from the list, and a running one is
called off at its next read chunk. While the main image loads, ``set_held(True)`` keeps
every thumbnail read not yet running off the link (``ThumbnailHold`` drives it).

Thumbnails in memory have a budget of their own (least recently used go first). Pixmaps are
made here, on the GUI thread, from the worker's QImage. Failures keep their reason, which
the views show as a placeholder with the reason in the tooltip.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

from PyQt5.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    pyqtSlot,
)
from PyQt5.QtGui import QImage, QPixmap

from viewer.core.previews.thumb_order import wanted_rows
from viewer.core.readahead.store import ImageStore
from viewer.model.task_pools import task_pool
from viewer.model.thumbnails.state import PathRole, StateRole, Thumbnail, ThumbnailState
from viewer.model.thumbnails.task import (
    ThumbnailLoader,
    ThumbnailSignals,
    ThumbnailTask,
)

log = logging.getLogger(__name__)

#: The freedesktop cache's sizes: ``normal``, ``large`` and ``x-large``.
THUMBNAIL_SIZES = (128, 256, 512)
DEFAULT_SIZE = 128
DEFAULT_BUDGET = 64 << 20  # bytes of thumbnail pixels kept in memory
#: Three, measured (bench_thumbs, wifi): a thumbnail costs a stat's round trip on the share
#: (and a 64 KB read when not cached); threads overlap them. First screen, cold / warm:
#: 1 thread 1613 / 602 ms, 2 threads 604–892 / 216–334 ms, 3 threads 442–581 / 177–298 ms.
#: The main image loses little by it: thumbnails are held while it loads (``set_held``).
THREADS = 3
_QUEUE_PER_THREAD = 2  # tasks in the pool per thread; the rest wait in ``_pending``
_MAX_ITEMS = 1 << 20  # the store's count bound; the byte budget is the one that binds


class ThumbnailModel(QAbstractListModel):
    """The folder's paths, with thumbnails supplied lazily for the rows views show.

    Attributes:
        loads_started: thumbnail loads handed to the pool since the last ``set_paths``
            (loads taken back and started again count once each time).
    """

    def __init__(
        self,
        loader: ThumbnailLoader,
        *,
        size: int = DEFAULT_SIZE,
        budget_bytes: int = DEFAULT_BUDGET,
        threads: int = THREADS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._size = size
        self._budget = budget_bytes
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(threads)
        self._signals = ThumbnailSignals(self)
        self._signals.made.connect(self._on_made)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._store: ImageStore[str, Thumbnail] = ImageStore(_MAX_ITEMS, budget_bytes)
        self._paths: list[str] = []
        self._row_of: dict[str, int] = {}
        self._failures: dict[str, str] = {}
        self._tasks: dict[str, ThumbnailTask] = {}
        # Called off for an old folder but still running: kept referenced until they signal,
        # since a running QRunnable must outlive its ``run``.
        self._retired: set[ThumbnailTask] = set()
        self._visible: dict[str, range] = {}
        self._held = False
        self._closed = False
        self._generation = 0
        self._wanted: list[int] = []
        self._pending: list[str] = []  # wanted, not yet handed to the pool, most urgent first
        self.loads_started = 0
        self._schedule_timer = QTimer(self)  # scroll events come in bursts: schedule once
        self._schedule_timer.setSingleShot(True)
        self._schedule_timer.setInterval(0)
        self._schedule_timer.timeout.connect(self._on_schedule)

    # -- the folder ------------------------------------------------------------------------

    def set_paths(self, paths: Sequence[str]) -> None:
        """Show a new folder or a new listing: loads and failures start again; thumbnails in
        memory stay for the paths still listed (a re-list does not blank the grid)."""
        if list(paths) == self._paths:
            return
        self.beginResetModel()
        self._generation += 1
        self._drop_all_tasks()
        self._paths = list(paths)
        self._row_of = {path: row for row, path in enumerate(self._paths)}
        self._failures.clear()
        for path in self._store:
            if path not in self._row_of:
                self._store.remove(path)
        self._wanted, self._pending = [], []
        self.loads_started = 0
        self.endResetModel()
        self._schedule_soon()

    def path(self, row: int) -> str:
        return self._paths[row]

    def row_of(self, path: str) -> int | None:
        return self._row_of.get(path)

    # -- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._paths):
            return None
        path = self._paths[index.row()]
        if role == Qt.DisplayRole:
            return os.path.basename(path)
        if role == Qt.DecorationRole:
            thumbnail = self._store.lookup(path)  # a paint marks it recently used
            return None if thumbnail is None else thumbnail.pixmap
        if role == Qt.ToolTipRole:
            failure = self._failures.get(path)
            return path if failure is None else f"{path}\n{failure}"
        if role == StateRole:
            return self.state(index.row())
        if role == PathRole:
            return path
        return None

    # -- what the views say ---------------------------------------------------------------

    def set_visible(self, view: str, rows: range) -> None:
        """``view`` now shows ``rows`` (an empty range when it is hidden)."""
        if self._visible.get(view) != rows:
            self._visible[view] = rows
            self._schedule_soon()

    @property
    def thumbnail_size(self) -> int:
        return self._size

    def set_thumbnail_size(self, size: int) -> None:
        """Load at ``size`` from now on; smaller thumbnails stay shown until replaced."""
        if size != self._size:
            self._size = size
            self._schedule_soon()

    def set_held(self, held: bool) -> None:
        """Hold thumbnail reads (the main image is loading) or let them go on."""
        if held != self._held:
            self._held = held
            if held:  # at once, not on the timer: a pool thread could start one meanwhile
                taken = [path for path, task in self._tasks.items() if self._take_back(task)]
                for path in taken:
                    del self._tasks[path]
                self._pending[:0] = taken
            self._schedule_soon()

    @property
    def held(self) -> bool:
        return self._held

    # -- what the views and tests ask -------------------------------------------------------

    def state(self, row: int) -> ThumbnailState:
        path = self._paths[row]
        if path in self._failures:
            return ThumbnailState.FAILED
        if path in self._tasks:
            return ThumbnailState.LOADING
        return ThumbnailState.READY if path in self._store else ThumbnailState.EMPTY

    def thumbnail(self, row: int) -> QPixmap | None:
        """The row's thumbnail in memory, without marking it used; None if there is none."""
        thumbnail = self._store.peek(self._paths[row])
        return None if thumbnail is None else thumbnail.pixmap

    def failure(self, row: int) -> str | None:
        """Why the row has no thumbnail, as a sentence; None unless it failed."""
        return self._failures.get(self._paths[row])

    def wanted(self) -> list[int]:
        """Rows the model wants thumbnails for, most urgent first (as last scheduled)."""
        return list(self._wanted)

    @property
    def budget_bytes(self) -> int:
        return self._budget

    def set_budget(self, budget_bytes: int) -> None:
        """Change the memory budget, evicting least recently used thumbnails over it."""
        self._budget = budget_bytes
        self._store.set_limits(_MAX_ITEMS, budget_bytes)
        self._schedule_soon()

    def memory_used(self) -> int:
        """Bytes of thumbnail pixels in memory."""
        return self._store.total_cost()

    def in_flight(self) -> int:
        """Thumbnail loads queued or running (for this folder)."""
        return len(self._tasks)

    def idle(self) -> bool:
        """Nothing queued, running or about to be scheduled."""
        waiting = bool(self._pending) and not self._held
        busy = bool(self._tasks) or bool(self._retired) or waiting
        return not busy and not self._schedule_timer.isActive()

    def has_running_work(self) -> bool:
        """Whether a pool thread is still inside a thumbnail (a read may hang on a share)."""
        return self._pool.activeThreadCount() > 0

    def shutdown(self, wait: bool = False) -> None:
        """Take back queued loads, call off running ones, ignore what still arrives."""
        self._closed = True
        self._schedule_timer.stop()
        self._pending.clear()
        self._drop_all_tasks()
        if wait:
            self._pool.waitForDone()

    # -- scheduling --------------------------------------------------------------------------

    def _schedule_soon(self) -> None:
        if not self._closed:
            self._schedule_timer.start()

    @pyqtSlot()
    def _on_schedule(self) -> None:
        """Order the wanted rows' loads; take back queued ones and call off unwanted ones."""
        limit = max(1, self._budget // _estimated_cost(self._size))
        self._wanted = wanted_rows(list(self._visible.values()), len(self._paths), limit)
        wanted = [self._paths[row] for row in self._wanted]
        wanted_set = set(wanted)
        for path, task in list(self._tasks.items()):
            if self._take_back(task):  # queued: back in line below, in the new order
                del self._tasks[path]
            elif path not in wanted_set:
                task.call_off.set()  # running: stops at its next read chunk
        self._pending = [path for path in wanted if path not in self._tasks]
        self._feed()

    def _feed(self) -> None:
        """Hand the next pending loads to the pool, keeping its queue short: a scroll, a hold
        or a new order then takes back a few tasks, not hundreds."""
        depth = _QUEUE_PER_THREAD * self._pool.maxThreadCount()
        while not self._held and self._pending and len(self._tasks) < depth:
            path = self._pending.pop(0)
            if path not in self._tasks and self._needs_load(path):
                self._start(path)

    def _needs_load(self, path: str) -> bool:
        if path in self._failures:
            return False
        stored = self._store.peek(path)
        return stored is None or stored.size < self._size

    def _start(self, path: str) -> None:
        task = ThumbnailTask(path, self._size, self._generation, self._loader, self._signals)
        self._tasks[path] = task
        self.loads_started += 1
        # All at one priority: Qt keeps equal priorities first in, first out.
        self._pool.start(task)

    def _take_back(self, task: ThumbnailTask) -> bool:
        return not task.started.is_set() and self._pool.tryTake(task)

    def _drop_all_tasks(self) -> None:
        for task in self._tasks.values():
            if not self._take_back(task):
                task.call_off.set()
                self._retired.add(task)
        self._tasks.clear()

    def _finished(self, task: ThumbnailTask) -> bool:
        """Forget ``task``; True if its result still belongs to this folder."""
        if self._tasks.get(task.path) is task:
            del self._tasks[task.path]
        self._retired.discard(task)
        return not self._closed and task.generation == self._generation

    def _changed(self, path: str) -> None:
        row = self._row_of.get(path)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.DecorationRole, Qt.ToolTipRole, StateRole])

    # -- results, on the GUI thread ----------------------------------------------------------

    @pyqtSlot(object, QImage)
    def _on_made(self, task: ThumbnailTask, image: QImage) -> None:
        if not self._finished(task) or task.path not in self._row_of:
            return
        stored = self._store.peek(task.path)
        if stored is None or stored.size <= task.size:
            pixmap = QPixmap.fromImage(image)
            self._store.insert(task.path, Thumbnail(pixmap, task.size), image.sizeInBytes())
            self._changed(task.path)
        if task.size < self._size:
            self._schedule_soon()  # made before the size grew: the larger one is still due
        self._feed()

    @pyqtSlot(object, str)
    def _on_failed(self, task: ThumbnailTask, message: str) -> None:
        if not self._finished(task) or task.path not in self._row_of:
            return
        self._feed()
        log.info("%s", message)
        self._failures[task.path] = message
        self._changed(task.path)

    @pyqtSlot(object)
    def _on_cancelled(self, task: ThumbnailTask) -> None:
        if self._finished(task):
            self._changed(task.path)  # back to empty; wanted again later, it is re-queued
            self._feed()
            if self._row_of.get(task.path) in self._wanted:
                self._schedule_soon()


def _estimated_cost(size: int) -> int:
    """Bytes a thumbnail of ``size`` may take: a square at 4 bytes a pixel (most are less)."""
    return size * size * 4
