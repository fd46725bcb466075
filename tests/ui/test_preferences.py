from __future__ import annotations

from PyQt5.QtCore import Qt

from tests.ui.helpers import open_at
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.settings.store import Preferences, Settings


def open_preferences(qtbot, window):
    qtbot.keyClick(window, Qt.Key_Comma, Qt.ControlModifier)
    dialog = window.preferences.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    return dialog


def test_dialog_shows_the_saved_preferences(qtbot, make_window):
    saved = Preferences(cache_images=6, cache_mb=512, ahead=3, behind=2, threads=4)
    Settings().save_preferences(saved)
    dialog = open_preferences(qtbot, make_window())
    assert dialog.preferences() == saved


def test_changes_apply_at_once_and_persist(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 0)
    qtbot.waitUntil(lambda: len(window.model.store) == 2, timeout=TIMEOUT_MS)  # 1 and 1 ahead
    dialog = open_preferences(qtbot, window)
    dialog.boxes["threads"].setValue(5)
    assert window.model.queue.thread_count() == 5
    dialog.boxes["ahead"].setValue(4)
    assert window.model.plan == ReadAheadPlan(4, 1)
    qtbot.waitUntil(lambda: len(window.model.store) == 5, timeout=TIMEOUT_MS)
    dialog.boxes["cache_images"].setValue(2)
    assert window.model.store.max_count == 2 and len(window.model.store) == 2
    assert window.model.plan == ReadAheadPlan(1, 0)  # fitted to what the store keeps
    dialog.boxes["cache_mb"].setValue(64)
    assert window.model.store.max_cost == 64 << 20
    assert Settings().preferences() == Preferences(
        cache_images=2, cache_mb=64, ahead=4, behind=1, threads=5
    )


def test_polling_and_the_image_limit_apply_at_once_and_persist(qtbot, make_window):
    window = make_window()
    dialog = open_preferences(qtbot, window)
    dialog.boxes["poll_seconds"].setValue(0)
    assert window.lister.poll_seconds == 0
    assert dialog.boxes["poll_seconds"].text() == "never"
    dialog.boxes["poll_seconds"].setValue(30)
    assert window.lister.poll_seconds == 30
    dialog.boxes["max_image_mb"].setValue(256)
    assert window.model.loader.max_bytes == 256 << 20  # the next load decodes within it
    saved = Settings().preferences()
    assert (saved.poll_seconds, saved.max_image_mb) == (30, 256)


def test_thumbnail_cache_size_applies_at_once(qtbot, tmp_path):
    from viewer.core.previews.display_thumbnails import DisplayThumbnails
    from viewer.core.previews.thumbcache import ThumbnailCache
    from viewer.model.folder.lister import FolderLister
    from viewer.model.images.prefetch_model import PrefetchModel
    from viewer.model.previews.pipeline import PreviewingLoader
    from viewer.ui.dialogs.preferences import apply_preferences

    cache = ThumbnailCache(str(tmp_path))
    thumbnails = DisplayThumbnails(cache)
    model = PrefetchModel(PreviewingLoader(thumbnails=thumbnails))
    lister = FolderLister(poll_seconds=0)
    try:
        apply_preferences(model, lister, Preferences(thumbnail_cache_mb=64))
        assert cache.budget_bytes == 64 << 20
    finally:
        thumbnails.shutdown()
        model.shutdown(wait=True)
        lister.shutdown(wait=True)
