"""What one row of the thumbnail model holds, and the roles views read it by."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PyQt5.QtCore import Qt
from PyQt5.QtGui import QPixmap

StateRole = Qt.UserRole + 1  # a ThumbnailState
PathRole = Qt.UserRole + 2  # the row's full path


class ThumbnailState(Enum):
    """Where one row's thumbnail is."""

    EMPTY = "empty"  # not asked for (scrolled away, or never on screen)
    LOADING = "loading"  # queued or being made
    READY = "ready"  # in memory (perhaps at a smaller size while a larger one loads)
    FAILED = "failed"  # no thumbnail can be made; the tooltip says why


@dataclass(frozen=True)
class Thumbnail:
    """A thumbnail in memory and the size it was asked for (its longest side may be less)."""

    pixmap: QPixmap
    size: int
