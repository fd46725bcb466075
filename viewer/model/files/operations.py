"""File operations on a worker thread, so the viewer stays browsable while a copy crawls.

``FileOpRunner`` owns a one-thread pool: operations run one after another, in the order
asked. Each job is a core ``batch`` call; its questions (a name clash, a folder without
trash) are signals to the GUI thread while the worker waits for the answer, which
``answer_clash`` / ``answer_permanent`` (or ``cancel``) gives. The runner keeps the undo
journal: finished operations are pushed, ``undo`` takes the newest back.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable, Sequence

from PyQt5.QtCore import QObject, QRunnable, pyqtSignal, pyqtSlot

from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.clash import Answer, Choice, Clash
from viewer.core.fileops.errors import CancelToken
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.journal import Journal, JournalEntry, Outcome, Record, undo
from viewer.core.fileops.transfer import Context, Progress
from viewer.model.task_pools import task_pool

log = logging.getLogger(__name__)

Job = Callable[[Context], Outcome]


class FileOpSignals(QObject):
    """Carries a job's news from the pool thread to the GUI thread.

    Signals:
        progressed(object): a ``Progress``.
        finished(object): an ``Outcome``.
        failed(str): a sentence; the job broke where no file could be lost.
        clashAsked(object): a ``Clash`` the worker waits on ``answer_clash`` for.
        permanentAsked(str): a folder without trash; the worker waits on ``answer_permanent``.
    """

    progressed = pyqtSignal(object)
    finished = pyqtSignal(object)
    failed = pyqtSignal(str)
    clashAsked = pyqtSignal(object)
    permanentAsked = pyqtSignal(str)


class _Task(QRunnable):
    def __init__(self, job: Job, ctx: Context, signals: FileOpSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._job = job
        self._ctx = ctx
        self._signals = signals

    def run(self) -> None:
        try:
            outcome = self._job(self._ctx)
        except Exception as error:  # a worker must never die with an exception in flight
            log.exception("file operation failed")
            self._signals.failed.emit(f"The file operation stopped: {error}.")
        else:
            self._signals.finished.emit(outcome)


class FileOpRunner(QObject):
    """Runs trash, delete, move, copy, rename and undo jobs, one at a time.

    Signals:
        progressed(object): a ``Progress`` of the running job.
        finished(object): an ``Outcome``; its entry is already in the journal.
        failed(str): a sentence.
        clashAsked(object): a ``Clash`` to answer with ``answer_clash``.
        permanentAsked(str): a folder without trash, to answer with ``answer_permanent``.
    """

    progressed = pyqtSignal(object)
    finished = pyqtSignal(object)
    failed = pyqtSignal(str)
    clashAsked = pyqtSignal(object)
    permanentAsked = pyqtSignal(str)

    def __init__(self, fs: FileSystem | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fs = fs or FileSystem()
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(1)
        self._journal = Journal()
        self._tokens: list[CancelToken] = []
        self._tasks: list[_Task] = []
        self._clash_answers: queue.Queue[Answer] = queue.Queue()
        self._permanent_answers: queue.Queue[bool] = queue.Queue()
        self._signals = FileOpSignals(self)
        self._signals.progressed.connect(self.progressed)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.clashAsked.connect(self.clashAsked)
        self._signals.permanentAsked.connect(self.permanentAsked)

    # -- asking for work -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    @property
    def undo_count(self) -> int:
        return len(self._journal)

    def trash(self, sources: Sequence[Source]) -> None:
        self._start(lambda ctx: batch.trash(ctx, sources, self._ask_permanent))

    def delete(self, sources: Sequence[Source]) -> None:
        self._start(lambda ctx: batch.delete(ctx, sources))

    def transfer(self, kind: str, sources: Sequence[Source], folder: str) -> None:
        """``kind`` is "move" or "copy"."""
        self._start(lambda ctx: batch.transfer(ctx, kind, sources, folder, self._ask_clash))

    def rename(self, source: Source, new_name: str) -> None:
        self._start(lambda ctx: batch.rename(ctx, source, new_name))

    def remember(self, entry: JournalEntry) -> None:
        """Work done elsewhere joins the journal (a verdict the verdict model wrote), so
        Ctrl+Z undoes it in turn with the file operations."""
        self._journal.push(entry)

    def rename_group(self, renames: Sequence[tuple[Source, str]]) -> None:
        """Rename the files of one item (a RAW+JPEG pair) as one operation: one Ctrl+Z."""
        self._start(lambda ctx: _renamed_together(ctx, renames))

    def undo(self) -> bool:
        """Undo the newest operation in the journal; False if there is none."""
        entry = self._journal.pop()
        if entry is None:
            return False
        self._start(lambda ctx: undo(ctx, entry))
        return True

    # -- answering and cancelling ------------------------------------------------------------

    def answer_clash(self, answer: Answer) -> None:
        self._clash_answers.put(answer)

    def answer_permanent(self, delete: bool) -> None:
        self._permanent_answers.put(delete)

    def cancel(self) -> None:
        """Stop the running job at its next step, and every queued one before it starts."""
        for token in self._tokens:
            token.cancel()
        self._clash_answers.put(Answer(Choice.CANCEL))
        self._permanent_answers.put(False)

    def shutdown(self, wait: bool = True, msecs: int = -1) -> bool:
        """Cancel everything; with ``wait``, wait for the running step to end (at most
        ``msecs``, -1 for ever). False if a step still runs (a read hung on a share): the
        process may then end mid-step, which loses nothing (see ``transfer``)."""
        self.cancel()
        return self._pool.waitForDone(msecs) if wait else not self.busy

    # -- the worker's side -----------------------------------------------------------------

    def _start(self, job: Job) -> None:
        token = CancelToken()
        ctx = Context(self._fs, token, self._signals.progressed.emit)
        task = _Task(job, ctx, self._signals)
        self._tokens.append(token)
        self._tasks.append(task)
        self._pool.start(task)

    def _ask_clash(self, clash: Clash) -> Answer:
        """On the worker: ask the GUI, wait for its answer (cancel answers too)."""
        self._drain(self._clash_answers)
        self._signals.clashAsked.emit(clash)
        return self._clash_answers.get()

    def _ask_permanent(self, folder: str) -> bool:
        self._drain(self._permanent_answers)
        self._signals.permanentAsked.emit(folder)
        return self._permanent_answers.get()

    @staticmethod
    def _drain(answers: queue.Queue[Answer] | queue.Queue[bool]) -> None:
        """Drop answers left by a cancel before this question was asked."""
        while not answers.empty():
            answers.get_nowait()

    def _done(self) -> None:
        if self._tasks:
            self._tasks.pop(0)
            self._tokens.pop(0)

    @pyqtSlot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        self._done()
        self._journal.push(outcome.entry)
        self.finished.emit(outcome)

    @pyqtSlot(str)
    def _on_failed(self, sentence: str) -> None:
        self._done()
        self.failed.emit(sentence)


def _renamed_together(ctx: Context, renames: Sequence[tuple[Source, str]]) -> Outcome:
    together = Outcome("rename")
    records: list[Record] = []
    for source, name in renames:
        outcome = batch.rename(ctx, source, name)
        together.changes += outcome.changes
        together.problems += outcome.problems
        records += outcome.entry.records if outcome.entry is not None else ()
    together.entry = JournalEntry("rename", tuple(records)) if records else None
    return together


__all__ = ["FileOpRunner", "Progress"]
