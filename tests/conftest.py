"""Test configuration: Qt runs headless, and every model's pool is drained after each test."""

from __future__ import annotations

import os
import sys
import tempfile

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt warns about a runtime directory others can write to (as /tmp is): give it a private one.
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="viewer-tests-"))

from collections.abc import Iterator

import pytest

from tests.images import write_image


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run long fuzz and stress tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long run: pass --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def image_folder(tmp_path: object) -> Iterator[str]:
    """A folder of 12 small numbered JPEGs: 1.jpg … 12.jpg."""
    folder = os.path.join(str(tmp_path), "images")
    os.makedirs(folder)
    for number in range(1, 13):
        write_image(os.path.join(folder, f"{number}.jpg"), (64 + number, 48), seed=number)
    yield folder


#: How long a test's teardown waits for each thread pool's last tasks.
POOL_WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def no_hard_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``main()`` run in the test process must never leave through ``os._exit``: that ends
    the whole test run at once, with no summary. ``test_quit.py`` checks it in a child."""
    if "viewer.app" not in sys.modules:
        return
    import viewer.app

    def refuse(status: int, *, say_why: bool = True) -> None:
        raise AssertionError(f"main() would have left the process at once (status {status}): "
                             "work was still running after the window closed")  # fmt: skip

    monkeypatch.setattr(viewer.app, "leave_now", refuse)


@pytest.fixture(autouse=True)
def drain_pools() -> Iterator[None]:
    """After each test, close every model's load queue and wait for its pool.

    Gated test loaders are opened first, so a load held on purpose (even one that cannot be
    called off) finishes. Core tests import no Qt, and this imports none for them.
    """
    yield
    if "viewer.model.images.load_queue" not in sys.modules:
        return
    from viewer.model.images.load_queue import live_queues

    for queue in live_queues():
        release_all = getattr(queue.loader, "release_all", None)
        if callable(release_all):
            release_all()
        queue.close(wait=True)
    from viewer.model.task_pools import live_pools

    # A pool destroyed with a task still running waits for it holding the GIL, which the task
    # needs: the run hangs (seen: a verdict read emitting while its book was collected).
    # ``waitForDone`` lets go of the GIL while it waits; bounded, a stuck task fails loudly.
    stuck = [pool for pool in live_pools() if not pool.waitForDone(POOL_WAIT_MS)]
    assert not stuck, f"{len(stuck)} thread pool(s) still running a task after the test"


@pytest.fixture(autouse=True)
def private_thumbnails(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Point the thumbnail cache at a fresh folder, so tests never write the user's."""
    folder = str(tmp_path_factory.mktemp("cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", folder)
    return folder


@pytest.fixture(autouse=True)
def private_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Point the config folder (the keys file) at a fresh folder, never the user's."""
    folder = str(tmp_path_factory.mktemp("config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", folder)
    return folder


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Point every ``QSettings`` at a fresh folder, so tests never touch the user's settings."""
    from PyQt5.QtCore import QSettings  # imported here: core tests stay free of Qt

    folder = str(tmp_path_factory.mktemp("settings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, folder)
    yield folder


@pytest.fixture(autouse=True)
def private_trash(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the freedesktop trash (``$XDG_DATA_HOME/Trash``) at a fresh folder, so no test
    ever touches the user's trash."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def frame(qtbot: object) -> Iterator[object]:
    """A first frame on a laptop screen (``tests.first_frames.SCREEN``), gone after the test
    even if it deleted itself handing over."""
    from PyQt5 import sip

    from tests.first_frames import SCREEN
    from viewer.settings.start import StartSettings
    from viewer.startup.first_frame import FirstFrame

    made = FirstFrame(StartSettings())
    made.show_placed([SCREEN])
    yield made
    if not sip.isdeleted(made):
        made.close_handed_over()
