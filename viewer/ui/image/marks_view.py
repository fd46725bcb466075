"""A badge on the view while the image shown is marked (the status bar counts the marks)."""

from __future__ import annotations

from PyQt5.QtCore import Qt, pyqtSlot
from PyQt5.QtWidgets import QLabel, QWidget

from viewer.model.files.marks import Marks

BADGE_TEXT = "● Marked"


class MarkBadge(QLabel):
    """A small label in the view's top-left corner while the image shown is marked."""

    def __init__(self, marks: Marks, view: QWidget) -> None:
        super().__init__(BADGE_TEXT, view)
        self._marks = marks
        self._path: str | None = None
        self.setObjectName("markBadge")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel#markBadge { background: rgba(230, 160, 0, 210); color: black;"
            " padding: 3px 8px; border-radius: 4px; font-weight: bold; }"
        )
        self.move(8, 8)
        self.adjustSize()
        self.hide()
        marks.changed.connect(self._on_marks_changed)

    def follow(self, path: str | None) -> None:
        """The view now shows ``path``."""
        self._path = path
        self._on_marks_changed()

    @pyqtSlot()
    @pyqtSlot(int)
    def _on_marks_changed(self, count: int = 0) -> None:
        self.setVisible(self._path is not None and self._path in self._marks)
        self.raise_()
