"""Run by test_kill: set a verdict and stop, blocked, at one step of the sidecar's write, so
the parent can SIGKILL this process there. Prints "at <step>" when it reaches the step."""

from __future__ import annotations

import sys

from viewer.core.fileops.transfer import Progress
from viewer.core.verdicts import Edit, set_verdict


def main() -> None:
    image, step = sys.argv[1], sys.argv[2]

    def block_at(progress: Progress) -> None:
        if progress.step == step:
            print(f"at {step}", flush=True)
            sys.stdin.readline()  # blocks until killed

    set_verdict(image, Edit(rating=5), progress=block_at)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
