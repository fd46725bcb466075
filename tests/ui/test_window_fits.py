"""The real window on fake laptop screens: it opens within them, and its parts let it."""

from __future__ import annotations

import pytest

from viewer.core.placement import Rect, frame_of
from viewer.settings.store import Settings
from viewer.ui.window import memory as window_memory

LAPTOPS = [Rect(0, 0, 1280, 800), Rect(0, 0, 1366, 768), Rect(0, 32, 1366, 736)]


def frame(window) -> Rect:
    rect = window.geometry()
    return frame_of(Rect(rect.x(), rect.y(), rect.width(), rect.height()))


@pytest.mark.parametrize("screen", LAPTOPS)
def test_the_window_opens_within_a_laptop_screen(qtbot, make_window, screen):
    window = make_window()
    window_memory.show_restored(window, Settings(), window.fullscreen, [screen])
    assert screen.contains(frame(window))
    assert frame(window).width >= screen.width * 0.7  # most of it, not a postage stamp


@pytest.mark.parametrize("screen", LAPTOPS)
def test_a_long_status_line_does_not_push_the_window_off_the_screen(qtbot, make_window, screen):
    window = make_window()
    window_memory.show_restored(window, Settings(), window.fullscreen, [screen])
    window.messages.notice("a very long file name, " * 40)
    window.messages.problem("and a long reason why it cannot be shown, " * 20)
    hint = window.minimumSizeHint()
    assert hint.width() <= screen.width and hint.height() <= screen.height


def test_a_geometry_saved_on_a_large_monitor_comes_back_onto_the_laptop(qtbot, make_window):
    big = make_window()
    big.setGeometry(1400, 80, 1800, 1100)  # where a 1920×1200 monitor was
    settings = Settings()
    settings.remember_window(big.saveGeometry(), False)
    window = make_window()
    laptop = LAPTOPS[1]
    window_memory.show_restored(window, settings, window.fullscreen, [laptop])
    assert laptop.contains(frame(window))
