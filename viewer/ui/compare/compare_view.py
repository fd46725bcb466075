"""The compare view's widget: two to four panes in a grid, zoom and pan in step, its keys.

It places every pane from one ``LinkedZoom`` and turns keys and the mouse into zoom steps
(done here) or commands for the ``Compare`` room (``command``): which images are shown is
not its business. While it has the focus it takes its keys before the window's shortcuts,
so → and ← change the candidate here and move through the folder elsewhere.
"""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QPointF, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PyQt5.QtWidgets import QGridLayout, QWidget

from viewer.core.compare.linked_zoom import LinkedZoom
from viewer.core.formats.geometry import Size, device_box
from viewer.ui.compare.pane import ComparePane

ZOOM_STEP = 1.25

#: Keys the compare view answers itself, and the command each stands for.
COMPARE_KEYS: dict[str, str] = {
    "Right": "next", "Left": "previous", "Up": "promote", "Tab": "focus_next",
    "Backtab": "focus_previous", "Shift+Backtab": "focus_previous", "Del": "trash", "M": "mark",
    "Esc": "leave", "C": "leave", "Z": "toggle_zoom", "Ctrl+1": "actual_size", "Ctrl+0": "fit",
    "+": "zoom_in", "=": "zoom_in", "-": "zoom_out",
}  # fmt: skip
_ZOOM_COMMANDS = {"toggle_zoom", "actual_size", "fit", "zoom_in", "zoom_out"}


def key_name(event: QKeyEvent) -> str:
    """A key press as a portable ``QKeySequence`` string ("Ctrl+1", "Right")."""
    modifiers = int(event.modifiers()) & ~int(Qt.KeypadModifier)
    return QKeySequence(event.key() | modifiers).toString(QKeySequence.PortableText)


