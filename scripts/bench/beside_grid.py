"""The main image's next-image latency while a grid loads thumbnails over the same link.

The real window browses ``seq`` (one press per dwell, as the browse benchmark does) while a
second, inactive window shows a grid paging down one screen per dwell through a big folder,
so thumbnail reads go on for the whole script. Without a grid, the same script gives the
baseline of the same run.
"""

from __future__ import annotations

import time
from typing import Any, cast

from PyQt5.QtCore import Qt

from bench.designs import parse_design
from bench.figures import ms, percentile, script_figures
from bench.images import sequence_of
from bench.probe import wait, wait_until
from bench.runner import Session, Timing
from bench.share import Share
from bench.thumbs import GridSetup, Pager
from viewer.core.formats.geometry import Size
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.thumbnails.hold import ThumbnailHold
from viewer.model.thumbnails.task import ThumbnailLoader


def pooled(label: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The runs of one design as one row: percentiles over every press of every run."""
    latencies = [value for run in runs for value in run["latencies"]]
    return {
        "design": label,
        "runs": len(runs),
        "presses": len(latencies),
        "missed": sum(run["presses"] - run["shown"] for run in runs),
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "thumbnails_started": _total(runs, "thumbnails_started"),
        "thumb_kb_beside": _total(runs, "thumb_kb_beside"),
        "stall_max_ms": max(run["stall_max_ms"] for run in runs),
    }


def _total(runs: list[dict[str, Any]], key: str) -> int | None:
    """The sum over the runs that have ``key`` (None when none has: no grid)."""
    values = [run[key] for run in runs if key in run]
    return sum(values) if values else None


def browse_beside_grid(
    label: str,
    share: Share,
    paths: list[str],
    timing: Timing,
    view_size: Size,
    grid: tuple[ThumbnailLoader, list[str]] | None,
    hold: bool = True,
) -> dict[str, Any]:
    """``seq`` through ``paths`` in the real window, beside a paging grid if ``grid`` is
    given as (loader, folder), held while the main image loads if ``hold`` (as the viewer
    does); returns the browse figures plus the grid's own counts."""
    design = parse_design("viewer")
    session = Session(design, share, sequence_of(paths), view_size)
    setup: GridSetup | None = None
    pager: Pager | None = None
    holder: ThumbnailHold | None = None
    try:
        session.open_and_show(timing.timeout)
        # The first read-ahead settles, so the first press is measured like the others.
        wait_until(lambda: session.in_flight() == 0, timing.timeout)
        if grid is not None:
            setup = GridSetup.build(grid[0], activate=False)
            setup.model.set_paths(grid[1])
            if hold:
                holder = ThumbnailHold(cast(PrefetchModel, session.model), setup.model)
            pager = Pager(setup.grid, timing.seq_dwell)
            pager.start()
            session.window.activateWindow()  # keys go to the viewer, as a user's would
        share.reset()
        probe = session.probe()
        probe.start()
        started = time.perf_counter()
        for number in range(timing.seq_presses):
            wait(started + number * timing.seq_dwell - time.perf_counter())
            probe.press(Qt.Key_Right)
            wait_until(lambda: probe.shown(session.window.current_index), timing.seq_dwell)
        wait_until(lambda: probe.shown(session.window.current_index), timing.timeout)
        probe.stop()
        figures = script_figures("seq", design, share, probe, started)
        # An image not painted before the next press waited at least the dwell: counted so.
        figures["latencies"] = [probe.painted.get(i, probe.pressed[i] + timing.seq_dwell)
                                - probe.pressed[i] for i in probe.pressed]  # fmt: skip
        if setup is not None:
            figures["thumbnails_started"] = setup.model.loads_started
            figures["thumb_kb_beside"] = round(share.ranged_beside_whole / 1024)
    finally:
        if pager is not None:
            pager.stop()
        if holder is not None:
            holder.stop()
        if setup is not None:
            setup.close()
        session.close()
    figures["design"] = label
    return figures
