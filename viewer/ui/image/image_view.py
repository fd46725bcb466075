"""The image area: a finished image, fitted or zoomed, or a sentence in its place."""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import (
    QColor,
    QCursor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PyQt5.QtWidgets import QSizePolicy, QWidget

from viewer.core.formats.geometry import Size, Zoom, clamp_pan, device_box, fitted_zoom
from viewer.ui.aids.shown_aids import ShownAids, paint_histogram, paint_marks
from viewer.ui.theme import background_color, message_color

ERROR_COLOR = QColor(240, 140, 120)
NOTE_BACKGROUND = QColor(0, 0, 0, 170)
VEIL_COLOR = QColor(0, 0, 0, 150)


#: Zoom steps and bounds, as fractions of actual size (one image pixel per device pixel).
ZOOM_STEP = 1.25
MIN_ZOOM = 0.01
MAX_ZOOM = 32.0


class ImageView(QWidget):
    """Paints the current image on a dark background: fitted, or zoomed and panned.

    Geometry is kept in the coordinates of the full-resolution (upright) source image, not of
    the pixmap: a screen-sized display image and, after zooming in, the full-resolution one
    occupy the same rectangle, so refinement swaps pixels without moving anything.

    Only the GUI thread creates the QPixmap; the QImage it comes from was decoded on a worker
    in a format (RGB32 / premultiplied ARGB32) that ``QPixmap.fromImage`` takes without a copy.

    Signals:
        painted(): a paint that showed an image finished (benchmarks time key-to-painted).
        zoomChanged(): the zoom level or the placement changed.
        resized(): the view's size in device pixels changed (a resize, the view shown, or a
            screen with another pixel ratio), so display images should be made anew.
    """

    painted = pyqtSignal()
    zoomChanged = pyqtSignal()
    resized = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self._pixmap: QPixmap | None = None
        self._image: QImage | None = None  # the pixmap's pixels, for the aids' workers
        self._aids: ShownAids | None = None
        self._source = QSize()
        self._zoom: Zoom | None = None  # None: fit to the window
        self._drag_from: QPointF | None = None
        self._message = ""
        self._is_error = False
        self._quarter_turns = 0
        self._note = ""
        self._watching_screen = False

    @property
    def message(self) -> str:
        """The sentence shown instead of an image ('' while an image is shown)."""
        return self._message

    @property
    def is_error(self) -> bool:
        return self._is_error

    @property
    def note(self) -> str:
        """A caption over the image ("damaged: …", "shown at 1/4 size: …"), or ''."""
        return self._note

    def has_image(self) -> bool:
        """Whether an image is shown (not one dimmed under a sentence)."""
        return self._pixmap is not None and not self._message

    def image_size(self) -> QSize:
        """The size of the pixels on hand (a display image may be smaller than the source)."""
        return QSize() if self._pixmap is None else self._pixmap.size()

    def source_size(self) -> QSize:
        """The full-resolution, upright size of the image shown."""
        return QSize(self._source)

    def pixmap(self) -> QPixmap | None:
        """The image as shown, before rotation (what Copy Image puts on the clipboard)."""
        return self._pixmap

    # -- showing -------------------------------------------------------------------------------

    def show_image(
        self,
        image: QImage,
        source: QSize | None = None,
        keep_view: bool = False,
        note: str = "",
    ) -> None:
        """Show ``image``, standing for a source of size ``source`` (default: its own size).

        ``keep_view`` keeps zoom and placement: for refinement of the same image, or when the
        user has locked the zoom to compare one detail across a sequence. ``note`` is a
        caption over the image, such as "damaged" or "shown at 1/4 size".
        """
        self._pixmap = QPixmap.fromImage(image)
        self._image, self._aids = image, None
        self._source = QSize(source) if source is not None else image.size()
        self._message, self._is_error, self._note = "", False, note
        if not keep_view:
            self._zoom = None
        elif self._zoom is not None:
            self._zoom = self._clamped(self._zoom)
        self.update()
        self.zoomChanged.emit()

    def show_message(self, text: str, error: bool = False, over_image: bool = False) -> None:
        """Replace the image with a sentence: a loading notice, a hint, or why it failed.

        ``over_image`` keeps the image on screen, dimmed, under the sentence ("Loading…"
        while no preview of the next image exists: the view is never empty).
        """
        if not over_image:
            self._pixmap = self._image = self._aids = None
        self._message, self._is_error, self._note = text, error, ""
        self.update()

    # -- focus and exposure aids (``viewer.ui.aids.focus_aids.AidTarget``) -----------------

    def aid_source(self) -> tuple[QImage, QRect] | None:
        """The image shown and the part of it in view, in its pixels (all of it when rotated)."""
        if self._image is None or self._pixmap is None or self._message:
            return None
        whole = self._image.rect()
        bounds = self.image_rect()
        if self._quarter_turns or bounds.isEmpty():
            return self._image, whole
        visible = bounds.intersected(QRectF(self.rect()))
        scale = self._image.width() / bounds.width()
        region = QRectF((visible.x() - bounds.x()) * scale, (visible.y() - bounds.y()) * scale,
                        visible.width() * scale, visible.height() * scale)  # fmt: skip
        return self._image, region.toAlignedRect().intersected(whole)

    def set_aids(self, aids: ShownAids | None) -> None:
        self._aids = aids
        self.update()

    def aids(self) -> ShownAids | None:
        return self._aids

    # -- rotation ------------------------------------------------------------------------------

    @property
    def rotation(self) -> int:
        """Clockwise rotation of the view in degrees: 0, 90, 180 or 270. The file is untouched."""
        return self._quarter_turns * 90

    def rotate(self, quarter_turns: int) -> None:
        """Turn the view by ``quarter_turns`` × 90° clockwise (negative: anticlockwise)."""
        self._quarter_turns = (self._quarter_turns + quarter_turns) % 4
        self._zoom = None
        self.update()
        self.zoomChanged.emit()

    @pyqtSlot()
    def rotate_right(self) -> None:
        self.rotate(+1)

    @pyqtSlot()
    def rotate_left(self) -> None:
        self.rotate(-1)

    def reset_rotation(self) -> None:
        self._quarter_turns = 0
        self.update()

    def _shown_size(self) -> Size:
        """The source size as it stands on screen, after the view's rotation."""
        width, height = self._source.width(), self._source.height()
        return (height, width) if self._quarter_turns % 2 else (width, height)

    # -- zoom and pan --------------------------------------------------------------------------

    def is_fitted(self) -> bool:
        return self._zoom is None

    def above_fit(self) -> bool:
        """Zoomed in beyond the fit: a display image is too coarse for what is shown."""
        fitted = fitted_zoom(self._shown_size(), self._view_size(), self.devicePixelRatioF())
        return self._zoom is not None and self._zoom.scale > fitted.scale * 1.001

    def zoom(self) -> Zoom:
        """The placement in use: the user's zoom, or the fit to the window."""
        if self._zoom is not None:
            return self._zoom
        return fitted_zoom(self._shown_size(), self._view_size(), self.devicePixelRatioF())

    def zoom_percent(self) -> float:
        """Device pixels per source pixel, in percent: 100 is actual size."""
        return self.zoom().scale * self.devicePixelRatioF() * 100

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor``, keeping the source point under ``anchor`` (default: the centre)."""
        if self._pixmap is None:
            return
        ratio = self.devicePixelRatioF()
        scale = min(max(self.zoom().scale * factor, MIN_ZOOM / ratio), MAX_ZOOM / ratio)
        self._set_zoom(scale, anchor)

    @pyqtSlot()
    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    @pyqtSlot()
    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def actual_size(self) -> None:
        """Show one source pixel per device pixel, around the centre."""
        if self._pixmap is not None:
            self._set_zoom(1.0 / self.devicePixelRatioF(), None)

    @pyqtSlot()
    def toggle_zoom(self) -> None:
        """Z: fitted → actual size at the mouse cursor (the centre if it is outside); any
        other zoom → fitted, as in Lightroom."""
        if not self.is_fitted():
            self.fit_to_window()
        elif self._pixmap is not None:
            cursor = QPointF(self.mapFromGlobal(QCursor.pos()))
            inside = self.rect().contains(cursor.toPoint())
            self._set_zoom(1.0 / self.devicePixelRatioF(), cursor if inside else None)

    @pyqtSlot()
    def fit_to_window(self) -> None:
        self._zoom = None
        self.update()
        self.zoomChanged.emit()

    def pan_by(self, dx: float, dy: float) -> None:
        if self._zoom is not None:
            self._zoom = self._clamped(self._zoom.panned(dx, dy))
            self.update()
            self.zoomChanged.emit()

    def wants_full_resolution(self) -> bool:
        """True when the pixels on hand are coarser than the zoom shows them."""
        if self._pixmap is None or self._source.isEmpty():
            return False
        device_width = self._source.width() * self.zoom().scale * self.devicePixelRatioF()
        return self._pixmap.width() < min(device_width, self._source.width()) * 0.99

    def _set_zoom(self, scale: float, anchor: QPointF | None) -> None:
        point = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        self._zoom = self._clamped(self.zoom().zoomed_at(point.x(), point.y(), scale))
        self.update()
        self.zoomChanged.emit()

    def _clamped(self, zoom: Zoom) -> Zoom:
        return clamp_pan(zoom, self._shown_size(), self._view_size())

    def _view_size(self) -> Size:
        return (self.width(), self.height())

    def image_rect(self) -> QRectF:
        """Where the image is painted, in logical pixels (with rotation: its bounding box)."""
        if self._pixmap is None:
            return QRectF()
        zoom = self.zoom()
        width, height = self._shown_size()
        return QRectF(zoom.left, zoom.top, width * zoom.scale, height * zoom.scale)

    # -- events --------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.ControlModifier and event.angleDelta().y():
            self.zoom_by(ZOOM_STEP ** (event.angleDelta().y() / 120), event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.LeftButton, Qt.MiddleButton) and self._zoom is not None:
            self._drag_from = event.localPos()
            self.setCursor(Qt.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.localPos() - self._drag_from
            self._drag_from = event.localPos()
            self.pan_by(delta.x(), delta.y())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._zoom is not None:
            self._zoom = self._clamped(self._zoom)
        super().resizeEvent(event)
        self.resized.emit()
        self.zoomChanged.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.window().windowHandle()
        if handle is not None and not self._watching_screen:
            handle.screenChanged.connect(self._on_screen_changed)  # a new device pixel ratio
            self._watching_screen = True
        self.resized.emit()  # sized while hidden, it said nothing that counted (DisplayBox)

    @pyqtSlot()
    def _on_screen_changed(self) -> None:
        self.resized.emit()

    def display_box(self) -> Size:
        """The view's size in device pixels: what a display image must fill to look sharp."""
        return device_box(self._view_size(), self.devicePixelRatioF())

    def changeEvent(self, event: QEvent) -> None:
        """Repaint when the user switches between a light and a dark theme."""
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            self.update()
        super().changeEvent(event)

    def _paint_note(self, painter: QPainter) -> None:
        """The note on a dark band along the bottom, readable over any picture."""
        height = painter.fontMetrics().height() * 2
        band = self.rect().adjusted(0, self.height() - height, 0, 0)
        painter.fillRect(band, NOTE_BACKGROUND)
        painter.setPen(ERROR_COLOR)
        painter.drawText(band, Qt.AlignCenter | Qt.TextWordWrap, self._note)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), background_color(self.palette()))
        if self._pixmap is not None:
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            bounds = self.image_rect()
            size = bounds.size().transposed() if self._quarter_turns % 2 else bounds.size()
            painter.translate(bounds.center())
            painter.rotate(self.rotation)
            placed = QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height())
            painter.drawPixmap(placed, self._pixmap, QRectF(self._pixmap.rect()))
            if self._aids is not None:
                paint_marks(painter, self._aids, placed, self._pixmap.size())
            painter.resetTransform()  # the band and the veil are not rotated with the image
            if self._aids is not None and self._aids.histogram is not None:
                paint_histogram(painter, self._aids.histogram, QRectF(self.rect()))
            if self._note:
                self._paint_note(painter)
            if not self._message:
                painter.end()
                self.painted.emit()
                return
            painter.fillRect(self.rect(), VEIL_COLOR)  # the last image, dimmed under the text
        if self._message:
            painter.setPen(ERROR_COLOR if self._is_error else message_color(self.palette()))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            margin = self.rect().adjusted(24, 24, -24, -24)
            painter.drawText(margin, Qt.AlignCenter | Qt.TextWordWrap, self._message)
        painter.end()
