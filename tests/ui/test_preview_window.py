"""The window while an image loads: its preview at once, in place; else the last one as it
was, dimmed only once the wait is long enough to notice (the veil's timer is never waited on:
tests lengthen it and let it fall themselves)."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import Qt

from tests.fakes import FakeClock, FakeLoader
from tests.model.previews.test_preview_queue import FakePreviews
from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.current import CurrentPreview
from viewer.model.previews.queue import PreviewQueue
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def previews():
    made = FakePreviews()
    made.full_size = (400, 300)  # the size FakeLoader gives the real images below
    return made


@pytest.fixture
def setup(qtbot, previews):
    loader = FakeLoader(size=(400, 300))
    model = PrefetchModel(loader, plan=ReadAheadPlan(1, 1), clock=FakeClock())
    queue = PreviewQueue(previews)
    current = CurrentPreview(model.imageReady, queue, model.load_started)
    window = MainWindow(model, previews=current)
    window.current.veil.delay_ms = 3_600_000  # falls only when a test says so
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.resize(1280, 860)  # the size these tests were written for, whatever the screen
        window.show()
        window.activateWindow()
    yield window, loader, queue
    loader.release_all()
    previews.release_all()
    queue.shutdown(wait=True)
    model.shutdown(wait=True)
    window.lister.shutdown(wait=True)


def test_preview_first_then_the_sharp_image_in_its_place(qtbot, setup, image_folder):
    window, loader, _ = setup
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[3])  # its read-ahead hangs
    open_at(qtbot, window, image_folder, 2)
    placed = window.view.image_rect()
    with qtbot.waitSignal(window.previews.previewShown, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_Right)
    assert window.previews.showing
    assert window.view.image_size().width() == 40  # the preview's own pixels …
    assert window.view.source_size().width() == 400  # … standing in the real image's place
    preview_rect = window.view.image_rect()
    loader.release(sequence[3])
    qtbot.waitUntil(lambda: window.view.image_size().width() == 400, timeout=TIMEOUT_MS)
    assert not window.previews.showing
    assert window.view.image_rect() == preview_rect == placed  # no shift


def test_without_a_preview_the_last_image_stays_as_it_was_then_dims(
    qtbot, setup, image_folder, previews
):
    window, loader, queue = setup
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[3])
    previews.missing.add(sequence[3])
    open_at(qtbot, window, image_folder, 2)
    last = window.view.pixmap()
    window.go_next()
    qtbot.waitUntil(lambda: previews.count(sequence[3]) == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)
    assert window.current.veil.is_pending()
    assert window.view.has_image() and window.view.message == ""  # not dimmed yet …
    assert window.view.pixmap() is last  # … the last image, as it was
    window.current.veil.fall()  # the wait is long enough to notice
    assert window.view.message == "Loading 4.jpg…"
    assert window.view.pixmap() is last  # the last image, under the sentence
    assert not window.view.has_image() and not window.previews.showing
    loader.release(sequence[3])
    qtbot.waitUntil(lambda: shown(window, 3), timeout=TIMEOUT_MS)
    assert window.view.message == ""


def test_a_preview_in_time_replaces_the_last_image_directly(qtbot, setup, image_folder):
    window, loader, _ = setup
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[3])
    open_at(qtbot, window, image_folder, 2)
    messages: list[str] = []
    window.view.painted.connect(lambda: messages.append(window.view.message))
    with qtbot.waitSignal(window.previews.previewShown, timeout=TIMEOUT_MS):
        window.go_next()
    assert not window.current.veil.is_pending()
    window.current.veil.fall()  # a timer that fires late changes nothing
    assert window.view.message == "" and window.previews.showing
    loader.release(sequence[3])
    qtbot.waitUntil(lambda: shown(window, 3), timeout=TIMEOUT_MS)
    assert messages == [""] * len(messages)  # never a dimmed frame on the way


def test_a_held_key_never_dims_while_each_image_comes_in_time(qtbot, setup, image_folder):
    window, _, _ = setup
    open_at(qtbot, window, image_folder, 0)
    for index in range(1, 6):
        window.go_next()
        assert window.view.has_image()  # the last image until this one's comes
        qtbot.waitUntil(lambda index=index: shown(window, index), timeout=TIMEOUT_MS)
        assert not window.current.veil.is_pending()


def test_each_press_restarts_the_wait_and_a_veil_already_down_says_the_new_name(
    qtbot, setup, image_folder, previews
):
    window, loader, queue = setup
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[3], sequence[4])
    previews.missing.update({sequence[3], sequence[4]})
    open_at(qtbot, window, image_folder, 2)
    window.go_next()
    assert window.current.veil.is_pending() and window.view.has_image()
    window.current.veil.fall()
    window.go_next()  # nothing left to keep bright: the sentence follows at once
    assert window.view.message == "Loading 5.jpg…"
    loader.release(sequence[3], sequence[4])
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)
