#!/usr/bin/env python3
"""Thumbnails for the grid and the film strip, against full-decode thumbnails, in one run.

Camera-like JPEGs on a simulated share (``--share lan|wifi|vpn``, default wifi) or any folder
(``--folder``). Designs: ``full-decode`` (each whole file decoded scaled, as qimgv and vimiv
do), ``cold`` (the project's thumbnailer, empty thumbnail cache) and ``warm`` (the same,
cache filled). Figures: time until the grid's first screen (60 thumbnails) is filled, KB
read per thumbnail, thumbnails per second, the longest GUI stall; how many thumbnails of a
grid at the viewer's own cell size are in the desktop's (freedesktop) cache 2 s after shown;
then the main image's next-image p95 while a grid pages through the folder over the same
link, against no grid.
Prints Markdown tables and writes JSON to ``bench-results/``; ``--quick`` (CI) uses tiny
images and a short script and checks only that every figure was produced, never timings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from bench.beside_grid import browse_beside_grid, pooled
from bench.images import camera_images, quick_images
from bench.report import run_header, table, write_json
from bench.runner import QUICK_TIMING, Timing
from bench.share import PRESETS, Link, Share
from bench.thumbs import (
    DESIGNS,
    DESKTOP_WITHIN_S,
    THREADS,
    GridSetup,
    desktop_cache,
    first_screen,
    full_decode_loader,
    linked_folder,
    thumbnailer_loader,
)
from PyQt5.QtWidgets import QApplication

from viewer.core.folder.sequence import list_image_names
from viewer.model.thumbnails.task import ThumbnailLoader

# The browse benchmark's `seq` pace (a press every 1.5 s), 16 presses per round.
BROWSE_TIMING = Timing(seq_presses=16, seq_dwell=1.5)
VIEW_SIZE, QUICK_VIEW_SIZE = (1600, 900), (400, 240)
# fmt: off
SCREEN_COLUMNS = [("design", "design", 11), ("link", "link", 4), ("first_screen", "shown", 5),
                  ("first_screen_ms", "first screen ms", 15), ("thumbnails", "made", 4),
                  ("failed", "failed", 6), ("kb_per_thumbnail", "KB/thumb", 8),
                  ("thumbnails_per_s", "thumbs/s", 8), ("stall_max_ms", "stall max ms", 12)]
BROWSE_COLUMNS = [("design", "grid beside", 16), ("presses", "presses", 7),
                  ("missed", "missed", 6), ("p50_ms", "next p50 ms", 11),
                  ("p95_ms", "next p95 ms", 11),
                  ("thumbnails_started", "thumbs started", 14),
                  ("thumb_kb_beside", "thumb KB beside image reads", 27),
                  ("stall_max_ms", "stall max", 9)]
TARGET_COLUMNS = [("target", "target", 44), ("figure", "figure", 16), ("verdict", "met", 4)]
# fmt: on


# fmt: off
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", help="thumbnail this folder's images (default: samples)")
    parser.add_argument("--share", choices=[*PRESETS, "none"], default="wifi",
                        help="simulated link (default wifi)")
    parser.add_argument("--files", type=int, default=80, help="sample images to make and use")
    parser.add_argument("--copies", type=int, default=20,
                        help="links per file in the folder the grid pages through while browsing")
    parser.add_argument("--designs", default=",".join(DESIGNS),
                        help="first-screen designs, of: full-decode, cold, warm (warm needs cold)")
    parser.add_argument("--threads", type=int, default=THREADS,
                        help=f"thumbnail pool threads (default {THREADS}, the viewer's)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="browsing runs per design, taken in turns and pooled (0: none)")
    parser.add_argument("--out", default="bench-results", help="folder for the JSON results")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    return parser
# fmt: on


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    link: Link | None
    if args.quick:
        paths, timing, view = quick_images(12), QUICK_TIMING, QUICK_VIEW_SIZE
        link, args.rounds = PRESETS["lan"], 1
    else:
        paths = _paths(args)
        timing, view = BROWSE_TIMING, VIEW_SIZE
        link = None if args.share == "none" else PRESETS[args.share]
    share = Share(link)
    GridSetup.threads = args.threads
    _into_page_cache(paths)  # the link, not the disk, sets the pace for every design
    designs = [name for name in args.designs.split(",") if name]
    if set(designs) - set(DESIGNS) or ("warm" in designs and "cold" not in designs):
        build_parser().error(f"--designs: some of {', '.join(DESIGNS)}; warm needs cold first")
    screens = _first_screens(share, paths, timing, designs)
    print("desktop cache …", file=sys.stderr)
    desktop = desktop_cache(share, paths, timing.timeout * 5)
    grid_folder = linked_folder(paths, 2 if args.quick else args.copies)
    browse = _browsing(share, paths, timing, view, grid_folder, args.rounds)
    targets = _targets(screens, browse, link.name if link else "none")
    print(f"\n{len(paths)} images, link {link.name if link else 'none'}; grid of 60 cells; "
          f"{args.threads} thumbnail thread(s)\n")  # fmt: skip
    print(table(screens, SCREEN_COLUMNS))
    print(f"\ndesktop cache: {desktop['written']} of the {desktop['shown']} thumbnails shown "
          f"(cells of {desktop['icon']} px) saved {DESKTOP_WITHIN_S:g} s after they were "
          "shown (target: all)")  # fmt: skip
    print(f"\nnext image while a grid pages through {len(grid_folder)} names, one screen per "
          f"press ({timing.seq_presses} presses, {timing.seq_dwell} s apart, {args.rounds} "
          "rounds pooled; a missed image counts as the dwell)\n")  # fmt: skip
    print(table(browse, BROWSE_COLUMNS))
    print("\n" + table(targets, TARGET_COLUMNS))
    run: dict[str, Any] = {**run_header(), "files": len(paths), "screens": screens,
                           "browse": browse, "targets": targets, "desktop": desktop}  # fmt: skip
    print(f"\nwrote {write_json(args.out, run, prefix='thumbs')}")
    del app
    if args.quick:
        assert desktop["shown"] > 0, f"desktop cache not measured: {desktop}"
    return _check_quick(screens, browse) if args.quick else 0


def _first_screens(
    share: Share, paths: list[str], timing: Timing, designs: list[str]
) -> list[dict[str, Any]]:
    """Each design opens the folder in a fresh grid; ``warm`` reuses ``cold``'s cache."""
    cache_root = tempfile.mkdtemp(prefix="bench-thumbs-cache-")
    loaders = {
        "full-decode": full_decode_loader(share),
        "cold": thumbnailer_loader(share, cache_root),
        "warm": thumbnailer_loader(share, cache_root),  # as a fresh process finds it
    }
    screens = []
    for design, loader in loaders.items():
        if design not in designs:
            continue
        print(f"first screen: {design} …", file=sys.stderr)
        screens.append(first_screen(design, loader, share, paths, timing.timeout * 5))
    return screens


