"""FolderViews: Enter toggles image ↔ grid at the current image, opening from the grid or the
strip asks for that index, and both follow the current image."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QAction, QLabel, QMainWindow

from tests.thumb_fakes import FakeThumbnailer
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.ui.thumbnails.folder_views import FolderViews

FOLDER = ImageSequence("/share", [f"{n:03d}.jpg" for n in range(120)])
PATHS = list(FOLDER)


@pytest.fixture
def views(qtbot: Any) -> Iterator[FolderViews]:
    thumbnailer = FakeThumbnailer()
    model = ThumbnailModel(thumbnailer)
    window = QMainWindow()
    folder_views = FolderViews(QLabel("image"), model, window)
    window.setCentralWidget(folder_views.widget)
    window.resize(900, 700)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    folder_views.follow(FOLDER, None)
    yield folder_views
    thumbnailer.release_all()
    model.shutdown(wait=True)


def test_the_grid_opens_at_the_current_image_and_enter_opens_the_selected_one(
    qtbot: Any, views: FolderViews
) -> None:
    views.follow(FOLDER, 40)
    with qtbot.waitSignal(views.gridToggled, timeout=TIMEOUT_MS) as toggled:
        views.toggle_grid()
    assert toggled.args == [True] and views.grid_shown()
    assert views.grid.current_row() == 40
    assert 40 in views.grid.visible_rows()
    qtbot.keyClick(views.grid, Qt.Key_Right)
    with qtbot.waitSignal(views.openRequested, timeout=TIMEOUT_MS) as opened:
        qtbot.keyClick(views.grid, Qt.Key_Return)
    assert opened.args == [41]
    assert not views.grid_shown()  # back to the image


def test_the_strip_follows_the_current_image_and_a_click_opens_a_neighbour(
    qtbot: Any, views: FolderViews
) -> None:
    views.toggle_strip()
    assert views.strip_shown()
    views.follow(FOLDER, 60)
    assert views.strip.current_row() == 60
    target = views.strip.visualRect(views.thumbnails.index(62)).center()
    with qtbot.waitSignal(views.openRequested, timeout=TIMEOUT_MS) as opened:
        qtbot.mouseClick(views.strip.viewport(), Qt.LeftButton, pos=target)
    assert opened.args == [62]
    views.toggle_grid()
    assert not views.strip_shown()  # the grid has the whole window
    views.toggle_grid()
    assert views.strip_shown()
    views.toggle_strip()
    assert not views.strip_shown()


def test_the_grid_takes_the_arrows_before_the_windows_shortcuts(
    qtbot: Any, views: FolderViews
) -> None:
    window = views.parent()
    assert isinstance(window, QMainWindow)
    presses: list[str] = []
    for key in ("Right", "End", "Return"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, key=key: presses.append(key))
        window.addAction(action)
    views.follow(FOLDER, 0)
    views.toggle_grid()
    window.activateWindow()
    qtbot.waitUntil(views.grid.hasFocus, timeout=TIMEOUT_MS)
    qtbot.keyClick(views.grid, Qt.Key_Right)
    qtbot.keyClick(views.grid, Qt.Key_End)
    assert views.grid.current_row() == len(PATHS) - 1
    with qtbot.waitSignal(views.openRequested, timeout=TIMEOUT_MS):
        qtbot.keyClick(views.grid, Qt.Key_Return)
    assert presses == []
    qtbot.keyClick(window, Qt.Key_Right)  # the image view again: the window's keys work
    assert presses == ["Right"]


def test_a_new_listing_keeps_the_users_place_in_the_grid(qtbot: Any, views: FolderViews) -> None:
    views.follow(FOLDER, 10)
    views.toggle_grid()
    qtbot.keyClick(views.grid, Qt.Key_End)  # looking at the end of the folder, not opened
    views.follow(ImageSequence("/share", ["000-new.jpg", *FOLDER.names]), 11)  # one in front
    assert views.grid.current_row() == len(PATHS)  # the same file, one row further
    assert views.thumbnails.path(len(PATHS)) == PATHS[-1]
    assert len(PATHS) in views.grid.visible_rows()
