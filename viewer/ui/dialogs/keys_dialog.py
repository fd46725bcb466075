"""Preferences ▸ Keys: every command with its keys, to change and save to the keys file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PyQt5.QtCore import Qt, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.keys.bindings import conflict
from viewer.ui.keys.table import COMMANDS, Command

_COMMAND, _KEYS = 0, 1


class KeysDialog(QDialog):
    """A table of commands and their keys (separated by spaces, as ``Ctrl+G F5``).

    Save refuses a key given to two commands, saying which, and keeps the dialog open.

    Signals:
        saved(object): the commands with the keys the user saved (a tuple of ``Command``).

    Attributes:
        problem: the sentence shown when Save was refused ('' otherwise).
    """

    saved = pyqtSignal(object)

    def __init__(self, commands: Sequence[Command], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys")
        self._commands = tuple(commands)
        self.table = QTableWidget(len(commands), 2, self)
        self.table.setHorizontalHeaderLabels(["Command", "Keys (separated by spaces)"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self._problem = QLabel(self)
        self._problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.Save | QDialogButtonBox.RestoreDefaults | QDialogButtonBox.Close,
            parent=self,
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self._problem)
        layout.addWidget(buttons)
        self._fill(self._commands)
        self.resize(640, 560)

    @property
    def problem(self) -> str:
        return self._problem.text()

    def set_keys(self, name: str, keys: str) -> None:
        """Type ``keys`` into the row of command ``name`` (as the user would)."""
        row = [entry.name for entry in self._commands].index(name)
        item = self.table.item(row, _KEYS)
        assert item is not None
        item.setText(keys)

    def edited(self) -> tuple[Command, ...]:
        """The commands with the keys now in the table."""
        result = []
        for row, entry in enumerate(self._commands):
            item = self.table.item(row, _KEYS)
            keys = tuple(item.text().split()) if item is not None else entry.keys
            result.append(replace(entry, keys=keys))
        return tuple(result)

    @pyqtSlot()
    def save(self) -> None:
        commands = self.edited()
        problem = conflict(commands)
        self._problem.setText(problem or "")
        if problem is None:
            self._commands = commands
            self.saved.emit(commands)

    @pyqtSlot()
    def restore_defaults(self) -> None:
        self._fill(COMMANDS)

    def _fill(self, commands: Sequence[Command]) -> None:
        for row, entry in enumerate(commands):
            label = QTableWidgetItem(f"{entry.menu} ▸ {entry.text.replace('&', '')}")
            label.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)  # not editable
            self.table.setItem(row, _COMMAND, label)
            self.table.setItem(row, _KEYS, QTableWidgetItem(" ".join(entry.keys)))
