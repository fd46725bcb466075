"""Large pixel buffers go back to the system when freed, as a long session needs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Frees 40 buffers of 4 MB with small blocks kept between them, and prints how many MB the
# process still holds: glibc's default keeps them all (its threshold rose at the first free).
PROBE = """
import sys
import numpy as np
if sys.argv[1] == "set":
    from viewer.startup.allocator import return_large_buffers
    assert return_large_buffers()

def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 >> 20

before = resident_mb()
first = np.ones(4 << 20, np.uint8)
del first
kept, buffers = [], []
for _ in range(40):
    buffers.append(np.ones(4 << 20, np.uint8))
    kept.append(np.ones(1000, np.uint8))
del buffers
print(resident_mb() - before)
"""


def _glibc() -> bool:
    try:
        return sys.platform.startswith("linux") and bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError):  # the name is unknown here
        return False


def held_mb(mode: str) -> int:
    result = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True,
                            text=True, check=True)  # fmt: skip
    return int(result.stdout)


@pytest.mark.skipif(not _glibc(), reason="glibc's malloc only; other allocators return them")
def test_freed_large_buffers_leave_the_process():
    assert held_mb("keep") >= 100  # without it: the 160 MB stay
    assert held_mb("set") <= 20
