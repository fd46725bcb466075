"""The Open Folder and Open File dialogs, starting in the folder on screen."""

from __future__ import annotations

from PyQt5.QtWidgets import QFileDialog, QWidget

from viewer.core.sequence import IMAGE_EXTENSIONS


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
