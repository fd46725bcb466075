"""Animated images on screen: the frames after the first, at the file's own timing.

Once the model's first frame of a GIF, WebP or APNG is shown, the ``AnimationPlayer`` takes
over the view with the frames that follow; moving to another file stops it at once, and a key
pauses it.
"""

from __future__ import annotations

from PyQt5.QtCore import QObject, QSize, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.formats.animation import is_animation
from viewer.model.animation.player import AnimationPlayer
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.image.image_view import ImageView
from viewer.ui.messages import Messages


class AnimationDisplay(QObject):
    """Starts, stops and pauses the player for the image on screen.

    Attributes:
        player: the one player; tests drive its timer.
    """

    def __init__(
        self,
        player: AnimationPlayer,
        model: PrefetchModel,
        view: ImageView,
        browsing: Browsing,
        messages: Messages,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self._model = model
        self._view = view
        self._browsing = browsing
        self._messages = messages
        self._path: str | None = None  # the file playing
        self._source = QSize()
        player.frameShown.connect(self._on_frame)
        player.failed.connect(self._on_failed)

    @pyqtSlot(int)
    def shown(self, index: int) -> None:
        """The model's image at ``index`` is on screen: play it if it is an animation."""
        info = self._model.image_info(index)
        path = self._browsing.path()
        if path is None or info is None or not is_animation(info.format, info.frame_count):
            self.stop()
            return
        if path == self._path:
            return  # a sharper rendering of the file playing
        self.stop()
        if self.player.play(path, info.frame_count, (info.width, info.height)):
            self._path = path
            self._source = QSize(info.width, info.height)
        else:
            self._messages.notice("Too large to animate within the memory budget: frame 1 only.")

    def stop(self) -> None:
        """The user moves on: the frames stop now."""
        self._path = None
        self.player.stop()

    @pyqtSlot()
    def toggle_pause(self) -> None:
        if self._path is None:
            self._messages.notice("No animation is playing.")
            return
        paused = not self.player.is_paused()
        self.player.set_paused(paused)
        self._messages.notice("Animation paused." if paused else "Animation playing.")

    @pyqtSlot(QImage, int)
    def _on_frame(self, image: QImage, index: int) -> None:
        if self._path is not None and self._browsing.path() == self._path:
            self._view.show_image(image, source=self._source, keep_view=True)

    @pyqtSlot(str)
    def _on_failed(self, message: str) -> None:
        self._path = None
        self._messages.problem(message)
