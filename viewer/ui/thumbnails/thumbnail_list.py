"""ThumbnailList: what the grid and the film strip share as views of one ThumbnailModel.

Each tells the model which rows it shows, under its own name, whenever it scrolls, resizes,
shows or hides (once per burst of events), so the model loads those first; a hidden view
shows nothing.
"""

from __future__ import annotations

from PyQt5.QtCore import QSize, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QHideEvent, QPalette, QResizeEvent, QShowEvent
from PyQt5.QtWidgets import QAbstractItemView, QListView, QWidget

from viewer.model.thumbnails.model import ThumbnailModel
from viewer.ui.theme import background_color, message_color
from viewer.ui.thumbnails.cells import visible_rows


class ThumbnailList(QListView):
    """A list view of thumbnails that reports its visible rows to the model.

    Signals:
        opened(int): the user opened this row.
    """

    opened = pyqtSignal(int)

    def __init__(self, model: ThumbnailModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbnails = model
        self._name = name
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Static)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        palette = self.palette()  # photos on the image area's dark ground, as in the viewer
        palette.setColor(QPalette.Base, background_color(palette))
        palette.setColor(QPalette.Text, message_color(palette))
        self.setPalette(palette)
        self._report_timer = QTimer(self)  # one report per burst of scroll events
        self._report_timer.setSingleShot(True)
        self._report_timer.setInterval(0)
        self._report_timer.timeout.connect(self._on_report_visible)
        self.setModel(model)
        model.modelReset.connect(self._on_scrolled)

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def visible_rows(self) -> range:
        """The rows this view shows now (empty while hidden)."""
        return visible_rows(self, self.cell()) if self.isVisible() else range(0)

    def cell(self) -> QSize:
        """The size of one cell; the views set it as their grid size."""
        return self.gridSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_scrolled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._on_scrolled()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._thumbnails.set_visible(self._name, range(0))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._on_scrolled()

    @pyqtSlot()
    def _on_scrolled(self) -> None:
        self._report_timer.start()

    @pyqtSlot()
    def _on_report_visible(self) -> None:
        self._thumbnails.set_visible(self._name, self.visible_rows())
