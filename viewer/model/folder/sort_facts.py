"""The folder's sort order, with the facts it needs (date taken, mtime, size) read on a worker.

Names are ordered at once with what is known; files not read yet wait at the end in name
order. A worker then reads each file's facts (a ``stat``, and 64 KB for date taken), and
every ``BATCH`` files the order is announced again, so the window re-sorts as dates arrive
while the current image stays current (``PrefetchModel.reindex``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Callable

from PyQt5.QtCore import QObject, QRunnable, pyqtSignal, pyqtSlot

from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.core.folder.sort_keys import FileFacts, read_file_facts, sorted_names
from viewer.core.io.paths import join
from viewer.model.task_pools import task_pool

log = logging.getLogger(__name__)

#: ``(path, want_date) -> FileFacts``; tests inject slow or counting ones.
FactReader = Callable[[str, bool], FileFacts]
#: Facts announced together: often enough to see progress, rarely enough to re-sort cheaply.
BATCH = 32


class _ReadSignals(QObject):
    batch = pyqtSignal(int, object)  # generation, {name: FileFacts}
    done = pyqtSignal(int)  # generation


class _ReadTask(QRunnable):
    """Read the facts of ``names`` in ``folder`` until done or called off."""

    def __init__(self, generation: int, folder: str, names: list[str], want_date: bool,
                 reader: FactReader, signals: _ReadSignals) -> None:  # fmt: skip
        super().__init__()
        self.generation = generation
        self.call_off = threading.Event()
        self._folder, self._names, self._want_date = folder, names, want_date
        self._reader, self._signals = reader, signals

    def run(self) -> None:
        found: dict[str, FileFacts] = {}
        try:
            for name in self._names:
                if self.call_off.is_set():
                    return
                found[name] = self._reader(join(self._folder, name), self._want_date)
                if len(found) >= BATCH:
                    self._signals.batch.emit(self.generation, found)
                    found = {}
        except Exception:  # a reader that breaks must not leave the order half-announced
            log.exception("reading sort facts in %s", self._folder)
        if found:
            self._signals.batch.emit(self.generation, found)
        self._signals.done.emit(self.generation)


class FolderSorter(QObject):
    """Orders a folder's names by the chosen key, gathering facts in the background.

    Signals:
        reordered(): more facts arrived; ``order()`` now gives a better order.
        progress(int, int): files whose facts are known, of how many.
        finished(): every file's facts are in (or the order needs none).
    """

    reordered = pyqtSignal()
    progress = pyqtSignal(int, int)
    finished = pyqtSignal()

    def __init__(self, reader: FactReader = read_file_facts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(1)  # one file at a time: image loads keep the bandwidth
        self._signals = _ReadSignals(self)
        self._signals.batch.connect(self._on_batch)
        self._signals.done.connect(self._on_done)
        self._choice = SortChoice()
        self._folder = ""
        self._names: list[str] = []
        self._facts: dict[str, FileFacts] = {}
        self._dated: set[str] = set()  # names whose date taken was read (not only stat)
        self._generation = 0
        self._task: _ReadTask | None = None

    @property
    def choice(self) -> SortChoice:
        return self._choice

    def set_choice(self, choice: SortChoice) -> None:
        """Order by ``choice`` from now on; call ``order()`` for the new order."""
        self._choice = choice
        self._gather()

    def set_names(self, folder: str, names: Sequence[str]) -> None:
        """A new listing; facts already read for this folder are kept, others dropped."""
        if folder == self._folder and set(names) == set(self._names):
            return  # the same files again (or the order this sorter made): keep reading
        if folder != self._folder:
            self._facts.clear()
            self._dated.clear()
        self._folder, self._names = folder, list(names)
        self._gather()

    def order(self) -> list[str]:
        return sorted_names(self._names, self._choice, self._facts)

    def is_busy(self) -> bool:
        return self._task is not None

    def shutdown(self) -> None:
        """Call off the reading and wait for the worker (at most one file's read)."""
        self._call_off()
        self._pool.waitForDone()

    def _gather(self) -> None:
        self._call_off()
        if not self._choice.needs_facts:
            self.finished.emit()
            return
        want_date = self._choice.key is SortKey.DATE_TAKEN
        known = self._dated if want_date else set(self._facts)
        missing = [name for name in self._names if name not in known]
        if not missing:
            self.finished.emit()
            return
        self._generation += 1
        self._task = _ReadTask(self._generation, self._folder, missing, want_date,
                               self._reader, self._signals)  # fmt: skip
        self._pool.start(self._task)

    def _call_off(self) -> None:
        if self._task is not None:
            self._task.call_off.set()
            self._task = None

    @pyqtSlot(int, object)
    def _on_batch(self, generation: int, found: dict[str, FileFacts]) -> None:
        if generation != self._generation:
            return  # a listing or a choice since: these facts may belong to other names
        self._facts.update(found)
        if self._choice.key is SortKey.DATE_TAKEN:
            self._dated.update(found)
        wanted = self._dated if self._choice.key is SortKey.DATE_TAKEN else self._facts
        self.progress.emit(sum(1 for name in self._names if name in wanted), len(self._names))
        self.reordered.emit()

    @pyqtSlot(int)
    def _on_done(self, generation: int) -> None:
        if generation == self._generation and self._task is not None:
            self._task = None
            self.finished.emit()
