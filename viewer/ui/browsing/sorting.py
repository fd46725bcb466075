"""The folder's sort order in the window: the Sort By menu, the remembered choice, and the
order improving while a worker reads dates.

Every listing passes through ``ordered`` before the window takes it; when the order changes
(a new choice, or facts arriving), ``reordered`` carries the sequence in its new order, and
the window takes it like a new listing: the current image stays current by its path, and the
model's read-ahead follows the new order.
"""

from __future__ import annotations

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QWidget

from viewer.core.folder.sequence import ImageSequence
from viewer.core.folder.sort_choice import SortChoice
from viewer.core.folder.sort_keys import read_file_facts
from viewer.model.folder.sort_facts import FactReader, FolderSorter
from viewer.settings.store import Settings
from viewer.ui.browsing.sort_menu import SortMenu
from viewer.ui.messages import Messages


class FolderSorting(QObject):
    """Signals:
    reordered(ImageSequence): the folder on screen in its new order.

    Attributes:
        menu: the Sort By menu, for the View menu.
    """

    reordered = pyqtSignal(object)

    def __init__(self, settings: Settings, messages: Messages, parent: QWidget,
                 reader: FactReader = read_file_facts) -> None:  # fmt: skip
        super().__init__(parent)
        self._settings = settings
        self._messages = messages
        self._sequence: ImageSequence | None = None
        self.sorter = FolderSorter(reader, self)
        self.sorter.set_choice(settings.sort_choice())
        self.menu = SortMenu(self.sorter.choice, parent)
        self.menu.chosen.connect(self._on_chosen)
        self.sorter.reordered.connect(self._on_reordered)
        self.sorter.progress.connect(self._on_progress)

    def ordered(self, sequence: ImageSequence) -> ImageSequence:
        """``sequence`` in the chosen order, with what is known now; reading starts if needed."""
        self.sorter.set_names(sequence.folder, sequence.names)
        self._sequence = ImageSequence(sequence.folder, self.sorter.order())
        return self._sequence

    def shutdown(self) -> None:
        self.sorter.shutdown()

    @pyqtSlot(object)
    def _on_chosen(self, choice: SortChoice) -> None:
        self._settings.set_sort_choice(choice)
        self.sorter.set_choice(choice)
        self._on_reordered()

    @pyqtSlot()
    def _on_reordered(self) -> None:
        if self._sequence is None:
            return
        names = self.sorter.order()
        if names != self._sequence.names:
            self._sequence = ImageSequence(self._sequence.folder, names)
            self.reordered.emit(self._sequence)

    @pyqtSlot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if done < total:
            self._messages.notice(f"Sorting: {done:,} of {total:,} files read…")
        else:
            self._messages.clear_notice()
