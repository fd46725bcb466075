"""The demo's first run: the window opens at once, and the images appear as they are made."""

from __future__ import annotations

import os

import pytest

from tests.test_app import when_shown
from viewer.app import main
from viewer.cli import parse
from viewer.demo import folder as demo
from viewer.demo.making import DemoMaking
from viewer.ui.window.main_window import MainWindow

SMALL = (120, 80)


@pytest.fixture
def small_demo(tmp_path, monkeypatch):
    """A demo of three small images, in a cache folder of the test's own."""
    monkeypatch.setattr(demo, "user_cache_dir", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(demo, "DEMO_COUNT", 3)
    monkeypatch.setattr(demo, "DEMO_SIZE", SMALL)
    return demo.demo_folder()


def test_the_command_line_makes_no_demo_image_itself(small_demo):
    options = parse(["--demo"])
    assert options.path == small_demo
    assert (options.demo_to_make, options.demo_waits) == (3, True)
    assert os.listdir(small_demo) == []  # made later, while the window shows


def test_a_demo_half_made_opens_at_once_and_makes_the_rest(small_demo):
    demo.ensure_demo_folder(count=1, size=SMALL)
    options = parse(["--demo"])
    assert (options.demo_to_make, options.demo_waits) == (2, False)


def test_the_maker_says_when_each_image_is_written(qtbot, small_demo):
    making = DemoMaking()
    made: list[int] = []
    making.made.connect(made.append)
    with qtbot.waitSignal(making.finished, timeout=60_000):
        making.start(small_demo, 3, SMALL)
    assert made == [1, 2, 3]
    assert sorted(os.listdir(small_demo)) == ["1.jpg", "2.jpg", "3.jpg"]
    assert not making.has_running_work()


def test_a_maker_that_fails_says_why(qtbot, tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    making = DemoMaking()
    with qtbot.waitSignal(making.failed, timeout=60_000) as failed:
        making.start(str(blocked / "demo"), 1, SMALL)
    assert failed.args[0].startswith("The demo's images could not be made: ")


def test_the_window_opens_before_the_first_image_and_shows_them_as_made(qtbot, small_demo):
    seen: dict[str, object] = {}

    def inspect(window: MainWindow) -> None:
        try:
            seen["first message"] = window.view.message
            seen["had image"] = window.view.has_image()
            qtbot.waitUntil(window.view.has_image, timeout=60_000)
            seen["title"] = window.windowTitle()
            # The watcher (polling is off) brings in the images made after the first.
            qtbot.waitUntil(lambda: len(window.sequence or ()) == 3, timeout=60_000)
        finally:
            window.model.shutdown(wait=True)
            window.lister.shutdown(wait=True)
            window.close()

    timer = when_shown(inspect)
    assert main(["--demo", "--poll", "0"]) == 0
    timer.stop()
    assert seen["had image"] is False
    assert seen["first message"] == "Making the demo's images (first run only)…"
    assert str(seen["title"]).startswith("1.jpg")
