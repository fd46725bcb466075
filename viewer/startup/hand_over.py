"""The real window takes the first frame's place once it shows the image as well.

Shown at once, the window would cover the first image with an empty view until its model
delivers the same image; so it is shown when its view has an image or a sentence why not (or
after ``WAIT_MS`` whatever happens), where the first frame is and in its state. The first frame
closes once the window has painted, and the keys pressed in it are replayed as the commands
they stand for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PyQt5.QtCore import QObject, QTimer, pyqtBoundSignal, pyqtSlot
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QAction

from viewer.startup.first_frame import FirstFrame
from viewer.ui.window import memory as window_memory

if TYPE_CHECKING:
    from viewer.ui.window.main_window import MainWindow

#: The longest the first frame stays when the window has nothing to show yet (ms).
WAIT_MS = 2000
#: How long the first frame waits for the window's first paint before closing anyway (ms).
PAINT_WAIT_MS = 500


class HandOver(QObject):
    """Gives ``frame``'s place to ``window``; ``failed`` is the model's ``loadFailed``.

    Attributes:
        timer: the ``WAIT_MS`` single shot (tests trigger it instead of waiting).
    """

    def __init__(self, frame: FirstFrame, window: MainWindow, failed: pyqtBoundSignal) -> None:
        super().__init__(frame)
        self._frame, self._window = frame, window
        self._placed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WAIT_MS)
        self.timer.timeout.connect(self._take_place)
        # Hidden, the window's view has no size yet; the frame's view has the size it will
        # have, so the first load is decoded for it and not at full size.
        window.model.set_display_box(frame.view.display_box())
        window.view.zoomChanged.connect(self._on_shown)
        window.openFailed.connect(self._take_place)
        failed.connect(self._take_place)
        self.timer.start()
        self._on_shown()

    def is_done(self) -> bool:
        """Whether the window has taken the place (the first frame may still be closing)."""
        return self._placed

    @pyqtSlot()
    def _on_shown(self) -> None:
        if self._window.view.has_image():
            self._take_place()

    @pyqtSlot()
    def _take_place(self) -> None:
        if self._placed or not self._frame.isVisible():
            return  # done, or the start was given up (a bad command line) or closed
        self._placed = True
        self.timer.stop()
        window = self._window
        window_memory.show_in_place_of(window, window.fullscreen, self._frame)
        window.view.painted.connect(self._close_frame)
        QTimer.singleShot(PAINT_WAIT_MS, self._close_frame)  # should it never paint

    @pyqtSlot()
    def _close_frame(self) -> None:
        if not self._frame.isVisible():
            return
        self._window.view.painted.disconnect(self._close_frame)
        keys = self._frame.pressed_keys()
        self._frame.close_handed_over()
        replay_keys(keys, self._window.actions())


def replay_keys(keys: list[tuple[int, int]], actions: list[QAction]) -> None:
    """Trigger, in order, the action each key is a shortcut of; other keys are dropped."""
    by_key = {
        sequence: action
        for action in actions
        for sequence in (shortcut.toString() for shortcut in action.shortcuts())
    }
    for key, modifiers in keys:
        action = by_key.get(QKeySequence(key | modifiers).toString())
        if action is not None and action.isEnabled():
            action.trigger()
