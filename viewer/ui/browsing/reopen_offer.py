"""Started without a path: offer, without a dialog in the way, to go back where you were.

Whether the last image still exists is asked off the GUI thread (``OffThread``), through the
window's probe: a share that hangs at start-up never blocks it, and the offer appears when the
answer comes, unless a folder was opened meanwhile.
"""

from __future__ import annotations

import os
from typing import Callable

from PyQt5.QtCore import QObject, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QPushButton, QVBoxLayout, QWidget

from viewer.model.folder.off_thread import OffThread
from viewer.settings.store import Place
from viewer.ui.browsing.folder_opening import PathKind, probe_path


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


class Reopening(QObject):
    """Asks whether the last place still exists, and shows the offer if it does.

    Signals:
        decided(bool): the answer came: whether the offer is shown.
        accepted(str): the user took the offer; the image to reopen at.

    Attributes:
        offer: the button on screen, once the answer said yes (None before, or never).
    """

    decided = pyqtSignal(bool)
    accepted = pyqtSignal(str)

    def __init__(
        self,
        view: QWidget,
        probe: Callable[[str], PathKind] = probe_path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._probe = probe
        self._asked: tuple[int, Place] | None = None
        self._questions = OffThread(self)
        self._questions.answered.connect(self._on_answered)
        self._questions.failed.connect(self._on_failed)
        self.offer: ReopenOffer | None = None

    def ask(self, place: Place | None) -> None:
        """Offer ``place`` once the file system says its image is still there."""
        if place is not None:
            self._asked = (self._questions.ask(self._probe, place.image), place)

    def withdraw(self) -> None:
        """A folder was opened: the offer goes, and an answer still to come shows nothing."""
        self._asked = None
        if self.offer is not None:
            self.offer.hide()

    def is_asking(self) -> bool:
        """Whether an answer is awaited (on a dead share it may never come)."""
        return self._asked is not None

    @pyqtSlot(int, object)
    def _on_answered(self, ticket: int, kind: PathKind) -> None:
        if self._asked is None or self._asked[0] != ticket:
            return
        place = self._asked[1]
        self._asked = None
        if kind is PathKind.IMAGE:
            self.offer = ReopenOffer(place, self._view)
            self.offer.accepted.connect(self.accepted)
        self.decided.emit(self.offer is not None)

    @pyqtSlot(int, str)
    def _on_failed(self, ticket: int, message: str) -> None:
        self._on_answered(ticket, PathKind.NOTHING)
