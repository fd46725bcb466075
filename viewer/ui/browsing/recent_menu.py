"""File ▸ Recent Folders: the last ten folders opened, newest first."""

from __future__ import annotations

from PyQt5.QtCore import pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QMenu, QWidget

from viewer.settings.store import Settings


class RecentFoldersMenu(QMenu):
    """Rebuilt from the settings each time it opens, so every window agrees.

    Signals:
        openRequested(str): the user picked a folder.
    """

    openRequested = pyqtSignal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("&Recent Folders", parent)
        self._settings = settings
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    @pyqtSlot()
    def rebuild(self) -> None:
        self.clear()
        folders = self._settings.recent_folders()
        for number, folder in enumerate(folders, start=1):
            action = self.addAction(f"&{number % 10}  {folder}")
            action.setData(folder)
            action.triggered.connect(self._on_triggered)
        if not folders:
            self.addAction("(none yet)").setEnabled(False)

    @pyqtSlot()
    def _on_triggered(self) -> None:
        action = self.sender()
        self.openRequested.emit(str(action.data()))  # type: ignore[attr-defined]
