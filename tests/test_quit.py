"""Quitting while reads hang: the process must leave at once, not wait for the share."""

from __future__ import annotations

import os
import subprocess
import sys

from viewer.cli import parse

# Runs the real entry point with a loader that never returns. The first read to start closes
# every window from its worker thread (a queued call), like a user pressing Ctrl+Q mid-load.
HANGING_VIEWER = """
import sys, threading
from PyQt5.QtCore import QMetaObject, Qt
from PyQt5.QtWidgets import QApplication
from viewer.app import main

def hang(path, allocate, display_box=None):
    QMetaObject.invokeMethod(QApplication.instance(), "closeAllWindows", Qt.QueuedConnection)
    threading.Event().wait()

print("exit", main([sys.argv[1]], loader=hang), flush=True)
"""


def test_quitting_while_reads_hang_exits_without_waiting(image_folder, tmp_path):
    # Qt keeps settings under XDG_CONFIG_HOME on Linux: never the user's own in a test.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    # The timeout only detects a hang (without the fix the process never ends); it is no
    # measure of speed.
    result = subprocess.run(
        [sys.executable, "-c", HANGING_VIEWER, image_folder],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "exit" not in result.stdout  # left through os._exit, never back into Python
    assert "Leaving without waiting" in result.stderr


def test_max_image_mb_option(image_folder):
    assert parse([image_folder, "--max-image-mb", "64"]).max_image_bytes == 64 << 20
