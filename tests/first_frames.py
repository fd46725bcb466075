"""What the first-frame and hand-over tests share (their ``frame`` fixture is in
``tests/conftest.py``)."""

from __future__ import annotations

from PyQt5.QtCore import Qt
from PyQt5.QtGui import QImage

from viewer.core.placement import Rect

SCREEN = Rect(0, 0, 1366, 768)


def image(size: tuple[int, int] = (300, 200)) -> QImage:
    made = QImage(*size, QImage.Format_RGB32)
    made.fill(Qt.darkCyan)
    return made
