"""Run the real window on an X display and capture the compare view and the aids.

Started by ``test_compare_screenshots.py`` under Xvfb:
``python -m tests.ui.compare_screenshot_app OUT FOLDER``. FOLDER holds ``1-sharp.png`` (stripes
with hard edges) and ``2-blurred.png`` (the same stripes blurred, at half the pixel size).
Writes one PNG per state to OUT, and ``facts.json`` with where the panes are.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Callable

from PyQt5.QtCore import QSettings, QTimer
from PyQt5.QtWidgets import QApplication

from viewer.core.aids.overlay import PEAKING_COLOUR
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.theme import background_color
from viewer.ui.window.main_window import MainWindow


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the state never came")
        app.processEvents()
        time.sleep(0.005)


def capture(app: QApplication, path: str) -> None:
    app.processEvents()
    app.sync()
    app.primaryScreen().grabWindow(0).save(path)


def geometry(widget: object) -> list[int]:
    top_left = widget.mapToGlobal(widget.rect().topLeft())  # type: ignore[attr-defined]
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]  # type: ignore[attr-defined]


def main(out: str, folder: str) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(os.path.join(out, "settings.ini"), QSettings.IniFormat))
    model = PrefetchModel()
    window = MainWindow(model, settings=settings)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    QTimer.singleShot(0, lambda: window.open_path(folder))
    wait_until(app, lambda: window.view.has_image() and window.sequence is not None
               and len(window.sequence) == 2)  # fmt: skip
    facts: dict[str, object] = {}
    aids = window.focus_aids

    # the single view: peaking on the sharp frame, then on the blurred one
    aids.toggle_peaking()
    for index, state in ((0, "single-peaking-sharp"), (1, "single-peaking-blurred")):
        if index:
            window.go_next()
        wait_until(app, lambda i=index: window.current_index == i and window.view.has_image()
                   and window.view.aids() is not None)  # type: ignore[misc]  # fmt: skip
        window.view.repaint()
        capture(app, os.path.join(out, f"{state}.png"))
    aids.toggle_peaking()
    window.go_first()
    wait_until(app, lambda: window.current_index == 0 and window.view.has_image())

    compare, view = window.compare, window.compare.view
    compare.enter()
    wait_until(app, lambda: all(p.has_image() for p in view.panes))
    view.repaint()
    capture(app, os.path.join(out, "compare-fit.png"))
    facts["panes"] = [geometry(p) for p in view.panes]
    facts["fit_zoom"] = [p.zoom().scale for p in view.panes]  # type: ignore[union-attr]

    view.run("actual_size")
    wait_until(app, lambda: all(p.has_image() and not p.is_preview() for p in view.panes))
    view.repaint()
    capture(app, os.path.join(out, "compare-100.png"))
    facts["actual_zoom"] = [p.zoom().scale for p in view.panes]  # type: ignore[union-attr]

    aids.toggle_peaking()
    wait_until(app, lambda: all(p.aids() is not None for p in view.panes))
    view.repaint()
    capture(app, os.path.join(out, "compare-peaking.png"))
    facts["view"] = geometry(window.view)
    facts["background"] = background_color(window.view.palette()).getRgb()[:3]
    blue, green, red, _ = PEAKING_COLOUR
    facts["peaking"] = [red, green, blue]
    facts["captions"] = [p.caption() for p in view.panes]
    with open(os.path.join(out, "facts.json"), "w", encoding="utf-8") as file:
        json.dump(facts, file)
    aids.close()
    model.shutdown(wait=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
