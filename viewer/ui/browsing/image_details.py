"""The metadata panel's controller: fills the panel for the image the user is on.

It reads only what the load already produced (``ImageInfo``: its camera facts and profile
name), so showing the panel never reads the file again.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, Qt, pyqtSlot
from PyQt5.QtGui import QImage
from PyQt5.QtWidgets import QMainWindow

from viewer.core.metadata.exif import CameraFacts
from viewer.core.metadata.text import FileFacts, rows
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.browsing.metadata_panel import MetadataPanel


class ImageDetails(QObject):
    """Attributes:
    panel: the dock on the window's right, hidden until ``toggle``.
    """

    def __init__(self, window: QMainWindow, model: PrefetchModel, browsing: Browsing) -> None:
        super().__init__(window)
        self._model = model
        self._browsing = browsing
        self.panel = MetadataPanel(window)
        window.addDockWidget(Qt.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.panel.visibilityChanged.connect(self._on_visibility_changed)
        model.imageReady.connect(self._on_image_ready)
        self._more_rows: Callable[[str], list[tuple[str, str]]] | None = None

    def add_rows(self, more: Callable[[str], list[tuple[str, str]]]) -> None:
        """Rows another feature knows about the image (its verdict), above the file's."""
        self._more_rows = more

    @pyqtSlot()
    def toggle(self) -> None:
        self.panel.setVisible(not self.panel.isVisible())

    def refresh(self) -> None:
        """Show the current image's facts (nothing while it is not loaded yet)."""
        index, path = self._browsing.index, self._browsing.path()
        info = self._model.image_info(index) if index is not None else None
        if info is None or path is None:
            self.panel.show_rows([])
            return
        file = FileFacts(path, info.width, info.height, info.file_size, info.format,
                         info.frame_count, info.profile)  # fmt: skip
        more = self._more_rows(path) if self._more_rows is not None else []
        self.panel.show_rows(more + rows(info.camera or CameraFacts(), file))

    @pyqtSlot(bool)
    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    @pyqtSlot(int, QImage)
    def _on_image_ready(self, index: int, _image: QImage) -> None:
        if index == self._browsing.index and self.panel.isVisible():
            self.refresh()