class CompareView(QWidget):
    """Panes in a grid (side by side for two, 2×2 for three or four).

    Signals:
        command(str): a key asked for a command that changes the images (see COMPARE_KEYS).
        zoomChanged(): the shared zoom or a pane's placement changed.
        focusChanged(int): the pane with the focus.
    """

    command = pyqtSignal(str)
    zoomChanged = pyqtSignal()
    focusChanged = pyqtSignal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAutoFillBackground(True)
        self.linked = LinkedZoom()
        self.panes: list[ComparePane] = []
        self._focus = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)

    # -- panes -----------------------------------------------------------------------------

    def set_pane_count(self, count: int) -> None:
        """Show ``count`` panes (2–4); new panes are empty until given a path."""
        while len(self.panes) > count:
            pane = self.panes.pop()
            self._grid.removeWidget(pane)
            pane.deleteLater()
        while len(self.panes) < count:
            pane = ComparePane(len(self.panes), self)
            pane.wheeled.connect(self._on_wheeled)
            pane.dragged.connect(self._on_dragged)
            pane.pressed.connect(self.set_focus_pane)
            pane.resized.connect(self.relayout)
            self.panes.append(pane)
        columns = 2
        for number, pane in enumerate(self.panes):
            self._grid.addWidget(pane, number // columns, number % columns)
        self.set_focus_pane(min(self._focus, count - 1))
        self.relayout()

    def pane_box(self) -> Size:
        """One pane's size in device pixels: what a pane's image is decoded for (from the
        view's size, so it is right before the grid has placed new panes)."""
        columns = 2
        rows = max(1, -(-len(self.panes) // columns))
        spacing = self._grid.spacing()
        width = (self.width() - spacing * (columns - 1)) // columns
        height = (self.height() - spacing * (rows - 1)) // rows
        return device_box((max(1, width), max(1, height)), self.devicePixelRatioF())

    @pyqtSlot(int)
    def set_focus_pane(self, number: int) -> None:
        self._focus = number
        for pane in self.panes:
            pane.set_focused(pane.number == number)
        self.focusChanged.emit(number)

    def focus_pane(self) -> int:
        return self._focus

    # -- zoom, in step -----------------------------------------------------------------------

    def relayout(self) -> None:
        """Place every pane's image from the shared zoom."""
        ratio = self.devicePixelRatioF()
        for pane in self.panes:
            source = pane.source_size()
            if not source.isEmpty():
                view = (pane.width(), pane.height())
                image = (source.width(), source.height())
                pane.set_zoom(self.linked.pane_zoom(pane.number, image, view, ratio))
        self.zoomChanged.emit()

    def _reference(self, number: int | None = None) -> ComparePane | None:
        """The pane a zoom step is measured on: the one asked, else the focused one, else
        any with an image."""
        order = [number] if number is not None else []
        order += [self._focus, *range(len(self.panes))]
        for n in order:
            if 0 <= n < len(self.panes) and not self.panes[n].source_size().isEmpty():
                return self.panes[n]
        return None

    def zoom_by(self, factor: float, number: int | None = None, at: QPointF | None = None) -> None:
        pane = self._reference(number)
        if pane is None:
            return
        source, view = pane.source_size(), (pane.width(), pane.height())
        point = (at.x(), at.y()) if at is not None else (view[0] / 2, view[1] / 2)
        image = (source.width(), source.height())
        self.linked.zoom_at(pane.number, image, view, point, factor, self.devicePixelRatioF())
        self.relayout()

    def actual_size(self) -> None:
        pane = self._reference()
        if pane is not None:
            source = pane.source_size()
            view = (pane.width(), pane.height())
            image = (source.width(), source.height())
            self.linked.actual_size(pane.number, image, view, self.devicePixelRatioF())
            self.relayout()

    def fit(self) -> None:
        self.linked.fit()
        self.relayout()

    def above_fit(self) -> bool:
        """Zoomed in beyond the fit in any pane (full resolution is worth having)."""
        if self.linked.is_fitted():
            return False
        for pane in self.panes:
            zoom = pane.zoom()
            if zoom is not None and zoom.scale * pane.devicePixelRatioF() > 1.001 * self._fit_scale(
                pane
            ):
                return True
        return False

    def _fit_scale(self, pane: ComparePane) -> float:
        source = pane.source_size()
        if source.isEmpty():
            return 1.0
        fit = min(pane.width() / source.width(), pane.height() / source.height(), 1.0)
        return fit * pane.devicePixelRatioF()

    @pyqtSlot(int, QPointF, float)
    def _on_wheeled(self, number: int, point: QPointF, steps: float) -> None:
        self.zoom_by(ZOOM_STEP**steps, number, point)

    @pyqtSlot(int, float, float, bool)
    def _on_dragged(self, number: int, dx: float, dy: float, alone: bool) -> None:
        if alone:
            self.linked.pan_one(number, dx, dy)
        else:
            self.linked.pan(dx, dy)
        self.relayout()

    def _zoom_command(self, name: str) -> None:
        if name == "toggle_zoom":
            if self.linked.is_fitted():
                self.actual_size()
            else:
                self.fit()
        elif name == "actual_size":
            self.actual_size()
        elif name == "fit":
            self.fit()
        else:
            self.zoom_by(ZOOM_STEP if name == "zoom_in" else 1 / ZOOM_STEP)

    # -- keys --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Take this view's keys before the window's shortcuts, and Tab before focus moves."""
        overrides = event.type() == QEvent.ShortcutOverride and isinstance(event, QKeyEvent)
        if overrides and key_name(event) in COMPARE_KEYS:  # type: ignore[arg-type]
            event.accept()
            return True
        if event.type() == QEvent.KeyPress and isinstance(event, QKeyEvent):
            name = COMPARE_KEYS.get(key_name(event))
            if name is not None:
                self.run(name)
                return True
        return super().event(event)

    def run(self, name: str) -> None:
        """Do what the key ``name`` stands for (zoom here; the rest is the room's)."""
        if name in _ZOOM_COMMANDS:
            self._zoom_command(name)
        elif name in ("focus_next", "focus_previous"):
            step = 1 if name == "focus_next" else -1
            self.set_focus_pane((self._focus + step) % max(1, len(self.panes)))
        else:
            self.command.emit(name)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()
