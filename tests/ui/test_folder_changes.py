"""The window over a folder that is listed on a worker and changes while it is open."""

from __future__ import annotations

import os
import shutil

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QInputDialog

from tests.fakes import FakeFolder
from tests.images import write_image
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import list_image_names


def shown(window, index, name=None):
    if window.current_index != index or window.browsing.shown != index:
        return False
    if not window.view.has_image():
        return False
    return name is None or window.windowTitle().startswith(f"{name} ")


@pytest.fixture
def gated_folder(image_folder) -> FakeFolder:
    """The real names of ``image_folder``, listed only when the test releases the gate."""
    folder = FakeFolder(list_image_names(image_folder))
    folder.gate()
    return folder


def test_opened_file_is_shown_before_the_listing_ends(qtbot, make_window, image_folder,
                                                      gated_folder):  # fmt: skip
    window = make_window(lister=gated_folder)
    window.open_path(os.path.join(image_folder, "5.jpg"))
    qtbot.waitUntil(lambda: shown(window, 0, "5.jpg"), timeout=TIMEOUT_MS)
    assert len(window.sequence) == 1  # provisional: the listing is still running
    qtbot.waitUntil(
        lambda: window.status_area.folder_text() == "Listing… 12 files", timeout=TIMEOUT_MS
    )
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS) as opened:
        gated_folder.release()
    assert opened.args == [12]
    assert shown(window, 4, "5.jpg") and window.status_area.folder_text() == ""
    assert window.status_area.place_text().startswith("5 / 12 · 5.jpg")
    qtbot.waitUntil(
        lambda: window.model.is_cached(5) and window.model.is_cached(3), timeout=TIMEOUT_MS
    )


def test_opened_folder_shows_progress_then_its_start_image(qtbot, make_window, image_folder,
                                                           gated_folder):  # fmt: skip
    window = make_window(lister=gated_folder)
    window.open_path(image_folder, 6)
    qtbot.waitUntil(lambda: window.view.message == "Listing… 12 files", timeout=TIMEOUT_MS)
    assert window.current_index is None
    gated_folder.release()
    qtbot.waitUntil(lambda: shown(window, 6, "7.jpg"), timeout=TIMEOUT_MS)


def test_a_start_past_the_end_reads_nothing(qtbot, make_window, image_folder):
    window = make_window()
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS) as opened:
        window.open_path(image_folder, 12)
    assert opened.args == [12]  # the app turns this into its exit-2 error
    assert window.current_index is None and window.model.idle()
    assert window.view.is_error
    assert window.view.message.endswith("has 12 images, not 13.")


def open_listed(qtbot, window, path):
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.open_path(path)
    qtbot.waitUntil(lambda: window.view.has_image(), timeout=TIMEOUT_MS)


def relist(qtbot, window):
    with qtbot.waitSignal(window.lister.listed, timeout=TIMEOUT_MS):
        window.lister.relist()


def test_new_and_removed_files_and_the_current_image_stays(qtbot, make_window, image_folder):
    window = make_window()
    open_listed(qtbot, window, os.path.join(image_folder, "5.jpg"))
    shutil.copy(os.path.join(image_folder, "2.jpg"), os.path.join(image_folder, "4b.jpg"))
    shutil.copy(os.path.join(image_folder, "2.jpg"), os.path.join(image_folder, "40.jpg"))
    os.remove(os.path.join(image_folder, "1.jpg"))
    relist(qtbot, window)
    assert window.sequence.names[2:5] == ["4.jpg", "4b.jpg", "5.jpg"]
    assert window.sequence.names[-1] == "40.jpg"
    assert shown(window, 4, "5.jpg")
    assert window.status_area.place_text().startswith("5 / 13 · 5.jpg")
    qtbot.keyClick(window, Qt.Key_Left)
    qtbot.waitUntil(lambda: shown(window, 3, "4b.jpg"), timeout=TIMEOUT_MS)


def remove_the_current_file(qtbot, window, image_folder):
    open_listed(qtbot, window, os.path.join(image_folder, "5.jpg"))
    os.remove(os.path.join(image_folder, "5.jpg"))
    relist(qtbot, window)


def test_current_file_removed_stays_on_screen_marked(qtbot, make_window, image_folder):
    window = make_window()
    remove_the_current_file(qtbot, window, image_folder)
    assert window.current_index is None and window.view.has_image()
    assert window.status_area.place_text() == "– / 11 · 5.jpg · removed from the folder"
    assert window.windowTitle() == "5.jpg — Viewer"
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: shown(window, 4, "6.jpg"), timeout=TIMEOUT_MS)


