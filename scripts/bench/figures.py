"""The figures of one script run, from what the probe and the share recorded."""

from __future__ import annotations

import operator
import os
from typing import Any

import numpy as np

from bench.designs import Design
from bench.probe import Probe
from bench.share import Share

MS = 1000.0


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * MS, 1)


def percentile(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def script_figures(
    script: str, design: Design, share: Share, probe: Probe, started: float
) -> dict[str, Any]:
    """Key-to-painted, stalls, in flight, bytes and RSS; burst and fast add their own."""
    latencies = [probe.painted[i] - probe.pressed[i] for i in probe.painted]
    shown = len(probe.painted)
    last_paint = max(probe.painted.values(), default=None)
    figures: dict[str, Any] = {
        "design": design.name,
        "script": script,
        "presses": len(probe.pressed),
        "shown": shown,
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "max_ms": ms(max(latencies, default=None)),
        "bytes_read": share.bytes_read,
        "reads": share.reads,
        "mb_per_shown": round(share.bytes_read / shown / 1e6, 2) if shown else None,
        "peak_in_flight": probe.peak_in_flight,
        "in_flight_limit": design.in_flight_limit,
        "stall_max_ms": ms(max(probe.gaps, default=None)),
        "stall_p99_ms": ms(percentile(probe.gaps, 99)),
        # The same gaps less the time the OS kept the GUI thread waiting for a core.
        "stall_own_max_ms": ms(max(map(operator.sub, probe.gaps, probe.queued), default=None)),
        "peak_rss_mb": round(probe.peak_rss / 2**20),
    }
    final = probe.final_index
    if script in ("burst", "jump", "fast", "hold"):
        figures.update(_first_pixels(probe))
    if script == "jump" and final in probe.painted:
        figures["final_ms"] = ms(probe.painted[final] - probe.pressed[final])
    if script in ("burst", "hold") and final in probe.painted:
        # From the last press that moved (presses at the last image change nothing).
        figures["final_ms"] = ms(probe.painted[final] - probe.pressed[final])
    if script == "fast" and last_paint is not None:
        figures["images_per_s"] = round(shown / (last_paint - started), 2)
    return figures


def _first_pixels(probe: Probe) -> dict[str, Any]:
    """Key to the first pixels of the right image (its preview, or the image itself)."""
    firsts = [probe.first[i] - probe.pressed[i] for i in probe.first]
    return {
        "first_shown": len(firsts),
        "first_p50_ms": ms(percentile(firsts, 50)),
        "first_p95_ms": ms(percentile(firsts, 95)),
        "blank_ms": ms(probe.blank),
        "dark_ms": ms(probe.dark),
    }


def link_images_per_s(share: Share, paths: list[str]) -> float | None:
    """What the link allows: bandwidth over the mean file size (None without a link)."""
    if share.link is None or not paths:
        return None
    mean_size = sum(os.path.getsize(p) for p in paths) / len(paths)
    return round(share.link.rate / mean_size, 2)
