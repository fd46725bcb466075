"""The metadata side panel (key I): what the camera recorded and what the file is.

It shows rows made by ``viewer.core.metadata.text`` from facts the load already produced, so
opening it reads nothing. The text is selectable and copyable (mouse, keyboard, Ctrl+C and
the context menu), one "label: value" line per row when copied.
"""

from __future__ import annotations

import html

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QDockWidget, QTextBrowser, QWidget

PANEL_WIDTH = 300
EMPTY_TEXT = "No image."


class MetadataPanel(QDockWidget):
    """A dock on the right of the main window, hidden until toggled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Image information", parent)
        self.setObjectName("metadata_panel")  # saveState() names docks by it
        self.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self._text = QTextBrowser(self)
        self._text.setOpenLinks(False)
        self._text.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self._text.setMinimumWidth(PANEL_WIDTH)
        self.setWidget(self._text)
        self._rows: list[tuple[str, str]] = []
        self.show_rows([])

    def show_rows(self, rows: list[tuple[str, str]]) -> None:
        """Show ``(label, text)`` rows; none shows that there is no image."""
        self._rows = list(rows)
        if not rows:
            self._text.setPlainText(EMPTY_TEXT)
            return
        cells = "".join(
            f"<tr><td><b>{html.escape(label)}</b>&nbsp;&nbsp;</td><td>{html.escape(text)}</td></tr>"
            for label, text in rows
        )
        self._text.setHtml(f"<table>{cells}</table>")

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)

    def plain_text(self) -> str:
        """What the panel shows, as a user copying all of it gets it."""
        return self._text.toPlainText()

    def select_all(self) -> None:
        self._text.selectAll()

    def copy(self) -> None:
        self._text.copy()
