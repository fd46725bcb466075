"""VerdictBook: the open folder's verdicts in memory, read and written on the model's workers.

A key press changes the verdict here at once (``apply``) and the views repaint; the sidecar
is written on a one-thread pool, so a rating never waits on the share and writes land in the
order they were made. A write that fails puts the old verdict back and says why in one
sentence (``problem``). Opening a folder reads every image's verdict on a second pool, in
batches, so a filter refines as they arrive (``changed``) while browsing goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot

from viewer.core.folder.sidecars import SidecarStyle
from viewer.core.verdicts.api import VerdictWrite
from viewer.core.verdicts.model import Edit, Verdict
from viewer.model.task_pools import task_pool
from viewer.model.verdicts.core_calls import VerdictIO
from viewer.model.verdicts.tasks import (
    READ_BATCH,
    ReadTask,
    SharedListing,
    VerdictSignals,
    WriteTask,
)
from viewer.model.verdicts.undo_records import verdict_entry

CLOSE_WAIT_MS = 10_000
#: Verdict reads at once: two overlap the share's round trips while leaving most of the link
#: to the images being browsed (each read is at most 64 KB).
READ_THREADS = 2
#: How long a decision waits before its sidecar is written: the image asked for next loads
#: first. Every key press starts the wait again, so a burst of keys is written together.
WRITE_DELAY_MS = 300


class VerdictBook(QObject):
    """Verdicts by path: known ones, the ones being written, and sidecars that cannot be read.

    Signals:
        changed(object): the list of paths whose verdict (or problem) changed.
        progress(int, int): verdicts read so far, of how many (the folder's read).
        problem(str): a sentence for the status bar (a write failed, a sidecar is unsafe).
        written(object): a ``JournalEntry`` of the writes that changed sidecars, for undo.
        idle(): no write is pending any more.
    """

    changed = pyqtSignal(object)
    progress = pyqtSignal(int, int)
    problem = pyqtSignal(str)
    written = pyqtSignal(object)
    idle = pyqtSignal()

    def __init__(
        self,
        io: VerdictIO | None = None,
        style: SidecarStyle = SidecarStyle.NAME_EXT,
        parent: QObject | None = None,
        read_batch: int = READ_BATCH,
        read_threads: int = READ_THREADS,
        write_delay_ms: int = WRITE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._io = io or VerdictIO()
        self._read_batch = read_batch
        self.style = style
        self._verdicts: dict[str, Verdict] = {}
        self._problems: dict[str, str] = {}
        self._asked: set[str] = set()  # read, or being read, in this folder
        self._folder: str | None = None
        self._names: list[str] | None = None
        self._generation = 0
        self._wanted = 0
        self._read_count = 0
        self._reads: set[ReadTask] = set()
        self._writes: list[WriteTask] = []
        self._signals = VerdictSignals(self)
        self._signals.listed.connect(self._on_listed)
        self._signals.read.connect(self._on_read)
        self._signals.readDone.connect(self._on_read_done)
        self._signals.written.connect(self._on_written)
        self._read_pool = task_pool(self)
        self._read_pool.setMaxThreadCount(read_threads)
        self._read_threads = read_threads
        self._waiting: list[tuple[list[tuple[str, Edit]], dict[str, Verdict | None]]] = []
        self._write_timer = QTimer(self)
        self._write_timer.setSingleShot(True)
        self._write_timer.setInterval(write_delay_ms)
        self._write_timer.timeout.connect(self.flush)
        self._write_pool = task_pool(self)
        self._write_pool.setMaxThreadCount(1)  # one after another: the order they were made

    # -- what the views ask -------------------------------------------------------------------

    def verdict(self, path: str) -> Verdict | None:
        """The verdict of ``path``; None while it has not been read."""
        return self._verdicts.get(path)

    def problem_of(self, path: str) -> str | None:
        """Why ``path``'s sidecar cannot be read safely, if it cannot."""
        return self._problems.get(path)

    def known(self) -> int:
        """How many of the folder's images have their verdict read (or failed to)."""
        return self._read_count

    def wanted(self) -> int:
        return self._wanted

    def is_reading(self) -> bool:
        return any(task.generation == self._generation for task in self._reads)

    @property
    def pending_writes(self) -> int:
        """Edits not yet written: waiting for their delay, or on the write pool."""
        return len(self._waiting) + len(self._writes)

    def has_running_work(self) -> bool:
        """Whether a read or a write has not returned yet (on a dead share it never may)."""
        reads = any(not task.finished.is_set() for task in self._reads)
        return reads or any(not task.finished.is_set() for task in self._writes)

    # -- the folder ---------------------------------------------------------------------------

    def open_folder(self, folder: str, images: Sequence[str]) -> None:
        """Forget the last folder's verdicts and read these images' (on the read pool)."""
        self._call_off_reads()
        self._generation += 1
        self._folder = folder
        self._names = None
        self._verdicts.clear()
        self._problems.clear()
        self._asked.clear()
        self._read_count = 0
        self._wanted = len(images)
        self._read(images)

    def add_images(self, images: Iterable[str]) -> None:
        """Images that arrived in the open folder (a re-list): read the ones not known."""
        new = [p for p in images if p not in self._asked]
        if new and self._folder is not None:
            self._wanted += len(new)
            self._read(new)

    def reread(self, images: Sequence[str]) -> None:
        """Read these images again (their sidecars changed under the viewer: an undo)."""
        if images and self._folder is not None:
            self._names = None  # an undo may have removed a sidecar: list again
            self._read(images)

    def _read(self, images: Sequence[str]) -> None:
        """Read on ``read_threads`` tasks, each taking every n-th image, so the verdicts
        arrive in the folder's order while round trips overlap; one listing serves them."""
        assert self._folder is not None
        self._asked.update(images)
        listing = SharedListing(self._names)
        count = max(1, min(self._read_threads, len(images)))
        for share in range(count):
            task = ReadTask(self._folder, images[share::count], self._generation, self._io,
                            self._signals, listing, self._read_batch)  # fmt: skip
            self._reads.add(task)
            self._read_pool.start(task)

    def _call_off_reads(self) -> None:
        for task in list(self._reads):
            task.call_off.set()
            if self._read_pool.tryTake(task):
                self._reads.discard(task)

    # -- decisions ----------------------------------------------------------------------------

    def apply(self, edits: Sequence[tuple[str, Edit]]) -> None:
        """Make each edit in memory now (``changed``), and in its sidecars on the write pool
        once ``write_delay_ms`` have passed: the next image, asked for right after a rating
        key, then loads without a write beside it."""
        edits = [(path, edit) for path, edit in edits if not edit.empty]
        if not edits:
            return
        before = {path: self._verdicts.get(path) for path, _ in edits}
        for path, edit in edits:
            self._verdicts[path] = edit.applied_to(self._verdicts.get(path) or Verdict())
        self._waiting.append((edits, before))
        self._write_timer.start()
        self.changed.emit([path for path, _ in edits])

    @pyqtSlot()
    def flush(self) -> None:
        """Start every write waiting for its delay, in the order the edits were made."""
        self._write_timer.stop()
        for edits, before in self._waiting:
            task = WriteTask(edits, self._names, self.style, self._io, self._signals)
            task.before = before
            self._writes.append(task)
            self._write_pool.start(task)
        self._waiting.clear()

    def shutdown(self, wait: bool = True) -> None:
        """Stop reading; with ``wait``, let the writes already made land first (at most
        ``CLOSE_WAIT_MS``: on a share that stopped answering, the sidecars keep their old
        bytes, never half-written ones)."""
        self._generation += 1
        self._call_off_reads()
        self.flush()
        if wait:
            self._write_pool.waitForDone(CLOSE_WAIT_MS)

    # -- the workers' news --------------------------------------------------------------------

    @pyqtSlot(int, object)
    def _on_listed(self, generation: int, names: list[str]) -> None:
        if generation == self._generation:
            self._names = names

    @pyqtSlot(int, object, object)
    def _on_read(
        self, generation: int, found: dict[str, Verdict], problems: dict[str, str]
    ) -> None:
        if generation != self._generation:
            return
        pending = {path for task in self._writes for path, _ in task.edits}
        pending |= {path for edits, _ in self._waiting for path, _ in edits}
        for path, verdict in found.items():
            if path not in pending:  # the user's decision, still on its way, wins
                self._verdicts[path] = verdict
            self._problems.pop(path, None)
        self._problems.update(problems)
        self._read_count = min(self._wanted, self._read_count + len(found) + len(problems))
        self.progress.emit(self._read_count, self._wanted)
        if found or problems:
            self.changed.emit([*found, *problems])

    @pyqtSlot(object)
    def _on_read_done(self, task: ReadTask) -> None:
        self._reads.discard(task)
        self._reads = {other for other in self._reads if not other.call_off.is_set()
                       or not other.finished.is_set()}  # fmt: skip
        if task.generation == self._generation:
            self.progress.emit(self._read_count, self._wanted)

    @pyqtSlot(object, object, object)
    def _on_written(
        self, task: WriteTask, writes: list[VerdictWrite], problems: dict[str, str]
    ) -> None:
        if task in self._writes:
            self._writes.remove(task)
        for write in writes:
            self._verdicts[write.image] = write.verdict
            if self._names is not None:
                for change in write.changes:
                    name = os.path.basename(change.path)
                    if change.before is None and name not in self._names:
                        self._names.append(name)
        undoable = tuple(write for write in writes if write.changes)
        if undoable:
            self.written.emit(verdict_entry(undoable, self._io))
        if problems:
            later = {path for other in self._writes for path, _ in other.edits}
            later |= {path for edits, _ in self._waiting for path, _ in edits}
            for path in problems:
                if path not in later:  # not saved: memory shows what the sidecar says
                    self._put_back(path, task.before.get(path))
            self.problem.emit(_sentence(problems))
        if writes or problems:
            self.changed.emit([*(w.image for w in writes), *problems])
        if not self._writes and not self._waiting:
            self.idle.emit()

    def _put_back(self, path: str, verdict: Verdict | None) -> None:
        if verdict is None:
            self._verdicts.pop(path, None)
        else:
            self._verdicts[path] = verdict


def _sentence(problems: dict[str, str]) -> str:
    first = next(iter(problems.values()))
    more = len(problems) - 1
    return first if not more else f"{first} ({more:,} more not saved.)"
