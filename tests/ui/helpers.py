"""Shared steps for window tests."""

from __future__ import annotations

from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence


def shown(window, index):
    """The image at ``index`` itself is on screen (not the last one, kept while it loads)."""
    return (
        window.current_index == index and window.browsing.shown == index and window.view.has_image()
    )


def open_at(qtbot, window, folder, index=0):
    window.open_sequence(ImageSequence.from_folder(folder), index)
    qtbot.waitUntil(lambda: shown(window, index), timeout=TIMEOUT_MS)
