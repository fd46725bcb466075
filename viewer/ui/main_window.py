"""The main window: turns keys and menu commands into requests, and shows what comes back."""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QSize, pyqtSignal, pyqtSlot
from PyQt5.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QShowEvent,
)
from PyQt5.QtWidgets import QMainWindow, QWidget

from viewer.core.formatting import SEPARATOR
from viewer.core.goto import goto_target
from viewer.core.paths import folder_of, name_of
from viewer.core.sequence import ImageSequence
from viewer.model.folder_lister import FolderLister
from viewer.model.prefetch_model import PrefetchModel
from viewer.ui import file_actions
from viewer.ui.drop import dropped_path
from viewer.ui.file_actions import ImageCopy
from viewer.ui.folder_opening import FolderOpening, PathKind
from viewer.ui.fullscreen import FullScreen
from viewer.ui.goto_dialog import ask_go_to
from viewer.ui.help_overlay import HelpOverlay
from viewer.ui.image_view import ImageView
from viewer.ui.loading_notice import LoadingNotice
from viewer.ui.menus import build_menus
from viewer.ui.open_dialogs import ask_file, ask_folder
from viewer.ui.preferences import PreferencesCommand
from viewer.ui.recent_menu import RecentFoldersMenu
from viewer.ui.reopen_offer import ReopenOffer
from viewer.ui.settings import Settings
from viewer.ui.status_area import StatusArea

APP_NAME = "Viewer"
EMPTY_HINT = (
    "No folder open.\n\n"
    "File ▸ Open Folder… (Ctrl+O) or Open File… (Ctrl+Shift+O),\n"
    "or start it as:  viewer FOLDER  or  viewer FILE"
)


