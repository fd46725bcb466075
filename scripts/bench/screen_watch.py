"""Watches an X screen for a picture: ``startup_screen.py``'s eye.

Prints ``ready`` once connected. Each ``arm [SEEN.png]`` line on stdin: waits until the middle
of the screen is blank again (one colour), prints ``armed``, then grabs the screen every few ms
and prints the wall-clock time of the first grab whose middle shows a picture (many colours),
keeping the screen just after as ``SEEN.png`` if named.
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


def colours(strips: tuple[QImage, QImage]) -> int:
    """Distinct colours along the screen's middle row and column."""
    row, column = strips
    seen = {row.pixel(row.width() * step // SAMPLES, 0) for step in range(1, SAMPLES)}
    seen |= {column.pixel(0, column.height() * step // SAMPLES) for step in range(1, SAMPLES)}
    return len(seen)


def grab() -> tuple[QImage, QImage]:
    """The middle row and column of the screen: two thin grabs, so that watching costs the
    viewers being timed almost no CPU (a whole 1280×800 screen is 4 MB a grab)."""
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry()
    row = screen.grabWindow(ROOT, 0, size.height() // 2, size.width(), 1).toImage()
    column = screen.grabWindow(ROOT, size.width() // 2, 0, 1, size.height()).toImage()
    return row, column


def keep(path: str) -> None:
    QGuiApplication.primaryScreen().grabWindow(ROOT).toImage().save(path)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    assert app is not None
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if words[:1] != ["arm"]:
            continue
        while colours(grab()) >= PICTURE_COLOURS:
            time.sleep(0.005)  # the last viewer's window is still going away
        print("armed", flush=True)
        while True:
            strips = grab()
            now = time.time()
            if colours(strips) >= PICTURE_COLOURS:
                print(now, flush=True)
                if len(words) > 1:
                    keep(words[1])
                break
            time.sleep(0.002)  # leave the CPU to the viewer
    return 0


if __name__ == "__main__":
    sys.exit(main())
