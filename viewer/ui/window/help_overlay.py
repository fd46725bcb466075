"""F1 / ``?``: every key, over the image, drawn from the same table as the actions."""

from __future__ import annotations

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QWidget

from viewer.ui.image.overlay import OverlayLabel
from viewer.ui.window.keys import html_table


class HelpOverlay(OverlayLabel):
    """The key table, centred over the view; toggled, and closed by Esc."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, centred=True)
        self.setTextFormat(Qt.RichText)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.show_text("<h3>Keys</h3>" + html_table())
