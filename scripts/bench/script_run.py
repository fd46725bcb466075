"""One design over the simulated share, in a process of its own so its peak RSS is its own.

The parent passes a JSON job; this prints ``item N`` as each item is processed (the
parent's watchdog reads them to tell a hang from a slow run) and one ``result {json}``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field

import numpy as np
import psutil

from bench.script_designs import designs
from bench.share import PRESETS, Share
from viewer.core.prefetch import note_bytes_read
from viewer.core.prefetch.loaders import decode_array

#: A damaged file is this file cut to its first bytes: it fails to decode.
DAMAGED_BYTES = 2000


@dataclass
class Job:
    """What the parent asks for: one design over ``paths`` through one link."""

    design: str
    preset: str
    paths: list[str]
    cpu_s: float
    sleep_s: float
    failing: str | None = None
    hanging: str | None = None
    bad_timeout: float | None = None


@dataclass
class Run:
    """What one design did: times in seconds, memory in bytes."""

    design: str
    wall_s: float = 0.0
    waits_s: list[float] = field(default_factory=list)
    processing_s: float = 0.0
    ok: int = 0
    errors: list[str] = field(default_factory=list)
    loads: int = 0
    duplicates: int = 0
    bytes_read: int = 0
    rss_start: int = 0
    rss_peak: int = 0


class Loader:
    """Reads through the share, then decodes as ``load_array`` does; counts loads per path.
    The failing path is cut short; the hanging one never returns from its open."""

    def __init__(self, job: Job) -> None:
        self._share = Share(PRESETS[job.preset])
        self._job = job
        self._never = threading.Event()
        self._lock = threading.Lock()
        self.calls: Counter[str] = Counter()

    @property
    def bytes_read(self) -> int:
        return self._share.bytes_read

    def __call__(self, path: str) -> np.ndarray:
        with self._lock:
            self.calls[path] += 1
        if path == self._job.hanging:
            self._never.wait()
        data, _ = self._share.read(path)
        note_bytes_read(len(data))
        if path == self._job.failing:
            data = data[:DAMAGED_BYTES]
        return decode_array(data, os.path.basename(path))


def process(value: np.ndarray, cpu_s: float, sleep_s: float) -> None:
    """The script's own work: a numpy filter for ``cpu_s`` of CPU time, then a sleep
    (waiting on something else: a GPU, a database, a plot)."""
    started = time.thread_time()
    region = value[:512, :512, 0].astype(np.float32)
    while time.thread_time() - started < cpu_s:
        region = (region + np.roll(region, 1, 0) + np.roll(region, 1, 1)) / 3.0
    time.sleep(sleep_s)


def _peak_rss() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def run(job: Job) -> Run:
    loader = Loader(job)
    design = designs(job.bad_timeout)[job.design]
    result = Run(job.design, rss_start=psutil.Process().memory_info().rss)
    started = time.perf_counter()
    items = design(job.paths, loader)
    while True:
        asked = time.perf_counter()
        entry = next(items, None)
        if entry is None:
            break
        result.waits_s.append(time.perf_counter() - asked)
        index, value = entry
        if isinstance(value, BaseException):
            result.errors.append(f"{index}: {type(value).__name__}")
        else:
            began = time.perf_counter()
            process(value, job.cpu_s, job.sleep_s)
            result.processing_s += time.perf_counter() - began
            result.ok += 1
        del value, entry
        print(f"item {index}", flush=True)
    result.wall_s = time.perf_counter() - started
    result.loads = sum(loader.calls.values())
    result.duplicates = result.loads - len(loader.calls)
    result.bytes_read = loader.bytes_read
    result.rss_peak = _peak_rss()
    return result


def main(job_json: str) -> int:
    threading.excepthook = lambda args: None  # textbook threads die quietly, as in a script
    result = run(Job(**json.loads(job_json)))
    print("result " + json.dumps(asdict(result)), flush=True)
    return 0  # a normal exit: the parent sees whether a blocked thread holds it up