def _browsing(
    share: Share,
    paths: list[str],
    timing: Timing,
    view: tuple[int, int],
    grid_folder: list[str],
    rounds: int,
) -> list[dict[str, Any]]:
    """``seq`` in the viewer with no grid, a full-decode grid and ours (cold) beside it."""
    beside: dict[str, ThumbnailLoader | None] = {
        "no grid": None,
        "full-decode": full_decode_loader(share),
        "cold": thumbnailer_loader(share, tempfile.mkdtemp(prefix="bench-thumbs-b-")),
    }
    runs: dict[str, list[dict[str, Any]]] = {design: [] for design in beside}
    for round_ in range(rounds):  # designs take turns, so the machine's noise is shared
        for design, loader in beside.items():
            print(f"browsing beside {design}, round {round_ + 1} …", file=sys.stderr)
            grid = None if loader is None else (loader, grid_folder)
            hold = design != "full-decode"  # other viewers let thumbnails run alongside
            runs[design].append(browse_beside_grid(design, share, paths, timing, view, grid, hold))
    return [pooled(design, design_runs) for design, design_runs in runs.items() if design_runs]


def _paths(args: argparse.Namespace) -> list[str]:
    if args.folder:
        folder = os.path.abspath(args.folder)
        return [os.path.join(folder, name) for name in list_image_names(folder)]
    return camera_images(args.files)


def _into_page_cache(paths: list[str]) -> None:
    for path in paths:
        with open(path, "rb") as file:
            while file.read(1 << 24):
                pass


def _targets(
    screens: list[dict[str, Any]], browse: list[dict[str, Any]], link: str
) -> list[dict[str, Any]]:
    by = {row["design"]: row for row in screens}
    rows: list[dict[str, Any]] = []

    def add(target: str, figure: Any, met: bool | None) -> None:
        verdict = "–" if met is None else ("yes" if met else "no")
        rows.append({"target": target, "figure": "–" if figure is None else figure,
                     "verdict": verdict})  # fmt: skip

    cold, warm, full = by.get("cold"), by.get("warm"), by.get("full-decode")
    kb = cold["kb_per_thumbnail"] if cold else None
    add("≤ 128 KB read per thumbnail (cold)", kb, None if kb is None else kb <= 128)
    ratio = None
    if cold and full and cold["first_screen_ms"] and full["first_screen_ms"]:
        ratio = round(full["first_screen_ms"] / cold["first_screen_ms"], 1)
    add(f"cold first screen ≥ 20× faster ({link})", ratio and f"{ratio}×",
        None if ratio is None or link != "wifi" else ratio >= 20)  # fmt: skip
    warm_ms = warm["first_screen_ms"] if warm else None
    add("warm first screen ≤ 300 ms", warm_ms, None if warm_ms is None else warm_ms <= 300)
    alone = browse[0]["p95_ms"] if browse else None
    ours = next((row["p95_ms"] for row in browse if row["design"] == "cold"), None)
    add("next-image p95 beside our grid ≤ without", ours and alone and f"{ours} vs {alone}",
        None if ours is None or alone is None else ours <= alone)  # fmt: skip
    return rows


def _check_quick(screens: list[dict[str, Any]], browse: list[dict[str, Any]]) -> int:
    """The smoke test's only assertion: every figure was measured, whatever its value."""
    for row in screens:
        missing = [key for key, _, _ in SCREEN_COLUMNS if row.get(key) is None]
        assert not missing, f"{row['design']}: not measured: {missing}"
    assert all(row["p95_ms"] is not None for row in browse), f"browse incomplete: {browse}"
    print("quick: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
