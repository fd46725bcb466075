"""A name already taken where a file is going: replace, keep both, or skip; for the rest too."""

from __future__ import annotations

import os

from PyQt5.QtCore import pyqtSlot
from PyQt5.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.fileops.clash import Answer, Choice, Clash


def clash_text(clash: Clash) -> str:
    folder, name = os.path.split(clash.target)
    stem, extension = os.path.splitext(name)
    return (
        f"A file named {name} is already in {folder}.\n"
        f"Replace it (it is overwritten), keep both (the new one as “{stem} (2){extension}” or "
        "the next free number), or skip this file?"
    )


class ClashDialog(QDialog):
    """Asks about one clash; ``answer()`` is the choice (Cancel, or closing, cancels)."""

    def __init__(self, clash: Clash, more: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Name already taken")
        self._answer = Answer(Choice.CANCEL)
        self._rest = QCheckBox("Do the same for the &rest", self)
        self._rest.setVisible(more)
        buttons = QHBoxLayout()
        self._buttons: dict[Choice, QPushButton] = {}
        labels = {
            Choice.REPLACE: "&Replace",
            Choice.KEEP_BOTH: "&Keep both",
            Choice.SKIP: "&Skip",
            Choice.CANCEL: "Cancel",
        }
        for choice, label in labels.items():
            button = QPushButton(label, self)
            button.clicked.connect(self._on_clicked)
            button.setProperty("choice", choice.value)
            self._buttons[choice] = button
            buttons.addWidget(button)
        self._buttons[Choice.KEEP_BOTH].setDefault(True)  # Enter never overwrites
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(clash_text(clash), self))
        layout.addWidget(self._rest)
        layout.addLayout(buttons)

    def answer(self) -> Answer:
        return self._answer

    def button(self, choice: Choice) -> QPushButton:
        return self._buttons[choice]

    def set_for_rest(self, on: bool) -> None:
        self._rest.setChecked(on)

    @pyqtSlot()
    def _on_clicked(self) -> None:
        choice = Choice(self.sender().property("choice"))
        self._answer = Answer(choice, self._rest.isVisible() and self._rest.isChecked())
        if choice is Choice.CANCEL:
            self.reject()
        else:
            self.accept()
