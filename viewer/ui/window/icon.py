"""The application icon, read from the installed ``viewer.resources`` package."""

from __future__ import annotations

from importlib.resources import files

from PyQt5.QtGui import QIcon


def application_icon() -> QIcon:
    return QIcon(str(files("viewer.resources") / "viewer.svg"))
