"""Subfolders as one sequence in the window: the first image shows while the walk goes on,
the status shows each image's subfolder, the menu toggle keeps the user on their image, and
a folder's place in a later subfolder is found once the walk ends."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest

from tests.fakes import FakeClock
from tests.images import write_image
from tests.ui.helpers import shown
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import Progress
from viewer.core.folder.subfolders import FirstFound, list_image_paths
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow

CARD = ["DCIM/100CANON/IMG_9.JPG", "DCIM/100CANON/IMG_10.JPG", "DCIM/101CANON/IMG_1.JPG",
        "DCIM/101CANON/IMG_2.JPG", "loose.jpg"]  # fmt: skip


@pytest.fixture
def card(tmp_path) -> str:
    for number, name in enumerate(CARD):
        os.makedirs(tmp_path / os.path.dirname(name), exist_ok=True)
        write_image(str(tmp_path / name), (64 + number, 48), seed=number)
    os.makedirs(tmp_path / ".trash")
    write_image(str(tmp_path / ".trash" / "hidden.jpg"), (40, 30))
    return str(tmp_path)


class HeldWalk:
    """The real walk, held after it hands on its first folder until ``release``: a share
    still walking a card's 200 folders."""

    def __init__(self) -> None:
        self._released = threading.Event()
        self.walks = 0

    def __call__(self, folder: str, on_progress: Progress, on_first: FirstFound) -> list[str]:
        self.walks += 1

        def first_then_hold(names: list[str]) -> None:
            on_first(names)
            self._released.wait()

        return list_image_paths(folder, on_progress, first_then_hold)

    def release(self) -> None:
        self._released.set()


@pytest.fixture
def walk() -> Iterator[HeldWalk]:
    held = HeldWalk()
    yield held
    held.release()


@pytest.fixture
def window(qtbot, walk) -> Iterator[MainWindow]:
    model = PrefetchModel(plan=ReadAheadPlan(1, 1), clock=FakeClock())
    lister = FolderLister(walker=walk, poll_seconds=0)
    made = MainWindow(model, lister=lister, settings=Settings())
    qtbot.addWidget(made)
    made.resize(1000, 700)
    made.show()
    yield made
    walk.release()
    lister.shutdown(wait=True)


def relative(name: str) -> str:
    return os.path.join(*name.split("/"))


def test_the_first_image_shows_before_the_walk_ends_then_all_follow(
    qtbot, window, walk, card
) -> None:
    window.subfolders.set_included(True)
    assert window.actions_by_name["subfolders"].isChecked()
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS) as opened:
        window.open_path(card)
        qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
        assert window.sequence.names == ["loose.jpg"]  # the folder's own first; the walk held
        assert window.lister.is_listing()
        walk.release()
    assert opened.args == [len(CARD)]
    assert window.sequence.names == [relative(name) for name in [*CARD[4:], *CARD[:4]]]
    assert window.current_path() == os.path.join(card, "loose.jpg")  # still on it
    with qtbot.waitSignal(
        window.current.placeChanged,
        check_params_cb=lambda text: relative("DCIM/101CANON/IMG_1.JPG") in text,
        timeout=TIMEOUT_MS,
    ):
        for _ in range(3):  # through 100CANON, to 101CANON's first
            window.go_next()
    assert window.windowTitle().startswith(relative("DCIM/101CANON/IMG_1.JPG"))


def test_the_toggle_keeps_the_user_on_their_image(qtbot, window, walk, card) -> None:
    walk.release()
    folder = os.path.join(card, "DCIM", "101CANON")
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.open_path(folder, 1)
    qtbot.waitUntil(lambda: shown(window, 1), timeout=TIMEOUT_MS)
    window.go_previous()
    window.go_previous()  # stays on the first: one folder only
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    assert walk.walks == 0

    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.open_path(card, 0)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    assert window.sequence.names == ["loose.jpg"]
    window.go_first()
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.actions_by_name["subfolders"].trigger()  # on: the card, from loose.jpg
    assert walk.walks == 1 and len(window.sequence) == len(CARD)
    qtbot.waitUntil(lambda: window.current_path() == os.path.join(card, "loose.jpg"),
                    timeout=TIMEOUT_MS)  # fmt: skip
    window.go_next()
    window.go_next()
    at = os.path.join(card, relative(CARD[1]))  # 100CANON/IMG_10.JPG
    qtbot.waitUntil(lambda: window.current_path() == at, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.actions_by_name["subfolders"].trigger()  # off: that image's own folder, at it
    assert not window.lister.recursive
    assert window.sequence.folder == os.path.dirname(at)
    qtbot.waitUntil(lambda: window.current_path() == at and shown(window, 1), timeout=TIMEOUT_MS)


def test_a_place_in_a_later_subfolder_is_reopened_once_the_walk_reaches_it(
    qtbot, window, walk, card
) -> None:
    place = os.path.join(card, relative("DCIM/101CANON/IMG_2.JPG"))
    Settings().remember_place(card, place)
    window.subfolders.set_included(True)
    window.open_path(card)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)  # the first folder, for now
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        walk.release()
    qtbot.waitUntil(lambda: window.current_path() == place, timeout=TIMEOUT_MS)
