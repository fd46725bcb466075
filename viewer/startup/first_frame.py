"""The window as it will look, on screen with the first image before the viewer is imported.

Qt alone takes about 100 ms to import; the rest of the viewer (numpy, Pillow, the decoders,
the model, every room of the window) about 300 ms more. ``FirstFrame`` needs only Qt and the
image view, so it is shown as soon as the QApplication exists, in the window's remembered
place, with the window's menus and status bar. It shows the early start's image the moment
it is decoded (``first_decode``), or decodes the camera's preview itself
(``first_preview``). Meanwhile ``warm_up`` imports the rest on a thread, and ``hand_over``
gives the place to the real window once that one shows the image too, replaying the keys
pressed meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PyQt5.QtCore import QSize, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QCloseEvent, QImage, QKeyEvent
from PyQt5.QtWidgets import QMainWindow, QWidget

from viewer.core.formats.geometry import Size
from viewer.core.placement import Rect
from viewer.settings.start import APP_NAME, StartSettings
from viewer.ui.image.image_view import ImageView
from viewer.ui.window.menus import MENUS
from viewer.ui.window.placement import place_window


class Encoded(Protocol):
    """An image only the GUI thread may decode (Qt's reader: see ``first_preview``)."""

    def decode(self) -> tuple[QImage, Size] | None:
        """The image to show and its full size; None if it cannot be read."""


class FirstFrame(QMainWindow):
    """The first image in the window's place while the viewer is still being imported.

    Signals:
        decoded(QImage, QSize): the early start's image and its full size; emitted from the
            early thread, shown on the GUI thread.
        encoded(object): an ``Encoded`` image from the early thread, for the GUI thread to
            decode and show.
        nothingToShow(): there will be no early image (not a plain JPEG, or unreadable);
            emitted from the early thread.
        imagePainted(): a paint showed the image (emitted on the GUI thread).
        closedByUser(): the user closed the window before the viewer was ready.
    """

    decoded = pyqtSignal(QImage, QSize)
    encoded = pyqtSignal(object)
    nothingToShow = pyqtSignal()
    imagePainted = pyqtSignal()
    closedByUser = pyqtSignal()

    def __init__(self, settings: StartSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._keys: list[tuple[int, int]] = []
        self._handed_over = False
        self.view = ImageView(self)
        self.setCentralWidget(self.view)
        for name in MENUS:  # the same bar as the window's, so the image does not move
            self.menuBar().addMenu(f"&{name}")
        self.statusBar()
        self.setWindowTitle(APP_NAME)
        self.decoded.connect(self._on_decoded)
        self.encoded.connect(self._on_encoded)
        self.view.painted.connect(self.imagePainted)  # it emits only for paints of an image

    def show_placed(self, screens: Sequence[Rect] | None = None) -> None:
        """Show in the window's remembered place and state (as ``window_memory`` does)."""
        place_window(self, self._settings.geometry(), screens)
        if self._settings.fullscreen():
            self.menuBar().hide()
            self.statusBar().hide()
            self.showFullScreen()
        else:
            self.show()

    def deliver(self, image: QImage, full_size: Size) -> None:
        """Show ``image`` standing for an image of ``full_size``; safe from any thread."""
        self.decoded.emit(image, QSize(*full_size))

    def deliver_encoded(self, encoded: Encoded) -> None:
        """Decode ``encoded`` on the GUI thread and show it; safe from any thread."""
        self.encoded.emit(encoded)

    def has_image(self) -> bool:
        return self.view.has_image()

    def pressed_keys(self) -> list[tuple[int, int]]:
        """The keys pressed here so far, in order, as (key, modifiers)."""
        return list(self._keys)

    def close_handed_over(self) -> None:
        """Close because the window has taken the place (not a request to quit), and go:
        its image is the window's now."""
        self._handed_over = True
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.close()

    @pyqtSlot(QImage, QSize)
    def _on_decoded(self, image: QImage, full_size: QSize) -> None:
        self.view.show_image(image, full_size)

    @pyqtSlot(object)
    def _on_encoded(self, encoded: Encoded) -> None:
        made = encoded.decode()
        if made is None:
            self.nothingToShow.emit()
        else:
            self.view.show_image(made[0], QSize(*made[1]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in (Qt.Key_Shift, Qt.Key_Control, Qt.Key_Alt, Qt.Key_Meta):
            self._keys.append((int(event.key()), int(event.modifiers())))
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._handed_over:
            self.closedByUser.emit()
        super().closeEvent(event)
