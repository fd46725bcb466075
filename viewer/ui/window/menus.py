"""The menu bar: one ``QAction`` per entry of the key table, in the table's order.

The window hands over a slot for each command name; this module only builds and places the
actions, so a new command is a row in ``keys.COMMANDS`` and a slot, nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Callable

from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QAction, QMainWindow, QMenu

from viewer.ui.keys.table import COMMANDS

MENUS = ("File", "Edit", "Rate", "Go", "View", "Help")


def build_menus(
    window: QMainWindow,
    slots: Mapping[str, Callable[[], object]],
    recent: QMenu,
    *,
    zoom_locked: bool,
    submenus: Mapping[str, Sequence[QMenu]] | None = None,
) -> dict[str, QAction]:
    """Add the menus and their actions to ``window``; returns the actions by command name.

    Each action also belongs to the window itself, so its keys work in full screen, where the
    menu bar is hidden. ``recent`` goes above Preferences; the zoom lock starts checked as
    ``zoom_locked`` says; ``submenus`` go at the end of the menu they are named by.
    """
    menus: dict[str, QMenu] = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
    actions: dict[str, QAction] = {}
    for entry in COMMANDS:
        action = QAction(entry.text, window)
        action.setShortcuts([QKeySequence(key) for key in entry.keys])
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slots[entry.name])
        menu = menus[entry.menu]
        if entry.name == "preferences":
            menu.addMenu(recent)
            menu.addSeparator()
        if entry.name == "quit":
            menu.addSeparator()
        menu.addAction(action)
        window.addAction(action)
        actions[entry.name] = action
    for name, more in (submenus or {}).items():
        menus[name].addSeparator()
        for submenu in more:
            menus[name].addMenu(submenu)
    lock = actions["zoom_lock"]
    lock.setCheckable(True)
    lock.setChecked(zoom_locked)
    return actions


def add_submenu(window: QMainWindow, menu_name: str, submenu: QMenu) -> None:
    """Put ``submenu`` at the end of the menu called ``menu_name`` (one of ``MENUS``)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text() == f"&{menu_name}":
            menu.addSeparator()
            menu.addMenu(submenu)
            return
    raise KeyError(menu_name)
