"""The grid and the film strip in the real window: Enter toggles image ↔ grid at the current
image, opening one makes it current (the main model is asked for it), the strip's key shows
it under the image, and both follow the current image."""

from __future__ import annotations

import os
from typing import Any, Callable

from PyQt5.QtCore import Qt

from tests.fakes import FakeLoader
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence
from viewer.model.thumbnails.state import ThumbnailState
from viewer.ui.keys.table import command
from viewer.ui.window.main_window import MainWindow


def open_folder(make_window: Callable[..., MainWindow], folder: str, loader: FakeLoader
                ) -> MainWindow:  # fmt: skip
    window = make_window(loader=loader)
    names = sorted(os.listdir(folder), key=lambda name: int(name.split(".")[0]))
    window.open_sequence(ImageSequence(folder, names), 2)
    return window


def test_enter_shows_the_grid_at_the_current_image_and_enter_there_opens_one(
    qtbot: Any, make_window: Callable[..., MainWindow], image_folder: str
) -> None:
    loader = FakeLoader()
    window = open_folder(make_window, image_folder, loader)
    views = window.folder_views
    assert not views.grid_shown()
    qtbot.keyClick(window, Qt.Key_Return)
    assert views.grid_shown() and views.grid.hasFocus()
    assert views.grid.current_row() == 2
    qtbot.waitUntil(lambda: views.thumbnails.state(2) == ThumbnailState.READY, timeout=TIMEOUT_MS)
    qtbot.keyClick(views.grid, Qt.Key_Right)  # the grid's key, not "next image"
    assert window.current_index == 2
    path = window.sequence[3] if window.sequence else ""
    with qtbot.waitSignal(window.model.stateChanged, timeout=TIMEOUT_MS):
        qtbot.keyClick(views.grid, Qt.Key_Return)
    assert window.current_index == 3 and not views.grid_shown()
    qtbot.waitUntil(lambda: loader.count(path) >= 1, timeout=TIMEOUT_MS)
    qtbot.keyClick(window, Qt.Key_Right)  # back on the image: the arrows browse again
    assert window.current_index == 4


def test_escape_leaves_the_grid(
    qtbot: Any, make_window: Callable[..., MainWindow], image_folder: str
) -> None:
    window = open_folder(make_window, image_folder, FakeLoader())
    window.folder_views.toggle_grid()
    qtbot.keyClick(window.folder_views.grid, Qt.Key_Escape)
    assert not window.folder_views.grid_shown()
    assert window.current_index == 2  # leaving is not opening


def test_the_strip_key_shows_the_strip_which_follows_and_opens(
    qtbot: Any, make_window: Callable[..., MainWindow], image_folder: str
) -> None:
    window = open_folder(make_window, image_folder, FakeLoader())
    strip = window.folder_views.strip
    assert command("film_strip").keys == ("T",)
    qtbot.keyClick(window, Qt.Key_T)
    assert strip.isVisible() and strip.current_row() == 2
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: strip.current_row() == 3, timeout=TIMEOUT_MS)
    target = strip.visualRect(window.folder_views.thumbnails.index(5)).center()
    qtbot.mouseClick(strip.viewport(), Qt.LeftButton, pos=target)
    assert window.current_index == 5 and strip.current_row() == 5
    qtbot.keyClick(window, Qt.Key_T)
    assert not strip.isVisible()
