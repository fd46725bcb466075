"""What the grid and the film strip share: how a cell is painted, which rows a view shows.

The delegate fits the model's pixmap into the cell, centred and never enlarged past the
pixmap's own size times two (a small embedded preview is not blown up into mush), and draws
a quiet placeholder while the thumbnail loads, or a crossed frame when it failed (the
tooltip, from the model, says why).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PyQt5.QtCore import QModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PyQt5.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPixmap
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from viewer.core.verdicts.model import Verdict
from viewer.model.thumbnails.state import PathRole, StateRole, ThumbnailState

PADDING = 6  # around the picture, inside the cell
_MAX_ENLARGE = 2.0


@dataclass(frozen=True)
class CellBadges:
    """What a cell shows over its picture: the verdict (None: not read yet), its label's
    colour, and whether the item is a RAW+JPEG pair."""

    verdict: Verdict | None = None
    label_colour: str | None = None
    pair: bool = False


#: ``path -> CellBadges``, from whoever knows the verdicts (``show_badges``).
BadgesOf = Callable[[str], CellBadges]


def cell_size(icon: int, show_names: bool, line_height: int) -> QSize:
    """The fixed cell of a thumbnail ``icon`` pixels square (plus a line for the name)."""
    return QSize(icon + 2 * PADDING, icon + 2 * PADDING + (line_height if show_names else 0))


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints one cell: selection, the thumbnail or its placeholder, and the name.

    Attributes:
        show_names: whether the file name is drawn under the picture (the grid) or not
            (the film strip).
    """

    def __init__(self, show_names: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_names = show_names
        self._badges: BadgesOf | None = None

    def show_badges(self, badges: BadgesOf) -> None:
        """Paint each cell's verdict and pair badge, as ``badges`` gives them by path."""
        self._badges = badges

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        icon = max(option.decorationSize.width(), option.decorationSize.height())
        return cell_size(icon, self.show_names, option.fontMetrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform)
        _background(painter, option)
        box = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        line = option.fontMetrics.height()
        if self.show_names:
            box.setBottom(box.bottom() - line)
        pixmap = index.data(Qt.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            painter.drawPixmap(_fitted(pixmap, box), pixmap)
        else:
            _placeholder(painter, box, index.data(StateRole), option.palette)
        path = index.data(PathRole)
        if self._badges is not None and isinstance(path, str):
            _paint_badges(painter, box, self._badges(path))
        if self.show_names:
            name_rect = QRect(box.left(), box.bottom() + 2, box.width(), line)
            self._name(painter, option, index, name_rect)
        painter.restore()

    def _name(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, rect: QRect
    ) -> None:
        name = str(index.data(Qt.DisplayRole) or "")
        text = option.fontMetrics.elidedText(name, Qt.ElideMiddle, rect.width())
        selected = bool(option.state & QStyle.State_Selected)
        role = QPalette.HighlightedText if selected else QPalette.Text
        painter.setPen(option.palette.color(role))
        painter.drawText(rect, int(Qt.AlignHCenter | Qt.AlignVCenter), text)


def _background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The selection (the current image) in the highlight colour; a faint one under the mouse."""
    colour = QColor(option.palette.color(QPalette.Highlight))
    if not option.state & QStyle.State_Selected:
        if not option.state & QStyle.State_MouseOver:
            return
        colour.setAlpha(50)
    painter.setPen(Qt.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(option.rect.adjusted(2, 2, -2, -2)), 4, 4)


def _fitted(pixmap: QPixmap, box: QRect) -> QRect:
    """Where ``pixmap`` goes in ``box``: centred, aspect kept, enlarged at most twice."""
    ratio = pixmap.devicePixelRatio() or 1.0
    width, height = pixmap.width() / ratio, pixmap.height() / ratio
    scale = min(box.width() / width, box.height() / height, _MAX_ENLARGE)
    size = QSize(max(1, round(width * scale)), max(1, round(height * scale)))
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(box.center())
    return rect


def _placeholder(painter: QPainter, box: QRect, state: object, palette: QPalette) -> None:
    """A faint frame while loading; a crossed frame when no thumbnail can be made."""
    colour = QColor(palette.color(QPalette.Text))
    colour.setAlpha(60 if state != ThumbnailState.FAILED else 140)
    inner = box.adjusted(box.width() // 8, box.height() // 8, -box.width() // 8, -box.height() // 8)
    painter.setPen(QPen(colour, 1, Qt.DashLine if state != ThumbnailState.FAILED else Qt.SolidLine))
    painter.drawRect(inner)
    if state == ThumbnailState.FAILED:
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())


def _paint_badges(painter: QPainter, box: QRect, badges: CellBadges) -> None:
    """Stars along the picture's foot, a swatch in its top-right corner, a reject dimmed and
    crossed, and "R+J" in the top-left corner for a pair."""
    verdict = badges.verdict
    font = QFont(painter.font())
    font.setPixelSize(max(9, min(14, box.height() // 8)))
    painter.setFont(font)
    line = font.pixelSize() + 4
    if verdict is not None and verdict.rejected:
        painter.fillRect(box, QColor(0, 0, 0, 140))
        painter.setPen(QPen(QColor("#ff6b6b"), 2))
        painter.drawText(box, int(Qt.AlignCenter), "✕")
    elif verdict is not None and verdict.stars:
        foot = QRect(box.left(), box.bottom() - line, box.width(), line)
        painter.fillRect(foot, QColor(0, 0, 0, 150))
        painter.setPen(QColor("#f2d15c"))
        painter.drawText(foot, int(Qt.AlignCenter), "★" * verdict.stars)
    if badges.label_colour is not None:
        size = line - 2
        painter.setPen(QPen(QColor(0, 0, 0, 160), 1))
        painter.setBrush(QColor(badges.label_colour))
        painter.drawEllipse(QRect(box.right() - size - 2, box.top() + 2, size, size))
    if badges.pair:
        tag = QRect(box.left() + 2, box.top() + 2, painter.fontMetrics().width("R+J") + 6, line)
        painter.fillRect(tag, QColor(0, 0, 0, 150))
        painter.setPen(QColor("white"))
        painter.drawText(tag, int(Qt.AlignCenter), "R+J")


def visible_rows(view: QAbstractItemView, cell: QSize) -> range:
    """The rows whose cells ``view`` shows, at least in part, as one range.

    Samples the viewport at half-cell steps (a few hundred ``indexAt`` calls on a full-HD
    screen, each a lookup in the view's own index), so it holds for any layout the view has,
    wrapped or not, with or without a partly filled last line.
    """
    viewport = view.viewport()
    step_x, step_y = max(1, cell.width() // 2), max(1, cell.height() // 2)
    rows = []
    for y in [*range(0, viewport.height(), step_y), viewport.height() - 1]:
        for x in [*range(0, viewport.width(), step_x), viewport.width() - 1]:
            index = view.indexAt(QPoint(x, y))
            if index.isValid():
                rows.append(index.row())
    return range(min(rows), max(rows) + 1) if rows else range(0)
