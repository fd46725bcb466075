"""``python -m viewer.demo.make FOLDER COUNT [WIDTH HEIGHT]``: make the demo's images.

Run by the viewer as a process of its own on the demo's first run, so making them (numpy and
JPEG encoding, about two seconds an image) never holds up the window. Each image is written
whole (``.part``, then renamed), and its path printed on a line of its own once it is there.
"""

from __future__ import annotations

import sys

from viewer.demo.samples import CAMERA_SIZE, write_sequence


def main(argv: list[str]) -> int:
    folder, count = argv[0], int(argv[1])
    size = (int(argv[2]), int(argv[3])) if len(argv) >= 4 else CAMERA_SIZE

    def report(done: int, total: int) -> None:
        print(done, flush=True)

    write_sequence(folder, count, size, progress=report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
