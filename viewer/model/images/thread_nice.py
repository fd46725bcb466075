"""Pool threads run a little nicer than the GUI thread, so a paint never queues behind decodes.

On two cores, two full-resolution decodes of the read-ahead take both; without this the GUI
thread gets a third of the machine while they run, and a pan step or the next image's paint
waits its turn for a core. A higher nice value (Linux: per thread) lets the GUI thread's short
bursts go first; decodes still take every cycle the GUI thread leaves, which is nearly all.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

#: Added to the nice value of each pool thread (5: about a third of the GUI thread's weight).
NICENESS = 5

_local = threading.local()


def be_nice() -> None:
    """Lower this pool thread's priority, once per thread (a no-op except on Linux, where
    ``setpriority`` on a thread id touches that thread only; elsewhere it would be the whole
    process's)."""
    if getattr(_local, "done", False):
        return
    _local.done = True
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    with contextlib.suppress(OSError):  # not allowed here: the thread keeps its priority
        os.setpriority(os.PRIO_PROCESS, thread, os.getpriority(os.PRIO_PROCESS, thread) + NICENESS)
