"""The status bar's labels and the view's messages: where what the user is told appears.

It subscribes to the window's ``viewer.ui.messages.Messages`` (the message bridge: notices,
problems, text in the view) and to the rooms that report where the user is, and decides where
that text appears. Nothing else writes to the status bar's labels.
"""

from __future__ import annotations

import logging

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtWidgets import QLabel, QMainWindow

from viewer.core.metadata.formatting import SEPARATOR
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.browsing.folder_opening import FolderOpening
from viewer.ui.image.image_view import ImageView
from viewer.ui.messages import Messages
from viewer.ui.statusbar.cache_indicator import CacheIndicator

log = logging.getLogger(__name__)

NOTICE_MS = 3000
PROBLEM_MS = 3 * NOTICE_MS


class StatusArea(QObject):
    """Owns the status bar's labels and the read-ahead indicator, and the view's messages.

    The status bar holds, left to right: the place (``3 / 12 · 3.jpg · 67×48 · 8.3 kB``),
    passing notices over it, then the zoom, the folder's state and the indicator. Once given
    a ``FolderOpening`` (``follow``), it says how the folder's listings go by itself.

    Attributes:
        indicator: the read-ahead dots; they follow the model by themselves.
    """

    def __init__(
        self, window: QMainWindow, view: ImageView, model: PrefetchModel, messages: Messages
    ) -> None:
        super().__init__(window)
        self._messages = messages
        messages.noticed.connect(self._on_notice)
        messages.problemRaised.connect(self._on_problem)
        messages.inViewRequested.connect(self._on_in_view)
        messages.noticeCleared.connect(self._on_notice_cleared)
        self._bar = window.statusBar()
        self._view = view
        self._place = QLabel(window)
        self._bar.addWidget(self._place, 1)
        self._zoom = QLabel(window)
        self._bar.addPermanentWidget(self._zoom)
        self._folder = QLabel(window)
        self._bar.addPermanentWidget(self._folder)
        self._work = QLabel(window)  # a file operation's progress
        self._bar.addPermanentWidget(self._work)
        self._marked = QLabel(window)
        self._bar.addPermanentWidget(self._marked)
        self._verdict = QLabel(window)  # the image's verdict, and what View ▸ Show shows
        self._bar.addPermanentWidget(self._verdict)
        self._shown = QLabel(window)
        self._bar.addPermanentWidget(self._shown)
        self.indicator = CacheIndicator(model, window)
        self._bar.addPermanentWidget(self.indicator)
        self._browsing: Browsing | None = None

    # -- what the message bridge says ----------------------------------------------------------

    @pyqtSlot(str)
    def _on_notice(self, text: str) -> None:
        """A passing remark over the place: shown for a few seconds."""
        log.debug("notice: %s", text)
        self._bar.showMessage(text, NOTICE_MS)

    @pyqtSlot(str, bool, bool)
    def _on_problem(self, text: str, in_view: bool, logged: bool) -> None:
        """Said for longer than a notice; logged at debug only where whoever asked reports it
        themselves (a command line that is refused prints one line only)."""
        log.log(logging.WARNING if logged else logging.DEBUG, "%s", text)
        if in_view:
            self._view.show_message(text, error=True)
        self._bar.showMessage(text, PROBLEM_MS)

    @pyqtSlot(str, bool, bool)
    def _on_in_view(self, text: str, error: bool, over_image: bool) -> None:
        """The one door to ``ImageView.show_message``."""
        self._view.show_message(text, error=error, over_image=over_image)

    @pyqtSlot()
    def _on_notice_cleared(self) -> None:
        self._bar.clearMessage()

    # -- where the user is ---------------------------------------------------------------------

    @pyqtSlot(str)
    def show_place(self, text: str) -> None:
        """Where the user is, as ``viewer.core.metadata.formatting.status_line`` says it."""
        self._place.setText(text)

    def place_removed(self, name: str, count: int) -> None:
        """The image on screen was removed from the folder; it stays shown until the user moves."""
        self._place.setText(SEPARATOR.join([f"– / {count}", name, "removed from the folder"]))

    def clear_place(self) -> None:
        self._place.setText("")

    @pyqtSlot(object)
    def zoom(self, percent: float | None) -> None:
        """The zoom of the image shown, or None when none is."""
        self._zoom.setText("" if percent is None else f"{percent:.0f}%")

    def folder(self, text: str) -> None:
        """The folder's state: listing progress, or that it is unavailable ('' when fine)."""
        self._folder.setText(text)

    def working(self, text: str) -> None:
        """A file operation's progress ('' when none runs)."""
        self._work.setText(text)

    def marked(self, count: int) -> None:
        """How many images are marked."""
        self._marked.setText(f"{count:,} marked" if count else "")

    def verdict(self, text: str) -> None:
        """The verdict of the image on screen ('' for none)."""
        self._verdict.setText(text)

    def shown(self, text: str) -> None:
        """How much of the folder a filter shows (``312 of 2,400 shown``), '' without one."""
        self._shown.setText(text)

    # -- what the folder's listings say --------------------------------------------------------

    def follow(self, opening: FolderOpening, browsing: Browsing) -> None:
        """Say how listings go; a problem is said in the view while no folder is on screen."""
        self._browsing = browsing
        opening.progress.connect(self._on_listing_progress)
        opening.firstListing.connect(self._on_listed)
        opening.relisted.connect(self._on_listed)
        opening.failed.connect(self._on_open_failed)
        opening.unavailable.connect(self._on_folder_unavailable)

    def _no_folder_shown(self) -> bool:
        return self._browsing is None or self._browsing.sequence is None

    @pyqtSlot(int)
    def _on_listing_progress(self, seen: int) -> None:
        text = f"Listing… {seen:,} files"
        self.folder(text)
        if self._no_folder_shown():
            self._messages.in_view(text)

    @pyqtSlot()
    def _on_listed(self) -> None:
        self.folder("")

    @pyqtSlot(str)
    def _on_open_failed(self, message: str) -> None:
        self.folder("")
        # Not logged as a warning: whoever opened it reports it (the app, on stderr).
        self._messages.problem(message, in_view=self._no_folder_shown(), logged=False)

    @pyqtSlot(str)
    def _on_folder_unavailable(self, message: str) -> None:
        self.folder("Folder unavailable: showing images kept in memory")
        self._messages.problem(message, in_view=self._no_folder_shown())

    # -- what tests read -----------------------------------------------------------------------

    def place_text(self) -> str:
        return self._place.text()

    def notice_text(self) -> str:
        """The notice or problem shown now ('' once it has timed out)."""
        return self._bar.currentMessage()

    def zoom_text(self) -> str:
        return self._zoom.text()

    def folder_text(self) -> str:
        return self._folder.text()

    def work_text(self) -> str:
        return self._work.text()

    def marked_text(self) -> str:
        return self._marked.text()

    def verdict_text(self) -> str:
        return self._verdict.text()

    def shown_text(self) -> str:
        return self._shown.text()
