"""Give decoded images' memory back to the system when they leave the caches (glibc only).

A long session allocates and frees thousands of multi-megabyte pixel buffers on several
threads. glibc's malloc raises its mmap threshold after the first such buffer is freed
(up to 32 MB), so later ones come from per-thread heaps that keep their pages after a free:
the soak benchmark's RSS rose by 30–80 MB over its first 900 steps and never came back,
with the caches long full. A fixed threshold sends every large buffer to its own mapping,
returned whole when freed, and two arenas keep the worker threads from each growing a heap.
The cost is a fresh mapping's page faults per decoded image, about 1 ms for a screen-sized one.

Elsewhere (macOS, Windows, musl) this does nothing: those allocators return large blocks.
"""

from __future__ import annotations

import ctypes
import sys

#: ``mallopt`` parameters, from glibc's ``malloc.h``.
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
#: Buffers from this size up get a mapping of their own (a 1280×800 image is 4 MB).
LARGE_BUFFER = 1 << 20
#: Heaps shared by all threads: the GUI thread and the pools' workers.
ARENAS = 2


def return_large_buffers() -> bool:
    """Set glibc's malloc to return large buffers when freed; True if it was set.

    Call it before the worker threads start: the arena limit applies to arenas made after.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:  # the process's own symbols: libc's, without a search for the library (slow)
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE_BUFFER)) and bool(mallopt(M_ARENA_MAX, ARENAS))
