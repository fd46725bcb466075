"""Colours of the image area: dark always, and the user's own dark colours in a dark theme."""

from __future__ import annotations

from PyQt5.QtGui import QColor, QPalette

#: Behind images when the desktop theme is light: a neutral dark grey, as other viewers use.
BACKGROUND = QColor(30, 30, 30)
MESSAGE_COLOR = QColor(200, 200, 200)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette is a dark theme (its window colour is darker than mid-grey)."""
    return palette.color(QPalette.Window).lightness() < 128


def background_color(palette: QPalette) -> QColor:
    """The theme's window colour in a dark theme; otherwise a fixed dark grey."""
    return palette.color(QPalette.Window) if is_dark(palette) else BACKGROUND


def message_color(palette: QPalette) -> QColor:
    """Text that reads on ``background_color``: the theme's own text colour when it is dark."""
    return palette.color(QPalette.WindowText) if is_dark(palette) else MESSAGE_COLOR
