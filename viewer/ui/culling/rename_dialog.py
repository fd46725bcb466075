"""F2: a new name for the file, prefilled with its name and the stem selected.

An invalid name, or one already taken in the folder, is refused with a sentence under the
field (OK stays disabled). Names taken are those the viewer listed, so typing never waits on
a share; the rename itself checks again.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from PyQt5.QtCore import pyqtSlot
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from viewer.core.fileops.names import name_problem


def rename_problem(old_name: str, new_name: str, taken: Collection[str]) -> str | None:
    """Why ``new_name`` is refused; None if it is fine (or unchanged)."""
    if new_name == old_name:
        return None
    problem = name_problem(new_name)
    if problem is None and new_name in taken and new_name.lower() != old_name.lower():
        problem = f"A file named {new_name} already exists here."
    return problem


class RenameDialog(QDialog):
    """``new_name()`` is the accepted name."""

    def __init__(self, path: str, taken: Collection[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._old = os.path.basename(path)
        self._taken = taken
        self.setWindowTitle("Rename")
        self._field = QLineEdit(self._old, self)
        stem = os.path.splitext(self._old)[0] or self._old
        self._field.setSelection(0, len(stem))
        self._problem = QLabel(self)
        self._problem.setWordWrap(True)
        self._buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"New name for {self._old}:", self))
        layout.addWidget(self._field)
        layout.addWidget(self._problem)
        layout.addWidget(self._buttons)
        self._field.textChanged.connect(self._on_text_changed)
        self._on_text_changed(self._old)

    def field(self) -> QLineEdit:
        return self._field

    def problem(self) -> str:
        return self._problem.text()

    def can_accept(self) -> bool:
        return bool(self._buttons.button(QDialogButtonBox.Ok).isEnabled())

    def new_name(self) -> str:
        return self._field.text()

    def accept(self) -> None:
        if self.can_accept():
            super().accept()

    @pyqtSlot(str)
    def _on_text_changed(self, text: str) -> None:
        problem = rename_problem(self._old, text, self._taken)
        self._problem.setText(problem or "")
        self._buttons.button(QDialogButtonBox.Ok).setEnabled(problem is None)
