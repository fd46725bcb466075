"""The window while an image loads: its preview at once, in place; else the last one dimmed."""

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


def test_without_a_preview_the_last_image_stays_dimmed(qtbot, setup, image_folder, previews):
    window, loader, queue = setup
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[3])
    previews.missing.add(sequence[3])
    open_at(qtbot, window, image_folder, 2)
    window.go_next()
    qtbot.waitUntil(lambda: previews.count(sequence[3]) == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)
    assert window.view.message == "Loading 4.jpg…"
    assert window.view.pixmap() is not None  # the last image, under the sentence
    assert not window.view.has_image() and not window.previews.showing
    loader.release(sequence[3])
    qtbot.waitUntil(lambda: shown(window, 3), timeout=TIMEOUT_MS)
    assert window.view.message == ""
