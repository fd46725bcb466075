"""The "Sort By" menu: one checked order at a time, and a reverse toggle.

Signals announce a ``SortChoice``; the window keeps it in settings and hands it to the
``FolderSorter``. The menu itself remembers nothing.
"""

from __future__ import annotations

from PyQt5.QtCore import pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QAction, QActionGroup, QMenu, QWidget

from viewer.core.folder.sort_choice import LABELS, SortChoice, SortKey


class SortMenu(QMenu):
    """Signals:
    chosen(SortChoice): the user picked an order or flipped its direction.
    """

    chosen = pyqtSignal(object)

    def __init__(self, choice: SortChoice, parent: QWidget | None = None) -> None:
        super().__init__("&Sort By", parent)
        group = QActionGroup(self)
        self.orders: dict[SortKey, QAction] = {}
        for key, label in LABELS.items():
            action = self.addAction(label)
            action.setCheckable(True)
            action.setData(key.value)
            group.addAction(action)
            self.orders[key] = action
        self.addSeparator()
        self.reverse = self.addAction("&Reverse Order")
        self.reverse.setCheckable(True)
        self.set_choice(choice)
        group.triggered.connect(self._on_changed)
        self.reverse.triggered.connect(self._on_changed)

    def set_choice(self, choice: SortChoice) -> None:
        """Show ``choice`` checked, without announcing it."""
        self.orders[choice.key].setChecked(True)
        self.reverse.setChecked(choice.reverse)

    def choice(self) -> SortChoice:
        key = next(key for key, action in self.orders.items() if action.isChecked())
        return SortChoice(key, self.reverse.isChecked())

    @pyqtSlot()
    def _on_changed(self) -> None:
        self.chosen.emit(self.choice())
