"""The main window: turns keys and menu commands into requests, and shows what comes back.

Its parts are built in ``__init__`` and wired in one table, ``_connect_signals``. What the user
reads goes through ``messages``, which ``status_area`` shows; listings come through ``opening``;
where the user is lives in ``browsing``; menus are built by ``menus.build_menus`` from the key
table.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import pyqtBoundSignal, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PyQt5.QtWidgets import QMainWindow, QWidget

from viewer.core.fileops.fs import FileSystem
from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.paths import folder_of, join, name_of
from viewer.core.metadata.formatting import SEPARATOR
from viewer.model.animation.player import AnimationPlayer
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.current import CurrentPreview
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.model.verdicts.book import VerdictBook
from viewer.model.verdicts.show_filter import verdict_text
from viewer.settings.start import APP_NAME
from viewer.settings.store import Settings
from viewer.ui.aids.focus_aids import FocusAids
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.browsing.browsing_aids import BrowsingAids
from viewer.ui.browsing.folder_opening import FolderOpening, PathKind, probe_path
from viewer.ui.browsing.recent_menu import RecentFoldersMenu
from viewer.ui.browsing.reopen_offer import Reopening
from viewer.ui.browsing.subfolders import SubfolderToggle
from viewer.ui.compare.compare import Compare
from viewer.ui.culling.culling_host import WindowCullingHost, window_culling
from viewer.ui.culling.file_actions import FileActions
from viewer.ui.dialogs.goto_dialog import choose_image
from viewer.ui.dialogs.open_dialogs import OpenDialogs
from viewer.ui.dialogs.preferences import PreferencesCommand, PreferencesFollower
from viewer.ui.image.animation_display import AnimationDisplay
from viewer.ui.image.current_image import CurrentImage
from viewer.ui.image.image_view import ImageView
from viewer.ui.image.pointer import PointerControls
from viewer.ui.keys.bindings import load_bindings
from viewer.ui.messages import Messages
from viewer.ui.statusbar.status_area import StatusArea
from viewer.ui.thumbnails.folder_views import FolderViews
from viewer.ui.verdicts.window_verdicts import WindowVerdicts
from viewer.ui.window import memory as window_memory
from viewer.ui.window.drop import dropped_path
from viewer.ui.window.fullscreen import FullScreen
from viewer.ui.window.help_overlay import HelpOverlay
from viewer.ui.window.key_editing import KeyEditing
from viewer.ui.window.menus import add_submenu, build_menus
from viewer.ui.window.mouse_menu import mouse_menu

#: Animations may hold this fraction of the image store's bytes in decoded frames.
ANIMATION_SHARE = 8

EMPTY_HINT = (
    "No folder open.\n\n"
    "File ▸ Open Folder… (Ctrl+O) or Open File… (Ctrl+Shift+O),\n"
    "or start it as:  viewer FOLDER  or  viewer FILE"
)


class MainWindow(QMainWindow):
    """Next/previous navigation over one folder, backed by a ``PrefetchModel``.

    The window keeps the user's place (``browsing``) itself and shows an image only when the
    model announces the index the user is on, so late results never overwrite it. Each new
    listing of the folder keeps the current image current by its path.

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
        previews: CurrentPreview | None = None,
        file_system: FileSystem | None = None,
        probe: Callable[[str], PathKind] = probe_path,
        thumbnails: ThumbnailModel | None = None,
        verdicts: VerdictBook | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._settings = settings or Settings()
        self._lister = lister if lister is not None else FolderLister(parent=self)
        self._resume: str | None = None  # the image to reopen the folder being opened at
        self.browsing = Browsing(model)
        self.view = ImageView(self)
        self.setCentralWidget(self.view)
        self.folder_views = FolderViews.around(self, model, self.browsing, self._go_to, thumbnails)
        self.messages = Messages(self)
        self.status_area = StatusArea(self, self.view, model, self.messages)
        self.cache_indicator = self.status_area.indicator
        self.fullscreen = FullScreen(self, self.view)
        self.pointer = PointerControls(self.view, wheel_zooms=self._settings.wheel_zooms())
        self.help_overlay = HelpOverlay(self.view)
        self.reopening = Reopening(self.view, probe, parent=self)
        self.opening = FolderOpening(self._lister, probe, parent=self)
        self.status_area.follow(self.opening, self.browsing)
        self.dialogs = OpenDialogs(self, self._folder_on_screen, self.open_path)
        self.file_actions = FileActions(self.view, model, self.messages, self.browsing)
        self.current = CurrentImage(model, self.view, self.messages, self.browsing,
                                    self.zoom_locked, previews)  # fmt: skip
        self.loading_notice = self.current.loading_notice
        self.previews = self.current.previews
        self.animation = AnimationDisplay(
            AnimationPlayer(self._settings.preferences().max_bytes // ANIMATION_SHARE, parent=self),
            model, self.view, self.browsing, self.messages, self,
        )  # fmt: skip
        self.preferences = PreferencesCommand(self._settings, self)
        PreferencesFollower(self._settings, model, self._lister, self)
        self.recent_menu = RecentFoldersMenu(self._settings, self)
        host = WindowCullingHost(
            self.browsing, model, self.messages, self._on_relisted, self._go_to,
            self._lister.adopt, lambda: self.verdicts.listing(),
            lambda path: self.verdicts.members(path),
        )  # fmt: skip
        self.culling = window_culling(self, host, file_system, self._settings, self.view)
        self.aids = BrowsingAids(self, model, self.browsing, self.messages, self._settings,
                                 self.go_next, self._on_relisted)  # fmt: skip
        self.focus_aids = FocusAids(self.messages.notice, self)
        self.focus_aids.watch(self.view, self.view.zoomChanged)
        self.compare = Compare(model, self.view, self.current.display_box, self.culling.marks,
                               self.focus_aids, lambda: self.browsing.sequence,
                               lambda: self.browsing.index, self._go_to, self.messages.notice,
                               self)  # fmt: skip
        self.compare.trash_one = self.culling.trash_one
        self.verdicts = WindowVerdicts(
            self, verdicts or VerdictBook(parent=self), self.browsing, self.status_area,
            self.messages, self.view, self.culling, self.folder_views, self.aids.details,
            self._settings, self._on_relisted, self._go_to, self.compare.focused_path,
        )  # fmt: skip
        self.compare.verdict_of = lambda path: verdict_text(self.verdicts.show.verdict(path))
        self.verdicts.book.changed.connect(self.compare.verdicts_changed)
        submenus = {"View": [*self.aids.submenus()["View"], *self.verdicts.submenus()]}
        self.actions_by_name = build_menus(
            self, self._slots(), self.recent_menu, zoom_locked=self._settings.zoom_locked(),
            submenus=submenus,
        )  # fmt: skip
        add_submenu(self, "View", mouse_menu(self, self.pointer, self._settings))
        self.subfolders = SubfolderToggle(self.actions_by_name["subfolders"], self._lister,
                                          self._on_screen, self.reopen_at)  # fmt: skip
        self.keys = KeyEditing(load_bindings(), self.actions_by_name, self.help_overlay,
                               self.messages, self)  # fmt: skip
        self.preferences.edit_keys.connect(self.keys.show)
        self._connect_signals()
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.messages.in_view(EMPTY_HINT)

    def _connect_signals(self) -> None:
        """Every signal the window listens to, in one table."""
        table: list[tuple[pyqtBoundSignal, Callable[..., object]]] = [
            (self.current.placeChanged, self.status_area.show_place),
            (self.current.zoomChanged, self.status_area.zoom),
            (self.current.shown, self.file_actions.shown),
            (self.current.shown, self._lister.image_shown),
            (self.current.shown, self.animation.shown),
            (self.culling.marks.changed, self.status_area.marked),
            (self.culling.progressed, self.status_area.working),
            (self.recent_menu.openRequested, self.open_path),
            (self.reopening.accepted, self.open_path),
            (self.opening.probed, self._on_probed),
            (self.opening.firstListing, self._on_first_listing),
            (self.opening.relisted, self._on_relisted),
            (self.opening.opened, self.opened.emit),
            (self.opening.failed, self.openFailed.emit),
            (self.pointer.stepRequested, self._step),
            (self.pointer.fullScreenToggled, self.fullscreen.toggle),
            (self.opening.opened, self.keys.remind),
        ]
        for signal, slot in table:
            signal.connect(slot)

    def _slots(self) -> dict[str, Callable[[], object]]:
        """The slot of every command in ``keys.COMMANDS``, by name."""
        view, files = self.view, self.file_actions
        return {
            "next": self.go_next, "previous": self.go_previous,
            "first": self.go_first, "last": self.go_last, "go_to": self._on_go_to,
            "open_folder": self.dialogs.open_folder, "open_file": self.dialogs.open_file,
            "open_containing": files.open_containing, "preferences": self.preferences.show,
            "quit": self.close, "copy_image": files.copy_image, "copy_path": files.copy_path,
            "fullscreen": self.fullscreen.toggle, "leave": self._on_leave,
            "help": self.help_overlay.toggle, "pause_animation": self.animation.toggle_pause,
            "rotate_right": view.rotate_right, "rotate_left": view.rotate_left,
            "zoom_in": view.zoom_in, "zoom_out": view.zoom_out,
            "actual_size": view.actual_size, "fit": view.fit_to_window,
            "zoom_toggle": view.toggle_zoom,
            "zoom_lock": self._on_zoom_lock, "subfolders": self._on_subfolders,
            **self.culling.slots(), **self.aids.slots(),
            **self.folder_views.slots(), **self.compare.slots(), **self.focus_aids.slots(),
            **self.verdicts.slots(),
        }  # fmt: skip

    # -- state the tests and menus read --------------------------------------------------------

    @property
    def model(self) -> PrefetchModel:
        return self._model

    @property
    def lister(self) -> FolderLister:
        return self._lister

    @property
    def sequence(self) -> ImageSequence | None:
        return self.browsing.sequence

    @property
    def current_index(self) -> int | None:
        return self.browsing.index

    def current_path(self) -> str | None:
        return self.browsing.path()

    def acting_path(self) -> str | None:
        """The image a command acts on: the focused pane's in compare, else the current one."""
        return self.compare.focused_path() or self.browsing.path()

    def _on_screen(self) -> tuple[ImageSequence | None, str | None]:
        return self.sequence, self.current_path()

    @pyqtSlot()
    def _on_subfolders(self) -> None:
        self.subfolders.toggled()  # built after the menus that name this slot

    def _folder_on_screen(self) -> str:
        return self.sequence.folder if self.sequence else ""

    def zoom_locked(self) -> bool:
        return self.actions_by_name["zoom_lock"].isChecked()

    # -- opening -------------------------------------------------------------------------------

    def open_sequence(self, sequence: ImageSequence, index: int = 0) -> None:
        """Show ``sequence`` starting at ``index`` (0-based), and watch its folder for changes."""
        self.browsing.start(sequence)
        self._forget_offer(sequence.folder)
        self._go_to(index)
        self.opening.watch(sequence.folder)

    @pyqtSlot(str)
    def open_path(self, path: str, start: int | None = None) -> None:
        """Open a folder at image ``start`` (0-based), or a file's folder at that file.

        Without ``start``, a folder opens at the image last viewed there (``Settings.place_in``),
        if it is still listed, else at its first.

        Returns at once: whether ``path`` is a folder or an image is asked off the GUI thread
        (``FolderOpening``), so a share that hangs never freezes the window. A file is then
        requested before its folder is listed (as a one-image sequence); its neighbours follow
        once the order is known. ``opened`` or ``openFailed`` tells how the listing went; a
        ``start`` past the end reads nothing and only says so (whoever asked for it reports
        the error). A path that cannot be opened at all is explained to the user.
        """
        self.reopen_at(path, self._settings.place_in(path) if start is None else None, start or 0)

    def reopen_at(self, folder: str, name: str | None, start: int = 0) -> None:
        """Open ``folder`` at the image called ``name`` (relative to it), once it is listed,
        or at ``start`` if it is not."""
        self._resume = name
        self.opening.open(folder, start)

    @pyqtSlot(str, object)
    def _on_probed(self, path: str, kind: PathKind) -> None:
        if kind is PathKind.NOTHING:
            problem = f"Not an image file this viewer opens: {path}"
            self.messages.problem(problem, in_view=self.sequence is None)
        elif kind is PathKind.IMAGE:
            self.open_sequence(ImageSequence(folder_of(path), [name_of(path)]), 0)
        else:
            self.browsing.start(None)
            self.current.stop()
            self._forget_offer(path)
            self.setWindowTitle(APP_NAME)
            self.status_area.clear_place()
            self.messages.in_view(f"Listing {path}…")

    def _forget_offer(self, folder: str) -> None:
        """A folder is opened: it is recent now, and the offer to reopen the last one is moot."""
        self._settings.add_recent_folder(folder)
        self.reopening.withdraw()

    # -- navigation ----------------------------------------------------------------------------

    @pyqtSlot()
    def go_next(self) -> None:
        self._step(+1)

    @pyqtSlot()
    def go_previous(self) -> None:
        self._step(-1)

    @pyqtSlot()
    def go_first(self) -> None:
        if self.browsing.count():
            self._go_to(0)

    @pyqtSlot()
    def go_last(self) -> None:
        if self.browsing.count():
            self._go_to(self.browsing.count() - 1)

    def _step(self, delta: int) -> None:
        index = self.browsing.step(delta)
        if index is None:
            return
        if not 0 <= index < self.browsing.count():
            self.messages.notice(f"This is the {'last' if delta > 0 else 'first'} image.")
            return
        self._go_to(index)

    def _go_to(self, index: int) -> None:
        sequence = self.browsing.sequence
        assert sequence is not None
        self._resume = None  # the user is somewhere now: a later listing moves no one
        self.animation.stop()
        self.messages.clear_notice()
        self.browsing.move(index)
        self.file_actions.cancel()
        name = sequence.name(index)
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self.current.moving()
        self.culling.moved(sequence[index])
        self.verdicts.moved(sequence[index])
        served = self._model.request(index)
        if not served:
            self.current.waiting(name)
        self.previews.moved(index, sequence[index], served)
        self._settings.remember_place(sequence.folder, sequence[index])
        self.fullscreen.moved(f"{index + 1} / {len(sequence)}{SEPARATOR}{name}")

    @pyqtSlot()
    def _on_go_to(self) -> None:
        sequence = self.browsing.sequence
        if sequence is not None and len(sequence):
            after = -1 if self.browsing.index is None else self.browsing.index
            index = choose_image(self, sequence.names, after, self.messages)
            if index is not None:
                self._go_to(index)

    # -- listings, from ``opening`` (``status_area`` says how they go) -------------------------

    @pyqtSlot(object, int)
    def _on_first_listing(self, sequence: ImageSequence, start: int) -> None:
        """A folder given to ``open_path`` is listed: show it at ``start``."""
        shown = self.verdicts.shown(self.aids.ordered(sequence))
        self.browsing.start(shown)
        name = self._resume
        resumed = self._resumed(shown)
        if start < len(shown) or resumed is not None:
            self._go_to(start if resumed is None else resumed)
        elif start < len(sequence):  # View ▸ Show hides them, for now: verdicts are coming
            self.messages.in_view("No image passes View ▸ Show yet; verdicts are being read.")
        else:  # only a command line asks for this, and the app refuses it: read nothing
            text = f"{sequence.folder} has {len(sequence)} images, not {start + 1}."
            self.messages.in_view(text, error=True)
        if resumed is None:
            self._resume = name  # perhaps in the rest of a walk of subfolders still under way

    def _resumed(self, sequence: ImageSequence) -> int | None:
        """The index of the image a folder being opened resumes at, if it is listed."""
        if self._resume is None:
            return None
        try:
            return sequence.index_of(join(sequence.folder, self._resume))
        except ValueError:  # gone since, or renamed: the folder opens at its first
            return None

    @pyqtSlot(object)
    def _on_relisted(self, sequence: ImageSequence) -> None:
        """Take a new listing: the current file stays current, or is marked removed."""
        sequence = self.aids.ordered(sequence)  # a listing, or the same files in a new order
        self.culling.listed(sequence)
        sequence = self.verdicts.shown(sequence)  # pairs as one, View ▸ Show's filter
        resumed, self._resume = self._resumed(sequence), None
        self.compare.relisted(sequence)
        if not self.browsing.relist(sequence):
            return
        if resumed is not None:  # the rest of a walk held the image to resume at
            self._go_to(resumed)
        elif self.browsing.index is None and self.browsing.removed is None and len(sequence):
            self._go_to(0)  # a filter that showed nothing shows something now
        elif self.browsing.index is not None:
            self.current.relisted()
        elif self.browsing.removed is not None:
            self.current.stop()
            self.status_area.place_removed(self.browsing.removed[0], len(sequence))

    # -- commands: zoom lock, leave, drops -----------------------------------------------------

    @pyqtSlot()
    def _on_zoom_lock(self) -> None:
        locked = self.zoom_locked()
        self._settings.set_zoom_locked(locked)
        self.current.display_box.update()  # zoomed and locked: read ahead at full resolution
        self.messages.notice(
            "Zoom locked: every image opens at this zoom." if locked else "Zoom unlocked."
        )

    @pyqtSlot()
    def _on_leave(self) -> None:
        if self.culling.cancel():
            self.messages.notice("Cancelling…")
        elif self.help_overlay.isVisible():
            self.help_overlay.hide()
        elif not self.folder_views.leave_grid():
            self.fullscreen.set_active(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # -- the window's life: reopen, restore, close ---------------------------------------------

    def offer_reopen(self) -> None:
        """Started without a path: offer the last folder at the last image, once the file
        system (asked off the GUI thread) says it still exists."""
        if self.sequence is None:
            self.reopening.ask(self._settings.last_place())

    def show_restored(self) -> None:
        """Show the window with the geometry and full-screen state it was closed with."""
        window_memory.show_restored(self, self._settings, self.fullscreen)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_memory.remember(self, self._settings, self.fullscreen)
        self.culling.close()
        self.aids.close()
        self.focus_aids.close()
        self.verdicts.close()
        self.opening.cancel()
        self.reopening.withdraw()
        self._model.shutdown(wait=False)
        self.animation.player.shutdown(wait=False)
        self._lister.shutdown(wait=False)
        super().closeEvent(event)
