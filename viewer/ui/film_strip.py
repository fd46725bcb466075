"""FilmStrip: a row of thumbnails along the bottom, the current image in the centre.

The strip is a horizontal ``QListView`` over the same ``ThumbnailModel`` as the grid, so a
thumbnail loaded for one is there for the other. It follows the current image
(``set_current``), keeps it centred where the folder allows, and a click on a neighbour
opens it. It takes no keyboard focus: the arrow keys stay with the image.
"""

from __future__ import annotations

from PyQt5.QtCore import QModelIndex, QSize, Qt, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PyQt5.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from viewer.model.thumbnail_model import ThumbnailModel
from viewer.ui.thumbnail_cells import ThumbnailDelegate, cell_size, visible_rows

STRIP_ICON = 96
_VIEW_NAME = "strip"


class FilmStrip(QListView):
    """The current image and its neighbours, as thumbnails in one row.

    Signals:
        opened(int): the user clicked this row's thumbnail.
    """

    opened = pyqtSignal(int)

    def __init__(
        self, model: ThumbnailModel, icon: int = STRIP_ICON, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._thumbnails = model
        self._cell = cell_size(icon, False, 0)
        self.setViewMode(QListView.ListMode)
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(False)
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Static)
        self.setFocusPolicy(Qt.NoFocus)
        self.setFrameShape(QFrame.NoFrame)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setItemDelegate(ThumbnailDelegate(show_names=False, parent=self))
        self.setIconSize(QSize(icon, icon))
        self.setGridSize(self._cell)
        self.setFixedHeight(self._cell.height() + 2 * self.frameWidth())
        self.setModel(model)
        self._report_timer = QTimer(self)
        self._report_timer.setSingleShot(True)
        self._report_timer.setInterval(0)
        self._report_timer.timeout.connect(self._on_report_visible)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.clicked.connect(self._on_clicked)
        model.modelReset.connect(self._on_scrolled)

    def set_current(self, row: int | None) -> None:
        """Mark ``row`` as the current image and centre it; None clears the mark."""
        if row is None or not 0 <= row < self._thumbnails.rowCount():
            self.clearSelection()
            return
        index = self._thumbnails.index(row)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.PositionAtCenter)

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def visible_rows(self) -> range:
        """The rows this strip shows now (empty while hidden)."""
        return visible_rows(self, self._cell) if self.isVisible() else range(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.PositionAtCenter)
        self._on_scrolled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._on_scrolled()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._thumbnails.set_visible(_VIEW_NAME, range(0))

    @pyqtSlot()
    def _on_scrolled(self) -> None:
        self._report_timer.start()

    @pyqtSlot()
    def _on_report_visible(self) -> None:
        self._thumbnails.set_visible(_VIEW_NAME, self.visible_rows())

    @pyqtSlot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(index.row())
