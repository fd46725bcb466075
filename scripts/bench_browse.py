#!/usr/bin/env python3
"""Browse the same folder with several loading designs and compare them: ``--help`` for options.

Drives the real window offscreen with key events (scripts cold, seq, back, burst, fast) over
a simulated share (``--share lan|wifi|vpn``) or a folder as it is (``--folder DIR``), prints
a Markdown table and writes JSON to ``bench-results/``. ``--quick`` is CI's smoke test: it
checks that the harness runs and that ``viewer`` reads nothing on ``back``, never timings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from bench.designs import parse_design
from bench.figures import link_images_per_s
from bench.images import camera_images, default_folder, quick_images, sequence_of
from bench.report import run_header, table, write_json
from bench.runner import QUICK_TIMING, SCRIPTS, Timing, run_design
from bench.share import PRESETS, Share
from PyQt5.QtWidgets import QApplication

from viewer.core.folder.sequence import ImageSequence

DEFAULT_DESIGNS = "naive,thread-per-image,viewer"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", help="browse this folder as it is (no simulated link)")
    parser.add_argument("--share", choices=[*PRESETS, "none"], help="simulated link (default wifi)")
    parser.add_argument(
        "--designs",
        default=DEFAULT_DESIGNS,
        help="comma-separated: naive, thread-per-image, viewer, viewer:threads=3,…",
    )
    parser.add_argument("--scripts", default=",".join(SCRIPTS), help="comma-separated scripts")
    parser.add_argument("--count", type=int, default=60, help="sample images to make and browse")
    parser.add_argument("--images-dir", default=default_folder(), help="where sample images live")
    parser.add_argument("--out", default="bench-results", help="folder for the JSON results")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    return parser  # fmt: skip


def _sequence(args: argparse.Namespace) -> ImageSequence:
    if args.folder:
        return ImageSequence.from_folder(args.folder)
    if args.quick:
        return sequence_of(quick_images(8))
    return sequence_of(camera_images(args.count, folder=args.images_dir))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    share_name = args.share or ("lan" if args.quick else "none" if args.folder else "wifi")
    share = Share(PRESETS.get(share_name))
    designs = [parse_design(text) for text in args.designs.split(",")]
    scripts = [s for s in args.scripts.split(",") if s]
    unknown = set(scripts) - set(SCRIPTS)
    if unknown:
        build_parser().error(f"unknown scripts: {', '.join(sorted(unknown))}")
    timing = QUICK_TIMING if args.quick else Timing()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sequence = _sequence(args)
    paths = list(sequence)
    rows = []
    for design in designs:
        print(f"running {design.name} …", file=sys.stderr)
        rows += run_design(design, share, sequence, scripts, timing)
    link_rate = link_images_per_s(share, paths)
    print(f"\nshare {share_name}; {len(paths)} images; link allows {link_rate} images/s\n")
    print(table(rows))
    run = {**run_header(), "share": share_name, "images": len(paths),
           "link_images_per_s": link_rate, "rows": rows}  # fmt: skip
    print(f"\nwrote {write_json(args.out, run)}")
    del app
    return _check_quick(rows) if args.quick else 0


def _check_quick(rows: list[dict[str, object]]) -> int:
    """The smoke test's only assertions: every script ran, and going back reads nothing."""
    back = [r for r in rows if r["design"] == "viewer" and r["script"] == "back"]
    assert len(rows) == 3 * len(SCRIPTS), f"expected every script to run, got {len(rows)} rows"
    assert back and back[0]["bytes_read"] == 0, f"viewer read on back: {back}"
    print("quick: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
