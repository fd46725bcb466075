#!/usr/bin/env python3
"""A processing script's loop against the answers people write: ``--help`` for options.

For each simulated share (``--shares lan,wifi,vpn``) every design loads N camera JPEGs
in order while the "script" processes each for P ms (a numpy filter for ``--cpu-ms`` of
CPU time, then a ``--sleep-ms`` sleep), each design in a process of its own so peak RSS is
its own. Then a bad-files run (``--bad-on``): one file that fails to decode and one whose
read never returns. Prints Markdown tables and the targets met or missed, and writes JSON
to ``bench-results/``. ``--quick`` is CI's smoke test: it checks the harness and the
behaviour with bad files, never timings.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bench.images import camera_images, default_folder, quick_images
from bench.report import run_header, table, write_json
from bench.script_designs import designs
from bench.script_figures import (
    BAD_COLUMNS,
    COLUMNS,
    OURS,
    bad_targets,
    link_seconds,
    lower_bound,
    memory_targets,
    shaped,
    speed_targets,
)
from bench.script_run import Job
from bench.script_run import main as child_main
from bench.script_watch import watch

from viewer.core.readahead.store import DEFAULT_MAX_COST


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shares", default="lan,wifi,vpn", help="comma-separated presets")
    parser.add_argument("--designs", default=",".join(designs(None)), help="comma-separated")
    parser.add_argument("--count", type=int, default=60, help="camera JPEGs to load")
    parser.add_argument("--cpu-ms", type=float, default=100.0, help="CPU-bound filter per image")
    parser.add_argument("--sleep-ms", type=float, default=400.0, help="sleep per image")
    parser.add_argument(
        "--bad-on", default="lan", help="shares for the bad-files run ('' for none)"
    )
    parser.add_argument("--bad-timeout", type=float, default=5.0, help="ours' timeout= there")
    parser.add_argument("--stall-s", type=float, default=20.0, help="no progress this long: hung")
    parser.add_argument("--images-dir", default=default_folder(), help="where sample images live")
    parser.add_argument("--out", default="bench-results", help="folder for the JSON results")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    parser.add_argument("--report", metavar="JSON", help="print the tables of a run again")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser  # fmt: skip


def _run_share(args: argparse.Namespace, preset: str, paths: list[str]) -> dict[str, Any]:
    processing_s = (args.cpu_ms + args.sleep_ms) / 1000
    link_s = link_seconds(preset, paths)
    bound = lower_bound(len(paths), processing_s, link_s)
    rows = []
    for name in args.designs.split(","):
        print(f"{preset}: {name} …", file=sys.stderr)
        job = Job(name, preset, paths, args.cpu_ms / 1000, args.sleep_ms / 1000)
        rows.append(shaped(watch(job, __file__, args.stall_s), bound, link_s * len(paths)))
    share = {"preset": preset, "bound_s": bound, "link_s": link_s, "rows": rows,
             "processing_s": processing_s, "count": len(paths),
             "image_bytes": _image_bytes(paths[0])}  # fmt: skip
    return _report_share(share)


def _report_share(share: dict[str, Any]) -> dict[str, Any]:
    """Print one share's table and targets; returns the share with its target lines."""
    preset, rows, link_s = share["preset"], share["rows"], share["link_s"]
    print(f"\n### {preset}: N={share['count']}, P={share['processing_s'] * 1000:.0f} ms, "
          f"L_link={link_s * 1000:.0f} ms, bound {share['bound_s']:.1f} s\n")  # fmt: skip
    print(table(rows, COLUMNS))
    targets = speed_targets(preset, rows, share["processing_s"], link_s)
    targets += memory_targets(preset, rows, DEFAULT_MAX_COST, share["image_bytes"])
    print("\n" + "\n".join(targets))
    return {**share, "targets": targets}


def _run_bad(args: argparse.Namespace, preset: str, paths: list[str]) -> dict[str, Any]:
    count = len(paths)
    bad = [count // 3, 2 * count // 3]  # 20 and 40 of 60 (1-based: the 21st and 41st)
    rows = []
    names = args.designs.split(",")
    if args.quick:
        names = ["naive", *OURS]
    for name in names:
        print(f"{preset} bad files: {name} …", file=sys.stderr)
        job = Job(name, preset, paths, args.cpu_ms / 1000, args.sleep_ms / 1000,
                  paths[bad[0]], paths[bad[1]], args.bad_timeout)  # fmt: skip
        rows.append(shaped(watch(job, __file__, args.stall_s), 1.0))
    return _report_bad({"preset": preset, "bad": bad, "rows": rows, "count": count,
                        "timeout": args.bad_timeout})  # fmt: skip


def _report_bad(run: dict[str, Any]) -> dict[str, Any]:
    preset, bad, rows, count = run["preset"], run["bad"], run["rows"], run["count"]
    print(f"\n### {preset}, bad files: item {bad[0]} fails to decode, item {bad[1]}'s read "
          f"never returns (ours: timeout={run['timeout']:g} s)\n")  # fmt: skip
    print(table(rows, BAD_COLUMNS))
    targets = bad_targets(rows, count, bad)
    print("\n" + "\n".join(targets))
    return {**run, "targets": targets}


def _image_bytes(path: str) -> int:
    from viewer.core.prefetch import load_array

    return int(load_array(path).nbytes)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        return child_main(args.child)
    if args.report:
        with open(args.report, encoding="utf-8") as file:
            run = json.load(file)
        for share in run["shares"]:
            _report_share(share)
        for bad in run["bad_files"]:
            _report_bad(bad)
        return 0
    if args.quick:
        paths = quick_images(8)
        args.shares, args.cpu_ms, args.sleep_ms = "lan", 5.0, 5.0
        args.bad_timeout, args.stall_s = 1.0, 5.0
    else:
        paths = camera_images(args.count, folder=args.images_dir)[: args.count]
    runs = [_run_share(args, preset, paths) for preset in args.shares.split(",") if preset]
    bad = [_run_bad(args, preset, paths) for preset in args.bad_on.split(",") if preset]
    run = {**run_header(), "count": len(paths), "cpu_ms": args.cpu_ms, "sleep_ms": args.sleep_ms,
           "shares": runs, "bad_files": bad}  # fmt: skip
    print(f"\nwrote {write_json(args.out, run, prefix='prefetch')}")
    return _check_quick(runs, bad, len(paths)) if args.quick else 0


def _check_quick(runs: list[dict[str, Any]], bad: list[dict[str, Any]], count: int) -> int:
    """The smoke test's assertions: behaviour only, never timings."""
    rows = [row for run in runs for row in run["rows"]]
    assert all(row.get("ok") == count for row in rows), f"a design lost items: {rows}"
    outcomes = {row["design"]: row for row in bad[0]["rows"]}
    assert outcomes["naive"]["outcome"].startswith("hung"), outcomes["naive"]
    for name in OURS:
        assert outcomes[name]["outcome"] == "finished", outcomes[name]
        assert outcomes[name]["ok"] == count - 2, outcomes[name]
    print("quick: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
