from __future__ import annotations

import os

import pytest
from PyQt5.QtCore import QTimer
from PyQt5.QtWidgets import QApplication

from tests.waits import gone_or_hidden
from viewer.app import main
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.demo import folder as demo
from viewer.settings.store import Preferences, Settings
from viewer.ui.window.main_window import MainWindow


def shown_window() -> MainWindow | None:
    """The window ``main`` made, once shown (not one an earlier test left behind)."""
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return windows[-1] if windows else None


def when_shown(act) -> QTimer:
    """Call ``act(window)`` once ``main``'s window is on screen: after the first frame, and
    the imports behind it, it is shown only when it has the image too."""
    timer = QTimer()
    timer.setInterval(5)

    def check() -> None:
        window = shown_window()
        if window is not None:
            timer.stop()
            act(window)

    timer.timeout.connect(check)
    timer.start()
    return timer


def run_and_inspect(qtbot, argv):
    """Run ``main`` with its event loop; inspect and close the window once it is listed."""
    seen: dict[str, object] = {}

    def inspect(window: MainWindow) -> None:
        if window.sequence is None and window.opening.is_awaiting():
            window.opened.connect(lambda count: inspect(window))  # the open is still under way
            return
        if window.reopening.is_asking():  # the last place is looked for off the GUI thread
            window.reopening.decided.connect(lambda shown: inspect(window))
            return
        seen["index"] = window.current_index
        seen["title"] = window.windowTitle()
        seen["icon"] = not window.windowIcon().isNull() or not QApplication.windowIcon().isNull()
        store = window.model.store
        seen["limits"] = (store.max_count, store.max_cost)
        seen["plan"] = window.model.plan
        seen["threads"] = window.model.queue.thread_count()
        offer = window.reopening.offer
        seen["offer"] = None if offer is None else offer.text()
        window.model.shutdown(wait=True)
        window.lister.shutdown(wait=True)
        window.close()

    timer = when_shown(inspect)
    assert main(argv) == 0
    timer.stop()
    return seen


def test_main_opens_folder_at_start_index(qtbot, image_folder):
    seen = run_and_inspect(qtbot, [image_folder, "--start", "3"])
    assert seen["index"] == 2
    assert seen["title"] == "3.jpg — Viewer"
    assert seen["icon"]


def test_main_opens_a_file_in_its_folder(qtbot, image_folder):
    seen = run_and_inspect(qtbot, [os.path.join(image_folder, "10.jpg"), "--poll", "0"])
    assert seen["title"] == "10.jpg — Viewer"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{empty}"], "no images in folder: {empty}"),
        (
            ["{folder}", "--start", "13"],
            "--start 13 is out of range: {folder} has 12 images (use 1 to 12)",
        ),
    ],
)
def test_errors_only_the_listing_finds_exit_2(qtbot, capsys, image_folder, tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    fill = {"folder": image_folder, "empty": str(tmp_path / "empty")}
    assert main([arg.format(**fill) for arg in args]) == 2
    assert capsys.readouterr().err == f"viewer: error: {message.format(**fill)}\n"
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets())


def test_main_without_arguments_opens_empty_window(qtbot):
    seen = run_and_inspect(qtbot, [])
    assert seen["index"] is None
    assert seen["offer"] is None  # nothing saved yet


def test_demo_folder_is_made_once(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "user_cache_dir", lambda *a, **k: str(tmp_path))
    folder = demo.ensure_demo_folder(count=3, size=(120, 80))
    assert sorted(os.listdir(folder)) == ["1.jpg", "2.jpg", "3.jpg"]
    stamp = os.stat(os.path.join(folder, "2.jpg")).st_mtime_ns
    demo.ensure_demo_folder(count=3, size=(120, 80))
    assert os.stat(os.path.join(folder, "2.jpg")).st_mtime_ns == stamp


