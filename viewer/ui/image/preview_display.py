"""Puts the current image's preview on screen while its real image loads.

``CurrentPreview`` (the model side) decides when a preview may be shown; this shows it in the
view as the image it stands for (placed in the full image's rectangle, so the sharp image
replaces it in place, without a shift) and keeps the "preview" mark up exactly as long.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, QSize, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.model.previews.current import CurrentPreview
from viewer.ui.image.image_view import ImageView
from viewer.ui.image.preview_overlay import PreviewMark


class PreviewDisplay(QObject):
    """Shows previews in ``view``; without a ``CurrentPreview``, it only keeps the mark down.

    Signals:
        previewShown(int): a preview of the image at this index is on screen.
    """

    previewShown = pyqtSignal(int)

    def __init__(
        self,
        view: ImageView,
        current: CurrentPreview | None,
        keep_view: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._current = current
        self._keep_view = keep_view
        self.mark = PreviewMark(view)
        if current is not None:
            current.previewReady.connect(self._on_preview_ready)

    @property
    def showing(self) -> bool:
        """Whether the pixels on screen are a preview."""
        return self.mark.isVisibleTo(self._view)

    def moved(self, index: int, path: str, served: bool) -> None:
        """The window moved to ``index``; ``served`` if its image was shown at once."""
        self.mark.hide()
        if self._current is not None:
            self._current.moved(index, path, served, self._view.display_box())

    def sharp(self) -> None:
        """The real image (or why it cannot be shown) replaced the preview."""
        self.mark.hide()

    def reset(self) -> None:
        self.mark.hide()
        if self._current is not None:
            self._current.reset()

    @pyqtSlot(int, QImage, QSize)
    def _on_preview_ready(self, index: int, image: QImage, full_size: QSize) -> None:
        self._view.show_image(image, source=full_size, keep_view=self._keep_view())
        self.mark.appear()
        self.previewShown.emit(index)
