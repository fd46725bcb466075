"""Thread pools that run the model's Python tasks, and the list of those still alive.

A ``QThreadPool`` waits for its running tasks when it is destroyed. Destroyed as its owner's
child while Python holds the GIL (the owner's wrapper collected), it waits for a task that needs
the GIL to finish: the process hangs (seen in a test run: a verdict read emitting its result
while the book was collected). Owners stop their pools before they go (``shutdown``), the app
leaves at once if work still hangs, and tests wait for every live pool after each test.
"""

from __future__ import annotations

import weakref

from PyQt5 import sip
from PyQt5.QtCore import QObject, QThreadPool

_pools: weakref.WeakSet[QThreadPool] = weakref.WeakSet()


def task_pool(parent: QObject) -> QThreadPool:
    """A pool owned by ``parent``, listed in ``live_pools``."""
    pool = QThreadPool(parent)
    _pools.add(pool)
    return pool


def live_pools() -> list[QThreadPool]:
    """Every pool made by ``task_pool`` that still exists (its owner not yet destroyed)."""
    return [pool for pool in list(_pools) if not sip.isdeleted(pool)]
