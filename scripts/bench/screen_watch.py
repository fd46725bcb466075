"""Watches an X screen for a picture: ``startup_screen.py``'s eye.

Prints ``ready`` once connected. Each ``arm`` line on stdin: waits until the middle of the
screen is blank again (one colour), prints ``armed``, then grabs the screen every few ms and
prints the wall-clock time of the first grab whose middle shows a picture (many colours).
"""

from __future__ import annotations

import sys
import time
from typing import Any

from PyQt5.QtGui import QGuiApplication, QImage

#: Colours in the sampled band above which the screen shows a picture; an empty window or a
#: bare screen has one (two with a text line).
PICTURE_COLOURS = 24
SAMPLES = 64
#: ``grabWindow``'s window: 0 is the whole screen (the stubs want a ``sip.voidptr``).
ROOT: Any = 0


def colours(image: QImage) -> int:
    """Distinct colours along the screen's middle row and column."""
    width, height = image.width(), image.height()
    seen = set()
    for step in range(1, SAMPLES):
        seen.add(image.pixel(width * step // SAMPLES, height // 2))
        seen.add(image.pixel(width // 2, height * step // SAMPLES))
    return len(seen)


def grab() -> QImage:
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(ROOT).toImage()


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    assert app is not None
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "arm":
            continue
        while colours(grab()) >= PICTURE_COLOURS:
            time.sleep(0.005)  # the last viewer's window is still going away
        print("armed", flush=True)
        while True:
            image = grab()
            now = time.time()
            if colours(image) >= PICTURE_COLOURS:
                print(now, flush=True)
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
