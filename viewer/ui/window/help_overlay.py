"""F1 / ``?``: every key, over the image, drawn from the same table as the actions.

The list is laid out to fit the view: in one column when it fits, else in two or three side
by side, and in a smaller type as a last resort, so that on a 1024×600 window no key is
below the edge.
"""

from __future__ import annotations

from collections.abc import Sequence

from PyQt5.QtCore import QEvent, QObject, QSize, Qt
from PyQt5.QtWidgets import QWidget

from viewer.ui.image.overlay import MARGIN, OverlayLabel
from viewer.ui.keys.table import Command, html_table

MOST_COLUMNS = 3
#: Type sizes tried, largest first, when no number of columns fits (points).
SMALLER_TYPE = (9, 8, 7)


class HelpOverlay(OverlayLabel):
    """The key table, centred over the view; toggled, and closed by Esc.

    Attributes:
        columns: how many columns the list is laid out in now.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, centred=True)
        self.setTextFormat(Qt.RichText)
        self.columns = 1
        self._commands: Sequence[Command] | None = None

    def set_commands(self, commands: Sequence[Command]) -> None:
        """Show these commands' keys (the keys in force) from now on."""
        self._commands = commands
        if self.isVisible():
            self._fit()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self._fit()
            self.show_text(self.text())

    def fits(self) -> bool:
        """Whether the whole list is inside the view."""
        parent = self.parentWidget()
        assert parent is not None
        return parent.rect().contains(self.geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize and self.isVisible():
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        """The fewest columns, in the largest type, that fit the view."""
        parent = self.parentWidget()
        assert parent is not None
        room = parent.size() - QSize(2 * MARGIN, 2 * MARGIN)
        for size in (None, *SMALLER_TYPE):
            for columns in range(1, MOST_COLUMNS + 1):
                if self._lay_out(columns, size, room):
                    return
        self._lay_out(MOST_COLUMNS, SMALLER_TYPE[-1], room)  # the smallest there is

    def _lay_out(self, columns: int, points: int | None, room: QSize) -> bool:
        table = html_table(columns, self._commands)
        style = "" if points is None else f' style="font-size: {points}pt"'
        self.setText(f"<div{style}><h3>Keys</h3>{table}</div>")
        self.adjustSize()
        self.columns = columns
        return self.width() <= room.width() and self.height() <= room.height()
