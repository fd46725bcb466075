"""Every question a file operation asks the user, in one object the window owns.

Tests give the window their own ``FilePrompts`` subclass that answers at once, so no modal
dialog ever waits in a test; the dialogs themselves are tested on their own.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence

from PyQt5.QtWidgets import QDialog, QMessageBox, QWidget

from viewer.core.fileops.clash import Answer, Clash
from viewer.ui.culling.clash_dialog import ClashDialog
from viewer.ui.culling.rename_dialog import RenameDialog
from viewer.ui.culling.target_chooser import TargetChooser

NO_TRASH = "This folder has no trash. Delete files here permanently?"


def permanent_delete_text(paths: Sequence[str]) -> str:
    """Shift+Delete's question, naming the file (or counting the marked ones)."""
    if len(paths) == 1:
        return f"Delete {os.path.basename(paths[0])} permanently? This cannot be undone."
    return f"Delete the {len(paths)} marked images permanently? This cannot be undone."


class FilePrompts:
    """The real questions, as dialogs over ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def _yes(self, title: str, text: str, detail: str = "") -> bool:
        box = QMessageBox(QMessageBox.Warning, title, text, parent=self._parent)
        box.setInformativeText(detail)
        box.setStandardButtons(QMessageBox.Yes | QMessageBox.No)
        box.setDefaultButton(QMessageBox.No)  # Enter never deletes
        return bool(box.exec_() == QMessageBox.Yes)

    def confirm_permanent_delete(self, paths: Sequence[str]) -> bool:
        return self._yes("Delete permanently", permanent_delete_text(paths))

    def confirm_no_trash(self, folder: str) -> bool:
        """Asked once per folder: its files would be gone for good."""
        return self._yes("No trash", NO_TRASH, f"{folder}\nA permanent delete cannot be undone.")

    def choose_target(self, action: str, targets: Sequence[str]) -> str | None:
        chooser = TargetChooser(action, targets, parent=self._parent)
        return chooser.chosen() if chooser.exec_() == QDialog.Accepted else None

    def resolve_clash(self, clash: Clash, more: bool) -> Answer:
        dialog = ClashDialog(clash, more, self._parent)
        dialog.exec_()
        return dialog.answer()

    def new_name(self, path: str, taken: Collection[str]) -> str | None:
        dialog = RenameDialog(path, taken, self._parent)
        return dialog.new_name() if dialog.exec_() == QDialog.Accepted else None
