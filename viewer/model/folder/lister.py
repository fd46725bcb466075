"""FolderLister: list a folder on a worker, report progress, and notice when it changes.

Listing a folder of 20,000 files on a share takes seconds, so it never runs on the GUI thread.
Changes are noticed two ways: ``QFileSystemWatcher`` (instant, but often silent on SMB, NFS
and FUSE mounts) and polling, a re-list every few seconds on the worker. Only a listing that
differs from the last one is announced, so polling an unchanged folder costs the window nothing.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot

from viewer.core.folder.sequence import (
    DEFAULT_POLL_SECONDS,
    ImageSequence,
    Progress,
    SequenceError,
    list_image_names,
    natural_key,
)
from viewer.core.folder.subfolders import FirstFound, list_image_paths
from viewer.model.folder.watch import FolderWatch
from viewer.model.images.load_task import PoolTask
from viewer.model.task_pools import task_pool

log = logging.getLogger(__name__)

#: How long the first walk of a folder waits after its first folder for the first image to be
#: shown before it goes on regardless (a view that never paints must not stop the walk).
FIRST_IMAGE_GRACE_S = 2.0

#: ``(folder, on_progress) -> names in natural order``; raises ``SequenceError``.
Lister = Callable[[str, Progress], list[str]]
#: ``(folder, on_progress, on_first) -> paths below folder, by folder then name``; raises
#: ``SequenceError``; ``on_first`` gets the first folder's images before the walk goes on.
Walker = Callable[[str, Progress, FirstFound], list[str]]


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


def _default_walker(folder: str, on_progress: Progress, on_first: FirstFound) -> list[str]:
    return list_image_paths(folder, on_progress, on_first)


class ListSignals(QObject):
    """Carries a listing's progress and result from the pool thread to the GUI thread.

    Signals:
        progress(int, int): generation, entries seen so far.
        partial(ListTask, object): the task and the first names of a walk still under way.
        listed(ListTask, object): the task and its names.
        failed(ListTask, str): the task and a sentence saying why the folder cannot be listed.
    """

    progress = pyqtSignal(int, int)
    partial = pyqtSignal(object, object)
    listed = pyqtSignal(object, object)
    failed = pyqtSignal(object, str)


class ListTask(PoolTask):
    """List one folder (or walk it with its subfolders) once; every exception becomes
    ``failed``.

    Attributes:
        go_on: set when the walk may go on past its first folder. The first walk of a folder
            waits there (at most ``FIRST_IMAGE_GRACE_S``) until the window shows the first
            image, so the rest of the walk does not compete with that image's read for the
            link; re-walks and plain listings never wait.
    """

    def __init__(
        self,
        folder: str,
        generation: int,
        lister: Lister,
        signals: ListSignals,
        walker: Walker | None = None,
        wait_after_first: bool = False,
    ):
        super().__init__(folder)
        self.generation = generation
        self._lister = lister
        self._walker = walker
        self._signals = signals
        self.go_on = threading.Event()
        if not wait_after_first:
            self.go_on.set()

    def work(self) -> None:
        try:
            if self._walker is not None:
                names = self._walker(self.path, self._report, self._first_found)
            else:
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

    def _first_found(self, names: list[str]) -> None:
        self._signals.partial.emit(self, names)
        self.go_on.wait(FIRST_IMAGE_GRACE_S)


class FolderLister(QObject):
    """Lists the open folder on its own one-thread pool and re-lists it when it may have changed.

    Signals:
        progress(int): entries seen so far by the first listing of the open folder.
        partial(ImageSequence): with subfolders, the first folder's images while the first
            walk goes on (in their final order: more can only follow them).
        listed(ImageSequence): a listing that differs from the previous one (or the first).
        failed(str): the folder cannot be listed (gone, unreadable); the last listing stands.

    Attributes:
        poll_timer: fires a re-list every ``poll_seconds``; inactive when that is 0. Tests
            emit its ``timeout`` instead of waiting for it.
    """

    progress = pyqtSignal(int)
    partial = pyqtSignal(object)
    listed = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(
        self,
        lister: Lister | None = None,
        *,
        walker: Walker = _default_walker,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lister: Lister = lister if lister is not None else NaturalLister()
        self._walker = walker
        self._recursive = False
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = ListSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.partial.connect(self._on_partial)
        self._signals.listed.connect(self._on_listed)
        self._signals.failed.connect(self._on_failed)
        self._watch = FolderWatch(self)  # on a thread of its own: adding a path stats it
        self._watch.changed.connect(self._on_directory_changed)
        self._folder: str | None = None
        self._generation = 0
        self._names: list[str] | None = None
        self._partial_given = False  # the first walk's first images were announced
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

    @property
    def recursive(self) -> bool:
        """Whether folders are listed with their subfolders, as one sequence."""
        return self._recursive

    def set_recursive(self, recursive: bool) -> None:
        """List with subfolders (or not) from the next ``open`` on."""
        self._recursive = recursive

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

    @pyqtSlot(int)
    def image_shown(self, _index: int) -> None:
        """The window shows an image of the folder: a first walk waiting after its first
        folder goes on."""
        self._let_walks_go_on()

    def _let_walks_go_on(self) -> None:
        for task in self._tasks:
            task.go_on.set()

    def open(self, folder: str) -> None:
        """Forget the previous folder and start listing ``folder``."""
        self._let_walks_go_on()  # an older walk's wait must not hold the one thread
        self._folder = folder
        self._generation += 1
        self._names = None
        self._partial_given = False
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
        self._let_walks_go_on()
        self._folder = None
        self._generation += 1
        self.poll_timer.stop()
        self._watch.shutdown(wait)
        if wait:
            self._pool.waitForDone()

    def _start(self) -> None:
        assert self._folder is not None
        walker = self._walker if self._recursive else None
        first_walk = walker is not None and self._names is None and not self._partial_given
        task = ListTask(self._folder, self._generation, self._lister, self._signals, walker,
                        wait_after_first=first_walk)  # fmt: skip
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
    def _on_partial(self, task: ListTask, names: list[str]) -> None:
        """Only the first walk of a folder shows its first images early; a re-walk's would
        take the rest away until it ends."""
        current = task.generation == self._generation and self._folder is not None
        if current and self._names is None and not self._partial_given:
            self._partial_given = True
            self.partial.emit(ImageSequence(task.path, names))

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
