"""The Preferences dialog's verdict section: the style of a new sidecar, and RAW+JPEG pairs."""

from __future__ import annotations

from PyQt5.QtCore import pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QWidget

from viewer.core.folder.sidecars import SidecarStyle
from viewer.settings.verdict_choices import VerdictChoices

_STYLES = {
    SidecarStyle.NAME_EXT: "IMG_0001.CR2.xmp (darktable, digiKam; keeps RAW and JPEG apart)",
    SidecarStyle.NAME: "IMG_0001.xmp (Lightroom, Capture One)",
}


class VerdictPreferences(QGroupBox):
    """Signals:
    changed(VerdictChoices): the choices now shown, after any edit.
    """

    changed = pyqtSignal(object)

    def __init__(self, choices: VerdictChoices, parent: QWidget | None = None) -> None:
        super().__init__("Ratings and labels", parent)
        layout = QFormLayout(self)
        self.style_box = QComboBox(self)
        for style, text in _STYLES.items():
            self.style_box.addItem(text, style)
        self.style_box.setCurrentIndex(list(_STYLES).index(choices.style))
        layout.addRow("New sidecars are named", self.style_box)
        self.pairs_box = QCheckBox("Show RAW+JPEG pairs as one image", self)
        self.pairs_box.setChecked(choices.pairs)
        layout.addRow(self.pairs_box)
        self.style_box.currentIndexChanged.connect(self._on_edited)
        self.pairs_box.toggled.connect(self._on_edited)

    def choices(self) -> VerdictChoices:
        return VerdictChoices(self.style_box.currentData(), self.pairs_box.isChecked())

    @pyqtSlot()
    @pyqtSlot(int)
    @pyqtSlot(bool)
    def _on_edited(self, _value: object = None) -> None:
        self.changed.emit(self.choices())