def test_moving_back_from_a_removed_file(qtbot, make_window, image_folder):
    window = make_window()
    remove_the_current_file(qtbot, window, image_folder)
    qtbot.keyClick(window, Qt.Key_Left)
    qtbot.waitUntil(lambda: shown(window, 3, "4.jpg"), timeout=TIMEOUT_MS)


def test_next_image_after_a_removed_one_is_not_a_refinement(qtbot, make_window, image_folder):
    window = make_window()
    open_listed(qtbot, window, os.path.join(image_folder, "5.jpg"))
    qtbot.waitUntil(lambda: window.model.is_cached(5), timeout=TIMEOUT_MS)
    qtbot.keyClick(window, Qt.Key_Plus)
    os.remove(os.path.join(image_folder, "5.jpg"))
    relist(qtbot, window)
    qtbot.keyClick(window, Qt.Key_Right)
    assert shown(window, 4, "6.jpg")  # from memory, at the index 5.jpg had: another image
    assert window.view.is_fitted()


def test_reopened_folder_opens_fitted(qtbot, make_window, image_folder):
    window = make_window()
    open_listed(qtbot, window, image_folder)
    qtbot.keyClick(window, Qt.Key_Plus)
    open_listed(qtbot, window, image_folder)  # its first image is served from memory
    assert shown(window, 0, "1.jpg") and window.view.is_fitted()


def test_listing_keeps_the_opened_file_refinable(qtbot, make_window, tmp_path):
    folder = str(tmp_path / "big")
    os.mkdir(folder)
    for number in (1, 2, 3):
        write_image(os.path.join(folder, f"{number}.png"), (3000, 2000), seed=number)
    listing = FakeFolder(list_image_names(folder))
    listing.gate()
    window = make_window(lister=listing)
    window.resize(800, 600)
    qtbot.waitUntil(
        lambda: window.model.display_box == window.view.display_box(), timeout=TIMEOUT_MS
    )
    window.open_path(os.path.join(folder, "2.png"))
    qtbot.waitUntil(lambda: shown(window, 0, "2.png"), timeout=TIMEOUT_MS)
    assert window.view.image_size().width() <= window.view.display_box()[0]  # display-sized
    qtbot.keyClick(
        window, Qt.Key_1, Qt.ControlModifier
    )  # actual size: full resolution, for the one-image sequence
    qtbot.waitUntil(lambda: window.view.image_size().width() == 3000, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        listing.release()
    assert shown(window, 1, "2.png")
    box = window.model.display_box
    window.resize(700, 500)  # the re-render for the new size, at the new index, refines it
    qtbot.waitUntil(lambda: window.model.display_box != box and window.model.is_cached(1),
                    timeout=TIMEOUT_MS)  # fmt: skip
    assert window.view.image_size().width() == 3000
    assert window.view.zoom_percent() == pytest.approx(100)


def test_folder_gone_keeps_cached_images_browsable(qtbot, make_window, image_folder):
    window = make_window()
    open_listed(qtbot, window, os.path.join(image_folder, "5.jpg"))
    qtbot.waitUntil(lambda: window.model.is_cached(3), timeout=TIMEOUT_MS)
    os.rename(image_folder, image_folder + "-unmounted")
    with qtbot.waitSignal(window.lister.failed, timeout=TIMEOUT_MS):
        window.lister.relist()
    assert window.status_area.folder_text() == "Folder unavailable: showing images kept in memory"
    assert "Folder not found" in window.status_area.notice_text()
    qtbot.keyClick(window, Qt.Key_Left)
    assert shown(window, 3, "4.jpg")  # served from memory at once
    os.rename(image_folder + "-unmounted", image_folder)
    relist(qtbot, window)
    assert window.status_area.folder_text() == ""


@pytest.mark.parametrize(("typed", "expected"), [("9", 8), ("11.J", 10)])
def test_go_to_image(qtbot, make_window, image_folder, monkeypatch, typed, expected):
    window = make_window()
    open_listed(qtbot, window, image_folder)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (typed, True))
    qtbot.keyClick(window, Qt.Key_G, Qt.ControlModifier)
    qtbot.waitUntil(lambda: shown(window, expected), timeout=TIMEOUT_MS)


def test_go_to_nothing_that_matches(qtbot, make_window, image_folder, monkeypatch):
    window = make_window()
    open_listed(qtbot, window, image_folder)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("99", True))
    qtbot.keyClick(window, Qt.Key_G, Qt.ControlModifier)
    assert window.current_index == 0
    assert window.status_area.notice_text() == "No image matches “99”."
