"""The window's geometry on fake screens, through the Qt glue (``place_window``)."""

from __future__ import annotations

from PyQt5.QtCore import QRect
from PyQt5.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from viewer.core.placement import Rect, client_of, default_frame, frame_of
from viewer.ui.window_placement import available_screens, place_window


def geometry_of(window: QMainWindow) -> Rect:
    rect = window.geometry()
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def within(inner: Rect, outer: Rect) -> bool:
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and inner.right <= outer.right
        and inner.bottom <= outer.bottom
    )


def test_a_first_window_takes_most_of_a_1366_by_768_screen(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    laptop = Rect(0, 0, 1366, 768)
    place_window(window, None, [laptop])
    assert geometry_of(window) == client_of(default_frame(laptop))
    assert within(frame_of(geometry_of(window)), laptop)


def test_a_remembered_geometry_larger_than_the_screen_is_brought_within_it(
    qtbot: QtBot,
) -> None:
    earlier = QMainWindow()
    qtbot.addWidget(earlier)
    earlier.setGeometry(QRect(120, 90, 600, 450))
    saved = earlier.saveGeometry()
    window = QMainWindow()
    qtbot.addWidget(window)
    small = Rect(0, 0, 500, 400)
    place_window(window, saved, [small])
    assert within(frame_of(geometry_of(window)), small)


def test_a_remembered_geometry_that_fits_is_kept(qtbot: QtBot) -> None:
    earlier = QMainWindow()
    qtbot.addWidget(earlier)
    earlier.setGeometry(QRect(120, 90, 400, 300))
    saved = earlier.saveGeometry()
    window = QMainWindow()
    qtbot.addWidget(window)
    place_window(window, saved, [Rect(0, 0, 1366, 768)])
    assert geometry_of(window) == Rect(120, 90, 400, 300)


def test_the_real_screens_are_listed_primary_first(qtbot: QtBot) -> None:
    screens = available_screens()
    assert screens and all(screen.width > 0 and screen.height > 0 for screen in screens)
