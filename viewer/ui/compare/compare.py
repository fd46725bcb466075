"""The compare room: C shows the select and the candidate side by side (or the marked images).

It feeds the panes from the window's ``PrefetchModel``: the candidate is made the model's
current image (so its neighbours are read ahead), the other panes are pinned beside it, and
``DisplayBox`` decodes them for a pane's size, or at full resolution once zoomed. Commands
that act on an image act on the focused pane's, through ``focused_path`` alone, so verdict
keys and file actions plug in the same way.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QEvent, QObject, QSize, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage
from PyQt5.QtWidgets import QWidget

from viewer.core.compare.choice import CompareChoice
from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.paths import name_of
from viewer.model.files.marks import Marks
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.aids.focus_aids import FocusAids
from viewer.ui.compare.compare_view import CompareView
from viewer.ui.image.display_box import DisplayBox

HINT = "Compare: ← → change the candidate, ↑ makes it the select, Tab moves the focus, Esc leaves."


class Compare(QObject):
    """The compare view over ``host`` (the image area), while it is on.

    Signals:
        activeChanged(bool): compare started (True) or ended.

    Attributes:
        view: the widget of panes (hidden while compare is off).
        verdict_of: the verdict text of a path for its pane's caption ('' for none); the
            verdicts room replaces it.
        trash_one: moves one path to the trash (the culling room's).
    """

    activeChanged = pyqtSignal(bool)

    def __init__(
        self,
        model: PrefetchModel,
        host: QWidget,
        display_box: DisplayBox,
        marks: Marks,
        aids: FocusAids,
        sequence: Callable[[], ImageSequence | None],
        current: Callable[[], int | None],
        go_to: Callable[[int], None],
        notice: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._host = host
        self._display_box = display_box
        self._marks = marks
        self._aids = aids
        self._sequence = sequence
        self._current = current
        self._go_to = go_to
        self._notice = notice
        self._choice: CompareChoice | None = None
        self.verdict_of: Callable[[str], str] = lambda path: ""
        self.trash_one: Callable[[str], None] = lambda path: None
        self.view = CompareView(host)
        self.view.hide()
        host.installEventFilter(self)
        self.view.command.connect(self._on_command)
        self.view.zoomChanged.connect(self._on_zoom_changed)
        self.view.focusChanged.connect(self._on_focus_changed)
        model.imageReady.connect(self._on_image_ready)
        model.loadFailed.connect(self._on_load_failed)
        marks.changed.connect(self._update_captions)
        self._reshow_soon = QTimer(self)  # after the window's own move, not before it
        self._reshow_soon.setSingleShot(True)
        self._reshow_soon.setInterval(0)
        self._reshow_soon.timeout.connect(self._show)

    def slots(self) -> dict[str, Callable[[], object]]:
        return {"compare": self.toggle}

    def active(self) -> bool:
        return self._choice is not None

    def indexes(self) -> list[int]:
        """The image index in each pane (the select first); empty while compare is off."""
        return [] if self._choice is None else list(self._choice.indexes)

    def focused_path(self) -> str | None:
        """The image the keys act on in compare: the focused pane's (None: compare is off)."""
        if self._choice is None:
            return None
        return self._model.path(self._choice.indexes[self.view.focus_pane()])

    # -- on and off ----------------------------------------------------------------------------

    @pyqtSlot()
    def toggle(self) -> None:
        if self.active():
            self.leave()
        else:
            self.enter()

    def enter(self) -> bool:
        """Start comparing: the marked images (2–4), else the current one and the next."""
        sequence, current = self._sequence(), self._current()
        if sequence is None or current is None:
            self._notice("Open a folder to compare its images.")
            return False
        paths = list(sequence)
        place = {path: i for i, path in enumerate(paths)}
        marked = [place[p] for p in self._marks.in_order(paths)]
        self._choice = CompareChoice.start(current, len(paths), marked)
        if self._choice is None:
            self._notice("Nothing to compare: this folder has one image.")
            return False
        self.view.setGeometry(self._host.rect())
        self.view.linked.fit()
        self.view.linked.forget_offsets()
        self.view.show()
        self.view.raise_()
        self.view.setFocus()
        for pane in self.view.panes:
            self._aids.remove_target(pane)
        self._show()
        self._notice(HINT)
        self.activeChanged.emit(True)
        return True

    def leave(self) -> None:
        """Back to the single view, at the select."""
        if self._choice is None:
            return
        select = self._choice.select
        self._choice = None
        for pane in self.view.panes:
            self._aids.remove_target(pane)
        self.view.hide()
        self._model.pin([])
        self._display_box.compare(None)
        self._host.setFocus()
        self._go_to(select)
        self.activeChanged.emit(False)

    def relisted(self, sequence: ImageSequence) -> None:
        """The folder was listed anew: panes follow their files; those gone close."""
        if self._choice is None:
            return
        old = [self._model.path(i) for i in self._choice.indexes]
        place = {path: i for i, path in enumerate(sequence)}
        self._choice = self._choice.reindexed([place.get(p) for p in old], len(place))
        if self._choice is None:
            self.leave_without_moving()
        else:
            self._reshow_soon.start()

    def leave_without_moving(self) -> None:
        self._choice = None
        self.view.hide()
        self._model.pin([])
        self._display_box.compare(None)
        self.activeChanged.emit(False)

    # -- what the panes show ---------------------------------------------------------------

    @pyqtSlot()
    def _show(self) -> None:
        """Give each pane its image: from the store at once, or once loaded."""
        choice = self._choice
        if choice is None:
            return
        self.view.set_pane_count(len(choice.indexes))
        self.view.set_focus_pane(min(choice.focus, len(choice.indexes) - 1))
        for pane, index in zip(self.view.panes, choice.indexes):
            pane.show_path(self._model.path(index))
            self._aids.add_target(pane)
        self._display_box.compare(self.view.pane_box(), self.view.above_fit())
        others = [i for i in choice.indexes if i != choice.candidate]
        self._model.pin(others)
        for index in others:
            image = self._model.cached_image(index)
            if image is not None:
                self._take(index, image)
        self._model.request(choice.candidate)  # announces it at once if stored
        self._refine()
        self._update_captions()

    def _take(self, index: int, image: QImage) -> None:
        path = self._model.path(index)
        info = self._model.image_info(index)
        source = QSize(info.width, info.height) if info else image.size()
        for pane in self.view.panes:
            if pane.path != path:
                continue
            coarser = pane.has_image() and image.width() < pane.image_size().width()
            if coarser and not self.view.linked.is_fitted():
                continue  # a pane-sized image must not replace the full one zoomed into
            pane.show_image(image, source)
            self._aids.changed(pane)
        self.view.relayout()
        self._update_captions()

    @pyqtSlot(int, QImage)
    def _on_image_ready(self, index: int, image: QImage) -> None:
        if self._choice is not None and index in self._choice.indexes:
            self._take(index, image)

    @pyqtSlot(int, str)
    def _on_load_failed(self, index: int, message: str) -> None:
        if self._choice is None or index not in self._choice.indexes:
            return
        path = self._model.path(index)
        for pane in self.view.panes:
            if pane.path == path:
                pane.show_message(message)

    @pyqtSlot()
    def _on_zoom_changed(self) -> None:
        if self._choice is None:
            return
        self._display_box.compare(self.view.pane_box(), self.view.above_fit())
        self._refine()
        for pane in self.view.panes:
            self._aids.changed(pane)
        self._update_captions()

    def _refine(self) -> None:
        """Zoomed in: ask for full resolution for each pane still showing coarser pixels."""
        if self._choice is None or not self.view.above_fit():
            return
        for pane, index in zip(self.view.panes, self._choice.indexes):
            if pane.has_image() and pane.is_preview():
                self._model.request_full(index)

    @pyqtSlot(int)
    def _on_focus_changed(self, number: int) -> None:
        if self._choice is not None and number < len(self._choice.indexes):
            self._choice.focus = number

    @pyqtSlot(object)
    def verdicts_changed(self, _paths: object) -> None:
        """Verdicts changed (a key, or the folder's read): the captions say them anew."""
        self._update_captions()

    @pyqtSlot()
    @pyqtSlot(int)
    def _update_captions(self, _count: int = 0) -> None:
        if self._choice is None:
            return
        for number, pane in enumerate(self.view.panes):
            if pane.path is None:
                continue
            role = "Select" if number == 0 else "Candidate"
            if len(self._choice.indexes) > 2:
                role = f"{number + 1}"
            parts = [role, name_of(pane.path)]
            verdict = self.verdict_of(pane.path)
            if verdict:
                parts.append(verdict)
            if pane.path in self._marks:
                parts.append("● Marked")
            if not pane.has_image():
                parts.append("loading…")
            elif pane.is_preview():
                parts.append("preview")
            pane.set_caption("  ·  ".join(parts))

    # -- commands ----------------------------------------------------------------------------

    @pyqtSlot(str)
    def _on_command(self, name: str) -> None:
        choice = self._choice
        if choice is None:
            return
        choice.focus = self.view.focus_pane()
        if name == "leave":
            self.leave()
        elif name in ("next", "previous"):
            if choice.step(+1 if name == "next" else -1):
                self._show()
            else:
                self._notice(f"This is the {'last' if name == 'next' else 'first'} image.")
        elif name == "promote":
            choice.promote()
            self._show()
        elif name == "trash":
            path = self.focused_path()
            if path is not None:
                self.trash_one(path)
        elif name == "mark":
            path = self.focused_path()
            if path is not None:
                self._marks.toggle(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Resize:
            self.view.setGeometry(self._host.rect())
            if self._choice is not None:
                self._display_box.compare(self.view.pane_box(), self.view.above_fit())
        return False
