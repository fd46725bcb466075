"""The Open Folder and Open File dialogs, starting in the folder on screen."""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtWidgets import QFileDialog, QWidget

from viewer.core.folder.sequence import IMAGE_EXTENSIONS


def ask_folder(parent: QWidget, start: str) -> str | None:
    """A folder to open, or None if the user cancelled."""
    return QFileDialog.getExistingDirectory(parent, "Open Folder", start) or None


def ask_file(parent: QWidget, start: str) -> str | None:
    """An image file to open (any file if the user insists), or None if they cancelled."""
    patterns = " ".join(f"*{ext}" for ext in sorted(IMAGE_EXTENSIONS))
    path, _ = QFileDialog.getOpenFileName(
        parent, "Open File", start, f"Images ({patterns});;All files (*)"
    )
    return path or None


class OpenDialogs(QObject):
    """The Open Folder and Open File commands: ask, then hand the answer to ``open_path``."""

    def __init__(
        self, parent: QWidget, folder: Callable[[], str], open_path: Callable[[str], object]
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._folder = folder  # where the dialogs start: the folder on screen, or ''
        self._open_path = open_path

    @pyqtSlot()
    def open_folder(self) -> None:
        folder = ask_folder(self._parent, self._folder())
        if folder is not None:
            self._open_path(folder)

    @pyqtSlot()
    def open_file(self) -> None:
        path = ask_file(self._parent, self._folder())
        if path is not None:
            self._open_path(path)
