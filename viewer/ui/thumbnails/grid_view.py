"""GridView: the whole folder as thumbnails, for folders of 20,000 files and more.

A ``QListView`` in icon mode with uniform item sizes: Qt lays out every row from one size
hint and asks the model for data only for the cells it paints, so a huge folder costs a
vector of positions, not a thumbnail each. The view tells the model which rows it shows
whenever it scrolls, resizes, shows or hides, and the model loads those first.

Arrow keys, Page Up/Down, Home and End move the selection (Qt's own item-view keys); Enter
or a double-click opens the image; Ctrl+wheel changes the thumbnail size.
"""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QModelIndex, QSize, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QKeyEvent, QResizeEvent, QWheelEvent
from PyQt5.QtWidgets import QAbstractItemView, QListView, QWidget

from viewer.model.thumbnails.model import THUMBNAIL_SIZES, ThumbnailModel
from viewer.ui.thumbnails.cells import ThumbnailDelegate, cell_size
from viewer.ui.thumbnails.thumbnail_list import ThumbnailList

MIN_ICON, MAX_ICON, DEFAULT_ICON = 64, 512, 160
_ICON_STEP = 1.25  # one Ctrl+wheel notch
#: Keys the grid takes before the window's shortcuts (→ is "next image" in the image view).
_NAVIGATION_KEYS = frozenset({
    Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown,
    Qt.Key_Home, Qt.Key_End, Qt.Key_Return, Qt.Key_Enter,
})  # fmt: skip


def load_size(icon: int, device_ratio: float) -> int:
    """The smallest cache size that covers an ``icon``-pixel cell on this screen."""
    needed = icon * device_ratio
    return next((size for size in THUMBNAIL_SIZES if size >= needed), THUMBNAIL_SIZES[-1])


#: The most cells counted in a line (far more than any screen holds).
MAX_COLUMNS = 200


class GridView(ThumbnailList):
    """The folder as a grid of thumbnails.

    Signals:
        opened(int): the user opened this row (Enter or a double-click).
        thumbnailSizeChanged(int): Ctrl+wheel changed the thumbnail size (pixels).
    """

    thumbnailSizeChanged = pyqtSignal(int)

    def __init__(self, model: ThumbnailModel, parent: QWidget | None = None) -> None:
        super().__init__(model, "grid", parent)
        self.setViewMode(QListView.IconMode)
        self.setResizeMode(QListView.Adjust)
        self.setWrapping(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setItemDelegate(ThumbnailDelegate(show_names=True, parent=self))
        self._icon = 0
        self.set_icon_size(DEFAULT_ICON)
        self.doubleClicked.connect(self._on_double_clicked)

    @property
    def icon_size(self) -> int:
        return self._icon

    def set_icon_size(self, icon: int) -> None:
        """Show thumbnails ``icon`` pixels square (clamped), and load them at a size that
        covers that on this screen."""
        icon = max(MIN_ICON, min(MAX_ICON, icon))
        if icon == self._icon:
            return
        current = self.currentIndex()
        self._icon = icon
        self.setIconSize(QSize(icon, icon))
        self._fit_cells()
        self._thumbnails.set_thumbnail_size(load_size(icon, self.devicePixelRatioF()))
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.PositionAtCenter)
        self._on_scrolled()

    def select_row(self, row: int) -> None:
        """Select ``row`` and bring it into view (the grid follows the current image)."""
        if 0 <= row < self._thumbnails.rowCount():
            index = self._thumbnails.index(row)
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.PositionAtCenter)

    def _fit_cells(self) -> None:
        """Share the width left over between the columns: no ragged margin on the right."""
        base = self._base_cell()
        width = self._layout_width()
        columns = max(1, width // base.width())
        cell = QSize(max(base.width(), width // columns), base.height())
        if cell != self.gridSize():
            self.setGridSize(cell)

    def _layout_width(self) -> int:
        # Qt lays the cells out as if the scroll bar were there, shown or not.
        return self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width()

    def _base_cell(self) -> QSize:
        return cell_size(self._icon, True, self.fontMetrics().height())

    # -- events ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Claim the navigation keys from the window's shortcuts while the grid has focus."""
        if (
            event.type() == QEvent.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _NAVIGATION_KEYS
            and not event.modifiers() & ~Qt.KeypadModifier
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeypadModifier
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and plain:
            row = self.current_row()
            if row is not None:
                self.opened.emit(row)
                event.accept()
                return
        if event.key() in (Qt.Key_PageDown, Qt.Key_PageUp) and plain:
            self._page(+1 if event.key() == Qt.Key_PageDown else -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def page_step(self) -> int:
        """How many cells Page Down moves: the whole lines that fit on screen, as many as
        there are columns each (at least one line)."""
        lines = max(1, self.viewport().height() // max(1, self.gridSize().height()))
        return self._columns() * lines

    def _columns(self) -> int:
        """Cells in a line as Qt laid them out (its wrapping is stricter than the sums)."""
        count = self._thumbnails.rowCount()
        if not count:
            return 1
        top = self.visualRect(self._thumbnails.index(0)).top()
        for row in range(1, min(count, MAX_COLUMNS)):
            if self.visualRect(self._thumbnails.index(row)).top() != top:
                return row
        return min(count, MAX_COLUMNS)

    def _page(self, direction: int) -> None:
        """Move the selection a screenful, in the same column, stopping at either end."""
        count = self._thumbnails.rowCount()
        row = self.current_row()
        if not count or row is None:
            return
        step = self.page_step()
        target = row + direction * step
        if not 0 <= target < count:
            target = count - 1 if direction > 0 else 0
        index = self._thumbnails.index(target)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.EnsureVisible)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.ControlModifier:
            notches = event.angleDelta().y() / 120
            if notches:
                self.set_icon_size(round(self._icon * _ICON_STEP**notches))
                self.thumbnailSizeChanged.emit(self._icon)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cells()

    @pyqtSlot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(index.row())
