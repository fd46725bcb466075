"""The Preferences dialog: cache size, read-ahead and threads, applied as you change them."""

from __future__ import annotations

from PyQt5.QtCore import pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from viewer.model.prefetch_model import PrefetchModel
from viewer.ui.settings import Preferences

#: Field → (label, smallest, largest, suffix).
_FIELDS: dict[str, tuple[str, int, int, str]] = {
    "cache_images": ("Images kept in memory", 1, 1000, " images"),
    "cache_mb": ("Memory for kept images", 16, 1 << 20, " MB"),
    "ahead": ("Read ahead", 0, 100, " images"),
    "behind": ("Keep behind", 0, 100, " images"),
    "threads": ("Worker threads", 1, 32, ""),
}


def apply_preferences(model: PrefetchModel, preferences: Preferences) -> None:
    """Make the model use ``preferences`` now: no restart, nothing reloaded that is kept."""
    model.set_limits(preferences.cache_images, preferences.max_bytes)
    model.set_plan(preferences.plan)
    model.set_threads(preferences.threads)


class PreferencesDialog(QDialog):
    """Non-modal: every change is announced at once, so its effect shows while browsing.

    Signals:
        changed(Preferences): the values now shown, after any edit.
    """

    changed = pyqtSignal(object)

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        layout = QFormLayout(self)
        self.boxes: dict[str, QSpinBox] = {}
        for name, (label, smallest, largest, suffix) in _FIELDS.items():
            box = QSpinBox(self)
            box.setRange(smallest, largest)
            box.setSuffix(suffix)
            box.setValue(getattr(preferences, name))
            box.valueChanged.connect(self._on_value_changed)
            layout.addRow(label, box)
            self.boxes[name] = box
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.close)
        layout.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(**{name: box.value() for name, box in self.boxes.items()})

    @pyqtSlot(int)
    def _on_value_changed(self, _value: int) -> None:
        self.changed.emit(self.preferences())
