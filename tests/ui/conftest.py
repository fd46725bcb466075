from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes import FakeClock
from tests.gui_thread_fs import GuiThreadCalls
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.folder.lister import FolderLister, Lister
from viewer.model.images.load_task import Loader
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: object) -> Iterator[object]:
    """Windows over a given loader and lister (the real ones by default); their listers are
    drained after the test, and their models by ``drain_pools`` (tests/conftest.py)."""
    windows: list[MainWindow] = []

    def make(
        loader: Loader | None = None,
        plan: ReadAheadPlan = ReadAheadPlan(1, 1),
        lister: Lister | None = None,
    ) -> MainWindow:
        # A clock that stands still: the pace-driven policy stays out of window tests.
        clock = FakeClock()
        if loader:
            model = PrefetchModel(loader, plan=plan, clock=clock)
        else:
            model = PrefetchModel(plan=plan, clock=clock)
        # No polling: tests trigger re-lists explicitly.
        folders = FolderLister(lister, poll_seconds=0) if lister else FolderLister(poll_seconds=0)
        window = MainWindow(model, lister=folders)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        with qtbot.waitActive(window):  # type: ignore[attr-defined]
            window.resize(1280, 860)  # the size these tests were written for, whatever the screen
            window.show()  # shortcuts with modifiers need the active window
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.lister.shutdown(wait=True)


@pytest.fixture
def gui_thread_calls(monkeypatch: pytest.MonkeyPatch) -> GuiThreadCalls:
    """A recorder of the GUI thread's file-system calls; ``watch(folder)`` starts it."""
    return GuiThreadCalls(monkeypatch)
