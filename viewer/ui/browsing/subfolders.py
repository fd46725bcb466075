"""Go ▸ Include Subfolders: the folder on screen browsed with its subfolders, or without.

With them, a camera card's ``DCIM/100CANON``, ``101CANON``, … are one sequence.

Turning it on walks the folder on screen from the image on screen; turning it off opens the
folder that image is in, at it, so the user stays on their image either way.
"""

from __future__ import annotations

import os
from typing import Callable

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtWidgets import QAction

from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.paths import folder_of
from viewer.model.folder.lister import FolderLister

#: ``(folder, name relative to it or None)``: open ``folder`` at that image.
ReopenAt = Callable[[str, "str | None"], None]


class SubfolderToggle(QObject):
    """Keeps the lister's mode and the checkable action together, and reopens on a change."""

    def __init__(
        self,
        action: QAction,
        lister: FolderLister,
        on_screen: Callable[[], tuple[ImageSequence | None, str | None]],
        reopen_at: ReopenAt,
    ) -> None:
        super().__init__(action)
        self._action = action
        self._lister = lister
        self._on_screen = on_screen
        self._reopen_at = reopen_at
        action.setCheckable(True)
        action.setChecked(lister.recursive)

    def set_included(self, included: bool) -> None:
        """Subfolders from the next folder opened on (the command line's ``--recursive``)."""
        self._lister.set_recursive(included)
        self._action.setChecked(included)

    @pyqtSlot()
    def toggled(self) -> None:
        """The menu's slot: follow the action's check, and reopen what is on screen."""
        included = self._action.isChecked()
        self._lister.set_recursive(included)
        sequence, path = self._on_screen()
        if sequence is None:
            return
        if path is None:
            self._reopen_at(sequence.folder, None)
            return
        # Off: the image's own folder, perhaps below the one walked.
        folder = sequence.folder if included else folder_of(path)
        self._reopen_at(folder, os.path.relpath(path, folder))