def test_saved_preferences_apply_unless_the_command_line_says_otherwise(qtbot, image_folder):
    Settings().save_preferences(Preferences(cache_images=7, ahead=3, threads=3))
    seen = run_and_inspect(qtbot, [image_folder, "--threads", "1"])
    assert seen["limits"] == (7, Preferences().max_bytes)
    assert seen["plan"] == ReadAheadPlan(3, 1)
    assert seen["threads"] == 1


def test_main_without_arguments_offers_the_last_place(qtbot, image_folder):
    Settings().remember_place(image_folder, os.path.join(image_folder, "4.jpg"))
    seen = run_and_inspect(qtbot, [])
    assert seen["offer"] == "Reopen images at 4.jpg"


def test_the_first_image_is_read_once_by_the_early_start(qtbot, image_folder, monkeypatch):
    """The early start reads the --start image before Qt starts; the model's first load of it
    takes that read instead of reading the file again."""
    from viewer.core.formats import decode
    from viewer.startup import early

    early_reads: list[str] = []
    loader_reads: list[str] = []
    read_bytes, read_file = early.read_bytes, decode.read_file

    def counting_early(path: str) -> tuple[bytes, os.stat_result]:
        early_reads.append(os.path.basename(path))
        return read_bytes(path)

    def counting_loader(path: str) -> tuple[bytes, decode.FileStamp]:
        loader_reads.append(os.path.basename(path))
        return read_file(path)

    monkeypatch.setattr(early, "read_bytes", counting_early)
    monkeypatch.setattr(decode, "read_file", counting_loader)

    def inspect(window: MainWindow) -> None:
        try:
            qtbot.waitUntil(window.view.has_image)
        finally:  # close even on a timeout, so ``main`` returns and the test fails, not hangs
            window.model.shutdown(wait=True)
            window.lister.shutdown(wait=True)
            window.close()

    timer = when_shown(inspect)
    assert main([image_folder, "--start", "3", "--poll", "0"]) == 0
    timer.stop()
    assert early_reads == ["3.jpg"]
    assert "3.jpg" not in loader_reads


def test_the_first_image_is_on_screen_in_the_first_frame_before_the_window(
    qtbot, tmp_path, monkeypatch
):
    """A camera JPEG is shown by the first frame while no window is; the window, shown once
    it has the image too, takes its place, and the first frame goes."""
    from tests.images import pattern
    from viewer.demo.camera_jpeg import camera_jpeg
    from viewer.startup.first_frame import FirstFrame

    path = tmp_path / "photo.jpg"
    path.write_bytes(camera_jpeg(pattern((1200, 800))))
    frames: list[FirstFrame] = []
    windows_when_shown: list[bool] = []
    show_placed = FirstFrame.show_placed

    def watched_show_placed(frame: FirstFrame, *args: object) -> None:
        frames.append(frame)

        def painted() -> None:
            if frame.has_image() and not windows_when_shown:
                windows_when_shown.append(shown_window() is not None)

        frame.view.painted.connect(painted)
        show_placed(frame, *args)

    monkeypatch.setattr(FirstFrame, "show_placed", watched_show_placed)

    def inspect(window: MainWindow) -> None:
        try:
            qtbot.waitUntil(window.view.has_image)
            qtbot.waitUntil(lambda: all(gone_or_hidden(frame) for frame in frames))
        finally:
            window.model.shutdown(wait=True)
            window.lister.shutdown(wait=True)
            window.close()

    timer = when_shown(inspect)
    assert main([str(path), "--poll", "0"]) == 0
    timer.stop()
    assert len(frames) == 1 and windows_when_shown == [False]


def test_a_file_the_first_frame_cannot_show_opens_all_the_same(qtbot, tmp_path):
    from tests.images import write_image

    write_image(str(tmp_path / "a.png"), (64, 48))
    seen = run_and_inspect(qtbot, [str(tmp_path / "a.png"), "--poll", "0"])
    assert seen["title"] == "a.png — Viewer"
