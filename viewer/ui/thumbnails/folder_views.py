"""FolderViews: the image, the grid in its place, and the film strip under them.

The window hands over its image view and gets back one central widget: a stack of the
image and the grid, with the strip below. Enter toggles image ↔ grid (as in qimgv); the grid
selects the current image when it opens, and opening one there (Enter, double-click) or in
the strip (a click) asks the window to make it current (``openRequested``). Both follow the
current image (``follow``). The grid and the strip share one ``ThumbnailModel``.

``around`` does all of it for a window in one call, as ``BrowsingAids`` does for its
features: the window gains its commands (``slots``), Esc (``leave_grid``) and nothing else.
The views follow the window's ``Browsing`` whenever the model announces a move or a new
listing (``stateChanged``), and their thumbnail reads wait while the main image loads.
"""

from __future__ import annotations

import functools
from typing import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from viewer.core.folder.sequence import ImageSequence
from viewer.core.previews.thumbnailer import make_thumbnail
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.thumbnails.hold import ThumbnailHold
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.thumbnails.cells import BadgesOf, ThumbnailDelegate
from viewer.ui.thumbnails.film_strip import FilmStrip
from viewer.ui.thumbnails.grid_view import GridView

__all__ = ["FolderViews", "ThumbnailModel", "uncached_thumbnails"]


def uncached_thumbnails() -> ThumbnailModel:
    """Thumbnails from the files alone, for a window made without the app's cache (tests,
    scripts): it never writes the user's thumbnail cache."""
    return ThumbnailModel(functools.partial(make_thumbnail, cache=None))


