"""Culling while browsing: the keys' file operations, from question to the folder updated.

``Culling`` turns a command (Delete, Shift+Delete, F7, F8, F2, Ctrl+Z, M) into questions to
the user (``FilePrompts``) and a job for the ``FileOpRunner``, answers the runner's questions
while it works, and when it is done tells its host (the window) what changed, so the open
folder, the model's store and the position update at once. The host is small on purpose:
the window implements ``CullingHost`` with a few lines.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import Callable, Protocol

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QWidget

from viewer.core.fileops.batch import Source, changes_in
from viewer.core.fileops.clash import Clash
from viewer.core.fileops.journal import Change, Outcome
from viewer.core.fileops.report import done_text, problem_text, progress_text
from viewer.core.fileops.transfer import Progress
from viewer.core.io.reading import FileStamp
from viewer.model.files.marks import Marks
from viewer.model.files.operations import FileOpRunner
from viewer.settings.store import Settings
from viewer.ui.culling.file_prompts import FilePrompts
from viewer.ui.image.marks_view import MarkBadge

log = logging.getLogger(__name__)

CLOSE_WAIT_MS = 10_000


class CullingHost(Protocol):
    """What culling needs from the window."""

    def current_path(self) -> str | None: ...

    def listed_paths(self) -> list[str]:
        """The open folder's images, in order."""
        ...

    def stamp_of(self, path: str) -> FileStamp | None:
        """How the file was when the viewer read it, if it has."""
        ...

    def members(self, path: str) -> list[str]:
        """The files of the item ``path`` shows: itself, and a RAW+JPEG pair's RAW."""
        ...

    def take_changes(self, changes: list[Change]) -> None:
        """Files in the open folder left or arrived: update the listing and the view now."""
        ...

    def notice(self, text: str) -> None: ...

    def problem(self, text: str) -> None: ...


