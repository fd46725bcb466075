"""Shows the image the user is on as its load goes: loading (its preview, or the last image
dimmed), still loading, shown, refined, or why it failed. It subscribes to the model; the
window only says where the user moved.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, QSize, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.metadata.formatting import status_line
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.current import CurrentPreview
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.image.image_view import ImageView
from viewer.ui.image.loading_notice import LoadingNotice
from viewer.ui.image.preview_display import PreviewDisplay
from viewer.ui.messages import Messages


class CurrentImage(QObject):
    """The view and the place in the status bar for ``browsing``'s current image.

    Only a result for the current index is shown, so a read-ahead or a late result never
    overwrites it; a result for the image on screen refines it in place.

    Signals:
        placeChanged(str): where the user is, as the status bar says it ('' for nowhere).
        zoomChanged(object): the zoom of the image shown, in percent; None when none is.
        shown(int): the image at this index is on screen.

    Attributes:
        loading_notice: counts the seconds of a load that takes longer than usual.
        previews: shows the current image's preview while it loads.
    """

    placeChanged = pyqtSignal(str)
    zoomChanged = pyqtSignal(object)
    shown = pyqtSignal(int)

    def __init__(
        self,
        model: PrefetchModel,
        view: ImageView,
        messages: Messages,
        browsing: Browsing,
        zoom_locked: Callable[[], bool],
        previews: CurrentPreview | None = None,
    ) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._messages = messages
        self._browsing = browsing
        self._zoom_locked = zoom_locked
        self._progress = ""  # what the place says while the current image is not shown
        self.loading_notice = LoadingNotice(self)
        self.previews = PreviewDisplay(view, previews, zoom_locked, self)
        self.loading_notice.stillLoading.connect(self._on_still_loading)
        model.imageReady.connect(self._on_image_ready)
        model.loadFailed.connect(self._on_load_failed)
        view.zoomChanged.connect(self._on_zoom_changed)
        view.resized.connect(self._on_view_resized)

    def moving(self) -> None:
        """The user moves to ``browsing.index``: it is loading, until the model says more."""
        self._update_place("Loading…")
        self._view.reset_rotation()
        self.loading_notice.stop()

    def waiting(self, name: str) -> None:
        """The model did not have the current image ready: say so over the last image, and
        count the wait (its preview, when one comes, takes the last image's place)."""
        self._messages.in_view(f"Loading {name}…", over_image=True)
        self.loading_notice.start()
        self._browsing.shown = None

    def stop(self) -> None:
        """Nothing is current any more (a folder is being listed, or the image was removed)."""
        self.loading_notice.stop()
        self.previews.reset()

    def relisted(self) -> None:
        """The listing changed around the current image: say its new place."""
        self._update_place(self._progress)

    @pyqtSlot(int, QImage)
    def _on_image_ready(self, index: int, image: QImage) -> None:
        if index != self._browsing.index:
            return  # a read-ahead or a late result: stored by the model, not shown
        self.loading_notice.stop()
        self.previews.sharp()
        info = self._model.image_info(index)
        refinement = self._browsing.shown == index
        coarser = image.width() < self._view.image_size().width()
        if refinement and coarser and not self._view.is_fitted():
            return  # a display-sized re-render must not replace the full resolution zoomed into
        self._view.show_image(
            image,
            source=QSize(info.width, info.height) if info else None,
            keep_view=refinement or self._zoom_locked(),
            note=info.note if info else "",
        )
        self._browsing.shown = index
        self._update_place("")
        self.shown.emit(index)

    @pyqtSlot(int, str)
    def _on_load_failed(self, index: int, message: str) -> None:
        if index != self._browsing.index:
            return
        self.loading_notice.stop()
        self.previews.sharp()
        self._messages.in_view(message, error=True)
        self._browsing.shown = None
        self._update_place(message)

    @pyqtSlot(int)
    def _on_still_loading(self, seconds: int) -> None:
        """The share is slow or hung: say so, and keep counting; navigation still works."""
        sequence, index = self._browsing.sequence, self._browsing.index
        if sequence is None or index is None:
            return
        if not self.previews.showing:
            text = f"Still loading {sequence.name(index)}… ({seconds} s)"
            self._messages.in_view(text, over_image=True)
        self._update_place(f"Still loading… ({seconds} s)")

    @pyqtSlot()
    def _on_zoom_changed(self) -> None:
        shown = self._view.has_image()
        self.zoomChanged.emit(self._view.zoom_percent() if shown else None)
        index = self._browsing.shown
        if shown and index is not None and self._view.wants_full_resolution():
            self._model.request_full(index)  # refine: display pixels are too coarse

    @pyqtSlot()
    def _on_view_resized(self) -> None:
        """Workers render for the view's size in device pixels; tell the model the new one."""
        self._model.set_display_box(self._view.display_box())

    def _update_place(self, progress: str) -> None:
        """Say where the user is; ``progress`` (loading, failed) until the image is shown."""
        self._progress = progress
        sequence, index = self._browsing.sequence, self._browsing.index
        if sequence is None or index is None:
            self.placeChanged.emit("")
            return
        info = self._model.image_info(index) if not progress else None
        self.placeChanged.emit(
            status_line(index, len(sequence), sequence.name(index), info, progress)
        )
