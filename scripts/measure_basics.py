#!/usr/bin/env python3
"""Two numbers behind "the next image is already there", measured in one run.

1. Cold decode of one camera JPEG: this project's path (simplejpeg straight into QImage memory)
   against the textbook Pillow path (open, load, convert to RGBA, copy into a QImage).
2. Key press to painted for an image already in the store, in the real window (offscreen),
   with its settings in a scratch file so the user's own are left alone.

Usage: ``python scripts/measure_basics.py [FOLDER] [--repeat N]``. Without a folder it uses the
demo images (made on first use, as ``viewer --demo`` does).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PyQt5.QtCore import QCoreApplication, QSettings, Qt
from PyQt5.QtGui import QImage
from PyQt5.QtTest import QTest
from PyQt5.QtWidgets import QApplication

from viewer.core.folder.sequence import ImageSequence
from viewer.core.formats.load import load_image
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.images.qimage_buffer import QImageAllocator
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow


def pillow_path(path: str) -> QImage:
    """The common hand-written path: Pillow decode, RGBA conversion, copy into a QImage."""
    with Image.open(path) as image:
        rgba = image.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    return QImage(data, rgba.width, rgba.height, QImage.Format_RGBA8888).copy()


def our_path(path: str) -> QImage:
    allocator = QImageAllocator()
    loaded = load_image(path, allocator)
    return allocator.take(loaded.image)


def median_ms(function: object, path: str, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(path)  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def cached_key_to_paint(folder: str, repeat: int) -> list[float]:
    """Milliseconds from a Right/Left key press to the end of the paint of a stored image."""
    model = PrefetchModel()
    scratch = os.path.join(tempfile.mkdtemp(prefix="viewer-measure-"), "settings.ini")
    window = MainWindow(model, settings=Settings(QSettings(scratch, QSettings.IniFormat)))
    window.resize(1280, 860)
    window.show()
    window.open_sequence(ImageSequence.from_folder(folder), 1)
    app = QCoreApplication.instance()
    assert app is not None

    def wait(condition: object, limit_s: float = 30.0) -> None:
        deadline = time.monotonic() + limit_s
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise TimeoutError("images did not load")
            app.processEvents()

    wait(lambda: all(model.is_cached(i) for i in (0, 1, 2)) and model.idle())
    painted: list[float] = []
    window.view.painted.connect(lambda: painted.append(time.perf_counter()))
    samples = []
    for step in range(repeat):
        key = Qt.Key_Right if step % 2 == 0 else Qt.Key_Left
        painted.clear()
        pressed = time.perf_counter()
        QTest.keyClick(window, key)
        wait(lambda: bool(painted))
        samples.append((painted[0] - pressed) * 1000)
        wait(lambda: model.idle())
    model.shutdown(wait=True)
    window.close()
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    folder = args.folder
    if folder is None:
        from viewer.demo.folder import ensure_demo_folder

        folder = ensure_demo_folder()
    path = ImageSequence.from_folder(folder)[0]
    with Image.open(path) as image:
        size = image.size
    print(f"image: {path} ({size[0]}×{size[1]}, {os.path.getsize(path) / 1e6:.1f} MB)")
    baseline = median_ms(pillow_path, path, args.repeat)
    ours = median_ms(our_path, path, args.repeat)
    print(f"cold decode, Pillow → RGBA → QImage copy: median {baseline:7.1f} ms")
    ratio = ours / baseline
    print(f"cold decode, this viewer's path:           median {ours:7.1f} ms  ({ratio:.2f}×)")
    samples = cached_key_to_paint(folder, args.repeat)
    print(
        f"cached image, key press → painted: median {statistics.median(samples):.1f} ms, "
        f"max {max(samples):.1f} ms over {len(samples)} presses"
    )
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
