"""The thumbnail benchmark's parts: designs, the grid's first screen, and browsing beside it.

Designs are thumbnail loaders over one simulated share:
- ``full-decode``: read each whole file and decode it scaled (DCT-reduced, then resized), as
  qimgv and vimiv make thumbnails;
- ``cold`` and ``warm``: the project's thumbnailer (cache, EXIF thumbnail, MPF preview, then
  a reduced decode) with an empty and with a filled thumbnail cache.

All run through the same ``ThumbnailModel`` and ``GridView`` the viewer uses, offscreen.
"""

from __future__ import annotations

import functools
import inspect
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PyQt5.QtCore import QObject, Qt, QTimer, pyqtSlot

from bench.figures import ms
from bench.probe import wait, wait_until
from bench.share import Share
from viewer.core.formats.decode import DecodedImage
from viewer.core.io.ranged import file_stamp
from viewer.core.previews.thumbcache import FLAVOURS, ThumbnailCache
from viewer.core.previews.thumbnailer import make_thumbnail
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.model.thumbnails.state import ThumbnailState
from viewer.model.thumbnails.task import ThumbnailLoader
from viewer.ui.thumbnails.cells import cell_size
from viewer.ui.thumbnails.grid_view import GridView

FIRST_SCREEN = (10, 6)  # columns × lines: 60 thumbnails
ICON = 128  # the freedesktop ``normal`` size, loaded at 128 on a 1× screen
DESIGNS = ("full-decode", "cold", "warm")
THREADS = int(inspect.signature(ThumbnailModel).parameters["threads"].default)


def full_decode_loader(share: Share) -> ThumbnailLoader:
    """Every thumbnail from the whole file, decoded scaled: what other viewers do."""

    def load(path: str, size: int) -> DecodedImage:
        return share.load(path, display_box=(size, size)).image

    return load


def thumbnailer_loader(share: Share, cache_root: str) -> ThumbnailLoader:
    """The project's ``make_thumbnail``, reading through ``share``, caching in ``cache_root``."""
    cache = ThumbnailCache(cache_root)
    return functools.partial(
        make_thumbnail, cache=cache, reader=share.counted_range, stamp_of=share.stat
    )


