#!/usr/bin/env python3
"""Pick the best of a burst: 100% with the zoom locked, compare with two panes, the aids.

Drives the real window offscreen over 24 MP JPEGs, locally and on a simulated share
(``--share lan``), and prints four figures beside today's way in the same run:

* next image p95 to the sharp full-resolution view, at 100% with the zoom locked, after a
  dwell: read-ahead at full resolution (``full``) against read-ahead at screen size
  (``screen``, the code before issue 21, got by switching the full-resolution read-ahead off);
* the same for → in compare with two panes (the new candidate sharp);
* pan steps and zoom steps (apart) repainting both panes, wall-clock and GUI-thread CPU time,
  and the repaint once the panes rest;
* worker time of peaking, clipping and the histogram per screen-sized image.

``--quick`` is CI's smoke test on tiny images: it checks that the harness runs, never timings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="bench-compare-config-"))

from bench.images import camera_images, quick_images, sequence_of
from bench.report import run_header, write_json
from bench.share import PRESETS, Share
from PyQt5.QtCore import QCoreApplication, QRect
from PyQt5.QtGui import QImage
from PyQt5.QtWidgets import QApplication

from viewer.core.aids.overlay import AidChoice
from viewer.core.folder.sequence import ImageSequence
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.aids.aid_worker import measure
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.images.qimage_buffer import QImageAllocator
from viewer.ui.image.display_box import DisplayBox
from viewer.ui.window.main_window import MainWindow

SCREEN = (1920, 1080)


def wait_until(app: QCoreApplication, done: Callable[[], bool], timeout: float = 60.0) -> float:
    """Process events until ``done()``; the seconds it took (raises on timeout)."""
    began = time.perf_counter()
    while not done():
        app.processEvents()
        if time.perf_counter() - began > timeout:
            raise TimeoutError("the view never became sharp")
        time.sleep(0.0005)
    return time.perf_counter() - began


def dwell(app: QCoreApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


@contextmanager
def screen_read_ahead(on: bool) -> Iterator[None]:
    """With ``on``, read-ahead stays at screen size even zoomed and locked (today's code)."""
    original = DisplayBox.full_ahead
    if on:
        DisplayBox.full_ahead = lambda self: False  # type: ignore[method-assign]
    try:
        yield
    finally:
        DisplayBox.full_ahead = original  # type: ignore[method-assign]


def make_window(app: QCoreApplication, share: Share, sequence: ImageSequence) -> MainWindow:
    model = PrefetchModel(share.load, plan=ReadAheadPlan(2, 1))
    window = MainWindow(model)
    window.resize(*SCREEN)
    window.show()
    window.open_sequence(sequence, 0)
    wait_until(app, lambda: window.view.has_image())
    return window


def sharp_single(window: MainWindow, index: int) -> bool:
    view = window.view
    return (window.browsing.shown == index and view.has_image()
            and view.image_size().width() == view.source_size().width())  # fmt: skip


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1)


def single_locked(app: QCoreApplication, share: Share, sequence: ImageSequence, steps: int,
                  dwell_s: float) -> list[float]:  # fmt: skip
    """Seconds from → to the sharp full-resolution view, at 100% with the zoom locked."""
    window = make_window(app, share, sequence)
    window.actions_by_name["zoom_lock"].trigger()
    window.view.actual_size()
    wait_until(app, lambda: sharp_single(window, 0))
    times = []
    paints = [0]
    window.view.painted.connect(lambda: paints.__setitem__(0, paints[0] + 1))
    for index in range(1, steps + 1):
        dwell(app, dwell_s)
        began = time.perf_counter()
        window.go_next()
        painted = paints[0]
        wait_until(app, lambda i=index: sharp_single(window, i))  # type: ignore[misc]
        wait_until(app, lambda p=painted: paints[0] > p)  # type: ignore[misc]  # on screen
        times.append(time.perf_counter() - began)
    window.actions_by_name["zoom_lock"].trigger()
    window.close()
    window.model.shutdown(wait=True)
    return times


