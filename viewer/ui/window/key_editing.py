"""The keys in force: read from the keys file at start, changed in Preferences ▸ Keys.

Every place that shows keys takes them from here: the menus' shortcuts, the help overlay
(and ``viewer --list-keys``, which reads the same file). A broken file is said once, in the
status bar, and the defaults apply.
"""

from __future__ import annotations

from collections.abc import Mapping

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QAction, QWidget

from viewer.ui.dialogs.keys_dialog import KeysDialog
from viewer.ui.keys.bindings import Bindings, save_bindings
from viewer.ui.keys.table import Command
from viewer.ui.messages import Messages
from viewer.ui.window.help_overlay import HelpOverlay


class KeyEditing(QObject):
    """Applies the keys in force to the window's actions and help, and edits them.

    Attributes:
        commands: the commands with the keys in force.
        dialog: the Keys dialog, once shown (None before).
    """

    def __init__(
        self,
        bindings: Bindings,
        actions: Mapping[str, QAction],
        help_overlay: HelpOverlay,
        messages: Messages,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._help = help_overlay
        self._messages = messages
        self._parent = parent
        self.dialog: KeysDialog | None = None
        self.commands = bindings.commands
        self._apply(bindings.commands)
        self._problem = bindings.problem
        if self._problem is not None:
            messages.problem(self._problem)

    @pyqtSlot()
    def remind(self) -> None:
        """A folder has opened, which clears the status bar: say a refused file's problem
        once more, so it is not cleared before it could be read; only the first time."""
        problem, self._problem = self._problem, None
        if problem is not None:
            self._messages.problem(problem, logged=False)

    @pyqtSlot()
    def show(self) -> None:
        if self.dialog is None:
            self.dialog = KeysDialog(self.commands, self._parent)
            self.dialog.saved.connect(self._on_saved)
        self.dialog.show()
        self.dialog.raise_()

    @pyqtSlot(object)
    def _on_saved(self, commands: tuple[Command, ...]) -> None:
        try:
            save_bindings(commands)
        except OSError as error:
            self._messages.problem(f"Your keys could not be saved: {error.strerror or error}.")
            return
        self._apply(commands)
        self._messages.notice("Keys saved.")

    def _apply(self, commands: tuple[Command, ...]) -> None:
        self.commands = commands
        for entry in commands:
            self._actions[entry.name].setShortcuts([QKeySequence(key) for key in entry.keys])
        self._help.set_commands(commands)
