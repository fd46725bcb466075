#!/usr/bin/env python3
"""Verdicts on a share: how soon "rated ≥ 3" is complete, what each image costs, how long one
rating takes to write, and whether writing ratings slows browsing. ``--help`` for options.

A folder of camera-like JPEGs (EXIF, thumbnail, MPF preview), a quarter of them with a
sidecar, on the simulated share (``--share lan,wifi,vpn``); the real window and verdict
model, offscreen. Figures per share:

- ``listing_ms``: the folder's listing alone, through the share; ``window_listed_ms``: from
  open to the window's first listing; ``filter_complete_ms``: from open to every verdict
  read, with View ▸ Show at "rated ≥ 3" (images load beside it, as when a user opens a
  folder); ``filter_ratio``: ``filter_complete_ms / window_listed_ms`` (target ≤ 2 on lan).
- ``max_bytes_no_sidecar``: the most read from one image without a sidecar (target ≤ 64 KB);
  ``mean_bytes_per_image`` over all images, sidecars included.
- ``write_p50_ms`` / ``write_max_ms``: one rating written (created or updated) on the share.
- ``browse_p95_ms``, ``browse_rating_p95_ms``, ``browse_again_p95_ms``: next image, key to
  sharp paint, browsing the same images without, while rating each one, and without again
  (the two without say how large the noise is; target: rating changes nothing beyond it).

``--quick`` is CI's smoke test: tiny images, and it checks only that every figure was made,
that the filter found exactly the rated images, and the 64 KB cap.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from bench.designs import parse_design
from bench.figures import ms, percentile
from bench.images import CACHE, QUICK_SIZE
from bench.probe import wait, wait_until
from bench.report import run_header, table, write_json
from bench.runner import Session
from bench.share import PRESETS, Share
from bench.share_fs import ShareFileSystem
from PyQt5.QtCore import QSettings, Qt
from PyQt5.QtTest import QTest
from PyQt5.QtWidgets import QApplication

from viewer.core.folder.sequence import ImageSequence, list_image_names
from viewer.core.folder.sidecars import SidecarStyle
from viewer.core.verdicts.api import set_verdict
from viewer.core.verdicts.embedded import HEAD_BYTES
from viewer.core.verdicts.model import Edit
from viewer.demo.samples import write_sequence
from viewer.model.folder.lister import FolderLister
from viewer.model.verdicts.book import READ_THREADS, VerdictBook
from viewer.model.verdicts.core_calls import VerdictIO
from viewer.model.verdicts.show_filter import ShowFilter, ShowKind
from viewer.model.verdicts.tasks import NamesByStem
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow

FULL_SIZE = (1600, 1067)
AT_LEAST = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--share", default="lan,wifi,vpn", help="comma-separated links")
    parser.add_argument("--count", type=int, default=2000, help="images in the folder")
    parser.add_argument("--sidecars", type=int, default=500, help="images with a sidecar")
    parser.add_argument("--presses", type=int, default=40, help="next-image presses per pass")
    parser.add_argument("--dwell", type=float, default=0.4, help="seconds between presses")
    parser.add_argument("--writes", type=int, default=20, help="rating writes timed")
    parser.add_argument("--read-threads", type=int, default=READ_THREADS,
                        help="verdict reads at once")  # fmt: skip
    parser.add_argument("--skip-browse", action="store_true", help="filter and write figures only")
    parser.add_argument("--out", default="bench-results", help="folder for the JSON results")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    return parser  # fmt: skip


def make_folder(count: int, sidecars: int, size: tuple[int, int], quick: bool) -> tuple[str, int]:
    """The images (made once, cached) with fresh sidecars on every ``count // sidecars``-th;
    returns the folder and how many images are rated ≥ 3."""
    if quick:
        folder = tempfile.mkdtemp(prefix="bench-verdicts-")
    else:
        folder = os.path.join(CACHE, f"verdicts-{count}-{size[0]}x{size[1]}")
    print(f"sample images in {folder}", file=sys.stderr)
    write_sequence(folder, count, size, ".jpg")
    for name in os.listdir(folder):
        if name.endswith(".xmp"):
            os.remove(os.path.join(folder, name))
    step = max(1, count // max(1, sidecars))
    rated = 0
    for index, number in enumerate(range(step, count + 1, step)):
        if index >= sidecars:
            break
        rating = 1 + index % 5
        set_verdict(os.path.join(folder, f"{number}.jpg"), Edit(rating=rating))
        rated += rating >= AT_LEAST
    return folder, rated


def _scratch_settings() -> Settings:
    scratch = os.path.join(tempfile.mkdtemp(prefix="viewer-bench-"), "settings.ini")
    return Settings(QSettings(scratch, QSettings.IniFormat))


def filter_figures(
    folder: str, share: Share, rated: int, timeout: float, threads: int
) -> dict[str, Any]:
    """Open the folder with "rated ≥ 3" chosen; when is it listed, when is the filter whole."""
    fs = ShareFileSystem(share)
    list_image_names(folder)  # the first listing imports natsort and asks Pillow: not timed
    started = time.perf_counter()
    names = list_image_names(folder, scandir=fs.scandir)
    listing = time.perf_counter() - started
    fs.reset()
    model, in_flight = parse_design("viewer").build(share)
    lister = FolderLister(lambda f, p: list_image_names(f, p, fs.scandir), poll_seconds=0)
    book = VerdictBook(VerdictIO(fs), read_threads=threads)
    window = MainWindow(model, settings=_scratch_settings(), lister=lister,  # type: ignore[arg-type]
                        verdicts=book)  # fmt: skip
    window.show()
    window.verdicts.set_filter(ShowFilter(ShowKind.AT_LEAST, stars=AT_LEAST))
    listed: list[float] = []
    window.opening.firstListing.connect(lambda *_: listed.append(time.perf_counter()))
    started = time.perf_counter()
    window.open_path(folder)
    complete = wait_until(
        lambda: bool(listed) and book.wanted() == len(names) and book.known() == book.wanted()
        and not book.is_reading() and window.verdicts.show.is_settled(), timeout,
    )  # fmt: skip
    finished = time.perf_counter()
    shown = len(window.sequence or [])
    current = window.current_path()
    kept = current is not None and not ShowFilter(ShowKind.AT_LEAST, stars=AT_LEAST).passes(
        window.verdicts.show.verdict(current)
    )
    sidecar_images = {n[: -len(".xmp")] for n in os.listdir(folder) if n.endswith(".xmp")}
    without = [os.path.join(folder, n) for n in names if n not in sidecar_images]
    costs = [fs.read_by_path.get(p, 0) for p in without]
    total = sum(fs.read_by_path.values())
    window.close()
    wait_until(lambda: in_flight() == 0, 60)
    model.shutdown(wait=True)  # type: ignore[attr-defined]
    window.deleteLater()
    QApplication.processEvents()
    return {
        "images": len(names),
        "listing_ms": ms(listing),
        "window_listed_ms": ms(listed[0] - started) if listed else None,
        "filter_complete_ms": ms(finished - started) if complete else None,
        "filter_ratio": round((finished - started) / (listed[0] - started), 2)
        if complete and listed else None,
        "shown": shown - kept,
        "expected": rated,
        "max_bytes_no_sidecar": max(costs, default=0),
        "mean_bytes_per_image": round(total / len(names)) if names else 0,
        "listing_bytes": fs.listed_bytes,
    }  # fmt: skip


def write_figures(folder: str, share: Share, writes: int) -> dict[str, Any]:
    """One rating written at a time on the share: half to images with a sidecar already."""
    fs = ShareFileSystem(share)
    io = VerdictIO(fs)
    names = os.listdir(folder)
    images = sorted(n for n in names if n.endswith(".jpg"))
    sidecars = {n[: -len(".xmp")] for n in names if n.endswith(".xmp")}
    chosen = [n for n in images if n in sidecars][: writes // 2]
    chosen += [n for n in images if n not in sidecars][: writes - len(chosen)]
    latencies = []
    for number, name in enumerate(chosen):
        started = time.perf_counter()
        near = NamesByStem(names).near(name)  # as the verdict model's writes do
        io.write(os.path.join(folder, name), Edit(rating=1 + number % 5), near,
                 SidecarStyle.NAME_EXT)  # fmt: skip
        latencies.append(time.perf_counter() - started)
        names = os.listdir(folder)
    return {
        "writes": len(latencies),
        "write_p50_ms": ms(percentile(latencies, 50)),
        "write_max_ms": ms(max(latencies, default=None)),
    }


def browse_p95(
    folder: str, share: Share, presses: int, dwell: float, rating: bool, timeout: float
) -> float | None:
    """Next image, key to sharp paint, over ``presses`` images; with ``rating``, each image
    gets a rating key just before the user moves on."""
    names = list_image_names(folder)[: presses + 1]
    sequence = ImageSequence(folder, names)
    book = VerdictBook(VerdictIO(ShareFileSystem(share)))
    session = Session(parse_design("viewer"), share, sequence, verdicts=book)
    try:
        session.open_and_show(timeout)
        wait_until(lambda: book.wanted() > 0 and not book.is_reading(), timeout)
        probe = session.probe()
        probe.start()
        started = time.perf_counter()
        for number in range(presses):
            wait(started + number * dwell - time.perf_counter())
            if rating:
                QTest.keyClick(session.window, Qt.Key_3)
            probe.press(Qt.Key_Right)
            wait_until(lambda: probe.shown(session.window.current_index), dwell)
        wait_until(lambda: probe.shown(session.window.current_index), timeout)
        probe.stop()
        wait_until(lambda: book.pending_writes == 0, timeout)
        latencies = [probe.painted[i] - probe.pressed[i] for i in probe.painted]
        return ms(percentile(latencies, 95))
    finally:
        session.close()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.quick:
        args.count, args.sidecars, args.presses, args.dwell, args.writes = 40, 10, 6, 0.05, 4
        args.share = "lan"
    timeout = 30.0 if args.quick else 600.0
    app = QApplication.instance() or QApplication(sys.argv[:1])
    size = QUICK_SIZE if args.quick else FULL_SIZE
    rows = []
    for name in args.share.split(","):
        share = Share(PRESETS[name])
        print(f"share {name} …", file=sys.stderr)
        folder, rated = make_folder(args.count, args.sidecars, size, args.quick)  # fresh sidecars
        row: dict[str, Any] = {"share": name, "read_threads": args.read_threads}
        row.update(filter_figures(folder, share, rated, timeout, args.read_threads))
        row.update(write_figures(folder, share, args.writes))
        rows.append(row)
        if args.skip_browse:
            continue
        for key, rating in (("browse_p95_ms", False), ("browse_rating_p95_ms", True),
                            ("browse_again_p95_ms", False)):  # fmt: skip
            folder, rated = make_folder(args.count, args.sidecars, size, args.quick)
            row[key] = browse_p95(folder, share, args.presses, args.dwell, rating, timeout)
    columns = list(rows[0])
    print(table(rows, [(c, c, max(len(c), 8)) for c in columns]))
    run = {**run_header(), "count": args.count, "sidecars": args.sidecars, "rows": rows}
    print(f"\nwrote {write_json(args.out, run, prefix='verdicts')}")
    del app
    return _check_quick(rows) if args.quick else 0


def _check_quick(rows: list[dict[str, Any]]) -> int:
    """The smoke test's only assertions: every figure was made, the filter found exactly the
    rated images, and no image without a sidecar cost more than its 64 KB head."""
    for row in rows:
        missing = [key for key, value in row.items() if value is None]
        assert not missing, f"figures not made: {missing}"
        assert row["shown"] == row["expected"], (
            f"filter found {row['shown']}, not {row['expected']}"
        )
        assert row["max_bytes_no_sidecar"] <= HEAD_BYTES, row
    print("quick: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
