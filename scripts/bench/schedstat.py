"""How long the calling thread has waited on the OS run queue: runnable, but not on a CPU.

On a machine whose cores are shared with other work, a GUI gap can be the scheduler's and
not the program's: the heartbeat separates the two with this. Linux only
(``/proc/thread-self/schedstat``: time on CPU, time waiting to run, in nanoseconds); None
elsewhere.
"""

from __future__ import annotations

_PATH = "/proc/thread-self/schedstat"


def run_queue_seconds() -> float | None:
    """The calling thread's total wait on the run queue so far, or None if unknown."""
    try:
        with open(_PATH) as file:
            fields = file.read().split()
    except OSError:
        return None
    return int(fields[1]) / 1e9 if len(fields) >= 2 else None
