"""The one channel for what the user is told: the status bar's labels, and messages in the view.

After qutebrowser's message bridge: the window never writes text to a widget itself. It says
``notice`` (a passing remark), ``problem`` (something could not be done; also logged), or
``place`` (where the user is), and this module decides where that text appears.
"""

from __future__ import annotations

import logging

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtWidgets import QLabel, QMainWindow

from viewer.core.metadata.formatting import SEPARATOR, status_line
from viewer.core.metadata.image_info import ImageInfo
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.browsing.folder_opening import FolderOpening
from viewer.ui.image.image_view import ImageView
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

    def __init__(self, window: QMainWindow, view: ImageView, model: PrefetchModel) -> None:
        super().__init__(window)
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

    # -- what the window says ------------------------------------------------------------------

    def notice(self, text: str) -> None:
        """A passing remark over the place: shown for a few seconds."""
        log.debug("notice: %s", text)
        self._bar.showMessage(text, NOTICE_MS)

    def problem(self, text: str, *, in_view: bool = False, logged: bool = True) -> None:
        """Something the user asked for could not be done: say why, for longer than a notice.

        Args:
            in_view: also say it in place of the image (when the view shows nothing else).
            logged: log it as a warning; False when whoever asked reports it themselves (a
                command line that is refused prints one line only), then it is logged at debug.
        """
        log.log(logging.WARNING if logged else logging.DEBUG, "%s", text)
        if in_view:
            self.in_view(text, error=True)
        self._bar.showMessage(text, PROBLEM_MS)

    def clear_notice(self) -> None:
        """The user moved on: a remark about where they were no longer applies."""
        self._bar.clearMessage()

    def place(
        self, index: int, count: int, name: str, info: ImageInfo | None, progress: str = ""
    ) -> None:
        """Where the user is; ``progress`` (loading, or why it failed) stands in for the size."""
        self._place.setText(status_line(index, count, name, info, progress))

    def place_removed(self, name: str, count: int) -> None:
        """The image on screen was removed from the folder; it stays shown until the user moves."""
        self._place.setText(SEPARATOR.join([f"– / {count}", name, "removed from the folder"]))

    def clear_place(self) -> None:
        self._place.setText("")

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

    def in_view(self, text: str, *, error: bool = False, over_image: bool = False) -> None:
        """A message in place of the image (``over_image``: over it, dimmed): the one door to
        ``ImageView.show_message``."""
        self._view.show_message(text, error=error, over_image=over_image)

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
            self.in_view(text)

    @pyqtSlot()
    def _on_listed(self) -> None:
        self.folder("")

    @pyqtSlot(str)
    def _on_open_failed(self, message: str) -> None:
        self.folder("")
        # Not logged as a warning: whoever opened it reports it (the app, on stderr).
        self.problem(message, in_view=self._no_folder_shown(), logged=False)

    @pyqtSlot(str)
    def _on_folder_unavailable(self, message: str) -> None:
        self.folder("Folder unavailable: showing images kept in memory")
        self.problem(message, in_view=self._no_folder_shown())

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
