"""What colour management costs per image, against a display-sized decode in the same run.

The samples are the benchmark's camera JPEGs with an Adobe RGB profile put in front of their
pixels (an APP2 segment, no re-encode), so both sides decode exactly the same JPEG data. Rows:
the display-sized decode with management off (the baseline), the same with it on, and the
conversion alone on display-sized pixels; sRGB-tagged files are timed too, since the viewer
recognises sRGB and converts nothing. Each step is timed ``repeat`` times per file and the
median over all files reported; the machine is shared, so only ratios from one run count.
"""

from __future__ import annotations

import statistics
import struct
import sys
import time
from collections.abc import Sequence
from functools import partial
from typing import Any, Callable

import numpy as np
from PIL import ImageCms

from bench.figures import ms
from bench.report import table
from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.icc import ADOBE_RGB, icc_bytes
from viewer.core.formats.colour.manage import ColourManager
from viewer.core.formats.decode import DecodedImage, decode_bytes
from viewer.core.formats.geometry import Size

COLOUR_COLUMNS = [("step", "step", 52), ("ms", "median ms", 9), ("ratio", "÷ decode", 8),
                  ("best", "best ms", 7), ("best_ratio", "÷ decode (best)", 8),
                  ("target", "target", 7), ("verdict", "met", 6)]  # fmt: skip
TARGET = 0.10


def with_profile(jpeg: bytes, profile: bytes) -> bytes:
    """``jpeg`` with ``profile`` embedded as one ICC_PROFILE APP2 segment after SOI."""
    payload = b"ICC_PROFILE\0" + bytes((1, 1)) + profile
    return jpeg[:2] + b"\xff\xe2" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def _median_ms(samples: list[float]) -> float | None:
    return ms(statistics.median(samples)) if samples else None


def _best_ms(samples: list[float]) -> float | None:
    """The fastest run: on a shared machine, the one least slowed by other work."""
    return ms(min(samples)) if samples else None


def _ratio(value: float | None, base: float | None, extra: bool) -> float | None:
    """``value`` over ``base``; for an ``extra`` step, only what it adds to ``base``."""
    if value is None or not base:
        return None
    return round((value - base if extra else value) / base, 3)


def colour_rows(paths: Sequence[str], box: Size, repeat: int) -> list[dict[str, Any]]:
    """Time decode off / on and the conversion alone over ``paths``; ratios to decode off."""
    print("colour management …", file=sys.stderr)
    adobe = icc_bytes(ADOBE_RGB)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    off, on = ColourManager(ColourSettings(enabled=False)), ColourManager()
    times: dict[str, list[float]] = {key: [] for key in ("off", "on", "alone", "srgb")}
    for path in paths:
        with open(path, "rb") as file:
            plain = file.read()
        tagged, srgb_tagged = with_profile(plain, adobe), with_profile(plain, srgb)
        shown = np.array(_decode(tagged, box, off).pixels)  # converted in place, as decoded
        steps: dict[str, Callable[[], object]] = {
            "off": partial(_decode, tagged, box, off),
            "on": partial(_decode, tagged, box, on),
            "srgb": partial(_decode, srgb_tagged, box, on),
            "alone": partial(on.convert_qt_pixels, shown, adobe),
        }
        for _ in range(repeat):  # in turns, so a busy moment on the machine hits every step
            for key, step in steps.items():
                started = time.perf_counter()
                step()
                times[key].append(time.perf_counter() - started)
    base, best_base = _median_ms(times["off"]), _best_ms(times["off"])
    size = f"{shown.shape[1]}×{shown.shape[0]}"

    def row(step: str, key: str, judged: bool = False, extra: bool = False) -> dict[str, Any]:
        value, best = _median_ms(times[key]), _best_ms(times[key])
        ratio, best_ratio = _ratio(value, base, extra), _ratio(best, best_base, extra)
        verdict = None if not judged or ratio is None else "met" if ratio <= TARGET else "missed"
        return {"step": step, "ms": value, "ratio": ratio, "best": best, "best_ratio": best_ratio,
                "target": f"≤ {TARGET:.0%}" if judged else "", "verdict": verdict}  # fmt: skip

    return [
        row(f"display-sized decode to {size}, management off (baseline)", "off"),
        row("same, Adobe RGB managed (ratio: the added cost)", "on", judged=True, extra=True),
        row(f"conversion alone, {size} Adobe RGB → sRGB, in place", "alone", judged=True),
        row("same file tagged sRGB, managed (ratio: the added cost)", "srgb", extra=True),
    ]


def colour_table(rows: list[dict[str, Any]], repeat: int, samples: int) -> str:
    """The rows as printed: a title with how many timings each median is of, and a table."""
    return (f"\ncolour management, Adobe RGB JPEGs ({repeat} × {samples} files, in turns; "
            f"median, and best of all)\n\n{table(rows, COLOUR_COLUMNS)}")  # fmt: skip


def _decode(data: bytes, box: Size, colour: ColourManager) -> DecodedImage:
    return decode_bytes(data, "sample.jpg", display_box=box, colour=colour)
