"""The aids of the image shown, and how they are painted over it (GUI thread only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PyQt5.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PyQt5.QtGui import QColor, QImage, QPainter, QPainterPath

if TYPE_CHECKING:  # the view is on the first frame's path, which must not import numpy
    from viewer.core.aids.histogram import Histogram

HISTOGRAM_SIZE = QSize(256, 100)
_HISTOGRAM_BACK = QColor(0, 0, 0, 170)
_CURVES = (("red", QColor(255, 70, 70, 150)), ("green", QColor(70, 255, 70, 150)),
           ("blue", QColor(90, 130, 255, 150)), ("luma", QColor(235, 235, 235, 220)))  # fmt: skip


@dataclass(frozen=True)
class ShownAids:
    """Marks over ``region`` of the pixmap shown (its pixels), and a histogram of it."""

    marks: QImage | None
    region: QRect
    histogram: Histogram | None


def paint_marks(painter: QPainter, aids: ShownAids, placed: QRectF, pixmap: QSize) -> None:
    """The marks over the image drawn in ``placed`` from a pixmap of size ``pixmap``."""
    if aids.marks is None or pixmap.isEmpty():
        return
    sx, sy = placed.width() / pixmap.width(), placed.height() / pixmap.height()
    region = aids.region
    target = QRectF(placed.x() + region.x() * sx, placed.y() + region.y() * sy,
                    region.width() * sx, region.height() * sy)  # fmt: skip
    painter.drawImage(target, aids.marks, QRectF(aids.marks.rect()))


def paint_histogram(painter: QPainter, histogram: Histogram, corner: QRectF) -> None:
    """The four curves in a box at the bottom right of ``corner``."""
    size = HISTOGRAM_SIZE
    box = QRectF(corner.right() - size.width() - 12, corner.bottom() - size.height() - 12,
                 size.width(), size.height())  # fmt: skip
    painter.fillRect(box, _HISTOGRAM_BACK)
    peak = histogram.peak()
    painter.setRenderHint(QPainter.Antialiasing)
    for name, colour in _CURVES:
        counts = getattr(histogram, name)
        path = QPainterPath(QPointF(box.left(), box.bottom()))
        for value in range(256):
            height = box.height() * min(1.0, counts[value] / peak * 4) ** 0.5
            path.lineTo(box.left() + value * box.width() / 255, box.bottom() - height)
        painter.setPen(colour)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(path)
    painter.setRenderHint(QPainter.Antialiasing, False)
