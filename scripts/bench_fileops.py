#!/usr/bin/env python3
"""What the safe cross-device move costs against a plain copy and delete.

``bench_fileops.py [--files 20] [--mb 10] [--rounds 3] [--quick]``: makes ``files`` files of
``mb`` MiB in a scratch folder and moves them to another folder, forced down the cross-device
path (copy to a temporary name, fsync, verify, rename, delete), three ways in turns:

- ``copy2+unlink``: what ``shutil.move`` does across devices (no fsync, no check): the baseline;
- ``copy2+fsync+unlink``: the same with the copy flushed to disk, to show what fsync costs;
- ``safe, size check``: our steps with the read-back off (``verify_limit=0``);
- ``safe, checksum``: our steps as the viewer runs them (read back and SHA-256 up to 16 MiB).

Reported per file, as the median over rounds, with the ratio to the baseline of the same
run. Local disks only: on a share, the read-back costs a second transfer of the file unless
the client's cache serves it. ``--quick`` (CI) checks the harness runs, not the timings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.errors import CancelToken
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.transfer import VERIFY_LIMIT, Context


class CrossDevice(FileSystem):
    """The real file system, except that no two folders share a device."""

    def same_device(self, path: str, folder: str) -> bool:
        return False


def make_files(folder: str, count: int, size: int) -> list[str]:
    block = os.urandom(1 << 20)
    paths = []
    for number in range(count):
        path = os.path.join(folder, f"{number:04d}.jpg")
        with open(path, "wb") as writer:
            for start in range(0, size, len(block)):
                writer.write(block[: min(len(block), size - start)])
        paths.append(path)
    return paths


def plain(paths: list[str], target: str) -> None:
    for path in paths:
        shutil.copy2(path, os.path.join(target, os.path.basename(path)))
        os.unlink(path)


def plain_fsync(paths: list[str], target: str) -> None:
    for path in paths:
        copy = os.path.join(target, os.path.basename(path))
        shutil.copy2(path, copy)
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
        os.unlink(path)


def safe(verify_limit: int) -> Callable[[list[str], str], None]:
    def move(paths: list[str], target: str) -> None:
        ctx = Context(CrossDevice(), CancelToken(), verify_limit=verify_limit)
        outcome = batch.transfer(ctx, "move", [Source(p) for p in paths], target)
        if outcome.problems or len(outcome.changes) != len(paths):
            raise SystemExit(f"safe move failed: {outcome.problems}")

    return move


def put_back(paths: list[str], target: str) -> None:
    for path in paths:
        os.rename(os.path.join(target, os.path.basename(path)), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a smoke run for CI")
    args = parser.parse_args(argv)
    if args.quick:
        args.files, args.mb, args.rounds = 2, 1.0, 1
    ways: dict[str, Callable[[list[str], str], None]] = {
        "copy2+unlink (baseline)": plain,
        "copy2+fsync+unlink": plain_fsync,
        "safe, size check": safe(0),
        "safe, checksum": safe(VERIFY_LIMIT),
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    with tempfile.TemporaryDirectory(prefix="bench-fileops-") as scratch:
        source, target = os.path.join(scratch, "a"), os.path.join(scratch, "b")
        os.makedirs(source)
        os.makedirs(target)
        paths = make_files(source, args.files, int(args.mb * (1 << 20)))
        for round_number in range(args.rounds):
            order = list(ways.items())
            order = order[round_number % len(order) :] + order[: round_number % len(order)]
            for name, way in order:  # in turns, so drift on a shared machine hits all three
                started = time.perf_counter()
                way(paths, target)
                seconds[name].append((time.perf_counter() - started) / len(paths))
                put_back(paths, target)
    base = statistics.median(seconds["copy2+unlink (baseline)"])
    print(f"{args.files} files × {args.mb:g} MiB, {args.rounds} rounds, scratch on {scratch}")
    print(f"| {'way':<26} | ms per file | × baseline |")
    print(f"|{'-' * 28}|-------------|------------|")
    for name, values in seconds.items():
        median = statistics.median(values)
        print(f"| {name:<26} | {median * 1000:11.1f} | {median / base:10.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
