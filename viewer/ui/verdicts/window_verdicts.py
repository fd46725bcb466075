"""Verdicts in the window: their keys, View ▸ Show, and the verdict shown everywhere.

The verdict is shown on the image, in the status bar, on the cells and in the information
panel.

Like ``BrowsingAids``, one object the window builds, so the window gains a few hook lines:
its commands (``slots``), its submenu (``submenus``), every listing passed through ``shown``,
and each move told (``moved``). A key acts on the marked images if any, else on the current
one, and on every file of a RAW+JPEG pair. The verdict changes in memory at once; the
``VerdictBook`` writes it on its worker, and its write joins the Ctrl+Z journal when done.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtWidgets import QMainWindow, QMenu

from viewer.core.fileops.journal import JournalEntry, Outcome
from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.paths import name_of
from viewer.core.verdicts.model import REJECTED, Edit, Label, Verdict
from viewer.model.verdicts.book import VerdictBook
from viewer.model.verdicts.show_filter import ShowFilter, verdict_text
from viewer.settings.store import Settings
from viewer.settings.verdict_choices import VerdictChoices
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.browsing.image_details import ImageDetails
from viewer.ui.culling.culling import Culling
from viewer.ui.image.image_view import ImageView
from viewer.ui.messages import Messages
from viewer.ui.statusbar.status_area import StatusArea
from viewer.ui.thumbnails.cells import CellBadges
from viewer.ui.thumbnails.folder_views import FolderViews
from viewer.ui.verdicts.badge import LABEL_COLOURS, VerdictBadge
from viewer.ui.verdicts.folder_show import FolderShow
from viewer.ui.verdicts.show_menu import ShowMenu

#: The filter the toggle key turns on before any was chosen.
DEFAULT_TOGGLE = ShowFilter.from_text("at_least:1")


class WindowVerdicts(QObject):
    """Attributes:
    book: the verdicts in memory, and their workers.
    show: what of the folder is shown.
    menu: View ▸ Show.
    badge: the verdict on the image.
    """

    def __init__(
        self,
        window: QMainWindow,
        book: VerdictBook,
        browsing: Browsing,
        status: StatusArea,
        messages: Messages,
        view: ImageView,
        culling: Culling,
        folder_views: FolderViews,
        details: ImageDetails,
        settings: Settings,
        relist: Callable[[ImageSequence], None],
        go_to: Callable[[int], None],
        focused: Callable[[], str | None] = lambda: None,
    ) -> None:
        """``focused`` names the image a compare view's focused pane shows (None outside
        compare): verdict keys act on it alone there."""
        super().__init__(window)
        self._focused = focused
        self.book = book
        self._browsing, self._status, self._culling = browsing, status, culling
        self._messages = messages
        self._views, self._details, self._settings = folder_views, details, settings
        self._go_to = go_to
        self._undo_waiting = False
        choices = settings.verdict_choices()
        book.style = choices.style
        self.show = FolderShow(book, culling.marks.__contains__, browsing.path, choices.pairs,
                               self)  # fmt: skip
        self.menu = ShowMenu(window)
        self.badge = VerdictBadge(view)
        self._last_filter = ShowFilter.from_text(settings.show_filter_text())
        if self._last_filter.is_all:
            self._last_filter = DEFAULT_TOGGLE
        self.show.reshow.connect(relist)
        self.menu.chosen.connect(self.set_filter)
        self.menu.byRating.connect(self.show.set_by_rating)
        book.changed.connect(self._on_verdicts_changed)
        book.changed.connect(self.show.verdicts_changed)
        book.progress.connect(self._on_progress)
        book.problem.connect(self._on_problem)
        settings.verdictsChanged.connect(self.set_choices)
        book.written.connect(self._on_written)
        book.idle.connect(self._on_idle)
        culling.runner.finished.connect(self._on_operation_finished)
        culling.marks.changed.connect(self._on_marks_changed)
        folder_views.show_badges(self.cell_badges)
        details.add_rows(self.detail_rows)

    # -- the window's hooks -----------------------------------------------------------------------

    def slots(self) -> dict[str, Callable[[], object]]:
        """The commands of ``keys.COMMANDS`` this room serves (Ctrl+Z waits for writes)."""
        slots: dict[str, Callable[[], object]] = {
            f"rate_{n}": functools.partial(self.rate, n) for n in range(6)
        }
        for label in Label:
            slots[f"label_{label.value.lower()}"] = functools.partial(self.label, label)
        slots.update(
            reject=lambda: self.rate(REJECTED), next_unrated=self.next_unrated,
            toggle_show=self.toggle_filter, undo=self.undo,
        )  # fmt: skip
        return slots

    def submenus(self) -> list[QMenu]:
        return [self.menu]

    def shown(self, listing: ImageSequence) -> ImageSequence:
        """The items of a (sorted) listing the window shows."""
        sequence = self.show.shown(listing)
        self._status.shown(self.show.count_text())
        return sequence

    def listing(self) -> ImageSequence | None:
        """The folder's whole listing (every file, pairs and filtered ones too)."""
        return self.show.listing

    def members(self, path: str) -> list[str]:
        return self.show.members(path)

    def moved(self, path: str) -> None:
        """The view moved to ``path``: show its verdict, and say if its sidecar is unsafe."""
        self._show_current()
        problem = self.book.problem_of(path)
        if problem is not None:
            self._messages.problem(problem)

    @pyqtSlot(object)
    def set_choices(self, choices: VerdictChoices) -> None:
        """Preferences changed: new sidecars in this style; pairs grouped or not."""
        self.book.style = choices.style
        self.show.set_pairs(choices.pairs)

    def close(self) -> None:
        self.book.shutdown(wait=True)

    # -- the commands -------------------------------------------------------------------------

    def _targets(self) -> list[str]:
        """The focused pane's image in compare, else the marked images shown, in order, else
        the current one."""
        focused = self._focused()
        if focused is not None:
            return [focused]
        listing = self.show.listing
        marked = self._culling.marks.in_order(listing) if listing is not None else []
        current = self._browsing.path()
        targets = marked or ([current] if current is not None else [])
        if not targets:
            self._messages.notice("No image is open.")
        return targets

    def rate(self, rating: int) -> None:
        """0–5 stars or reject (-1); when every target has it already, the key clears it."""
        targets = self._targets()
        if not targets:
            return
        have = [self.show.verdict(path) for path in targets]
        clear = all(v is not None and v.rating == rating for v in have)
        self._apply(targets, Edit(rating=0 if clear else rating))

    def label(self, label: Label) -> None:
        """A colour label; when every target has it already, the key clears it."""
        targets = self._targets()
        if not targets:
            return
        have = [self.show.verdict(path) for path in targets]
        clear = all(v is not None and v.label is label for v in have)
        self._apply(targets, Edit(label=None if clear else label))

    def _apply(self, targets: list[str], edit: Edit) -> None:
        edits = [(member, edit) for path in targets for member in self.show.members(path)]
        self.book.apply(edits)
        if len(targets) > 1:
            self._messages.notice(f"{len(targets):,} marked images: {_edit_text(edit)}.")

    def next_unrated(self) -> None:
        """Go to the next image shown whose verdict is read and has no stars or reject."""
        sequence, index = self._browsing.sequence, self._browsing.index
        if sequence is None:
            return
        start = 0 if index is None else index + 1
        for at in range(start, len(sequence)):
            verdict = self.show.verdict(sequence[at])
            if verdict is not None and verdict.rating == 0:
                self._go_to(at)
                return
        reading = " (verdicts are still being read)" if self.book.is_reading() else ""
        self._messages.notice(f"No unrated image after this one{reading}.")

    @pyqtSlot(object)
    def set_filter(self, show: ShowFilter) -> None:
        if not show.is_all:
            self._last_filter = show
            self._settings.set_show_filter_text(show.to_text())
        self.menu.show_checked(show)
        self.show.set_filter(show)
        self._status.shown(self.show.count_text())

    def toggle_filter(self) -> None:
        """The last filter on, or everything shown again."""
        self.set_filter(ShowFilter() if not self.show.filter.is_all else self._last_filter)
        what = "all images" if self.show.filter.is_all else self.show.filter.title()
        self._messages.notice(f"Showing {what}.")

    def undo(self) -> None:
        """Ctrl+Z: once the verdicts still being written are in the journal, undo the newest."""
        if self.book.pending_writes:
            self._undo_waiting = True
        else:
            self._culling.undo()

    # -- what is shown ------------------------------------------------------------------------

    def cell_badges(self, path: str) -> CellBadges:
        verdict = self.show.verdict(path)
        colour = LABEL_COLOURS[verdict.label] if verdict and verdict.label else None
        return CellBadges(verdict, colour, self.show.is_pair(path))

    def detail_rows(self, path: str) -> list[tuple[str, str]]:
        verdict = self.show.verdict(path)
        rows = [("Verdict", verdict_text(verdict) or ("Unrated" if verdict else "Reading…"))]
        if self.show.is_pair(path):
            rows.append(("Pair", ", ".join(name_of(m) for m in self.members(path))))
        problem = self.book.problem_of(path)
        if problem is not None:
            rows.append(("Sidecar", problem))
        return rows

    def _show_current(self) -> None:
        path = self._browsing.path()
        verdict = self.show.verdict(path) if path is not None else None
        pair = path is not None and self.show.is_pair(path)
        problem = self.book.problem_of(path) if path is not None else None
        self.badge.show_verdict(verdict, pair, problem)
        self._status.verdict(verdict_text(verdict))

    # -- news ---------------------------------------------------------------------------------

    @pyqtSlot(object)
    def _on_verdicts_changed(self, paths: list[str]) -> None:
        current = self._browsing.path()
        members = set(self.members(current)) if current is not None else set()
        if members & set(paths):
            self._show_current()
            if self._details.panel.isVisible():
                self._details.refresh()
        self._views.repaint_cells()

    @pyqtSlot(int, int)
    def _on_progress(self, _done: int, _total: int) -> None:
        self._status.shown(self.show.count_text())

    @pyqtSlot(str)
    def _on_problem(self, sentence: str) -> None:
        self._messages.problem(sentence)

    @pyqtSlot(object)
    def _on_written(self, entry: JournalEntry) -> None:
        self._culling.runner.remember(entry)

    @pyqtSlot()
    def _on_idle(self) -> None:
        if self._undo_waiting:
            self._undo_waiting = False
            self._culling.undo()

    @pyqtSlot(object)
    def _on_operation_finished(self, outcome: Outcome) -> None:
        if outcome.verdicts:
            self.book.reread(outcome.verdicts)

    @pyqtSlot(int)
    def _on_marks_changed(self, _count: int) -> None:
        self.show.marks_changed()


def _edit_text(edit: Edit) -> str:
    if edit.rating is not None:
        text = verdict_text(Verdict(edit.rating))
        return text or "stars cleared"
    return f"{edit.label.value} label" if isinstance(edit.label, Label) else "label cleared"
