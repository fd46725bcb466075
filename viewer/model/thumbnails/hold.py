"""ThumbnailHold: thumbnail reads wait while the main image model has a load in flight.

On a share limited by bandwidth, every byte a thumbnail read takes is a byte the image the
user is waiting for does not get; on two cores, every thumbnail decoded takes CPU from the
main decode. So while the image is shown the thumbnail model is held whenever the main
model is loading (the current image or its read-ahead) and let go as soon as it is idle:
the film strip fills in the gaps, and browsing is as fast as without it. While the grid is
shown, its thumbnails are what the user waits for, and they are not held.
"""

from __future__ import annotations

from PyQt5.QtCore import QObject, QTimer, pyqtSlot

from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.thumbnails.model import ThumbnailModel


class ThumbnailHold(QObject):
    """Holds ``thumbnails`` while ``main`` has loads in flight (and the grid is not shown)."""

    def __init__(
        self, main: PrefetchModel, thumbnails: ThumbnailModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._main = main
        self._thumbnails = thumbnails
        self._grid_shown = False
        self._stopped = False
        # A load's result comes before the model queues what follows it (read-ahead): look
        # once the model is done with it, or the link would look free for a moment.
        self._after_result = QTimer(self)
        self._after_result.setSingleShot(True)
        self._after_result.setInterval(0)
        self._after_result.timeout.connect(self._on_check)
        main.stateChanged.connect(self._on_state_changed)
        main.imageReady.connect(self._on_result)
        main.loadFailed.connect(self._on_result)
        self._on_check()

    def set_grid_shown(self, shown: bool) -> None:
        """While the grid is shown its thumbnails are what the user looks at: not held."""
        self._grid_shown = shown
        self._on_check()

    def stop(self) -> None:
        """Let thumbnails go for good (the main model is shutting down)."""
        self._stopped = True
        self._after_result.stop()
        self._thumbnails.set_held(False)

    @pyqtSlot(int)
    def _on_state_changed(self, _index: int) -> None:
        self._on_check()  # a load started (hold at once), or one ended (look again)

    @pyqtSlot()
    def _on_result(self) -> None:
        self._after_result.start()

    @pyqtSlot()
    def _on_check(self) -> None:
        if not self._stopped:
            busy = self._main.in_flight() > 0
            self._thumbnails.set_held(not self._grid_shown and busy)
