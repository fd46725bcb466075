"""The colour part of Preferences: management on or off, a monitor profile, the intent.

Qt 5 cannot read the monitor's profile portably, so the user picks the monitor's ICC file;
a file that is not an RGB display profile is refused with a sentence, and sRGB stays.
"""

from __future__ import annotations

import os
from typing import Callable

from PyQt5.QtCore import pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from viewer.core.formats.colour.choice import INTENTS, ColourSettings
from viewer.core.formats.colour.manage import check_profile_file

#: ``(parent) -> path or ""``: the file dialog; tests pass their own.
ChooseFile = Callable[[QWidget], str]
SRGB_TEXT = "sRGB (no file)"


def _ask_for_profile(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Monitor colour profile", "", "ICC profiles (*.icc *.icm);;All files (*)"
    )
    return path


class ColourPreferences(QGroupBox):
    """Signals:
    changed(ColourSettings): the settings now shown, after any edit.
    """

    changed = pyqtSignal(object)

    def __init__(self, settings: ColourSettings, choose_file: ChooseFile = _ask_for_profile,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Colour", parent)
        self._choose_file = choose_file
        self._profile = settings.monitor_profile
        layout = QFormLayout(self)
        self.enabled = QCheckBox("Convert embedded colour profiles to the monitor's", self)
        self.enabled.setChecked(settings.enabled)
        self.enabled.toggled.connect(self._on_edited)
        layout.addRow(self.enabled)
        self.profile_label = QLabel(self)
        self.problem = QLabel(self)
        choose, reset = QPushButton("Choose…", self), QPushButton("Use sRGB", self)
        choose.clicked.connect(self._on_choose)
        reset.clicked.connect(self._on_reset)
        row = QHBoxLayout()
        for widget in (self.profile_label, choose, reset):
            row.addWidget(widget)
        layout.addRow("Monitor profile", row)
        layout.addRow(self.problem)
        self.intent = QComboBox(self)
        self.intent.addItems(list(INTENTS))
        names = {value: name for name, value in INTENTS.items()}
        self.intent.setCurrentText(names.get(settings.intent, "Perceptual"))
        self.intent.currentIndexChanged.connect(self._on_edited)
        layout.addRow("Rendering intent", self.intent)
        self._show_profile()

    def settings(self) -> ColourSettings:
        return ColourSettings(
            self.enabled.isChecked(), self._profile, INTENTS[self.intent.currentText()]
        )

    def _show_profile(self) -> None:
        self.profile_label.setText(os.path.basename(self._profile) if self._profile else SRGB_TEXT)

    @pyqtSlot()
    def _on_choose(self) -> None:
        path = self._choose_file(self)
        if not path:
            return
        problem = check_profile_file(path)
        self.problem.setText(problem or "")
        if problem is None:
            self._profile = path
            self._show_profile()
            self._on_edited()

    @pyqtSlot()
    def _on_reset(self) -> None:
        self._profile = None
        self.problem.setText("")
        self._show_profile()
        self._on_edited()

    @pyqtSlot()
    def _on_edited(self) -> None:
        self.changed.emit(self.settings())
