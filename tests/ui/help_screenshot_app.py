"""The help overlay on a real X display, at 1366×768 and 1024×600.

Started by ``test_help_screenshots.py`` under Xvfb: ``python -m tests.ui.help_screenshot_app
OUT FOLDER``. Writes ``help-WxH.png`` per size to OUT, and ``facts.json``: per size, whether
the overlay is inside the view, and in how many columns.
"""

from __future__ import annotations

import json
import os
import sys

from PyQt5.QtCore import QSettings
from PyQt5.QtWidgets import QApplication

from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow

SIZES = ((1366, 768), (1024, 600))


def main(out: str, folder: str) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(os.path.join(out, "settings.ini"), QSettings.IniFormat))
    facts: dict[str, object] = {}
    for width, height in SIZES:
        window = MainWindow(PrefetchModel(), settings=settings)
        window.setGeometry(0, 0, width, height)
        window.show()
        app.processEvents()
        window.help_overlay.toggle()
        app.processEvents()
        app.sync()
        name = f"{width}x{height}"
        app.primaryScreen().grabWindow(0, 0, 0, width, height).save(
            os.path.join(out, f"help-{name}.png")
        )
        overlay = window.help_overlay
        facts[name] = {"fits": overlay.fits(), "columns": overlay.columns}
        window.model.shutdown(wait=True)
        window.close()
    with open(os.path.join(out, "facts.json"), "w", encoding="utf-8") as file:
        json.dump(facts, file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