class MainWindow(QMainWindow):
    """Next/previous navigation over one folder, backed by a ``PrefetchModel``.

    The window keeps the user's place (``current_index``) itself and shows an image only when
    the model announces the index the user is on, so late results never overwrite it. Folders
    are listed by a ``FolderLister`` on a worker; each new listing keeps the current image
    current by its path.

    Signals:
        opened(int): the first listing of a folder opened with ``open_path`` arrived; the
            number of images in it.
        openFailed(str): a folder opened with ``open_path`` cannot be shown; says why.
    """

    opened = pyqtSignal(int)
    openFailed = pyqtSignal(str)

    def __init__(
        self,
        model: PrefetchModel,
        parent: QWidget | None = None,
        settings: Settings | None = None,
        *,
        lister: FolderLister | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._settings = settings or Settings()
        self._lister = lister if lister is not None else FolderLister(parent=self)
        self._sequence: ImageSequence | None = None
        self._index: int | None = None
        self._progress = ""  # what the place says while the current image is not shown
        # The current file was removed from the folder: its name, and where it would sit.
        self._removed: tuple[str, int] | None = None
        self.view = ImageView(self)
        self.setCentralWidget(self.view)
        self.fullscreen = FullScreen(self, self.view)
        self.help_overlay = HelpOverlay(self.view)
        self.reopen_offer: ReopenOffer | None = None
        self.status_area = StatusArea(self, self.view, model)
        self.view.zoomChanged.connect(self._on_zoom_changed)
        self.view.resized.connect(self._on_view_resized)
        self._shown_index: int | None = None
        self._watching_screen = False
        self.cache_indicator = self.status_area.indicator
        self.copy = ImageCopy(self.view, model, self.status_area)
        self.preferences = PreferencesCommand(self._settings, model, self._lister, self)
        self.recent_menu = RecentFoldersMenu(self._settings, self)
        self.recent_menu.openRequested.connect(self.open_path)
        self.actions_by_name = build_menus(
            self, self._slots(), self.recent_menu, zoom_locked=self._settings.zoom_locked()
        )
        self.loading_notice = LoadingNotice(self)
        self.loading_notice.stillLoading.connect(self._on_still_loading)
        self._model.imageReady.connect(self._on_image_ready)
        self._model.loadFailed.connect(self._on_load_failed)
        self.opening = FolderOpening(self._lister, parent=self)
        self.opening.progress.connect(self._on_listing_progress)
        self.opening.firstListing.connect(self._on_first_listing)
        self.opening.relisted.connect(self._on_relisted)
        self.opening.opened.connect(self.opened)
        self.opening.failed.connect(self._on_open_failed)
        self.opening.failed.connect(self.openFailed)
        self.opening.unavailable.connect(self._on_folder_unavailable)
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 860)
        self.status_area.in_view(EMPTY_HINT)

    # -- state the tests and menus read --------------------------------------------------------

    @property
    def model(self) -> PrefetchModel:
        return self._model

    @property
    def lister(self) -> FolderLister:
        return self._lister

    @property
    def sequence(self) -> ImageSequence | None:
        return self._sequence

    @property
    def current_index(self) -> int | None:
        return self._index

    # -- opening -------------------------------------------------------------------------------

    def open_sequence(self, sequence: ImageSequence, index: int = 0) -> None:
        """Show ``sequence`` starting at ``index`` (0-based), and watch its folder for changes."""
        self._sequence = sequence
        self._model.set_paths(list(sequence))
        self._index = None
        self._shown_index = None
        self._removed = None
        self._settings.add_recent_folder(sequence.folder)
        if self.reopen_offer is not None:
            self.reopen_offer.hide()
        self._go_to(index)
        self.opening.watch(sequence.folder)

    @pyqtSlot(str)
    def open_path(self, path: str, start: int = 0) -> bool:
        """Open a folder at image ``start`` (0-based), or a file's folder at that file.

        Both return at once and list the folder on a worker (``FolderOpening``). A file is
        requested before the listing ends (as a one-image sequence); its neighbours follow once
        the order is known.
        ``opened`` or ``openFailed`` tells how the listing went; a ``start`` past the end reads
        nothing and only says so (whoever asked for it reports the error). Returns False,
        having told the user why, if the path cannot be opened at all.
        """
        kind = self.opening.open(path, start)
        if kind is PathKind.NOTHING:
            self._problem(f"Not an image file this viewer opens: {path}")
            return False
        if kind is PathKind.IMAGE:
            self.open_sequence(ImageSequence(folder_of(path), [name_of(path)]), 0)
            return True
        self._sequence = None
        self._index = None
        self._shown_index = None
        self._removed = None
        self._model.set_paths([])
        self.loading_notice.stop()
        self._settings.add_recent_folder(path)
        if self.reopen_offer is not None:
            self.reopen_offer.hide()
        self.setWindowTitle(APP_NAME)
        self.status_area.clear_place()
        self.status_area.in_view(f"Listing {path}…")
        return True

    @pyqtSlot()
    def _on_open_folder(self) -> None:
        folder = ask_folder(self, self._sequence.folder if self._sequence else "")
        if folder is not None:
            self.open_path(folder)

    @pyqtSlot()
    def _on_open_file(self) -> None:
        path = ask_file(self, self._sequence.folder if self._sequence else "")
        if path is not None:
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
        if self._sequence is not None and len(self._sequence):
            self._go_to(0)

    @pyqtSlot()
    def go_last(self) -> None:
        if self._sequence is not None and len(self._sequence):
            self._go_to(len(self._sequence) - 1)

    def _step(self, delta: int) -> None:
        if self._sequence is None:
            return
        if self._removed is not None:
            target = self._removed[1] if delta > 0 else self._removed[1] - 1
        elif self._index is not None:
            target = self._index + delta
        else:
            return
        if not 0 <= target < len(self._sequence):
            edge = "last" if delta > 0 else "first"
            self.status_area.notice(f"This is the {edge} image.")
            return
        self._go_to(target)

    def _go_to(self, index: int) -> None:
        assert self._sequence is not None
        self.status_area.clear_notice()
        self._index = index
        self.copy.cancel()
        self._removed = None
        name = self._sequence.name(index)
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self._update_place("Loading…")
        self.view.reset_rotation()
        self.loading_notice.stop()
        if not self._model.request(index):
            self.status_area.in_view(f"Loading {name}…")
            self.loading_notice.start()
            self._shown_index = None
        self._settings.remember_place(self._sequence.folder, self._sequence[index])
        self.fullscreen.moved(f"{index + 1} / {len(self._sequence)}{SEPARATOR}{name}")

    # -- results -------------------------------------------------------------------------------

    @pyqtSlot(int, QImage)
    def _on_image_ready(self, index: int, image: QImage) -> None:
        if index != self._index:
            return  # a read-ahead or a late result: stored by the model, not shown
        self.loading_notice.stop()
        info = self._model.image_info(index)
        refinement = self._shown_index == index
        if (
            refinement
            and not self.view.is_fitted()
            and image.width() < self.view.image_size().width()
        ):
            return  # a display-sized re-render must not replace the full resolution zoomed into
        self.view.show_image(
            image,
            source=QSize(info.width, info.height) if info else None,
            keep_view=refinement or self.zoom_locked(),
            note=info.note if info else "",
        )
        self._shown_index = index
        self._update_place("")
        self.copy.shown(index)

    @pyqtSlot(int, str)
    def _on_load_failed(self, index: int, message: str) -> None:
        if index != self._index:
            return
        self.loading_notice.stop()
        self.status_area.in_view(message, error=True)
        self._shown_index = None
        self._update_place(message)

    @pyqtSlot(int)
    def _on_still_loading(self, seconds: int) -> None:
        """The share is slow or hung: say so, and keep counting; navigation still works."""
        if self._sequence is None or self._index is None:
            return
        name = self._sequence.name(self._index)
        self.status_area.in_view(f"Still loading {name}… ({seconds} s)")
        self._update_place(f"Still loading… ({seconds} s)")

    def _update_place(self, progress: str) -> None:
        """Say where the user is; ``progress`` (loading, failed) until the image is shown."""
        self._progress = progress
        if self._sequence is None or self._index is None:
            self.status_area.clear_place()
            return
        info = self._model.image_info(self._index) if not progress else None
        name = self._sequence.name(self._index)
        self.status_area.place(self._index, len(self._sequence), name, info, progress)

    def _problem(self, message: str, *, logged: bool = True) -> None:
        """Tell the user why something could not be done, keeping what was shown if any."""
        self.status_area.problem(message, in_view=self._sequence is None, logged=logged)

    # -- comfort: copy, rotate, full screen, help, preferences, drops -------------------------

    def current_path(self) -> str | None:
        if self._sequence is None or self._index is None:
            return None
        return self._sequence[self._index]

    @pyqtSlot()
    def _on_copy_image(self) -> None:
        self.copy.copy_image(self._index)

    @pyqtSlot()
    def _on_copy_path(self) -> None:
        self.copy.copy_path(self.current_path())

    @pyqtSlot()
    def _on_open_containing(self) -> None:
        path = self.current_path()
        if path is not None and not file_actions.open_containing_folder(path):
            self._problem("The file manager could not be started.")

    @pyqtSlot()
    def _on_zoom_lock(self) -> None:
        locked = self.zoom_locked()
        self._settings.set_zoom_locked(locked)
        self.status_area.notice(
            "Zoom locked: every image opens at this zoom." if locked else "Zoom unlocked."
        )

    def zoom_locked(self) -> bool:
        return self.actions_by_name["zoom_lock"].isChecked()

    @pyqtSlot()
    def _on_zoom_changed(self) -> None:
        shown = self.view.has_image()
        self.status_area.zoom(self.view.zoom_percent() if shown else None)
        if shown and self._shown_index is not None and self.view.wants_full_resolution():
            self._model.request_full(self._shown_index)  # refine: display pixels are too coarse

    @pyqtSlot()
    def _on_view_resized(self) -> None:
        """Workers render for the view's size in device pixels; tell the model the new one."""
        self._model.set_display_box(self.view.display_box())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._watching_screen:
            handle.screenChanged.connect(self._on_view_resized)  # a new device pixel ratio
            self._watching_screen = True

    @pyqtSlot()
    def _on_leave(self) -> None:
        if self.help_overlay.isVisible():
            self.help_overlay.hide()
        else:
            self.fullscreen.set_active(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # -- settings ------------------------------------------------------------------------------

    def offer_reopen(self) -> None:
        """Started without a path: offer the last folder at the last image, if it still exists."""
        place = self._settings.last_place()
        if place is not None and self._sequence is None:
            self.reopen_offer = ReopenOffer(place, self.view)
            self.reopen_offer.accepted.connect(self.open_path)

    def show_restored(self) -> None:
        """Show the window with the geometry and full-screen state it was closed with."""
        geometry = self._settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.show()
        if self._settings.fullscreen():
            self.fullscreen.set_active(True)

    # -- listings, from the worker --------------------------------------------------------------

    @pyqtSlot(int)
    def _on_listing_progress(self, seen: int) -> None:
        text = f"Listing… {seen:,} files"
        self.status_area.folder(text)
        if self._sequence is None:
            self.status_area.in_view(text)

    @pyqtSlot(object, int)
    def _on_first_listing(self, sequence: ImageSequence, start: int) -> None:
        """A folder given to ``open_path`` is listed: show it at ``start``."""
        self.status_area.folder("")
        self._sequence = sequence
        self._model.set_paths(list(sequence))
        if start < len(sequence):
            self._go_to(start)
        else:  # only a command line asks for this, and the app refuses it: read nothing
            self.status_area.in_view(
                f"{sequence.folder} has {len(sequence)} images, not {start + 1}.", error=True
            )

    @pyqtSlot(object)
    def _on_relisted(self, sequence: ImageSequence) -> None:
        """Take a new listing: the current file stays current, or is marked removed."""
        self.status_area.folder("")
        if self._sequence is None:
            return
        if sequence.folder == self._sequence.folder and sequence.names == self._sequence.names:
            return  # e.g. the first listing after ``open_sequence``: every index still holds
        name = self._removed[0] if self._removed else None
        if self._index is not None:
            name = self._sequence.name(self._index)
        shown = self._shown_index is not None and self._shown_index == self._index
        self._sequence = sequence
        self._index = self._model.reindex(list(sequence))
        # The image on screen keeps its place by path: a result for it still refines it.
        self._shown_index = self._index if shown else None
        if self._index is not None:
            self._update_place(self._progress)
        elif name is not None:
            self.loading_notice.stop()
            self._removed = (name, sequence.position_for(name))
            self.status_area.place_removed(name, len(sequence))

    @pyqtSlot(str)
    def _on_open_failed(self, message: str) -> None:
        self.status_area.folder("")
        self._problem(message, logged=False)  # whoever opened it reports it (the app, on stderr)

    @pyqtSlot(str)
    def _on_folder_unavailable(self, message: str) -> None:
        self.status_area.folder("Folder unavailable: showing images kept in memory")
        self._problem(message)

    @pyqtSlot()
    def _on_go_to(self) -> None:
        if self._sequence is None or not len(self._sequence):
            return
        text = ask_go_to(self, len(self._sequence))
        if text is None:
            return
        after = -1 if self._index is None else self._index
        target = goto_target(text, self._sequence.names, after)
        if target is None:
            self.status_area.notice(f"No image matches “{text.strip()}”.")
        else:
            self._go_to(target)

    # -- actions -------------------------------------------------------------------------------

    def _slots(self) -> dict[str, Callable[[], object]]:
        return {
            "next": self.go_next, "previous": self.go_previous,
            "first": self.go_first, "last": self.go_last,
            "open_folder": self._on_open_folder, "open_file": self._on_open_file,
            "open_containing": self._on_open_containing, "preferences": self.preferences.show,
            "quit": self.close, "copy_image": self._on_copy_image,
            "copy_path": self._on_copy_path, "fullscreen": self.fullscreen.toggle,
            "leave": self._on_leave, "rotate_right": self.view.rotate_right,
            "rotate_left": self.view.rotate_left, "help": self.help_overlay.toggle,
            "zoom_in": self.view.zoom_in, "zoom_out": self.view.zoom_out,
            "actual_size": self.view.actual_size, "fit": self.view.fit,
            "zoom_lock": self._on_zoom_lock,
            "go_to": self._on_go_to,
        }  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        fullscreen = self.fullscreen.is_active()
        geometry = self._settings.geometry() if fullscreen else None
        self._settings.remember_window(geometry or self.saveGeometry(), fullscreen)
        self._settings.sync()
        self._model.shutdown(wait=False)
        self._lister.shutdown(wait=False)
        super().closeEvent(event)
