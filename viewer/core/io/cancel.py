"""Calling off a load that is under way, because the user has moved past its image.

A read on a slow share can take most of a second. Once the user has gone past the image,
finishing the read only takes bandwidth from the image they are waiting for, so reads check
between chunks whether they are still wanted. The check finds its flag through the worker
thread that runs the load, so loaders keep their plain signature.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_running = threading.local()


class Cancelled(Exception):
    """A load was called off; not a failure, and nothing to tell the user."""


@contextmanager
def cancellable(flag: threading.Event) -> Iterator[None]:
    """Run a load on this thread that ``check_cancelled`` stops once ``flag`` is set."""
    previous = getattr(_running, "flag", None)
    _running.flag = flag
    try:
        yield
    finally:
        _running.flag = previous


def check_cancelled() -> None:
    """Raise ``Cancelled`` if the load running on this thread has been called off."""
    flag: threading.Event | None = getattr(_running, "flag", None)
    if flag is not None and flag.is_set():
        raise Cancelled
