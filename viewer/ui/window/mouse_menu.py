"""View ▸ Mouse: whether the plain wheel steps images (the default) or zooms."""

from __future__ import annotations

from PyQt5.QtWidgets import QAction, QMenu, QWidget

from viewer.settings.store import Settings
from viewer.ui.image.pointer import PointerControls


def mouse_menu(parent: QWidget, pointer: PointerControls, settings: Settings) -> QMenu:
    """The Mouse submenu; its choice applies at once and is remembered."""
    menu = QMenu("&Mouse", parent)
    zooms = QAction("&Wheel Zooms (Instead of Stepping Images)", menu)
    zooms.setObjectName("wheel_zooms")
    zooms.setCheckable(True)
    zooms.setChecked(pointer.wheel_zooms)

    def on_toggled(checked: bool) -> None:
        pointer.wheel_zooms = checked
        settings.set_wheel_zooms(checked)

    zooms.toggled.connect(on_toggled)
    menu.addAction(zooms)
    return menu
