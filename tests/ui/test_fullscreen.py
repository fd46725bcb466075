from __future__ import annotations

import pytest
from PyQt5.QtCore import Qt

from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.ui.window.fullscreen import POSITION_MS


@pytest.mark.parametrize("key", [Qt.Key_F11, Qt.Key_F])
def test_key_toggles_full_screen_without_bars(qtbot, make_window, key):
    window = make_window()
    qtbot.keyClick(window, key)
    assert window.isFullScreen()
    assert window.menuBar().isHidden() and window.statusBar().isHidden()
    qtbot.keyClick(window, key)
    assert not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()


def test_escape_leaves_full_screen(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window, Qt.Key_F11)
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen()
    assert window.statusBar().isVisible()


def test_position_overlay_after_each_move_then_hides(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 0)
    overlay = window.fullscreen.overlay
    qtbot.keyClick(window, Qt.Key_Right)
    assert not overlay.isVisible()  # not in full screen: the status bar says it
    qtbot.keyClick(window, Qt.Key_F11)
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: shown(window, 2), timeout=TIMEOUT_MS)
    assert overlay.isVisible()
    assert overlay.text() == "3 / 12 · 3.jpg"
    assert overlay.timer.isActive() and overlay.timer.interval() == POSITION_MS == 2000
    overlay.timer.timeout.emit()  # the 2 s are up
    assert not overlay.isVisible()
