"""FilmStrip: a row of thumbnails along the bottom, the current image in the centre.

The strip is a horizontal list over the same ``ThumbnailModel`` as the grid, so a thumbnail
loaded for one is there for the other. It follows the current image (``set_current``), keeps
it centred where the folder allows, and a click on a neighbour opens it. It takes no
keyboard focus: the arrow keys stay with the image.
"""

from __future__ import annotations

from PyQt5.QtCore import QModelIndex, QSize, Qt, pyqtSlot
from PyQt5.QtGui import QResizeEvent
from PyQt5.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from viewer.model.thumbnails.model import ThumbnailModel
from viewer.ui.thumbnails.cells import ThumbnailDelegate, cell_size
from viewer.ui.thumbnails.thumbnail_list import ThumbnailList

STRIP_ICON = 96


class FilmStrip(ThumbnailList):
    """The current image and its neighbours, as thumbnails in one row.

    Signals:
        opened(int): the user clicked this row's thumbnail.
    """

    def __init__(
        self, model: ThumbnailModel, icon: int = STRIP_ICON, parent: QWidget | None = None
    ) -> None:
        super().__init__(model, "strip", parent)
        cell = cell_size(icon, False, 0)
        self.setViewMode(QListView.ListMode)
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(False)
        self.setFocusPolicy(Qt.NoFocus)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setItemDelegate(ThumbnailDelegate(show_names=False, parent=self))
        self.setIconSize(QSize(icon, icon))
        self.setGridSize(cell)
        self.setFixedHeight(cell.height() + 2 * self.frameWidth())
        self.clicked.connect(self._on_clicked)

    def set_current(self, row: int | None) -> None:
        """Mark ``row`` as the current image and centre it; None clears the mark."""
        if row is None or not 0 <= row < self._thumbnails.rowCount():
            self.clearSelection()
            return
        index = self._thumbnails.index(row)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.PositionAtCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.PositionAtCenter)

    @pyqtSlot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(index.row())
