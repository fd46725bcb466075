"""F7 / F8: the chooser of where to move or copy to, the last nine folders on keys 1–9.

A digit acts at once, as in qimgv; "Choose folder…" asks for any other folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PyQt5.QtCore import Qt, pyqtSlot
from PyQt5.QtGui import QKeyEvent
from PyQt5.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: ``(parent, title) -> folder or None``: the folder picker; tests inject one.
PickFolder = Callable[[QWidget, str], "str | None"]


def pick_folder(parent: QWidget, title: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, title)
    return folder or None


class TargetChooser(QDialog):
    """Lists the recent targets numbered 1–9; ``chosen()`` is the folder picked, if any."""

    def __init__(
        self,
        action: str,
        targets: Sequence[str],
        pick: PickFolder = pick_folder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._targets = list(targets)[:9]
        self._pick = pick
        self._chosen: str | None = None
        self.setWindowTitle(f"{action} to…")
        self._list = QListWidget(self)
        self._list.setFocusPolicy(Qt.NoFocus)  # digits reach the dialog, not a list search
        for number, folder in enumerate(self._targets, start=1):
            self._list.addItem(f"{number}   {folder}")
        self._list.itemActivated.connect(self._on_activated)
        choose = self._choose_button = QPushButton("&Choose folder…", self)
        choose.clicked.connect(self._on_choose)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        hint = "Press a number to act at once." if self._targets else "No folder used yet."
        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(hint, self))
        layout.addWidget(self._list)
        layout.addLayout(buttons)
        choose.setDefault(not self._targets)

    def chosen(self) -> str | None:
        return self._chosen

    def targets(self) -> list[str]:
        return list(self._targets)

    def choose_button(self) -> QPushButton:
        return self._choose_button

    def _choose(self, folder: str) -> None:
        self._chosen = folder
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= len(self._targets):
            self._choose(self._targets[int(text) - 1])
            return
        super().keyPressEvent(event)

    @pyqtSlot()
    def _on_choose(self) -> None:
        start = self._targets[0] if self._targets else os.path.expanduser("~")
        folder = self._pick(self, f"{self.windowTitle()} ({start})")
        if folder:
            self._choose(folder)

    @pyqtSlot()
    def _on_activated(self) -> None:
        row = self._list.currentRow()
        if 0 <= row < len(self._targets):
            self._choose(self._targets[row])
