"""FolderWatch: the folder's watcher lives on a thread of its own; changes reach the lister,
and polling goes on where a folder cannot be watched."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.fakes import FakeFolder
from tests.gui_thread_fs import GuiThreadCalls
from tests.images import write_image
from tests.waits import TIMEOUT_MS
from viewer.model.folder.lister import FolderLister
from viewer.model.folder.watch import FolderWatch


@pytest.fixture
def watch(qtbot) -> Iterator[FolderWatch]:
    made = FolderWatch()
    yield made
    made.shutdown(wait=True)


def test_a_change_is_noticed_without_the_gui_thread_adding_the_path(
    qtbot, watch, image_folder, monkeypatch
) -> None:
    calls = GuiThreadCalls(monkeypatch)
    calls.watch(image_folder)
    watch.watch(image_folder)
    qtbot.waitUntil(lambda: watch.watched() == image_folder, timeout=TIMEOUT_MS)
    assert calls.calls == [], calls.report()
    assert not watch.needs(image_folder)
    with qtbot.waitSignal(watch.changed, timeout=TIMEOUT_MS) as changed, calls.paused():
        write_image(os.path.join(image_folder, "13.jpg"), (40, 30), seed=13)
    assert changed.args == [image_folder]


def test_the_watch_ends_when_the_folder_goes(qtbot, watch, image_folder) -> None:
    watch.watch(image_folder)
    qtbot.waitUntil(lambda: watch.watched() == image_folder, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(watch.changed, timeout=TIMEOUT_MS):
        shutil.rmtree(image_folder)
    qtbot.waitUntil(lambda: watch.watched() is None, timeout=TIMEOUT_MS)
    assert watch.needs(image_folder)  # the next good listing asks again


def test_a_lister_that_cannot_watch_still_polls(qtbot, tmp_path) -> None:
    missing = os.path.join(str(tmp_path), "not-watchable")  # listed by the fake, not on disk
    folder = FakeFolder(["1.jpg"])
    lister = FolderLister(folder, poll_seconds=5)
    try:
        with qtbot.waitSignal(lister.listed, timeout=TIMEOUT_MS):
            lister.open(missing)
        qtbot.waitUntil(lambda: not lister.has_running_work(), timeout=TIMEOUT_MS)
        folder.names = ["1.jpg", "2.jpg"]
        with qtbot.waitSignal(lister.listed, timeout=TIMEOUT_MS) as listed:
            lister.poll_timer.timeout.emit()  # the injected tick
        assert listed.args[0].names == ["1.jpg", "2.jpg"]
    finally:
        lister.shutdown(wait=True)


def _native_thread_names() -> list[str]:
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm") as comm:
                names.append(comm.read().strip())
        except OSError:  # the thread ended meanwhile
            pass
    return names


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux's /proc")
def test_stopping_waits_for_the_watch_thread_to_end(qtbot, image_folder) -> None:
    # Left to end on its own, it ended while Python was exiting (GLib criticals on stderr).
    watch = FolderWatch()
    watch.watch(image_folder)
    qtbot.waitUntil(lambda: watch.watched() == image_folder, timeout=TIMEOUT_MS)
    assert "folder-watch" in _native_thread_names()
    assert watch.shutdown()  # the thread had finished when it returned
    # Its native thread leaves the process a moment after Qt marks it finished.
    qtbot.waitUntil(lambda: "folder-watch" not in _native_thread_names(), timeout=TIMEOUT_MS)
