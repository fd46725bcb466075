#!/usr/bin/env python3
"""Time to the first painted image when opening a file in a huge folder on a slow share.

The share is simulated (no share here, and timings must be repeatable): listing costs one
round trip per batch of directory entries, and reading a file costs two round trips (open,
first read) plus its size over the link's bandwidth. The defaults are wifi-like: 5 ms round
trip, 200 Mbit/s, 100 entries per listing reply. Every simulated file is one real camera-sized
JPEG, so decoding is real. The viewer's own window, model and lister run unchanged, offscreen.

Usage: ``python scripts/bench_open.py [--big 20000] [--small 10] [--repeat 5]``. Prints the
median time to first paint for each folder size and their ratio (target: at most 1.2).
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
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt5.QtCore import QCoreApplication, QSettings
from PyQt5.QtWidgets import QApplication

from viewer.core.folder.sequence import Progress, list_image_names
from viewer.core.formats.decode import LoadedFile
from viewer.core.formats.geometry import Size
from viewer.core.formats.load import load_image
from viewer.core.formats.pixels import Allocator
from viewer.demo.samples import write_sequence
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow


@dataclass(frozen=True)
class Entry:
    """What ``os.scandir`` yields, as far as the listing looks."""

    name: str

    def is_file(self) -> bool:
        return True


@dataclass(frozen=True)
class SlowShare:
    """A share with ``count`` image names, every one of them backed by ``sample``."""

    sample: str
    count: int
    round_trip_s: float = 0.005
    bytes_per_s: float = 200e6 / 8
    entries_per_reply: int = 100

    def names(self) -> list[str]:
        return [f"IMG_{number:05d}.jpg" for number in range(1, self.count + 1)]

    @contextmanager
    def scandir(self, folder: str) -> Iterator[Iterator[Entry]]:
        time.sleep(self.round_trip_s)  # open the directory
        yield self._entries()

    def _entries(self) -> Iterator[Entry]:
        for offset, name in enumerate(self.names()):
            if offset % self.entries_per_reply == 0:
                time.sleep(self.round_trip_s)
            yield Entry(name)

    def lister(self, folder: str, on_progress: Progress) -> list[str]:
        return list_image_names(folder, on_progress, scandir=self.scandir)

    def loader(self, path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile:
        time.sleep(2 * self.round_trip_s + os.path.getsize(self.sample) / self.bytes_per_s)
        return load_image(self.sample, allocate, display_box=display_box)  # as the viewer does


def wait(app: QCoreApplication, condition: Callable[[], bool], limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the image never appeared")
        app.processEvents()


def first_paint_s(app: QCoreApplication, share: SlowShare, folder: str) -> tuple[float, float]:
    """Seconds from open to first paint, and from open to the end of the listing."""
    model = PrefetchModel(share.loader)
    scratch = QSettings(os.path.join(folder, "settings.ini"), QSettings.IniFormat)  # not the user's
    lister = FolderLister(share.lister, poll_seconds=0)
    window = MainWindow(model, settings=Settings(scratch), lister=lister)
    window.resize(1280, 860)
    window.show()
    painted: list[float] = []
    listed: list[float] = []
    window.view.painted.connect(lambda: painted.append(time.perf_counter()))
    window.opened.connect(lambda count: listed.append(time.perf_counter()))
    target = os.path.join(folder, share.names()[share.count // 2])
    started = time.perf_counter()
    window.open_path(target)
    wait(app, lambda: bool(painted) and bool(listed))
    model.shutdown(wait=True)
    window.lister.shutdown(wait=True)
    window.close()
    window.deleteLater()
    return painted[0] - started, listed[0] - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rtt-ms", type=float, default=5.0)
    parser.add_argument("--mbit", type=float, default=200.0)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        (sample,) = write_sequence(os.path.join(folder, "sample"), 1)
        shares = {
            count: SlowShare(sample, count, args.rtt_ms / 1000, args.mbit * 1e6 / 8)
            for count in (args.small, args.big)
        }
        for share in shares.values():  # the file that is opened must exist for the window
            os.link(sample, os.path.join(folder, share.names()[share.count // 2]))
        print(f"sample {os.path.getsize(sample) / 1e6:.1f} MB, rtt {args.rtt_ms} ms, "
              f"{args.mbit} Mbit/s, 100 entries per listing reply")  # fmt: skip
        results: dict[int, list[tuple[float, float]]] = {count: [] for count in shares}
        first_paint_s(app, shares[args.small], folder)  # warm up imports and caches
        for _ in range(args.repeat):
            for count, share in shares.items():
                results[count].append(first_paint_s(app, share, folder))
    medians = {}
    for count, samples in results.items():
        paint = statistics.median(s[0] for s in samples) * 1000
        listing = statistics.median(s[1] for s in samples) * 1000
        medians[count] = paint
        print(f"{count:>6} images: first paint {paint:7.1f} ms, listing done {listing:7.1f} ms "
              f"(median of {args.repeat})")  # fmt: skip
    ratio = medians[args.big] / medians[args.small]
    print(f"ratio {args.big} / {args.small}: {ratio:.2f} (target ≤ 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
