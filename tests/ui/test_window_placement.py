"""The window's geometry on fake screens, through the Qt glue (``place_window``)."""

from __future__ import annotations

from PyQt5.QtCore import QRect
from PyQt5.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from viewer.core.placement import Rect, client_of, default_frame, frame_of
from viewer.ui.window.placement import available_screens, place_window


def geometry_of(window: QMainWindow) -> Rect:
    rect = window.geometry()
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def test_a_first_window_takes_most_of_a_1366_by_768_screen(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    laptop = Rect(0, 0, 1366, 768)
    place_window(window, None, [laptop])
    assert geometry_of(window) == client_of(default_frame(laptop))
    assert laptop.contains(frame_of(geometry_of(window)))


def placed(qtbot: QtBot, saved_at: Rect, screens: list[Rect]) -> Rect:
    """The geometry a new window gets from one saved at ``saved_at``, on ``screens``."""
    earlier, window = QMainWindow(), QMainWindow()
    qtbot.addWidget(earlier)
    qtbot.addWidget(window)
    earlier.setGeometry(QRect(*saved_at))
    place_window(window, earlier.saveGeometry(), screens)
    return geometry_of(window)


def test_a_remembered_geometry_larger_than_the_screen_is_brought_within_it(
    qtbot: QtBot,
) -> None:
    small = Rect(0, 0, 500, 400)
    assert small.contains(frame_of(placed(qtbot, Rect(120, 90, 600, 450), [small])))


def test_a_remembered_geometry_that_fits_is_kept(qtbot: QtBot) -> None:
    kept = Rect(120, 90, 400, 300)
    assert placed(qtbot, kept, [Rect(0, 0, 1366, 768)]) == kept


def test_the_real_screens_are_listed_primary_first(qtbot: QtBot) -> None:
    screens = available_screens()
    assert screens and all(screen.width > 0 and screen.height > 0 for screen in screens)
