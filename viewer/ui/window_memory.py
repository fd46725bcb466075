"""The window's geometry and full-screen state, kept from one run to the next."""

from __future__ import annotations

from PyQt5.QtWidgets import QMainWindow

from viewer.ui.fullscreen import FullScreen
from viewer.ui.settings import Settings


def show_restored(window: QMainWindow, settings: Settings, fullscreen: FullScreen) -> None:
    """Show ``window`` with the geometry and full-screen state it was closed with."""
    geometry = settings.geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.show()
    if settings.fullscreen():
        fullscreen.set_active(True)


def remember(window: QMainWindow, settings: Settings, fullscreen: FullScreen) -> None:
    """Save the geometry (the one from before full screen, if in it) and the state, now."""
    active = fullscreen.is_active()
    geometry = settings.geometry() if active else None
    settings.remember_window(geometry or window.saveGeometry(), active)
    settings.sync()
