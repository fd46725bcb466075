#!/usr/bin/env python3
"""Time ``viewer FILE`` from process start to the first paint of the image.

``startup_time.py [--runs 5] [--platform offscreen] [FILE]``: without FILE, one camera-sized
(6000×4000) JPEG is made in a temporary folder. Each run starts a fresh interpreter; the
child prints the wall-clock time when the view first paints an image and exits at once.
Prints every run and the median. Settings go to a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from viewer.samples import CAMERA_SIZE, write_sequence

#: Runs in the child: report the first paint that shows an image, then leave at once.
_CHILD = """
import os, sys, time
from viewer.ui import image_view
_paint = image_view.ImageView.paintEvent
def _timed(self, event):
    _paint(self, event)
    if self.has_image():
        print(time.time(), flush=True)
        os._exit(0)
image_view.ImageView.paintEvent = _timed
from viewer.app import main
sys.exit(main(sys.argv[1:]))
"""


def one_run(path: str, env: dict[str, str]) -> float:
    """Seconds from spawning the process to its first painted image."""
    started = time.time()
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, path],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    lines = child.stdout.split()
    if not lines:
        raise RuntimeError(f"the viewer painted nothing:\n{child.stderr}")
    return float(lines[-1]) - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", ""))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.file
        if path is None:
            write_sequence(scratch, 1, CAMERA_SIZE, ".jpg", 0)
            path = os.path.join(scratch, "1.jpg")
        env = {**os.environ, "XDG_CONFIG_HOME": scratch}
        if args.platform:
            env["QT_QPA_PLATFORM"] = args.platform
        times = [one_run(path, env) for _ in range(args.runs)]
    for number, seconds in enumerate(times, start=1):
        print(f"run {number}: {seconds * 1000:.0f} ms")
    print(f"median of {len(times)}: {statistics.median(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
