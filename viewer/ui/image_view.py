"""The image area: a finished image fitted to the window, or a sentence in its place."""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QRectF, QSize, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PyQt5.QtWidgets import QSizePolicy, QWidget

from viewer.ui.theme import background_color, message_color

ERROR_COLOR = QColor(240, 140, 120)
NOTE_BACKGROUND = QColor(0, 0, 0, 170)


def fitted_size(image: QSize, area: QSize) -> QSize:
    """The largest size with ``image``'s aspect ratio inside ``area``, never above 100%."""
    if image.isEmpty() or area.isEmpty():
        return QSize(0, 0)
    if image.width() <= area.width() and image.height() <= area.height():
        return QSize(image)
    return image.scaled(area, Qt.KeepAspectRatio)


class ImageView(QWidget):
    """Paints the current image centred on a dark background, smoothly scaled to fit.

    Only the GUI thread creates the QPixmap; the QImage it comes from was decoded on a worker
    in a format (RGB32 / premultiplied ARGB32) that ``QPixmap.fromImage`` takes without a copy.

    Signals:
        painted(): a paint that showed an image finished (benchmarks time key-to-painted).
    """

    painted = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self._pixmap: QPixmap | None = None
        self._message = ""
        self._is_error = False
        self._quarter_turns = 0
        self._note = ""

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
        return self._pixmap is not None

    def image_size(self) -> QSize:
        return QSize() if self._pixmap is None else self._pixmap.size()

    def pixmap(self) -> QPixmap | None:
        """The image as shown, before rotation (what Copy Image puts on the clipboard)."""
        return self._pixmap

    @property
    def rotation(self) -> int:
        """Clockwise rotation of the view in degrees: 0, 90, 180 or 270. The file is untouched."""
        return self._quarter_turns * 90

    def rotate(self, quarter_turns: int) -> None:
        """Turn the view by ``quarter_turns`` × 90° clockwise (negative: anticlockwise)."""
        self._quarter_turns = (self._quarter_turns + quarter_turns) % 4
        self.update()

    def reset_rotation(self) -> None:
        self._quarter_turns = 0
        self.update()

    def _shown_size(self) -> QSize:
        assert self._pixmap is not None
        size = self._pixmap.size()
        return size.transposed() if self._quarter_turns % 2 else size

    def show_image(self, image: QImage, note: str = "") -> None:
        self._pixmap = QPixmap.fromImage(image)
        self._message, self._is_error, self._note = "", False, note
        self.update()

    def show_message(self, text: str, error: bool = False) -> None:
        """Replace the image with a sentence: a loading notice, a hint, or why it failed."""
        self._pixmap = None
        self._message, self._is_error, self._note = text, error, ""
        self.update()

    def image_rect(self) -> QRectF:
        """Where the image is painted, in logical pixels (centred, fitted, at most 100%).

        With the view rotated, this is the rotated image's bounding rectangle.
        """
        if self._pixmap is None:
            return QRectF()
        ratio = self.devicePixelRatioF()
        area = QSize(round(self.width() * ratio), round(self.height() * ratio))
        size = fitted_size(self._shown_size(), area)
        width, height = size.width() / ratio, size.height() / ratio
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

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
            target = QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height())
            painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
            if self._note:
                painter.resetTransform()  # the band is not rotated with the image
                self._paint_note(painter)
            painter.end()
            self.painted.emit()
            return
        if self._message:
            painter.setPen(ERROR_COLOR if self._is_error else message_color(self.palette()))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            margin = self.rect().adjusted(24, 24, -24, -24)
            painter.drawText(margin, Qt.AlignCenter | Qt.TextWordWrap, self._message)
        painter.end()