class Culling(QObject):
    """The file operations of the open folder.

    Signals:
        progressed(str): the running operation's status text ("" when it ends).
    """

    progressed = pyqtSignal(str)

    def __init__(
        self,
        host: CullingHost,
        runner: FileOpRunner,
        prompts: FilePrompts,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._runner = runner
        self._prompts = prompts
        self._settings = settings
        self.marks = Marks(self)
        self._permanent_ok: set[str] = set()  # folders without trash the user said yes for
        self._kinds: list[str] = []  # the kinds of the jobs queued, oldest first
        self._batch = 0
        self._badge: MarkBadge | None = None
        runner.progressed.connect(self._on_progressed)
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)
        runner.clashAsked.connect(self._on_clash_asked)
        runner.permanentAsked.connect(self._on_permanent_asked)

    @property
    def runner(self) -> FileOpRunner:
        return self._runner

    def show_in(self, view: QWidget) -> None:
        """Show marks on ``view`` (the status bar counts them from ``marks.changed``)."""
        self._badge = MarkBadge(self.marks, view)

    def use_prompts(self, prompts: FilePrompts) -> None:
        """Ask the user through ``prompts`` from now on (tests answer at once)."""
        self._prompts = prompts

    def slots(self) -> dict[str, Callable[[], object]]:
        """The window's commands this room serves, by their name in ``keys.COMMANDS``."""
        return {
            "trash": self.trash, "delete": self.delete, "rename": self.rename,
            "move_to": lambda: self.transfer("move"), "copy_to": lambda: self.transfer("copy"),
            "undo": self.undo, "mark": self.toggle_mark,
        }  # fmt: skip

    def moved(self, path: str) -> None:
        """The view moved to ``path``."""
        if self._badge is not None:
            self._badge.follow(path)

    def close(self) -> None:
        """The window closes: stop at the next step (a source is never half moved), waiting
        a little for a step on a slow share rather than for ever on a hung one."""
        if not self._runner.shutdown(wait=True, msecs=CLOSE_WAIT_MS):
            log.warning("a file operation was still running at exit; its source is intact")

    @property
    def busy(self) -> bool:
        return self._runner.busy

    # -- the commands ------------------------------------------------------------------------

    def _sources(self) -> list[Source]:
        """The marked images (in folder order) if any, else the current one."""
        listed = self._host.listed_paths()
        paths = self.marks.in_order(listed)
        if not paths:
            current = self._host.current_path()
            paths = [current] if current is not None else []
        if not paths:
            self._host.notice("No image is open.")
        files = [member for path in paths for member in self._host.members(path)]
        return [Source(path, self._host.stamp_of(path)) for path in files]

    def _started(self, kind: str, count: int) -> None:
        self._kinds.append(kind)
        self._batch = count

    def trash(self) -> None:
        sources = self._sources()
        if sources:
            self._started("trash", len(sources))
            self._runner.trash(sources)

    def trash_one(self, path: str) -> None:
        """Trash ``path`` alone, marked images or not (the compare view's focused pane)."""
        self._started("trash", 1)
        self._runner.trash([Source(path, self._host.stamp_of(path))])

    def delete(self) -> None:
        sources = self._sources()
        if sources and self._prompts.confirm_permanent_delete([s.path for s in sources]):
            self._started("delete", len(sources))
            self._runner.delete(sources)

    def transfer(self, kind: str) -> None:
        """F7 (``"move"``) or F8 (``"copy"``): ask where, then go."""
        sources = self._sources()
        if not sources:
            return
        folder = self._prompts.choose_target(kind.capitalize(), self._settings.file_targets())
        if folder is None:
            return
        self._settings.add_file_target(folder)
        self._started(kind, len(sources))
        self._runner.transfer(kind, sources, folder)

    def rename(self) -> None:
        path = self._host.current_path()
        if path is None:
            self._host.notice("No image is open.")
            return
        taken = {os.path.basename(p) for p in self._host.listed_paths()}
        name = self._prompts.new_name(path, taken)
        if name is None or name == os.path.basename(path):
            return
        members = self._host.members(path)
        self._started("rename", len(members))
        if len(members) == 1:
            self._runner.rename(Source(path, self._host.stamp_of(path)), name)
            return
        stem = os.path.splitext(name)[0]  # a pair's RAW takes the new stem, keeps its extension
        renames = [(Source(member, self._host.stamp_of(member)),
                    name if member == path else stem + os.path.splitext(member)[1])
                   for member in members]  # fmt: skip
        self._runner.rename_group(renames)

    def undo(self) -> None:
        if self._runner.undo():
            self._started("undo", 0)
        else:
            self._host.notice("Nothing to undo.")

    def toggle_mark(self) -> None:
        path = self._host.current_path()
        if path is not None:
            self.marks.toggle(path)

    def cancel(self) -> bool:
        """Esc: cancel the running operation; False if none runs (Esc does its usual)."""
        if not self._runner.busy:
            return False
        self._runner.cancel()
        return True

    def listed(self, paths: Iterable[str]) -> None:
        """The open folder was listed (again): marks on files no longer there go."""
        self.marks.keep_only(paths)

    # -- the runner's news ------------------------------------------------------------------

    @pyqtSlot(object)
    def _on_progressed(self, progress: Progress) -> None:
        kind = self._kinds[0] if self._kinds else ""
        self.progressed.emit(progress_text(kind, progress))

    def _folder(self) -> str | None:
        current = self._host.current_path()
        listed = self._host.listed_paths()
        path = current if current is not None else (listed[0] if listed else None)
        return None if path is None else os.path.dirname(path)

    @pyqtSlot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        if self._kinds:
            self._kinds.pop(0)
        self.progressed.emit("")
        for change in outcome.changes:
            if change.old is not None:
                self.marks.rekey(change.old, change.new)
        folder = self._folder()
        changes = changes_in(outcome, folder) if folder is not None else []
        if changes:
            self._host.take_changes(changes)
        done, problem = done_text(outcome), problem_text(outcome)
        if problem:
            self._host.problem(problem)
        elif done:
            self._host.notice(done)

    @pyqtSlot(str)
    def _on_failed(self, sentence: str) -> None:
        if self._kinds:
            self._kinds.pop(0)
        self.progressed.emit("")
        self._host.problem(sentence)

    @pyqtSlot(object)
    def _on_clash_asked(self, clash: Clash) -> None:
        self._runner.answer_clash(self._prompts.resolve_clash(clash, self._batch > 1))

    @pyqtSlot(str)
    def _on_permanent_asked(self, folder: str) -> None:
        if folder not in self._permanent_ok and self._prompts.confirm_no_trash(folder):
            self._permanent_ok.add(folder)
        self._runner.answer_permanent(folder in self._permanent_ok)