class FolderViews(QObject):
    """The grid and the strip around the window's image view.

    Signals:
        openRequested(int): the user opened this index from the grid or the strip.
        gridToggled(bool): the grid is now shown (True) or the image is (False).

    Attributes:
        widget: the window's central widget.
        grid, strip: the two thumbnail views.
    """

    openRequested = pyqtSignal(int)
    gridToggled = pyqtSignal(bool)

    def __init__(self, image_view: QWidget, thumbnails: ThumbnailModel, parent: QObject) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._image_view = image_view
        self._current: int | None = None
        self._sequence: ImageSequence | None = None
        self._current_path: str | None = None
        self._strip_wanted = False
        self.widget = QWidget()
        self._stack = QStackedWidget(self.widget)
        self.grid = GridView(thumbnails, self._stack)
        self.strip = FilmStrip(thumbnails, parent=self.widget)
        self._stack.addWidget(image_view)
        self._stack.addWidget(self.grid)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.strip)
        self.strip.hide()
        if thumbnails.parent() is None:  # outlive the views: they use it until deleted
            thumbnails.setParent(self.widget)
        self.grid.opened.connect(self._on_grid_opened)
        self.strip.opened.connect(self._on_strip_opened)
        self._browsing: Browsing | None = None
        self._go_to: Callable[[int], None] | None = None
        # The model announces moves and listings among its many state changes: follow once
        # it is done, when ``Browsing`` holds the new index too.
        self._follow_soon = QTimer(self)
        self._follow_soon.setSingleShot(True)
        self._follow_soon.setInterval(0)
        self._follow_soon.timeout.connect(self._on_follow)

    @classmethod
    def around(
        cls,
        window: QMainWindow,
        model: PrefetchModel,
        browsing: Browsing,
        go_to: Callable[[int], None],
        thumbnails: ThumbnailModel | None = None,
    ) -> FolderViews:
        """The views around ``window``'s central widget (its image view), following
        ``browsing``; opening a thumbnail calls ``go_to``. Without ``thumbnails``, they are
        made from the files alone."""
        image_view = window.takeCentralWidget()  # taken, not deleted: it goes in the stack
        views = cls(image_view, thumbnails or uncached_thumbnails(), window)
        window.setCentralWidget(views.widget)
        views._browsing, views._go_to = browsing, go_to
        hold = ThumbnailHold(model, views.thumbnails, views)
        views.gridToggled.connect(hold.set_grid_shown)
        views.openRequested.connect(views._on_open_requested)
        model.stateChanged.connect(views._follow_soon.start)
        return views

    @property
    def thumbnails(self) -> ThumbnailModel:
        return self._thumbnails

    def slots(self) -> dict[str, Callable[[], object]]:
        """The window's commands for the key table."""
        return {"grid": self.toggle_grid, "film_strip": self.toggle_strip}

    def show_badges(self, badges: BadgesOf) -> None:
        """Paint verdicts and pair badges on the grid's and the strip's cells."""
        for view in (self.grid, self.strip):
            delegate = view.itemDelegate()
            if isinstance(delegate, ThumbnailDelegate):
                delegate.show_badges(badges)

    def repaint_cells(self) -> None:
        """Verdicts changed: paint the cells on screen again (no thumbnail is read)."""
        for view in (self.grid, self.strip):
            if view.isVisible():
                view.viewport().update()

    def leave_grid(self) -> bool:
        """Esc: back to the image if the grid is shown; False if there was nothing to leave."""
        shown = self.grid_shown()
        self.show_grid(False)
        return shown

    def follow(self, sequence: ImageSequence | None, index: int | None) -> None:
        """The window is at ``index`` of ``sequence``: the grid and the strip select it.

        A new sequence object (a folder opened, or a new listing) is taken over first;
        thumbnails of files still listed stay, and so does the grid's selection.
        """
        relisted = sequence is not self._sequence
        if relisted:
            self._sequence = sequence
            self._take_listing(list(sequence) if sequence is not None else [])
        path = None if sequence is None or index is None else sequence[index]
        moved, self._current_path = path != self._current_path, path
        if not (moved or relisted or index != self._current):
            return  # nothing new: the user may be scrolling the strip or the grid
        self._current = index
        self.strip.set_current(index)
        if index is not None and moved and self.grid_shown():
            self.grid.select_row(index)  # a re-list that keeps the image leaves the grid be

    def _take_listing(self, paths: list[str]) -> None:
        selected = self.grid.current_row()
        kept = None if selected is None else self._thumbnails.path(selected)
        self._thumbnails.set_paths(paths)
        row = None if kept is None else self._thumbnails.row_of(kept)
        if row is not None:
            self.grid.select_row(row)  # the user's place in the grid survives a re-list

    def grid_shown(self) -> bool:
        return self._stack.currentWidget() is self.grid

    def strip_shown(self) -> bool:
        return not self.strip.isHidden()

    @pyqtSlot()
    def toggle_grid(self) -> None:
        """Enter: from the image to the grid (at the current image) and back."""
        self.show_grid(not self.grid_shown())

    def show_grid(self, shown: bool) -> None:
        self._catch_up()
        if shown == self.grid_shown():
            return
        if shown:
            self._stack.setCurrentWidget(self.grid)
            if self._current is not None:
                self.grid.select_row(self._current)
            self.grid.setFocus()
        else:
            self._stack.setCurrentWidget(self._image_view)
            self._image_view.setFocus()
        self.strip.setVisible(self._strip_wanted and not shown)
        self.gridToggled.emit(shown)

    @pyqtSlot()
    def toggle_strip(self) -> None:
        """The strip's key: show or hide it under the image (never under the grid)."""
        self._catch_up()
        self._strip_wanted = not self._strip_wanted
        self.strip.setVisible(self._strip_wanted and not self.grid_shown())
        self.strip.set_current(self._current)

    @pyqtSlot(int)
    def _on_grid_opened(self, row: int) -> None:
        self.show_grid(False)
        self.openRequested.emit(row)

    @pyqtSlot(int)
    def _on_strip_opened(self, row: int) -> None:
        self.openRequested.emit(row)

    def _catch_up(self) -> None:
        """A command comes before the deferred follow: follow first."""
        if self._follow_soon.isActive():
            self._follow_soon.stop()
            self._on_follow()

    @pyqtSlot()
    def _on_follow(self) -> None:
        if self._browsing is not None:
            self.follow(self._browsing.sequence, self._browsing.index)

    @pyqtSlot(int)
    def _on_open_requested(self, row: int) -> None:
        """Open ``row`` only if it is still that file in the window's folder (a new folder
        may be listing while the old thumbnails are on screen)."""
        sequence = None if self._browsing is None else self._browsing.sequence
        wanted = self._thumbnails.path(row) if 0 <= row < self._thumbnails.rowCount() else None
        if sequence is not None and row < len(sequence) and sequence[row] == wanted:
            assert self._go_to is not None
            self._go_to(row)
