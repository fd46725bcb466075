"""FolderLister: list a folder on a worker, report progress, and notice when it changes.

Listing a folder of 20,000 files on a share takes seconds, so it never runs on the GUI thread.
Changes are noticed two ways: ``QFileSystemWatcher`` (instant, but often silent on SMB, NFS
and FUSE mounts) and polling, a re-list every few seconds on the worker. Only a listing that
differs from the last one is announced, so polling an unchanged folder costs the window nothing.
"""

from __future__ import annotations

import logging
from typing import Callable

from PyQt5.QtCore import QObject, QThreadPool, QTimer, pyqtSignal, pyqtSlot

from viewer.core.folder.sequence import (
    DEFAULT_POLL_SECONDS,
    ImageSequence,
    Progress,
    SequenceError,
    list_image_names,
    natural_key,
)
from viewer.model.folder.watch import FolderWatch
from viewer.model.images.load_task import PoolTask

log = logging.getLogger(__name__)

#: ``(folder, on_progress) -> names in natural order``; raises ``SequenceError``.
Lister = Callable[[str, Progress], list[str]]


class NaturalLister:
    """``list_image_names`` that reuses the last natural order when the same names come back:
    a change beside the images (a sidecar the viewer wrote, which the watch reports as a
    change of the folder) then costs a scan, not a sort holding the GIL for ~50 ms per
    2,000 names while the user browses. Used on the lister's one thread only."""

    def __init__(self) -> None:
        self._last: tuple[str, list[str]] | None = None

    def __call__(self, folder: str, on_progress: Progress) -> list[str]:
        names = list_image_names(folder, on_progress, ordered=False)
        last = self._last
        if last is not None and last[0] == folder and set(names) == set(last[1]):
            return list(last[1])
        names.sort(key=natural_key)
        self._last = (folder, names)
        return list(names)


class ListSignals(QObject):
    """Carries a listing's progress and result from the pool thread to the GUI thread.

    Signals:
        progress(int, int): generation, entries seen so far.
        listed(ListTask, object): the task and its names.
        failed(ListTask, str): the task and a sentence saying why the folder cannot be listed.
    """

    progress = pyqtSignal(int, int)
    listed = pyqtSignal(object, object)
    failed = pyqtSignal(object, str)


class ListTask(PoolTask):
    """List one folder once; every exception becomes ``failed``."""

    def __init__(self, folder: str, generation: int, lister: Lister, signals: ListSignals):
        super().__init__(folder)
        self.generation = generation
        self._lister = lister
        self._signals = signals

    def work(self) -> None:
        try:
            names = self._lister(self.path, self._report)
        except SequenceError as error:
            self._signals.failed.emit(self, str(error))
        except Exception as error:
            log.exception("Unexpected error listing %s", self.path)
            self._signals.failed.emit(self, f"Cannot read folder {self.path}: {error}")
        else:
            self._signals.listed.emit(self, names)

    def _report(self, seen: int) -> None:
        self._signals.progress.emit(self.generation, seen)


