#!/usr/bin/env python3
"""Write a numbered sequence of large, realistic images: ``make_sample_images.py DIR --count N``.

JPEGs look like a camera's: EXIF make, model, exposure and date, an IFD1 thumbnail and
(unless ``--no-mpf``) an MPF preview.
"""

from __future__ import annotations

import argparse
import sys
import time

from viewer.demo.samples import CAMERA_SIZE, write_sequence


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder")
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--width", type=int, default=CAMERA_SIZE[0])
    parser.add_argument("--height", type=int, default=CAMERA_SIZE[1])
    parser.add_argument("--format", default="jpg", choices=["jpg", "png", "tif", "webp", "bmp"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-mpf", action="store_true", help="JPEGs without an MPF preview")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    write_sequence(args.folder, args.count, (args.width, args.height), f".{args.format}",
                   args.seed, report, mpf=not args.no_mpf)  # fmt: skip
    print(f"wrote {args.count} images to {args.folder} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
