"""Drag and drop: what a drop onto the window would open, if anything."""

from __future__ import annotations

import os

from PyQt5.QtCore import QMimeData

from viewer.core.sequence import is_image_name


def dropped_path(mime: QMimeData) -> str | None:
    """The first dropped local folder or image file, as the command line would take it."""
    for url in mime.urls() if mime.hasUrls() else []:
        path = url.toLocalFile()
        if path and (os.path.isdir(path) or is_image_name(os.path.basename(path))):
            return path
    return None
