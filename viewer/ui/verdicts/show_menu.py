"""View ▸ Show: which images the folder shows, and the order by rating."""

from __future__ import annotations

from PyQt5.QtCore import pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QAction, QActionGroup, QMenu, QWidget

from viewer.model.verdicts.show_filter import ShowFilter, ShowKind, all_filters


class ShowMenu(QMenu):
    """Signals:
    chosen(ShowFilter): the user chose a filter.
    byRating(bool): the user turned the order by rating on or off.
    """

    chosen = pyqtSignal(object)
    byRating = pyqtSignal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("&Show", parent)
        self._group = QActionGroup(self)
        self._actions: dict[ShowFilter, QAction] = {}
        kind: ShowKind | None = None
        for show in all_filters():
            if kind is not None and show.kind is not kind and kind is not ShowKind.AT_LEAST:
                self.addSeparator()
            kind = show.kind
            action = self.addAction(show.title())
            action.setCheckable(True)
            action.setData(show)
            self._group.addAction(action)
            self._actions[show] = action
        self._actions[ShowFilter()].setChecked(True)
        self._group.triggered.connect(self._on_triggered)
        self.addSeparator()
        self.rating_order = self.addAction("Highest &Rated First")
        self.rating_order.setCheckable(True)
        self.rating_order.toggled.connect(self.byRating)

    def show_checked(self, show: ShowFilter) -> None:
        """Tick ``show`` (chosen some other way: the toggle key)."""
        action = self._actions.get(show)
        if action is not None:
            action.setChecked(True)

    def action_for(self, show: ShowFilter) -> QAction:
        return self._actions[show]

    @pyqtSlot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        self.chosen.emit(action.data())
