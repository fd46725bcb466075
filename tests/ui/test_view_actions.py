from __future__ import annotations

import os

from PyQt5.QtCore import QMimeData, QPoint, Qt, QUrl
from PyQt5.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QGuiApplication

from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.ui.window.drop import dropped_path


def test_rotate_turns_the_view_not_the_file(qtbot, make_window, image_folder):
    window = make_window()
    window.resize(800, 600)
    open_at(qtbot, window, image_folder, 0)
    path = os.path.join(image_folder, "1.jpg")
    before = os.stat(path).st_mtime_ns, os.path.getsize(path)
    qtbot.keyClick(window, Qt.Key_R)
    assert window.view.rotation == 90
    rect = window.view.image_rect()
    assert (round(rect.width()), round(rect.height())) == (48, 65)  # 65×48 turned upright
    qtbot.keyClick(window, Qt.Key_R, Qt.ShiftModifier)
    qtbot.keyClick(window, Qt.Key_R, Qt.ShiftModifier)
    assert window.view.rotation == 270
    assert (os.stat(path).st_mtime_ns, os.path.getsize(path)) == before
    qtbot.keyClick(window, Qt.Key_Right)
    assert window.view.rotation == 0  # the next image starts upright


def test_copy_image_and_path(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 2)
    clipboard = QGuiApplication.clipboard()
    qtbot.keyClick(window, Qt.Key_C, Qt.ControlModifier)
    assert clipboard.image().size() == window.view.image_size()
    qtbot.keyClick(window, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
    assert clipboard.text() == os.path.abspath(os.path.join(image_folder, "3.jpg"))


def test_copy_without_an_image_says_so(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window, Qt.Key_C, Qt.ControlModifier)
    assert window.status_area.notice_text() == "No image to copy yet."


def test_open_containing_folder(qtbot, make_window, image_folder, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window()
    open_at(qtbot, window, image_folder, 4)
    window.actions_by_name["open_containing"].trigger()
    assert [url.toLocalFile() for url in opened] == [image_folder]


def _mime(*paths: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path) for path in paths])
    return mime


def test_what_a_drop_would_open(image_folder, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    image = os.path.join(image_folder, "5.jpg")
    assert dropped_path(_mime(image_folder)) == image_folder
    assert dropped_path(_mime(str(text), image)) == image
    # Decided without asking the file system: opening it finds out, off the GUI thread.
    assert dropped_path(_mime(str(text))) == str(text)
    assert dropped_path(QMimeData()) is None


def _drop(window, mime: QMimeData) -> bool:
    point = window.rect().center()
    enter = QDragEnterEvent(point, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    window.dropEvent(QDropEvent(QPoint(point), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    return True


def test_dropping_a_file_opens_its_folder_at_it(qtbot, make_window, image_folder):
    window = make_window()
    assert window.acceptDrops()
    assert _drop(window, _mime(os.path.join(image_folder, "7.jpg")))
    qtbot.waitUntil(lambda: shown(window, 6), timeout=TIMEOUT_MS)


def test_dropping_a_folder_opens_it(qtbot, make_window, image_folder):
    window = make_window()
    assert _drop(window, _mime(image_folder))
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)


def test_dropping_something_else_opens_nothing_and_says_why(qtbot, make_window, tmp_path):
    (tmp_path / "notes.txt").write_text("text")
    window = make_window()
    _drop(window, _mime(str(tmp_path / "notes.txt")))
    qtbot.waitUntil(lambda: "Not an image file" in window.view.message, timeout=5000)
    assert window.sequence is None


def test_copy_image_copies_full_resolution_not_the_screen_sized_pixels(
    qtbot, make_window, tmp_path
):
    from tests.images import write_image
    from tests.ui.helpers import shown
    from viewer.core.folder.sequence import ImageSequence

    write_image(str(tmp_path / "1.png"), (3000, 2000), seed=1)
    window = make_window()
    window.resize(800, 600)
    qtbot.waitUntil(
        lambda: window.model.display_box == window.view.display_box(), timeout=TIMEOUT_MS
    )
    window.open_sequence(ImageSequence.from_folder(str(tmp_path)), 0)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    assert window.view.image_size().width() < 3000  # on screen: display-sized pixels
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    qtbot.keyClick(window, Qt.Key_C, Qt.ControlModifier)
    qtbot.waitUntil(lambda: clipboard.image().width() == 3000, timeout=TIMEOUT_MS)
    assert window.status_area.notice_text() == "Image copied (3000×2000)."
