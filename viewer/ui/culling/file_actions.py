"""Hand the current image to the rest of the desktop: clipboard and file manager."""

from __future__ import annotations

import os

from PyQt5.QtCore import QObject, QUrl, pyqtSlot
from PyQt5.QtGui import QDesktopServices, QGuiApplication, QPixmap

from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.image.image_view import ImageView
from viewer.ui.messages import Messages


def copy_image(pixmap: QPixmap) -> None:
    QGuiApplication.clipboard().setPixmap(pixmap)


def copy_path(path: str) -> None:
    QGuiApplication.clipboard().setText(os.path.abspath(path))


def open_containing_folder(path: str) -> bool:
    """Open the folder holding ``path`` in the system file manager; False if that failed."""
    folder = os.path.dirname(os.path.abspath(path))
    return QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


class FileActions(QObject):
    """The Edit menu's commands on the current image: copy it, copy its path, show its folder.

    Ctrl+C copies the whole image, not the screen-sized pixels the view may hold: when the
    full pixels are on screen they are copied at once; otherwise the model is asked for them,
    and ``shown`` copies them when they arrive, unless the user has moved on.
    """

    def __init__(
        self, view: ImageView, model: PrefetchModel, messages: Messages, browsing: Browsing
    ) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._messages = messages
        self._browsing = browsing
        self._pending: int | None = None  # the image whose full pixels are awaited

    @pyqtSlot()
    def copy_image(self) -> None:
        """Copy the image shown, now or once its full pixels are here."""
        index = self._browsing.index
        if self._view.pixmap() is None or index is None:
            self._messages.notice("No image to copy yet.")
            return
        if self._view.image_size() == self._view.source_size():
            self._copy_shown()
            return
        self._pending = index
        self._messages.notice("Copying the full image…")
        self._model.request_full(index)

    def shown(self, index: int) -> None:
        """The view now shows ``index``: copy it if its full pixels were awaited."""
        if self._pending == index and self._view.image_size() == self._view.source_size():
            self._pending = None
            self._copy_shown()

    def cancel(self) -> None:
        """The user moved to another image: a copy still waiting is dropped."""
        self._pending = None

    @pyqtSlot()
    def copy_path(self) -> None:
        path = self._browsing.path()
        if path is not None:
            copy_path(path)
            self._messages.notice("Path copied.")

    @pyqtSlot()
    def open_containing(self) -> None:
        path = self._browsing.path()
        if path is not None and not open_containing_folder(path):
            self._messages.problem("The file manager could not be started.", in_view=False)

    def _copy_shown(self) -> None:
        pixmap = self._view.pixmap()
        assert pixmap is not None
        copy_image(pixmap)
        self._messages.notice(f"Image copied ({pixmap.width()}×{pixmap.height()}).")
