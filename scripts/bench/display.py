"""Display figures on the real window: cold request to paint, paint cost, and store cost.

The simple path is the ``naive`` design: the same decoder at full size on the GUI thread,
then the view paints the full pixmap smoothly scaled. The viewer path is ``PrefetchModel``
with the view's display box. Each cold sample opens a file no sample has read in this run,
after dropping it from the page cache, so neither disk cache nor store is reused.
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from functools import partial
from typing import Callable

from PyQt5.QtCore import QSize
from PyQt5.QtGui import QImage

from bench.designs import Design
from bench.figures import ms
from bench.images import sequence_of
from bench.probe import wait, wait_until
from bench.runner import Session
from bench.share import Share
from viewer.core.formats.geometry import Size
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.images.qimage_buffer import QImageAllocator
from viewer.ui.image.image_view import ImageView

#: How many display images the issue prices: ten must cost under 100 MB.
PRICED_IMAGES = 10


def evict(path: str) -> None:
    """Drop ``path`` from the page cache, so its next read comes from the disk."""
    if hasattr(os, "posix_fadvise"):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)


def alone(path: str) -> str:
    """``path`` seen through a link in a folder of its own: the window lists the folder it
    opens, and a one-image folder keeps that listing from re-indexing the image."""
    folder = tempfile.mkdtemp(prefix="viewer-cold-")
    link = os.path.join(folder, os.path.basename(path))
    os.symlink(os.path.abspath(path), link)
    return link


def median_ms(samples: Sequence[float]) -> float | None:
    return ms(statistics.median(samples)) if samples else None


def cold_opens(
    sessions: Sequence[Session], paths: Sequence[str], timeout: float
) -> list[dict[str, list[float]]]:
    """Open each path once, taking turns between ``sessions`` (which goes first alternates).

    Returns, per session, seconds from the open to the end of the first paint and the longest
    GUI stall during it.
    """
    results: list[dict[str, list[float]]] = [{"latency": [], "stall": []} for _ in sessions]
    turns = len(sessions)
    for sample in range(len(paths) // turns):
        order = range(turns) if sample % 2 == 0 else reversed(range(turns))
        for position, which in enumerate(order):
            path = paths[sample * turns + position]
            evict(path)
            session = sessions[which]
            probe = session.open_and_show(timeout, sequence_of([alone(path)]))
            if 0 in probe.painted:
                results[which]["latency"].append(probe.painted[0] - probe.pressed[0])
                results[which]["stall"].append(max(probe.gaps, default=0.0))
            wait_until(partial(_idle, session), timeout)
            gc.collect()
            wait(0.05)
    return results


def _idle(session: Session) -> bool:
    return session.in_flight() == 0


def paint_ms(view: ImageView, image: QImage, source: QSize, repeat: int) -> float | None:
    """GUI-thread milliseconds to show a stored image: ``QPixmap.fromImage`` plus one paint."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        view.show_image(image, source)
        view.repaint()
        samples.append(time.perf_counter() - started)
    return median_ms(samples)


def full_image(share: Share, path: str) -> QImage:
    """``path`` decoded at full size into a QImage, as the simple path stores it."""
    allocator = QImageAllocator()
    return allocator.take(share.load(path, allocator, None).image)


def stored_display_images(model: PrefetchModel) -> list[QImage]:
    """The images the model stored for its current display box, least recently used first."""
    display_box = model.display_box
    results = [model.store.peek(key) for key in model.store if key.display_box == display_box]
    return [result.image for result in results if result is not None]


def priced_mb(images: Sequence[QImage]) -> float | None:
    """What ``PRICED_IMAGES`` such images cost, from the real bytes of up to that many."""
    if not images:
        return None
    sizes = [image.sizeInBytes() for image in images[-PRICED_IMAGES:]]
    return round(sum(sizes) / len(sizes) * PRICED_IMAGES / 1e6, 1)


def comparison(
    figure: str, unit: str, simple: float | None, viewer: float | None, target: str,
    met: Callable[[float, float], bool] | None,
) -> dict[str, object]:  # fmt: skip
    """One row of the display table: both paths, their ratio, and the target's verdict."""
    ratio = round(viewer / simple, 2) if simple and viewer is not None else None
    verdict = None
    if met is not None and simple is not None and viewer is not None:
        verdict = "met" if met(simple, viewer) else "missed"
    return {"figure": figure, "unit": unit, "simple": simple, "viewer": viewer,
            "ratio": ratio, "target": target, "verdict": verdict}  # fmt: skip


def sessions_for(designs: Sequence[Design], share: Share, paths: Sequence[str],
                 view_size: Size) -> list[Session]:  # fmt: skip
    return [Session(design, share, sequence_of(paths[:1]), view_size) for design in designs]
