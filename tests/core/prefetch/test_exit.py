"""A script that ends with a read still blocked exits normally (no thread is joined)."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import threading
    from viewer.core.prefetch import prefetch
    from viewer.core.prefetcher import Prefetcher

    never, entered = threading.Event(), threading.Event()

    def hangs_on_two(path):
        if path == "2":
            entered.set()
            never.wait()
        return path

    with prefetch([str(i) for i in range(5)], loader=hangs_on_two, timeout=0.05,
                  on_error="return") as seq:
        print([item.ok for item in seq], flush=True)
    old = Prefetcher(["2", "3"], loader=hangs_on_two)  # the first interface, too
    entered.clear()
    threading.Thread(target=old.get, args=(0,), daemon=True).start()
    entered.wait()
    old.close()
    print("end of script", flush=True)
    """
)


def test_script_exits_with_a_read_blocked():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True, text=True, timeout=60, cwd=root,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[True, True, False, True, True]", "end of script"]