class FolderLister(QObject):
    """Lists the open folder on its own one-thread pool and re-lists it when it may have changed.

    Signals:
        progress(int): entries seen so far by the first listing of the open folder.
        listed(ImageSequence): a listing that differs from the previous one (or the first).
        failed(str): the folder cannot be listed (gone, unreadable); the last listing stands.

    Attributes:
        poll_timer: fires a re-list every ``poll_seconds``; inactive when that is 0. Tests
            emit its ``timeout`` instead of waiting for it.
    """

    progress = pyqtSignal(int)
    listed = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(
        self,
        lister: Lister | None = None,
        *,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lister: Lister = lister if lister is not None else NaturalLister()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = ListSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.listed.connect(self._on_listed)
        self._signals.failed.connect(self._on_failed)
        self._watch = FolderWatch(self)  # on a thread of its own: adding a path stats it
        self._watch.changed.connect(self._on_directory_changed)
        self._folder: str | None = None
        self._generation = 0
        self._names: list[str] | None = None
        # Every task stays referenced until its result arrives (see PoolTask).
        self._tasks: set[ListTask] = set()
        self._relist_wanted = False
        self._unavailable = False
        self.poll_timer = QTimer(self)
        self.poll_timer.timeout.connect(self.relist)
        self._poll_seconds = 0.0
        self.set_poll_seconds(poll_seconds)

    @property
    def folder(self) -> str | None:
        return self._folder

    @property
    def poll_seconds(self) -> float:
        return self._poll_seconds

    def is_listing(self) -> bool:
        return any(task.generation == self._generation for task in self._tasks)

    def has_running_work(self) -> bool:
        """Whether a listing or a watch has not returned yet (on a dead share it never may)."""
        return bool(self._tasks) or self._watch.has_running_work()

    def set_poll_seconds(self, seconds: float) -> None:
        """Re-list every ``seconds`` while a folder is open; 0 turns polling off."""
        if seconds < 0:
            raise ValueError("poll interval must not be negative")
        self._poll_seconds = seconds
        self.poll_timer.setInterval(round(seconds * 1000))
        self._update_timer()

    def open(self, folder: str) -> None:
        """Forget the previous folder and start listing ``folder``."""
        self._folder = folder
        self._generation += 1
        self._names = None
        self._relist_wanted = False
        self._unavailable = False
        self._watch.watch(folder)
        self._start()
        self._update_timer()

    @pyqtSlot()
    def relist(self) -> None:
        """List the open folder again; a re-list already running is followed by one more."""
        if self._folder is None:
            return
        if self.is_listing():
            self._relist_wanted = True
        else:
            self._start()

    def adopt(self, names: list[str]) -> None:
        """The viewer changed the open folder itself and knows its names now: listings begun
        before the change are stale and dropped, and one more listing confirms the names
        (it is announced only if they differ)."""
        if self._folder is None:
            return
        self._generation += 1
        self._names = list(names)
        self._relist_wanted = False
        self._start()

    def shutdown(self, wait: bool = False) -> None:
        """Stop polling and ignore listings still to come."""
        self._folder = None
        self._generation += 1
        self.poll_timer.stop()
        self._watch.shutdown(wait)
        if wait:
            self._pool.waitForDone()

    def _start(self) -> None:
        assert self._folder is not None
        task = ListTask(self._folder, self._generation, self._lister, self._signals)
        self._tasks.add(task)
        self._pool.start(task)

    def _update_timer(self) -> None:
        if self._folder is not None and self._poll_seconds > 0:
            self.poll_timer.start()
        else:
            self.poll_timer.stop()

    def _finish(self, task: ListTask) -> bool:
        """Drop the finished task; True if its result is for the folder open now."""
        self._tasks.discard(task)
        current = task.generation == self._generation and self._folder is not None
        if current and self._relist_wanted:
            self._relist_wanted = False
            self._start()
        return current

    @pyqtSlot(str)
    def _on_directory_changed(self, folder: str) -> None:
        if folder == self._folder:
            self.relist()

    @pyqtSlot(int, int)
    def _on_progress(self, generation: int, seen: int) -> None:
        if generation == self._generation and self._names is None:
            self.progress.emit(seen)

    @pyqtSlot(object, object)
    def _on_listed(self, task: ListTask, names: list[str]) -> None:
        if not self._finish(task) or (names == self._names and not self._unavailable):
            return
        if self._watch.needs(task.path):
            self._watch.watch(task.path)  # the watch ends when a share goes away
        self._names = names
        self._unavailable = False
        self.listed.emit(ImageSequence(task.path, names))

    @pyqtSlot(object, str)
    def _on_failed(self, task: ListTask, message: str) -> None:
        if self._finish(task):
            log.debug("%s", message)  # the window tells the user
            self._unavailable = True
            self.failed.emit(message)
