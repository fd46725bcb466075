#!/usr/bin/env python3
"""Display performance, all in one run: the viewer against full decode + GUI-thread scaling.

Cold JPEG and PNG from request to painted (median over distinct files, each dropped from the
page cache first), GUI stalls while browsing with the real window, the GUI-thread cost of
painting a stored image, what 10 stored display images cost, the DCT scale and resizer
timings behind the JPEG path, and what colour management adds to a display-sized decode.
The view is 1920×1080, offscreen. Prints Markdown tables and
writes JSON to ``bench-results/``; ``--quick`` (CI) uses tiny images and only checks that
every figure was produced, never timings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from bench.colour import colour_rows, colour_table
from bench.designs import parse_design
from bench.display import (
    PRICED_IMAGES,
    cold_opens,
    comparison,
    full_image,
    median_ms,
    paint_ms,
    priced_mb,
    sessions_for,
    stored_display_images,
)
from bench.images import camera_images, quick_images, sequence_of
from bench.jpeg_scales import scale_rows
from bench.report import run_header, table, write_json
from bench.runner import QUICK_TIMING, Timing, run_design
from bench.share import Share
from PyQt5.QtCore import QSize
from PyQt5.QtWidgets import QApplication

from viewer.model.images.prefetch_model import PrefetchModel

VIEW_SIZE = (1920, 1080)
QUICK_VIEW_SIZE = (400, 240)
BROWSE_TIMING = Timing(seq_presses=16, seq_dwell=0.8)
COLUMNS = [("figure", "figure", 58), ("unit", "unit", 4), ("simple", "simple path", 11),
           ("viewer", "viewer", 6), ("ratio", "viewer/simple", 13), ("target", "target", 12),
           ("verdict", "met", 6)]  # fmt: skip
SCALE_COLUMNS = [("step", "step", 38), ("output", "output", 10), ("ms", "median ms", 9),
                 ("used", "used", 4)]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=5, help="cold opens per path and format")
    parser.add_argument("--repeat", type=int, default=5, help="repeats of each timed step")
    parser.add_argument(
        "--baselines",
        default="naive,thread-per-image",
        help="designs browsed against the viewer for GUI stalls",
    )
    parser.add_argument("--out", default="bench-results", help="folder for the JSON results")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    return parser  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.samples < 1 or args.repeat < 1:
        build_parser().error("--samples and --repeat must be at least 1")
    baselines = [parse_design(text) for text in args.baselines.split(",") if text]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    view_size = QUICK_VIEW_SIZE if args.quick else VIEW_SIZE
    count = 2 * args.samples + 2
    if args.quick:
        jpegs, pngs = quick_images(count), quick_images(count, ".png")
        timing = QUICK_TIMING
    else:
        jpegs = camera_images(max(count, BROWSE_TIMING.seq_presses + 2))
        pngs = camera_images(count, ".png")
        timing = BROWSE_TIMING
    share = Share(None)  # local files: the GUI thread and the decoder, not a link, set the pace
    naive, viewer = parse_design("naive"), parse_design("viewer")
    sessions = sessions_for([naive, viewer], share, jpegs, view_size)
    model = sessions[1].model
    assert isinstance(model, PrefetchModel)
    display_box = model.display_box
    assert display_box is not None
    width, height = display_box
    print(f"view {view_size[0]}×{view_size[1]}, display box {width}×{height}", file=sys.stderr)

    print("cold opens …", file=sys.stderr)
    cold_jpeg = cold_opens(sessions, jpegs[: 2 * args.samples], timing.timeout)
    shown = stored_display_images(model)
    cold_png = cold_opens(sessions, pngs[: 2 * args.samples], timing.timeout)
    full = full_image(share, jpegs[-1])
    source = QSize(full.size())
    view = sessions[1].window.view
    paint_full, paint_display = (paint_ms(view, image, source, args.repeat)
                                 for image in (full, shown[-1]))  # fmt: skip
    for session in sessions:
        session.close()

    print("browsing …", file=sys.stderr)
    browse_rows = []
    others = [design for design in baselines if design.name != "naive"]
    for design in [naive, *others, viewer]:  # naive is the simple path of the main table
        browse_rows += run_design(design, share, sequence_of(jpegs), ["seq"], timing, view_size)
    print("JPEG scales …", file=sys.stderr)
    scales = scale_rows(jpegs[-1], display_box, args.repeat)
    colour = colour_rows(jpegs[: args.samples], display_box, args.repeat)

    megapixels = f"{full.width() * full.height() / 1e6:.3g}"
    stalls = {row["design"]: row for row in browse_rows}
    rows = [
        comparison(f"cold {megapixels} MP JPEG, request → painted", "ms",
                   median_ms(cold_jpeg[0]["latency"]), median_ms(cold_jpeg[1]["latency"]),
                   "≤ 0.6×", lambda s, v: v <= 0.6 * s),
        comparison(f"cold {megapixels} MP PNG, request → painted", "ms",
                   median_ms(cold_png[0]["latency"]), median_ms(cold_png[1]["latency"]),
                   "≤ 1.0×", lambda s, v: v <= s),
        comparison("GUI stall while browsing, longest", "ms", stalls["naive"]["stall_max_ms"],
                   stalls["viewer"]["stall_max_ms"], "≤ 16 ms", lambda s, v: v <= 16),
        comparison("GUI stall while browsing, longest, less OS run-queue wait", "ms",
                   stalls["naive"]["stall_own_max_ms"], stalls["viewer"]["stall_own_max_ms"],
                   "–", None),
        comparison("GUI stall while browsing, p99", "ms", stalls["naive"]["stall_p99_ms"],
                   stalls["viewer"]["stall_p99_ms"], "–", None),
        comparison("stored image shown: fromImage + paint", "ms", paint_full, paint_display,
                   "≤ 2 ms", lambda s, v: v <= 2),
        comparison(f"{PRICED_IMAGES} stored images at {display_box[0]}×{display_box[1]}", "MB",
                   priced_mb([full]), priced_mb(shown), "< 100 MB", lambda s, v: v < 100),
    ]  # fmt: skip
    print(f"\nview {view_size[0]}×{view_size[1]}; simple path = full decode, scaled on the GUI "
          f"thread (naive); median of {args.samples} cold opens\n")  # fmt: skip
    print(table(rows, COLUMNS))
    print(f"\nbrowsing `seq` ({timing.seq_presses} presses, {timing.seq_dwell} s apart), "
          "local files\n")  # fmt: skip
    print(table(browse_rows))
    print(f"\none JPEG to {display_box[0]}×{display_box[1]}: DCT scales and resizers\n")
    print(table(scales, SCALE_COLUMNS))
    print(colour_table(colour, args.repeat, args.samples))
    cold = {"jpeg": cold_jpeg, "png": cold_png}
    run: dict[str, Any] = {**run_header(), "view": view_size, "display_box": display_box,
                           "samples": args.samples, "rows": rows, "browse": browse_rows,
                           "scales": scales, "colour": colour, "cold_seconds": cold,
                           "cold_stall_max_ms": {k: [median_ms(r["stall"]) for r in v]
                                                 for k, v in cold.items()}}  # fmt: skip
    print(f"\nwrote {write_json(args.out, run, prefix='display')}")
    del app
    return _check_quick(rows, [*scales, *colour]) if args.quick else 0


def _check_quick(rows: list[dict[str, Any]], scales: list[dict[str, Any]]) -> int:
    """The smoke test's only assertion: every figure was measured, whatever its value."""
    missing = [row["figure"] for row in rows if row["simple"] is None or row["viewer"] is None]
    assert not missing, f"figures not measured: {missing}"
    assert all(row["ms"] is not None for row in scales), f"scale rows incomplete: {scales}"
    print("quick: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
