"""Hand the current image to the rest of the desktop: clipboard and file manager."""

from __future__ import annotations

import os

from PyQt5.QtCore import QUrl
from PyQt5.QtGui import QDesktopServices, QGuiApplication, QPixmap


def copy_image(pixmap: QPixmap) -> None:
    QGuiApplication.clipboard().setPixmap(pixmap)


def copy_path(path: str) -> None:
    QGuiApplication.clipboard().setText(os.path.abspath(path))


def open_containing_folder(path: str) -> bool:
    """Open the folder holding ``path`` in the system file manager; False if that failed."""
    folder = os.path.dirname(os.path.abspath(path))
    return QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
