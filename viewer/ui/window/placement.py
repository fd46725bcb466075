"""Puts the main window on its screen before it is shown.

``viewer.core.placement`` with Qt's screens. Tests pass fake screens instead of the real ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from PyQt5.QtCore import QByteArray, QRect
from PyQt5.QtGui import QGuiApplication
from PyQt5.QtWidgets import QWidget

from viewer.core.placement import Rect, client_of, default_frame, fit_frame, frame_of


def available_screens() -> list[Rect]:
    """Every screen's available area (without panels and docks), the primary one first."""
    primary = QGuiApplication.primaryScreen()
    screens = [primary] + [s for s in QGuiApplication.screens() if s is not primary]
    return [_rect(screen.availableGeometry()) for screen in screens if screen is not None]


def place_window(
    window: QWidget, saved: QByteArray | None, screens: Sequence[Rect] | None = None
) -> None:
    """Give ``window`` its remembered geometry brought within a screen, or the default size
    (about 80 % of the primary screen's available area, centred) when there is none.

    ``screens``: available areas, the primary first (default: the real ones).
    """
    screens = list(screens) if screens is not None else available_screens()
    if not screens:
        return  # no screen at all (a headless platform without one): leave Qt's default
    if saved is not None and window.restoreGeometry(saved):
        frame = frame_of(_rect(window.geometry()))
        fitted = fit_frame(frame, screens)
        if fitted == frame:
            return
    else:
        fitted = default_frame(screens[0])
    window.setGeometry(QRect(*client_of(fitted)))


def _rect(rect: QRect) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def screen_box() -> tuple[int, int] | None:
    """The primary screen's available area in device pixels: the most a window shows of an
    image before it is built (None without a screen)."""
    if not QGuiApplication.screens():
        return None
    screen = QGuiApplication.primaryScreen()
    area, ratio = screen.availableGeometry(), screen.devicePixelRatio()
    return (round(area.width() * ratio), round(area.height() * ratio))
