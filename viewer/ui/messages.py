"""The one channel for every sentence the user reads: notices, problems, and text in the view.

After qutebrowser's message bridge: code that has something to say calls ``notice``,
``problem`` or ``in_view`` on the window's ``Messages`` and never touches a widget; the
status bar subscribes and decides where the text appears. This module imports nothing from
``viewer.ui``, so any room can speak without importing the status bar.
"""

from __future__ import annotations

from PyQt5.QtCore import QObject, pyqtSignal


class Messages(QObject):
    """What the user is told, as signals that the status area shows.

    Signals:
        noticed(str): a passing remark.
        problemRaised(str, bool, bool): text, also in the view, logged as a warning.
        inViewRequested(str, bool, bool): text in place of the image, as an error, over the
            image (dimmed) rather than instead of it.
        noticeCleared(): the user moved on; a remark about where they were no longer applies.
    """

    noticed = pyqtSignal(str)
    problemRaised = pyqtSignal(str, bool, bool)
    inViewRequested = pyqtSignal(str, bool, bool)
    noticeCleared = pyqtSignal()

    def notice(self, text: str) -> None:
        """A passing remark, shown for a few seconds."""
        self.noticed.emit(text)

    def problem(self, text: str, *, in_view: bool = False, logged: bool = True) -> None:
        """Something the user asked for could not be done: say why.

        Args:
            in_view: also say it in place of the image (when the view shows nothing else).
            logged: log it as a warning; False when whoever asked reports it themselves.
        """
        self.problemRaised.emit(text, in_view, logged)

    def in_view(self, text: str, *, error: bool = False, over_image: bool = False) -> None:
        """A message in place of the image, or over it (dimmed) with ``over_image``."""
        self.inViewRequested.emit(text, error, over_image)

    def clear_notice(self) -> None:
        self.noticeCleared.emit()
