"""Dims the last image under "Loading NAME…" only once a wait is long enough to notice.

A held key moves on every 33 ms; the next image's preview usually arrives 10–20 ms after
the press. Dimming at once made the screen alternate bright, dim, bright (issue 22), so, as
toolkits delay a busy indicator, the last image stays as it was for ``VEIL_DELAY_MS`` after
each press, and the veil falls only if neither the image nor its preview came by then.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSlot

#: A wait shorter than this shows nothing: the last image stays as it was.
VEIL_DELAY_MS = 100


class LoadingVeil(QObject):
    """Puts up ``say(text)`` (the dimmed notice) ``delay_ms`` after ``arm``, unless called off.

    Attributes:
        delay_ms: the wait before the veil falls; tests lengthen it and call ``fall``
            themselves, so they never wait on a timer.
    """

    def __init__(
        self,
        say: Callable[[str], None],
        has_image: Callable[[], bool],
        parent: QObject | None = None,
        delay_ms: int = VEIL_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.delay_ms = delay_ms
        self._say = say
        self._has_image = has_image
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fall)

    def arm(self, text: str) -> None:
        """A press whose image is not ready: the veil falls in ``delay_ms`` unless called off.
        With nothing on screen to keep (the first image, or a veil already down), the text
        goes up at once: no image flickers for it."""
        self._text = text
        if not self._has_image():
            self.fall()
            return
        self._timer.start(self.delay_ms)

    def call_off(self) -> None:
        """The image, its preview or why it failed is on screen, or the user moved on."""
        self._timer.stop()
        self._text = ""

    def is_pending(self) -> bool:
        """Whether a veil is due: the last image is on screen, standing in for the current one."""
        return bool(self._text)

    @pyqtSlot()
    def fall(self) -> None:
        """The wait was long enough to notice: dim the last image under the text."""
        self._timer.stop()
        text, self._text = self._text, ""
        if text:
            self._say(text)
