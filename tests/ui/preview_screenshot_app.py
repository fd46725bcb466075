"""The real window on an X display, captured while an image loads: its preview, then none.

Started by ``test_preview_screenshots.py`` under Xvfb:
``python -m tests.ui.preview_screenshot_app OUT FOLDER``. FOLDER holds ``1.jpg`` (shown
first), ``2.jpg`` (a camera JPEG with EXIF and MPF previews) and ``3.jpg`` (no previews).
The loads of 2 and 3 are held after their first bytes until their screenshots are taken.
Writes ``preview.png``, ``sharp.png`` and ``veil.png`` to OUT, and ``facts.json``.
"""

from __future__ import annotations

import json
import os
import sys
import threading

from PyQt5.QtCore import QEventLoop, QSettings, QTimer
from PyQt5.QtWidgets import QApplication

from tests.ui.screenshot_app import capture, wait_for
from viewer.core.io.reading import FileStamp
from viewer.core.previews.head_first import HeadCallback, HeadFirstReader, read_head_first
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.pipeline import PreviewingLoader, previews_for
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow


def held_reader(held: dict[str, threading.Event]) -> HeadFirstReader:
    """The app's head-first read, holding the files named in ``held`` after their first
    bytes (which bring the preview) until their gate opens."""

    def read(path: str, on_head: HeadCallback) -> tuple[bytes, FileStamp]:
        def head_then_hold(name: str, head: bytes, size: int) -> None:
            on_head(name, head, size)
            gate = held.get(os.path.basename(name))
            if gate is not None:
                gate.wait(30)

        return read_head_first(path, head_then_hold)

    return read


def settle(app: QApplication, ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec_()


def rect(window: MainWindow) -> list[float]:
    shown = window.view.image_rect()
    return [shown.x(), shown.y(), shown.width(), shown.height()]


def main(out: str, folder: str) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(os.path.join(out, "settings.ini"), QSettings.IniFormat))
    held = {"2.jpg": threading.Event(), "3.jpg": threading.Event()}
    model = PrefetchModel(PreviewingLoader(read=held_reader(held)))
    previews = previews_for(model, None)
    window = MainWindow(model, settings=settings, previews=previews)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    facts: dict[str, object] = {}
    QTimer.singleShot(0, lambda: window.open_path(folder))
    wait_for(window.view.painted)
    QTimer.singleShot(0, window.go_next)
    wait_for(window.previews.previewShown)
    window.view.repaint()
    capture(app, os.path.join(out, "preview.png"))
    facts["preview_rect"], facts["mark_visible"] = rect(window), window.previews.showing
    mark = window.previews.mark
    corner = mark.mapTo(window.view, mark.rect().topLeft())
    facts["mark"] = [corner.x(), corner.y(), mark.width(), mark.height()]
    held["2.jpg"].set()
    wait_for(window.view.painted)
    settle(app)
    capture(app, os.path.join(out, "sharp.png"))
    facts["sharp_rect"], facts["mark_after"] = rect(window), window.previews.showing
    QTimer.singleShot(0, window.go_next)
    settle(app, 800)  # its preview is looked for, and there is none
    window.view.repaint()
    capture(app, os.path.join(out, "veil.png"))
    facts["veil_message"] = window.view.message
    top_left = window.view.mapToGlobal(window.view.rect().topLeft())
    facts["view"] = [top_left.x(), top_left.y(), window.view.width(), window.view.height()]
    held["3.jpg"].set()
    with open(os.path.join(out, "facts.json"), "w", encoding="utf-8") as file:
        json.dump(facts, file)
    previews.queue.shutdown(wait=True)
    model.shutdown(wait=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
