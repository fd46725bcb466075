"""Grabs of an X screen's middle, and whether they show a picture: ``bench/key_watch.py``'s pixels.

Only the middle row and column are grabbed, so that watching costs the viewers being timed
almost no CPU; an empty window or a bare screen has one or two colours there, a picture many.
"""

from __future__ import annotations

from typing import Any

from PyQt5.QtGui import QGuiApplication, QImage

#: Colours in the sampled band above which the screen shows a picture; an empty window or a
#: bare screen has one (two with a text line).
PICTURE_COLOURS = 24
SAMPLES = 64
#: ``grabWindow``'s window: 0 is the whole screen (the stubs want a ``sip.voidptr``).
ROOT: Any = 0


def colours(strips: tuple[QImage, QImage]) -> int:
    """Distinct colours along the screen's middle row and column."""
    row, column = strips
    seen = {row.pixel(row.width() * step // SAMPLES, 0) for step in range(1, SAMPLES)}
    seen |= {column.pixel(0, column.height() * step // SAMPLES) for step in range(1, SAMPLES)}
    return len(seen)


def grab() -> tuple[QImage, QImage]:
    """The middle row and column of the screen: two thin grabs, so that watching costs the
    viewers being timed almost no CPU (a whole 1280×800 screen is 4 MB a grab)."""
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry()
    row = screen.grabWindow(ROOT, 0, size.height() // 2, size.width(), 1).toImage()
    column = screen.grabWindow(ROOT, size.width() // 2, 0, 1, size.height()).toImage()
    return row, column


def keep(path: str) -> None:
    QGuiApplication.primaryScreen().grabWindow(ROOT).toImage().save(path)