class Heartbeat(QObject):
    """The longest gap between ticks of a 1 ms timer on the GUI thread: the worst stall."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._on_beat)

    def start(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @pyqtSlot()
    def _on_beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


@dataclass
class GridSetup:
    """A grid over a thumbnail model, sized to show exactly the first screen.

    ``threads`` is the thumbnail pool's size for every grid of the run (``--threads``).
    """

    model: ThumbnailModel
    grid: GridView
    threads: ClassVar[int] = THREADS

    @classmethod
    def build(cls, loader: ThumbnailLoader, activate: bool = True) -> GridSetup:
        """``activate=False`` shows the grid without taking the keyboard from the viewer."""
        model = ThumbnailModel(loader, threads=cls.threads)
        grid = GridView(model)
        grid.setAttribute(Qt.WA_ShowWithoutActivating, not activate)
        grid.set_icon_size(ICON)
        base = cell_size(ICON, True, grid.fontMetrics().height())  # before cells stretch
        frame = 2 * grid.frameWidth()
        columns, lines = FIRST_SCREEN
        scrollbar = grid.verticalScrollBar().sizeHint().width()
        slack = 4  # less than a cell: the style's scroll bar width is not exact until shown
        grid.resize(
            columns * base.width() + frame + scrollbar + slack, lines * base.height() + frame
        )
        grid.show()
        return cls(model, grid)

    def close(self) -> None:
        self.model.shutdown(wait=True)
        self.grid.close()
        self.grid.deleteLater()


def ready(model: ThumbnailModel, rows: Sequence[int]) -> bool:
    done = (ThumbnailState.READY, ThumbnailState.FAILED)
    return all(model.state(row) in done for row in rows)


def first_screen(
    design: str, loader: ThumbnailLoader, share: Share, paths: list[str], timeout: float
) -> dict[str, Any]:
    """Open ``paths`` in a fresh grid: time to the first 60 thumbnails, then until idle."""
    setup = GridSetup.build(loader)
    heartbeat = Heartbeat()
    try:
        share.reset()
        heartbeat.start()
        started = time.perf_counter()
        setup.model.set_paths(paths)
        wait_until(lambda: len(setup.grid.visible_rows()) > 0, timeout)
        shown = list(setup.grid.visible_rows())
        wait_until(lambda: ready(setup.model, shown), timeout)
        filled = time.perf_counter() - started
        wait_until(setup.model.idle, timeout)
        finished = time.perf_counter() - started
        heartbeat.stop()
        made = sum(setup.model.state(row) == ThumbnailState.READY for row in range(len(paths)))
        failed = sum(setup.model.state(row) == ThumbnailState.FAILED for row in range(len(paths)))
    finally:
        setup.close()
    return {
        "design": design,
        "link": share.link.name if share.link else "none",
        "first_screen": len(shown),
        "first_screen_ms": ms(filled),
        "thumbnails": made,
        "failed": failed,
        "kb_per_thumbnail": round(share.bytes_read / made / 1024, 1) if made else None,
        "thumbnails_per_s": round(made / finished, 1) if finished > 0 else None,
        "stall_max_ms": ms(heartbeat.longest),
    }


#: How long after the grid shows a thumbnail the desktop's cache must hold it (issue 22).
DESKTOP_WITHIN_S = 2.0
FLAVOUR_SIZES = tuple(size for _, size in FLAVOURS)


def desktop_cache(share: Share, paths: list[str], timeout: float) -> dict[str, Any]:
    """The grid at the viewer's own cell size (``GridView``'s default) over an empty cache:
    of the thumbnails of its first screen, how many are in the cache, in any flavour, 2 s
    after that screen was filled: what a file manager (or the next visit) finds."""
    root = tempfile.mkdtemp(prefix="bench-thumbs-desktop-")
    cache = ThumbnailCache(root)
    model = ThumbnailModel(thumbnailer_loader(share, root), threads=GridSetup.threads)
    grid = GridView(model)
    grid.resize(1280, 800)
    grid.show()
    try:
        model.set_paths(paths)
        wait_until(lambda: len(grid.visible_rows()) > 0, timeout)
        shown = list(grid.visible_rows())
        wait_until(lambda: ready(model, shown), timeout)
        wait(DESKTOP_WITHIN_S)
        written = sum(
            any(cache.is_fresh(paths[row], file_stamp(paths[row]), size) for size in FLAVOUR_SIZES)
            for row in shown
        )
    finally:
        model.shutdown(wait=True)
        grid.close()
        grid.deleteLater()
    return {"icon": grid.icon_size, "shown": len(shown), "written": written}


def linked_folder(paths: list[str], copies: int) -> list[str]:
    """``copies`` symbolic links to each file, in a fresh folder: a big folder of distinct
    names (each its own cache entry) over the same bytes, without writing gigabytes."""
    folder = tempfile.mkdtemp(prefix="bench-thumbs-links-")
    linked = []
    for copy in range(copies):
        for path in paths:
            link = os.path.join(folder, f"{copy:03d}-{os.path.basename(path)}")
            os.symlink(path, link)
            linked.append(link)
    return linked


class Pager(QObject):
    """Pages a grid down every ``interval`` seconds, as a user skimming a folder does, so
    thumbnail loads go on for as long as a browsing script runs."""

    def __init__(self, grid: GridView, interval: float) -> None:
        super().__init__()
        self._grid = grid
        self._timer = QTimer(self)
        self._timer.setInterval(round(interval * 1000))
        self._timer.timeout.connect(self._on_page)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @pyqtSlot()
    def _on_page(self) -> None:
        bar = self._grid.verticalScrollBar()
        bar.setValue(bar.value() + self._grid.viewport().height())
