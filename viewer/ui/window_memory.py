"""The window's geometry and full-screen state, kept from one run to the next."""

from __future__ import annotations

from collections.abc import Sequence

from PyQt5.QtWidgets import QMainWindow

from viewer.core.placement import Rect
from viewer.ui.fullscreen import FullScreen
from viewer.ui.settings import Settings
from viewer.ui.window_placement import place_window


def show_restored(
    window: QMainWindow,
    settings: Settings,
    fullscreen: FullScreen,
    screens: Sequence[Rect] | None = None,
) -> None:
    """Show ``window`` with the geometry and full-screen state it was closed with, brought
    within a screen that still exists; the first time, at about 80 % of the screen.

    ``screens``: the screens' available areas, primary first (default: the real ones).
    """
    place_window(window, settings.geometry(), screens)
    window.show()
    if settings.fullscreen():
        fullscreen.set_active(True)


def remember(window: QMainWindow, settings: Settings, fullscreen: FullScreen) -> None:
    """Save the geometry (the one from before full screen, if in it) and the state, now."""
    active = fullscreen.is_active()
    geometry = settings.geometry() if active else None
    settings.remember_window(geometry or window.saveGeometry(), active)
    settings.sync()