def compare_next(app: QCoreApplication, share: Share, sequence: ImageSequence, steps: int,
                 dwell_s: float) -> tuple[list[float], dict[str, list[float]]]:  # fmt: skip
    """Seconds from → to the new candidate sharp at 100% in two panes; and the seconds of pan
    steps and of zoom steps repainting both panes, wall-clock and GUI-thread CPU, and of the
    repaint once the panes rest."""
    window = make_window(app, share, sequence)
    window.compare.enter()
    view = window.compare.view

    def sharp() -> bool:
        panes = view.panes
        return all(p.has_image() and not p.is_preview() for p in panes) and all(
            p.path == window.model.path(i) for p, i in zip(panes, window.compare.indexes())
        )

    view.run("actual_size")
    wait_until(app, sharp)
    times = []
    paints = [0]
    for pane in view.panes:
        pane.painted.connect(lambda: paints.__setitem__(0, paints[0] + 1))
    for _ in range(steps):
        dwell(app, dwell_s)
        began = time.perf_counter()
        view.run("next")
        painted = paints[0]
        wait_until(app, sharp)
        wait_until(app, lambda p=painted: paints[0] > p)  # type: ignore[misc]  # on screen
        times.append(time.perf_counter() - began)
    gui: dict[str, list[float]] = {"pan": [], "pan_cpu": [], "zoom": [], "zoom_cpu": [],
                                   "rest": [], "rest_cpu": []}  # fmt: skip
    for step in range(64):
        began, cpu = time.perf_counter(), time.thread_time()
        kind = "zoom" if step % 4 == 3 else "pan"
        if kind == "zoom":
            view.zoom_by(1.1 if step % 8 == 3 else 1 / 1.1)
        else:
            view.linked.pan(7.0, -3.0 if step % 2 else 3.0)
            view.relayout()
        view.repaint()  # the next frame, now, on this thread: the view and both panes
        gui[kind].append(time.perf_counter() - began)
        gui[kind + "_cpu"].append(time.thread_time() - cpu)
        if step % 16 == 15:  # let the panes rest (a smooth paint may follow), then time it
            dwell(app, 0.3)
            began, cpu = time.perf_counter(), time.thread_time()
            view.repaint()
            gui["rest"].append(time.perf_counter() - began)
            gui["rest_cpu"].append(time.thread_time() - cpu)
    window.compare.leave()
    window.close()
    window.model.shutdown(wait=True)
    return times, gui


def aid_times(path: str, repeats: int) -> dict[str, float]:
    """Median worker milliseconds of each aid (and all three) on a screen-sized image."""
    share = Share(None)
    allocator = QImageAllocator()
    loaded = share.load(path, allocator, SCREEN)
    image: QImage = allocator.take(loaded.image)
    region = QRect(0, 0, image.width(), image.height())
    out = {}
    for name, choice in (("peaking", AidChoice(peaking=True)),
                         ("clipping", AidChoice(clipping=True)),
                         ("histogram", AidChoice(histogram=True)),
                         ("all three", AidChoice(True, True, True))):  # fmt: skip
        seconds = [measure(image, region, choice, 0).seconds for _ in range(repeats)]
        out[name] = round(statistics.median(seconds) * 1000, 1)
    out["image"] = f"{image.width()}x{image.height()}"  # type: ignore[assignment]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shares", default="none,lan", help="comma-separated: none, lan, wifi…")
    parser.add_argument("--designs", default="screen,full", help="read-ahead: screen, full")
    parser.add_argument("--count", type=int, default=12, help="camera images to step through")
    parser.add_argument("--dwell", type=float, default=0.8, help="seconds on each image")
    parser.add_argument("--out", default="bench-results")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = quick_images(6) if args.quick else camera_images(args.count)
    sequence = sequence_of(paths)
    steps = len(paths) - 2  # the first is a warm-up, reported apart
    dwell_s = 0.05 if args.quick else args.dwell
    rows = []
    for share_name in args.shares.split(","):
        share = Share(PRESETS.get(share_name))
        for design in args.designs.split(","):
            print(f"{share_name} {design} …", file=sys.stderr)
            with screen_read_ahead(design == "screen"):
                single = single_locked(app, share, sequence, steps, dwell_s)
                compared, gui = compare_next(app, share, sequence, steps, dwell_s)
            steps_ms = {f"{k}_p95_ms": p95(v) for k, v in gui.items()}
            # The first step is reported apart: its read-ahead began with the zoom, not a dwell.
            rows.append({
                "share": share_name, "read_ahead": design, "first_ms": p95(single[:1]),
                "single_p95_ms": p95(single[1:]), "single_max_ms": p95([max(single[1:])]),
                "compare_first_ms": p95(compared[:1]),
                "compare_p95_ms": p95(compared[1:]), "compare_max_ms": p95([max(compared[1:])]),
                **steps_ms,
            })  # fmt: skip
    aids = aid_times(paths[0], 3 if args.quick else 15)
    print("\n| share | read-ahead | single 1st ms | single p95 ms | max | compare 1st ms"
          " | compare → p95 ms | max | pan step p95 ms (CPU) | zoom step p95 ms (CPU)"
          " | at rest p95 ms (CPU) |\n|---|---|---|---|---|---|---|---|---|---|---|")  # fmt: skip
    for r in rows:
        for kind in ("pan", "zoom", "rest"):
            r[f"{kind}_cell"] = f"{r[f'{kind}_p95_ms']} ({r[f'{kind}_cpu_p95_ms']})"
        keys = ("share", "read_ahead", "first_ms", "single_p95_ms", "single_max_ms",
                "compare_first_ms", "compare_p95_ms", "compare_max_ms", "pan_cell", "zoom_cell",
                "rest_cell")  # fmt: skip
        cells = [r[k] for k in keys]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    print(f"\naids on a {aids.pop('image')} image, worker ms (median): {aids}")
    run = {**run_header(), "rows": rows, "aids_ms": aids, "images": len(paths)}
    print(f"\nwrote {write_json(args.out, run, prefix='compare')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
