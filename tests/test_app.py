from __future__ import annotations

import os

from PyQt5.QtCore import QTimer
from PyQt5.QtWidgets import QApplication

from viewer import demo
from viewer.app import main
from viewer.ui.main_window import MainWindow


def run_and_inspect(qtbot, argv):
    """Run ``main`` with its event loop; inspect and close the window once it is up."""
    seen: dict[str, object] = {}

    def inspect() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        window = windows[-1]
        seen["index"] = window.current_index
        seen["title"] = window.windowTitle()
        seen["icon"] = not window.windowIcon().isNull() or not QApplication.windowIcon().isNull()
        window.model.shutdown(wait=True)
        window.close()

    QTimer.singleShot(0, inspect)
    assert main(argv) == 0
    return seen


def test_main_opens_folder_at_start_index(qtbot, image_folder):
    seen = run_and_inspect(qtbot, [image_folder, "--start", "3"])
    assert seen["index"] == 2
    assert seen["title"] == "3.jpg — Viewer"
    assert seen["icon"]


def test_main_without_arguments_opens_empty_window(qtbot):
    seen = run_and_inspect(qtbot, [])
    assert seen["index"] is None


def test_demo_folder_is_made_once(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "user_cache_dir", lambda *a, **k: str(tmp_path))
    folder = demo.ensure_demo_folder(count=3, size=(120, 80))
    assert sorted(os.listdir(folder)) == ["1.jpg", "2.jpg", "3.jpg"]
    stamp = os.stat(os.path.join(folder, "2.jpg")).st_mtime_ns
    demo.ensure_demo_folder(count=3, size=(120, 80))
    assert os.stat(os.path.join(folder, "2.jpg")).st_mtime_ns == stamp
