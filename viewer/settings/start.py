"""The few settings the first frame needs, read before the rest of the viewer is imported.

The window's place and full-screen state, whether colours are converted for a monitor, and the
screen's size at the last start (the early decode's size before Qt knows the screen). Only
``QtCore`` is needed; ``viewer.settings.store.Settings`` builds on this class for everything else.
"""

from __future__ import annotations

from PyQt5.QtCore import QByteArray, QSettings

from viewer.settings.places import place_in

ORGANIZATION = "viewer"
APPLICATION = "Viewer"
#: The window's title: the application's name until a folder is open.
APP_NAME = APPLICATION


class StartSettings:
    """Typed access to the start-up part of the viewer's ``QSettings``."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.defaultFormat(), QSettings.UserScope, ORGANIZATION, APPLICATION
        )

    def sync(self) -> None:
        self._store.sync()

    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def fullscreen(self) -> bool:
        return str(self._store.value("window/fullscreen", "false")).lower() == "true"

    def remember_window(self, geometry: QByteArray, fullscreen: bool) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/fullscreen", fullscreen)

    def colour_enabled(self) -> bool:
        return str(self._store.value("colour/enabled", "true")).lower() != "false"

    def monitor_profile(self) -> str | None:
        return str(self._store.value("colour/monitor_profile", "") or "") or None

    def converts_for_monitor(self) -> bool:
        """Whether sRGB images are converted for a monitor profile (Preferences → Colour)."""
        return self.colour_enabled() and self.monitor_profile() is not None

    def place_in(self, folder: str) -> str | None:
        """The name of the image last viewed in ``folder``, if it is remembered."""
        return place_in(self._store, folder)

    def screen_box(self) -> tuple[int, int] | None:
        """The primary screen's size in device pixels when the viewer last started."""
        parts = str(self._store.value("start/screen_box", "") or "").split("x")
        try:
            width, height = (int(part) for part in parts)
        except ValueError:
            return None
        return (width, height) if width > 0 and height > 0 else None

    def remember_screen_box(self, box: tuple[int, int]) -> None:
        self._store.setValue("start/screen_box", f"{box[0]}x{box[1]}")
