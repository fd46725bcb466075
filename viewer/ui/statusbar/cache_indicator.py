"""A strip of dots in the status bar: is the read-ahead working?

One dot per image the model wants ready (n−behind … n+ahead); the current one is ringed.
Green: in memory. Yellow: loading. Red: failed. Grey: not loaded (yet).
"""

from __future__ import annotations

from PyQt5.QtCore import QPointF, QSize, Qt, pyqtSlot
from PyQt5.QtGui import QColor, QPainter, QPaintEvent, QPen
from PyQt5.QtWidgets import QWidget

from viewer.model.images.load_state import LoadState
from viewer.model.images.prefetch_model import PrefetchModel

DOT = 8
GAP = 4
_COLORS = {
    LoadState.CACHED: QColor(90, 170, 90),
    LoadState.LOADING: QColor(220, 170, 60),
    LoadState.FAILED: QColor(210, 70, 60),
    LoadState.ABSENT: QColor(128, 128, 128, 90),
}


class CacheIndicator(QWidget):
    """Shows the states of the images around the current one, and the store's use on hover.

    It subscribes to the model's ``stateChanged``: nobody refreshes it by hand, and the span
    of dots is the model's own ``wanted_span()``, never recomputed here.
    """

    def __init__(self, model: PrefetchModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._indexes: range = range(0)
        self._states: list[LoadState] = []
        self._current: int | None = None
        model.stateChanged.connect(self._on_state_changed)

    def states(self) -> list[LoadState]:
        """The dots' states, lowest index first (for tests)."""
        return list(self._states)

    @pyqtSlot(int)
    def _on_state_changed(self, index: int) -> None:
        """Read the span and its states again: a few dots, so all of them each time."""
        self._current = self._model.current_index
        self._indexes = self._model.wanted_span()
        self._states = [self._model.state(i) for i in self._indexes]
        self.setToolTip(self.usage_text())
        self.updateGeometry()
        self.update()

    def usage_text(self) -> str:
        """The store's use against its budget, in images and MB."""
        store = self._model.store
        used, budget = store.total_cost() / (1 << 20), store.max_cost >> 20
        return (
            f"In memory: {len(store)} of {store.max_count} images, "
            f"{used:.0f} MB of {budget} MB\n"
            "Dots: green in memory, yellow loading, red failed, grey not loaded"
        )

    def sizeHint(self) -> QSize:
        return QSize(max(1, len(self._indexes)) * (DOT + GAP) + GAP, DOT + 2 * GAP)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        y = self.height() / 2
        for slot, (index, state) in enumerate(zip(self._indexes, self._states)):
            centre = QPointF(GAP + slot * (DOT + GAP) + DOT / 2, y)
            painter.setBrush(_COLORS[state])
            ring = index == self._current
            painter.setPen(QPen(self.palette().windowText().color(), 1.5) if ring else Qt.NoPen)
            painter.drawEllipse(centre, DOT / 2, DOT / 2)
        painter.end()
