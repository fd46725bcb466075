"""Full screen: no menu bar, no status bar, and a brief overlay saying where you are."""

from __future__ import annotations

from PyQt5.QtCore import QObject, QTimer, pyqtSlot
from PyQt5.QtWidgets import QMainWindow, QWidget

from viewer.ui.image.overlay import OverlayLabel

POSITION_MS = 2000


class PositionOverlay(OverlayLabel):
    """``INDEX / COUNT · NAME`` in the corner, hidden again by ``timer`` after 2 s.

    Attributes:
        timer: the single-shot hide timer (tests trigger it instead of waiting).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, centred=False)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(POSITION_MS)
        self.timer.timeout.connect(self._on_timeout)

    def flash(self, text: str) -> None:
        """Show ``text`` and (re)start the 2 s countdown."""
        self.show_text(text)
        self.timer.start()

    @pyqtSlot()
    def _on_timeout(self) -> None:
        self.hide()


class FullScreen(QObject):
    """Switches ``window`` in and out of full screen, hiding its bars there.

    Attributes:
        overlay: the position overlay shown after each move while in full screen.
    """

    def __init__(self, window: QMainWindow, view: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._was_maximized = False
        self.overlay = PositionOverlay(view)

    def is_active(self) -> bool:
        return self._window.isFullScreen()

    def set_active(self, active: bool) -> None:
        if active == self.is_active():
            return
        self._window.menuBar().setVisible(not active)
        self._window.statusBar().setVisible(not active)
        if active:
            self._was_maximized = self._window.isMaximized()
            self._window.showFullScreen()
        else:
            self.overlay.hide()
            if self._was_maximized:
                self._window.showMaximized()
            else:
                self._window.showNormal()

    def toggle(self) -> None:
        self.set_active(not self.is_active())

    def moved(self, text: str) -> None:
        """The user moved to another image: say where, if the status bar is out of sight."""
        if self.is_active():
            self.overlay.flash(text)
