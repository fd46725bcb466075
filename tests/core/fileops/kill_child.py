"""Run by test_kill: move a file "across devices" and stop, blocked, at one step, so the
parent can SIGKILL this process there. Prints "at <step>" when it reaches the step."""

from __future__ import annotations

import sys

from tests.core.fileops.faulty_fs import FaultyFs
from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.errors import CancelToken
from viewer.core.fileops.transfer import Context, Progress


def main() -> None:
    source, folder, step, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    seen = 0

    def block_at(progress: Progress) -> None:
        nonlocal seen
        if progress.step == step:
            seen += 1
            if seen == nth:
                print(f"at {step}", flush=True)
                sys.stdin.readline()  # blocks until killed

    fs = FaultyFs()
    fs.cross_device = True
    batch.transfer(Context(fs, CancelToken(), block_at), "move", [Source(source)], folder)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
