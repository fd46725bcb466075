"""Started without a path: offer, without a dialog in the way, to go back where you were."""

from __future__ import annotations

import os

from PyQt5.QtCore import Qt, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QPushButton, QVBoxLayout, QWidget

from viewer.ui.settings import Place


class ReopenOffer(QPushButton):
    """A button below the empty view's hint: "Reopen FOLDER at NAME".

    Signals:
        accepted(str): the image to reopen at.
    """

    accepted = pyqtSignal(str)

    def __init__(self, place: Place, view: QWidget) -> None:
        folder = os.path.basename(place.folder.rstrip(os.sep)) or place.folder
        super().__init__(f"Reopen {folder} at {os.path.basename(place.image)}", view)
        self._image = place.image
        self.setToolTip(place.image)
        self.setFocusPolicy(Qt.NoFocus)  # keys stay with the window's shortcuts
        layout = QVBoxLayout(view)
        layout.addStretch(3)
        layout.addWidget(self, 0, Qt.AlignHCenter)
        layout.addStretch(1)
        self.clicked.connect(self._on_clicked)
        self.show()  # a child added to a window already on screen starts hidden

    @pyqtSlot()
    def _on_clicked(self) -> None:
        self.accepted.emit(self._image)
