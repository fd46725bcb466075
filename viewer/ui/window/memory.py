"""The window's geometry and full-screen state, kept from one run to the next."""

from __future__ import annotations

from collections.abc import Sequence

from PyQt5.QtWidgets import QMainWindow

from viewer.core.placement import Rect
from viewer.settings.store import Settings
from viewer.ui.window.fullscreen import FullScreen
from viewer.ui.window.placement import place_window


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
    if settings.fullscreen():
        fullscreen.set_active(True)  # mapped full screen: never a frame at its normal size
    else:
        window.show()


def remember(window: QMainWindow, settings: Settings, fullscreen: FullScreen) -> None:
    """Save the geometry (the one from before full screen, if in it) and the state, now;
    a window never shown (closed while the first frame stood for it) has none to save."""
    if not window.isVisible():
        return
    active = fullscreen.is_active()
    geometry = settings.geometry() if active else None
    settings.remember_window(geometry or window.saveGeometry(), active)
    settings.sync()


def show_in_place_of(window: QMainWindow, fullscreen: FullScreen, other: QMainWindow) -> None:
    """Show ``window`` exactly where ``other`` is, in its state: taking over from the first
    frame, which the user may have moved, maximised or put in full screen meanwhile."""
    if other.isFullScreen():
        window.setGeometry(other.normalGeometry())  # where it goes when full screen ends
        fullscreen.set_active(True)  # mapped full screen: never a frame at its normal size
    elif other.isMaximized():
        window.setGeometry(other.normalGeometry())
        window.showMaximized()
    else:
        window.setGeometry(other.geometry())
        window.show()
