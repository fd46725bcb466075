"""The main window: turns keys and menu commands into requests, and shows what comes back."""

from __future__ import annotations

import logging
import os

from PyQt5.QtCore import Qt, pyqtSlot
from PyQt5.QtGui import QCloseEvent, QImage, QKeySequence
from PyQt5.QtWidgets import QAction, QFileDialog, QLabel, QMainWindow, QWidget

from viewer.core.formatting import status_line
from viewer.core.sequence import IMAGE_EXTENSIONS, ImageSequence, SequenceError
from viewer.model.prefetch_model import PrefetchModel
from viewer.ui.image_view import ImageView

log = logging.getLogger(__name__)

APP_NAME = "Viewer"
EMPTY_HINT = (
    "No folder open.\n\n"
    "File ▸ Open Folder… (Ctrl+O) or Open File… (Ctrl+Shift+O),\n"
    "or start it as:  viewer FOLDER  or  viewer FILE"
)
NOTICE_MS = 3000


def _shortcuts(*keys: object) -> list[QKeySequence]:
    return [QKeySequence(key) for key in keys]


class MainWindow(QMainWindow):
    """Next/previous navigation over one folder, backed by a ``PrefetchModel``.

    The window keeps the user's place (``current_index``) itself and shows an image only when
    the model announces the index the user is on, so late results never overwrite it.
    """

    def __init__(self, model: PrefetchModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._sequence: ImageSequence | None = None
        self._index: int | None = None
        self.view = ImageView(self)
        self.setCentralWidget(self.view)
        self._status = QLabel(self)
        self.statusBar().addWidget(self._status, 1)
        self._build_actions()
        self._model.imageReady.connect(self._on_image_ready)
        self._model.loadFailed.connect(self._on_load_failed)
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 860)
        self.view.show_message(EMPTY_HINT)

    # -- state the tests and menus read --------------------------------------------------------

    @property
    def model(self) -> PrefetchModel:
        return self._model

    @property
    def sequence(self) -> ImageSequence | None:
        return self._sequence

    @property
    def current_index(self) -> int | None:
        return self._index

    def status_text(self) -> str:
        return self._status.text()

    # -- opening -------------------------------------------------------------------------------

    def open_sequence(self, sequence: ImageSequence, index: int = 0) -> None:
        """Show ``sequence`` starting at ``index`` (0-based)."""
        self._sequence = sequence
        self._model.set_paths(list(sequence))
        self._index = None
        self._go_to(index)

    def open_path(self, path: str) -> bool:
        """Open a folder at its first image, or a file's folder at that file.

        Returns False, having told the user why in the view and the status bar, on failure.
        """
        try:
            if os.path.isdir(path):
                self.open_sequence(ImageSequence.from_folder(path), 0)
                return True
            folder = os.path.dirname(os.path.abspath(path))
            sequence = ImageSequence.from_folder(folder)
            self.open_sequence(sequence, sequence.index_of(path))
            return True
        except (SequenceError, ValueError) as error:
            self._show_problem(str(error))
            return False

    @pyqtSlot()
    def _on_open_folder(self) -> None:
        start = self._sequence.folder if self._sequence else ""
        folder = QFileDialog.getExistingDirectory(self, "Open Folder", start)
        if folder:
            self.open_path(folder)

    @pyqtSlot()
    def _on_open_file(self) -> None:
        start = self._sequence.folder if self._sequence else ""
        patterns = " ".join(f"*{ext}" for ext in sorted(IMAGE_EXTENSIONS))
        path, _ = QFileDialog.getOpenFileName(
            self, "Open File", start, f"Images ({patterns});;All files (*)"
        )
        if path:
            self.open_path(path)

    # -- navigation ----------------------------------------------------------------------------

    @pyqtSlot()
    def go_next(self) -> None:
        self._step(+1)

    @pyqtSlot()
    def go_previous(self) -> None:
        self._step(-1)

    @pyqtSlot()
    def go_first(self) -> None:
        if self._sequence is not None:
            self._go_to(0)

    @pyqtSlot()
    def go_last(self) -> None:
        if self._sequence is not None:
            self._go_to(len(self._sequence) - 1)

    def _step(self, delta: int) -> None:
        if self._sequence is None or self._index is None:
            return
        target = self._index + delta
        if not 0 <= target < len(self._sequence):
            edge = "last" if delta > 0 else "first"
            self.statusBar().showMessage(f"This is the {edge} image.", NOTICE_MS)
            return
        self._go_to(target)

    def _go_to(self, index: int) -> None:
        assert self._sequence is not None
        self.statusBar().clearMessage()
        self._index = index
        name = self._sequence.name(index)
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self._update_status("Loading…")
        if not self._model.request(index):
            self.view.show_message(f"Loading {name}…")

    # -- results -------------------------------------------------------------------------------

    @pyqtSlot(int, QImage)
    def _on_image_ready(self, index: int, image: QImage) -> None:
        if index != self._index:
            return  # a read-ahead or a late result: stored by the model, not shown
        self.view.show_image(image)
        self._update_status("")

    @pyqtSlot(int, str)
    def _on_load_failed(self, index: int, message: str) -> None:
        if index != self._index:
            return
        self.view.show_message(message, error=True)
        self._update_status(message)

    def _update_status(self, note: str) -> None:
        if self._sequence is None or self._index is None:
            self._status.setText("")
            return
        info = self._model.image_info(self._index) if not note else None
        name = self._sequence.name(self._index)
        self._status.setText(status_line(self._index, len(self._sequence), name, info, note))

    def _show_problem(self, message: str) -> None:
        """Tell the user why something could not be opened, keeping what was shown if any."""
        log.warning("%s", message)
        if self._sequence is None:
            self.view.show_message(message, error=True)
        self.statusBar().showMessage(message, NOTICE_MS * 3)

    # -- actions -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add_action(file_menu, "Open &Folder…", self._on_open_folder, "Ctrl+O")
        self._add_action(file_menu, "&Open File…", self._on_open_file, "Ctrl+Shift+O")
        file_menu.addSeparator()
        self._add_action(file_menu, "&Quit", self.close, "Ctrl+Q")
        go_menu = self.menuBar().addMenu("&Go")
        self._add_action(go_menu, "&Next Image", self.go_next, Qt.Key_Right, Qt.Key_Space,
                         Qt.Key_PageDown)  # fmt: skip
        self._add_action(go_menu, "&Previous Image", self.go_previous, Qt.Key_Left,
                         Qt.Key_Backspace, Qt.Key_PageUp)  # fmt: skip
        self._add_action(go_menu, "&First Image", self.go_first, Qt.Key_Home)
        self._add_action(go_menu, "&Last Image", self.go_last, Qt.Key_End)

    def _add_action(self, menu: object, text: str, slot: object, *keys: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(_shortcuts(*keys))
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        self.addAction(action)
        return action

    def closeEvent(self, event: QCloseEvent) -> None:
        self._model.shutdown(wait=False)
        super().closeEvent(event)
