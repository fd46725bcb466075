"""The GUI thread makes no file-system call on the open folder's files, whatever the user does.

The window is built as the app builds it (previews, the thumbnail cache, the real lister and
file operations); ``GuiThreadCalls`` records every stat, listing, open and ``os.path``
question the GUI thread asks about the folders involved while it reopens the last place,
opens, browses, relists, sorts, culls, drops and opens from Recent Folders.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator

import pytest
from PyQt5.QtCore import QMimeData, QPoint, Qt, QUrl
from PyQt5.QtGui import QDropEvent

from tests.gui_thread_fs import GuiThreadCalls
from tests.images import write_image
from tests.ui.culling_fakes import ScriptedPrompts
from tests.ui.helpers import shown
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.core.previews.thumbcache import ThumbnailCache
from viewer.core.previews.thumbnailer import make_thumbnail
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.pipeline import PreviewPipeline
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def built(qtbot, image_folder, tmp_path, private_thumbnails) -> Iterator[tuple[MainWindow, str]]:
    """The app's window over ``image_folder``, with the last place and a recent folder kept."""
    target = os.path.join(str(tmp_path), "keep")
    os.makedirs(target)
    settings = Settings()
    settings.remember_place(image_folder, os.path.join(image_folder, "3.jpg"))
    settings.set_sort_choice(SortChoice(SortKey.DATE_TAKEN))
    cache = ThumbnailCache()
    previews = PreviewPipeline(cache, 1 << 28)
    thumbnails = ThumbnailModel(functools.partial(make_thumbnail, cache=cache))
    model = PrefetchModel(previews.loader)
    lister = FolderLister(poll_seconds=0)
    window = MainWindow(
        model,
        settings=settings,
        lister=lister,
        previews=previews.current_for(model),
        thumbnails=thumbnails,
    )
    prompts = ScriptedPrompts()
    prompts.target, prompts.name = target, "renamed.jpg"
    window.culling.use_prompts(prompts)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield window, target
    window.close()
    previews.shutdown()
    thumbnails.shutdown()
    model.shutdown(wait=True)
    lister.shutdown(wait=True)


def settled(qtbot, window: MainWindow) -> None:
    """The image the user is on is on screen."""
    qtbot.waitUntil(lambda: shown(window, window.current_index), timeout=TIMEOUT_MS)


def press(qtbot, window: MainWindow, key: int, modifier: int = Qt.NoModifier) -> None:
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, key, modifier)
    settled(qtbot, window)


def drop(window: MainWindow, path: str) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)


def reopen(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.reopening.decided, timeout=TIMEOUT_MS):
        window.offer_reopen()
    assert window.reopening.offer is not None
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        qtbot.mouseClick(window.reopening.offer, Qt.LeftButton)
    settled(qtbot, window)


def browse_and_relist(qtbot, window: MainWindow, calls: GuiThreadCalls, folder: str) -> None:
    for key in (Qt.Key_Right, Qt.Key_Right, Qt.Key_Left, Qt.Key_End, Qt.Key_Home):
        qtbot.keyClick(window, key)
        settled(qtbot, window)
    qtbot.keyClick(window, Qt.Key_I)  # the information panel
    views = window.folder_views
    for key, shown_now in ((Qt.Key_Return, views.grid_shown), (Qt.Key_T, views.strip_shown)):
        qtbot.keyClick(window, key)  # the grid, then the film strip, with their thumbnails
        assert shown_now()
        qtbot.waitUntil(lambda: views.thumbnails.thumbnail(0) is not None, timeout=TIMEOUT_MS)
        qtbot.keyClick(window, Qt.Key_Right)
        qtbot.keyClick(window, key)  # the grid opens its image; the strip hides
        settled(qtbot, window)
    with calls.paused():
        write_image(os.path.join(folder, "13.jpg"), (60, 40), seed=13)
    with qtbot.waitSignal(window.opening.relisted, timeout=TIMEOUT_MS):
        window.lister.relist()
    with qtbot.waitSignal(window.aids.sorting.reordered, timeout=TIMEOUT_MS):
        window.aids.sorting.menu.orders[SortKey.SIZE].trigger()


def cull(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key_M)
    press(qtbot, window, Qt.Key_F8)  # copy the marked one
    qtbot.keyClick(window, Qt.Key_M)
    press(qtbot, window, Qt.Key_F2)  # rename
    press(qtbot, window, Qt.Key_F7)  # move
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    if sys.platform not in ("win32", "darwin"):  # undo reads the trash on Linux
        press(qtbot, window, Qt.Key_Delete)
        press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)


def open_again(qtbot, window: MainWindow, folder: str) -> None:
    """A drop of a file, a drop of the folder, Recent Folders, and a file's path."""
    for path in (os.path.join(folder, "5.jpg"), folder):
        with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
            drop(window, path)
        settled(qtbot, window)
    window.recent_menu.rebuild()
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.recent_menu.actions()[0].trigger()
    settled(qtbot, window)
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.open_path(os.path.join(folder, "7.jpg"))
    settled(qtbot, window)


def test_the_gui_thread_never_touches_the_folders_files(
    qtbot, built, image_folder, gui_thread_calls, private_thumbnails
) -> None:
    window, target = built
    for folder in (image_folder, target, private_thumbnails):
        gui_thread_calls.watch(folder)
    reopen(qtbot, window)
    assert window.current_path() == os.path.join(image_folder, "3.jpg")
    browse_and_relist(qtbot, window, gui_thread_calls, image_folder)
    cull(qtbot, window)
    open_again(qtbot, window, image_folder)
    assert gui_thread_calls.calls == [], gui_thread_calls.report()
    assert os.listdir(target), "the culling ran"
