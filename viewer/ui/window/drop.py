"""Drag and drop: what a drop onto the window would open, if anything."""

from __future__ import annotations

import os

from PyQt5.QtCore import QMimeData

from viewer.core.folder.sequence import is_image_name


def dropped_path(mime: QMimeData) -> str | None:
    """The first dropped image file, else the first local path (perhaps a folder).

    Decided by name only: asking the file system whether a path is a folder would run on the
    GUI thread, and a drop from a share that hangs would freeze the window mid-drag. Opening
    the path finds out, off the GUI thread, and says why if it cannot be shown.
    """
    paths = [url.toLocalFile() for url in mime.urls()] if mime.hasUrls() else []
    paths = [path for path in paths if path]
    images = [path for path in paths if is_image_name(os.path.basename(path))]
    chosen = images or paths
    return chosen[0] if chosen else None
