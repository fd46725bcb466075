"""Opening a path on a share that hangs (its probe, its listing, the question of the reopen
offer): the window keeps answering and can quit meanwhile."""

from __future__ import annotations

import threading

from PyQt5.QtCore import Qt, QTimer

from tests.fakes import FakeFolder
from tests.waits import TIMEOUT_MS
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.browsing.folder_opening import PathKind
from viewer.ui.window.main_window import MainWindow


class HungShare:
    """A file-system layer whose every question hangs until ``release``, like a dead mount."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.answered = False
        self._released = threading.Event()

    def __call__(self, path: str) -> PathKind:
        self.asked.set()
        self._released.wait()
        self.answered = True
        return PathKind.FOLDER

    def release(self) -> None:
        self._released.set()


def test_the_window_answers_keys_and_quits_while_an_open_waits_on_a_hung_share(qtbot) -> None:
    share = HungShare()
    model, lister = PrefetchModel(), FolderLister(poll_seconds=0)
    window = MainWindow(model, lister=lister, probe=share)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    try:
        window.open_path("/mnt/dead-share/scans")  # returns although the probe never does
        qtbot.waitUntil(share.asked.is_set, timeout=TIMEOUT_MS)
        tick = QTimer()
        tick.setSingleShot(True)
        with qtbot.waitSignal(tick.timeout, timeout=TIMEOUT_MS):
            tick.start(0)  # the event loop runs
        qtbot.keyClick(window, Qt.Key_F1)
        assert window.help_overlay.isVisible()  # a key is answered
        qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)
        assert window.opening.has_running_work()  # quitting did not wait for the probe
        with qtbot.assertNotEmitted(window.opening.probed, wait=100):
            share.release()  # the answer comes after the window closed: it starts nothing
            qtbot.waitUntil(lambda: not window.opening.has_running_work(), timeout=TIMEOUT_MS)
        assert window.sequence is None and window.lister.folder is None
    finally:
        share.release()
        model.shutdown(wait=True)
        lister.shutdown(wait=True)


def test_start_up_answers_keys_and_quits_while_the_reopen_offer_waits_on_a_hung_share(
    qtbot,
) -> None:
    share = HungShare()
    settings = Settings()
    settings.remember_place("/mnt/dead-share/scans", "/mnt/dead-share/scans/1.jpg")
    model, lister = PrefetchModel(), FolderLister(poll_seconds=0)
    window = MainWindow(model, settings=settings, lister=lister, probe=share)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    try:
        window.offer_reopen()  # returns although the question never does
        qtbot.waitUntil(share.asked.is_set, timeout=TIMEOUT_MS)
        assert window.reopening.is_asking() and window.reopening.offer is None
        qtbot.keyClick(window, Qt.Key_F1)
        assert window.help_overlay.isVisible()  # a key is answered
        qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)
        with qtbot.assertNotEmitted(window.reopening.decided, wait=100):
            share.release()  # the answer comes after the window closed: it offers nothing
            qtbot.waitUntil(lambda: share.answered, timeout=TIMEOUT_MS)
        assert window.reopening.offer is None
    finally:
        share.release()
        model.shutdown(wait=True)
        lister.shutdown(wait=True)


def test_the_window_answers_keys_and_quits_while_a_listing_hangs(qtbot) -> None:
    folder = FakeFolder(["1.jpg", "2.jpg"])
    folder.gate()  # the listing hangs until released
    model, lister = PrefetchModel(), FolderLister(folder, poll_seconds=0)
    window = MainWindow(model, lister=lister, probe=lambda path: PathKind.FOLDER)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    try:
        window.open_path("/mnt/dead-share/scans")
        qtbot.waitUntil(lister.is_listing, timeout=TIMEOUT_MS)
        qtbot.keyClick(window, Qt.Key_F1)
        assert window.help_overlay.isVisible()  # a key is answered
        qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)
        assert lister.has_running_work()  # quitting did not wait for the listing
        with qtbot.assertNotEmitted(window.opened, wait=100):
            folder.release()  # the listing ends after the window closed: it shows nothing
            qtbot.waitUntil(lambda: not lister.has_running_work(), timeout=TIMEOUT_MS)
        assert window.sequence is None
    finally:
        folder.release()
        model.shutdown(wait=True)
        lister.shutdown(wait=True)
