"""Text floating over the image: a translucent label that keeps its place as the view resizes."""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QObject, Qt
from PyQt5.QtWidgets import QLabel, QWidget

_STYLE = (
    "QLabel { background: rgba(0, 0, 0, 230); color: rgb(235, 235, 235);"
    " border-radius: 6px; padding: 10px 14px; }"
)
MARGIN = 16


class OverlayLabel(QLabel):
    """A hidden-by-default label over ``parent``, centred or in its top-left corner.

    It does not take the focus, so keys still reach the window's shortcuts.
    """

    def __init__(self, parent: QWidget, centred: bool) -> None:
        super().__init__(parent)
        self._centred = centred
        self.setStyleSheet(_STYLE)
        self.setFocusPolicy(Qt.NoFocus)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        parent.installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        if self._centred:
            self.move(
                max(0, (parent.width() - self.width()) // 2),
                max(0, (parent.height() - self.height()) // 2),
            )
        else:
            self.move(MARGIN, MARGIN)
