"""FolderWatch: a ``QFileSystemWatcher`` on its own thread, so it never stats on the GUI thread.

``QFileSystemWatcher.addPath`` stats the folder (and inotify looks the path up) in the calling
thread: on a share that hangs, that froze the window. Here the watcher is made and used only
on a worker ``QThread`` with its own event loop; ``watch`` reaches it as queued
signals, and its ``directoryChanged`` comes back the same way. A hung ``addPath`` holds up
only later watches (polling still notices changes), never the window nor the exit (the app
leaves at once while ``has_running_work``).
"""

from __future__ import annotations

import logging
import threading

from PyQt5 import sip
from PyQt5.QtCore import QFileSystemWatcher, QObject, QThread, pyqtSignal, pyqtSlot

log = logging.getLogger(__name__)

#: Every watcher made, kept for the process's life: Qt owns its C++ side, this its Python
#: side (without a Python reference, its slots would be gone). None is ever deleted: a
#: Python-made QObject destroyed by Qt off the GUI thread asks for the GIL inside its
#: destructor while Qt holds one of its connection locks, and when the GUI thread, holding
#: the GIL, wanted that lock to connect a new widget, both waited forever (seen in CI).
#: Its ``QFileSystemWatcher`` (an inotify handle) is deleted from Python, GIL held.
_ALIVE: set[_Watcher] = set()
#: How long stopping waits for the watch thread to end (ms) when a watch still runs.
STOP_WAIT_MS = 1000


class _Watcher(QObject):
    """Lives on the watch thread: the only place the ``QFileSystemWatcher`` is touched.

    Signals:
        changed(str, bool): a folder watched changed, and whether it is watched still (the
            watch ends when the folder or its share goes away).
        done(str, bool): a folder asked for, and whether watching it began.
    """

    changed = pyqtSignal(str, bool)
    done = pyqtSignal(str, bool)

    def __init__(self, busy: threading.Event) -> None:
        super().__init__()
        self._busy = busy
        self._watcher: QFileSystemWatcher | None = None
        _ALIVE.add(self)

    @pyqtSlot(str)
    def on_asked(self, folder: str) -> None:
        """Watch ``folder`` instead of the one before, on the watch thread."""
        self._busy.set()
        try:
            added = self._watch(folder)
        finally:
            self._busy.clear()
        self.done.emit(folder, added)

    @pyqtSlot()
    def on_stop(self) -> None:
        """Stop watching and end the thread, on the watch thread."""
        if self._watcher is not None:
            sip.delete(self._watcher)
            self._watcher = None
        thread = self.thread()
        if thread is not None:
            thread.quit()

    def _watch(self, folder: str) -> bool:
        if self._watcher is None:  # made here, so it belongs to this thread
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._on_changed)
        watched = self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        if not self._watcher.addPath(folder):
            log.debug("Cannot watch %s; polling notices its changes", folder)
            return False
        return True

    @pyqtSlot(str)
    def _on_changed(self, folder: str) -> None:
        assert self._watcher is not None
        self.changed.emit(folder, folder in self._watcher.directories())


class FolderWatch(QObject):
    """Watches one folder at a time from a worker thread, started on the first ``watch``.

    Signals:
        changed(str): the folder watched changed (on the GUI thread).
    """

    changed = pyqtSignal(str)
    _asked = pyqtSignal(str)
    _stop = pyqtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = threading.Event()  # set while the watcher's call runs
        self._wanted: str | None = None
        self._done = False  # the watch of ``_wanted`` has begun or failed
        self._watched: str | None = None
        self._thread: QThread | None = None

    def watch(self, folder: str) -> None:
        """Watch ``folder`` instead of the one before."""
        self._ask(folder)

    def watched(self) -> str | None:
        """The folder being watched, once its watch has begun."""
        return self._watched

    def needs(self, folder: str) -> bool:
        """Whether ``folder`` is neither watched nor about to be (its watch failed or ended)."""
        return folder != self._wanted or (self._done and self._watched != folder)

    def has_running_work(self) -> bool:
        """Whether a watcher call has not returned (on a dead share ``addPath`` may never)."""
        return self._busy.is_set()

    def shutdown(self, wait: bool = False) -> bool:
        """Stop the thread once what it does now returns, and wait for it to end: at most
        ``STOP_WAIT_MS``, and not at all while a watch runs (it may hang on a dead share);
        with ``wait``, for as long as it takes. True if it has ended (or never started).

        A thread left to end on its own may do so while Python is finalising, and its event
        dispatcher's clean-up then raced the exit (GLib criticals on stderr, seen in CI).
        """
        thread, self._thread = self._thread, None
        self._wanted = self._watched = None
        if thread is None:
            return True
        self._stop.emit()  # the thread ends once what it does now returns
        if wait:
            return bool(thread.wait())
        return not self._busy.is_set() and bool(thread.wait(STOP_WAIT_MS))

    def _ask(self, folder: str) -> None:
        if self._thread is None:
            self._thread = self._start()
        self._wanted, self._watched, self._done = folder, None, False
        self._asked.emit(folder)

    def _start(self) -> QThread:
        thread = QThread()
        thread.setObjectName("folder-watch")
        worker = _Watcher(self._busy)
        worker.moveToThread(thread)
        # Qt owns both from here: the thread outlives this object until it has finished
        # (destroying a QThread that still runs aborts the process), the worker for good.
        thread.finished.connect(thread.deleteLater)
        for owned in (worker, thread):  # None means C++ (the stubs know only a wrapper)
            sip.transferto(owned, None)  # type: ignore[arg-type]
        self._asked.connect(worker.on_asked)
        self._stop.connect(worker.on_stop)
        worker.changed.connect(self._on_changed)
        worker.done.connect(self._on_done)
        thread.start()
        return thread

    @pyqtSlot(str, bool)
    def _on_changed(self, folder: str, still: bool) -> None:
        if folder == self._watched:
            self._watched = folder if still else None
            self.changed.emit(folder)

    @pyqtSlot(str, bool)
    def _on_done(self, folder: str, added: bool) -> None:
        if folder == self._wanted:
            self._watched, self._done = (folder if added else None), True
