"""Run the real window on an X display and capture the screen in three states.

Started by ``test_screenshots.py`` under Xvfb: ``python -m tests.ui.screenshot_app OUT FOLDER``.
FOLDER holds ``1-landscape.png``, ``2-portrait.png`` and ``3-broken.jpg``. Writes one PNG
per state to OUT, and ``facts.json`` with where the view is and which colours to expect.
"""

from __future__ import annotations

import json
import os
import sys

from PyQt5.QtCore import QEventLoop, QSettings, QTimer
from PyQt5.QtWidgets import QApplication

from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.image.image_view import ERROR_COLOR
from viewer.ui.theme import background_color
from viewer.ui.window.main_window import MainWindow

STATES = ("landscape", "portrait", "error")


def wait_for(signal: object, timeout_ms: int = 10000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec_()


def capture(app: QApplication, path: str) -> None:
    app.processEvents()
    app.sync()  # the X server has drawn everything we asked for
    app.primaryScreen().grabWindow(0).save(path)


def main(out: str, folder: str) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(os.path.join(out, "settings.ini"), QSettings.IniFormat))
    model = PrefetchModel()
    window = MainWindow(model, settings=settings)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    facts: dict[str, object] = {}
    for index, state in enumerate(STATES):
        signal = window.view.painted if state != "error" else model.loadFailed
        if index == 0:
            QTimer.singleShot(0, lambda: window.open_path(folder))
        else:
            QTimer.singleShot(0, window.go_next)
        wait_for(signal)
        window.view.repaint()
        capture(app, os.path.join(out, f"{state}.png"))
    top_left = window.view.mapToGlobal(window.view.rect().topLeft())
    facts["view"] = [top_left.x(), top_left.y(), window.view.width(), window.view.height()]
    facts["ratio"] = window.view.devicePixelRatioF()
    facts["background"] = background_color(window.view.palette()).getRgb()[:3]
    facts["error_color"] = ERROR_COLOR.getRgb()[:3]
    facts["error_message"] = window.view.message
    with open(os.path.join(out, "facts.json"), "w", encoding="utf-8") as file:
        json.dump(facts, file)
    model.shutdown(wait=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
