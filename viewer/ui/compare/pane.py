"""One pane of the compare view: an image placed by the shared zoom, with its caption.

The pane paints; the ``CompareView`` around it decides where the image goes (``set_zoom``) and
hears of the mouse (``wheeled``, ``dragged``, ``pressed``), so zoom and pan stay in step.
"""

from __future__ import annotations

from PyQt5.QtCore import QPointF, QRect, QRectF, QSize, Qt, pyqtSignal
from PyQt5.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PyQt5.QtWidgets import QSizePolicy, QWidget

from viewer.core.formats.geometry import Zoom
from viewer.ui.aids.shown_aids import ShownAids, paint_histogram, paint_marks
from viewer.ui.image.motion import Motion
from viewer.ui.theme import background_color

CAPTION_BACK = QColor(0, 0, 0, 170)
CAPTION_TEXT = QColor(235, 235, 235)
FOCUS_FRAME = QColor(90, 160, 255)


class ComparePane(QWidget):
    """Paints one image (or a sentence while it loads) and its caption.

    Signals:
        wheeled(int, QPointF, float): Ctrl+wheel (or the wheel) over pane n: zoom steps.
        dragged(int, float, float, bool): pane n dragged by (dx, dy); True: Shift held (alone).
        pressed(int): the mouse went down on pane n (it takes the focus).
        resized(): its size changed (the view places its image anew).
        painted(): a paint with an image finished.
    """

    wheeled = pyqtSignal(int, QPointF, float)
    dragged = pyqtSignal(int, float, float, bool)
    pressed = pyqtSignal(int)
    painted = pyqtSignal()
    resized = pyqtSignal()

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.NoFocus)  # the compare view keeps the keyboard
        self.path: str | None = None
        self._pixmap: QPixmap | None = None
        self._image: QImage | None = None
        self._source = QSize()
        self._zoom: Zoom | None = None
        self._caption = ""
        self._message = ""
        self._focused = False
        self._aids: ShownAids | None = None
        self._drag_from: QPointF | None = None
        self._motion = Motion(self)  # panned or zoomed just now: paint fast, smooth at rest
        self._motion.rested.connect(self.update)

    # -- what it shows ---------------------------------------------------------------------

    def show_path(self, path: str, message: str = "Loading…") -> None:
        """The pane now stands for ``path``: its image comes later (``show_image``)."""
        if path != self.path:
            self.path, self._pixmap, self._image, self._aids = path, None, None, None
            self._message = message
            self.update()

    def show_image(self, image: QImage, source: QSize) -> None:
        """Show ``image`` standing for a source of ``source`` pixels."""
        self._pixmap = QPixmap.fromImage(image)
        self._image, self._aids, self._message = image, None, ""
        self._source = QSize(source)
        self.update()

    def show_message(self, text: str) -> None:
        self._pixmap, self._image, self._message = None, None, text
        self.update()

    def set_caption(self, text: str) -> None:
        if text != self._caption:
            self._caption = text
            self.update()

    def caption(self) -> str:
        return self._caption

    def set_focused(self, focused: bool) -> None:
        if focused != self._focused:
            self._focused = focused
            self.update()

    def is_focused(self) -> bool:
        return self._focused

    def set_zoom(self, zoom: Zoom) -> None:
        """Place the image; a change of a placed image is a pan or zoom step (painted fast)."""
        if zoom == self._zoom:
            return
        if self._zoom is not None and self._pixmap is not None:
            self._motion.moved()
        self._zoom = zoom
        self.update()

    def is_moving(self) -> bool:
        """Whether a pan or zoom step came just now (painted without smoothing until it rests)."""
        return self._motion.moving()

    def zoom(self) -> Zoom | None:
        return self._zoom

    def source_size(self) -> QSize:
        return QSize(self._source)

    def image_size(self) -> QSize:
        return QSize() if self._pixmap is None else self._pixmap.size()

    def has_image(self) -> bool:
        return self._pixmap is not None

    def is_preview(self) -> bool:
        """Whether the pixels on hand are coarser than the zoom shows them."""
        if self._pixmap is None or self._zoom is None or self._source.isEmpty():
            return self._pixmap is None
        device = self._source.width() * self._zoom.scale * self.devicePixelRatioF()
        return self._pixmap.width() < min(device, self._source.width()) * 0.99

    def image_rect(self) -> QRectF:
        if self._zoom is None or self._source.isEmpty():
            return QRectF()
        z = self._zoom
        return QRectF(
            z.left, z.top, self._source.width() * z.scale, self._source.height() * z.scale
        )

    # -- aids (``viewer.ui.aids.focus_aids.AidTarget``) ----------------------------------------

    def aid_source(self) -> tuple[QImage, QRect] | None:
        bounds = self.image_rect()
        if self._image is None or bounds.isEmpty():
            return None
        visible = bounds.intersected(QRectF(self.rect()))
        scale = self._image.width() / bounds.width()
        region = QRectF((visible.x() - bounds.x()) * scale, (visible.y() - bounds.y()) * scale,
                        visible.width() * scale, visible.height() * scale)  # fmt: skip
        return self._image, region.toAlignedRect().intersected(self._image.rect())

    def set_aids(self, aids: ShownAids | None) -> None:
        self._aids = aids
        self.update()

    def aids(self) -> ShownAids | None:
        return self._aids

    # -- events ----------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.wheeled.emit(self.number, event.position(), steps)
            event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit(self.number)
        if event.button() == Qt.LeftButton:
            self._drag_from = event.localPos()
            self.setCursor(Qt.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.localPos() - self._drag_from
            self._drag_from = event.localPos()
            alone = bool(event.modifiers() & Qt.ShiftModifier)
            self.dragged.emit(self.number, delta.x(), delta.y(), alone)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        self.unsetCursor()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def _paint_pixmap(self, painter: QPainter, pixmap: QPixmap, placed: QRectF) -> None:
        """The part of ``pixmap`` in view: smooth at rest, the nearest pixel while moving.

        Only the visible source rectangle is drawn (a smooth draw of a whole 24 MP pixmap
        costs ~100 ms). At one pixmap pixel a device pixel the source is made exactly the
        target's size, so a scale that is 1 but for rounding (zoomed in and out again) is a
        copy, not a resampling.
        """
        visible = placed.intersected(QRectF(self.rect()))
        scale = pixmap.width() / placed.width()
        source = QRectF((visible.x() - placed.x()) * scale, (visible.y() - placed.y()) * scale,
                        visible.width() * scale, visible.height() * scale)  # fmt: skip
        ratio = self.devicePixelRatioF()
        if abs(scale * ratio - 1.0) < 1e-6:
            source.setSize(visible.size() * ratio)
        painter.setRenderHint(QPainter.SmoothPixmapTransform, not self._motion.moving())
        painter.drawPixmap(visible, pixmap, source)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        placed = self.image_rect() if self._pixmap is not None else QRectF()
        if not placed.contains(QRectF(self.rect())):
            painter.fillRect(self.rect(), background_color(self.palette()))
        if self._pixmap is not None and self._zoom is not None:
            self._paint_pixmap(painter, self._pixmap, placed)
            if self._aids is not None:
                paint_marks(painter, self._aids, placed, self._pixmap.size())
                if self._aids.histogram is not None:
                    paint_histogram(painter, self._aids.histogram, QRectF(self.rect()))
        elif self._message:
            painter.setPen(CAPTION_TEXT)
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self._message)
        if self._caption:
            band = QRect(0, 0, self.width(), painter.fontMetrics().height() + 8)
            painter.fillRect(band, CAPTION_BACK)
            painter.setPen(CAPTION_TEXT)
            painter.drawText(band.adjusted(8, 0, -8, 0), int(Qt.AlignVCenter | Qt.AlignLeft),
                             self._caption)  # fmt: skip
        if self._focused:
            painter.setPen(FOCUS_FRAME)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
            painter.drawRect(self.rect().adjusted(2, 2, -3, -3))
        painter.end()
        if self._pixmap is not None:
            self.painted.emit()
