"""Calling off a load that is under way, because the user has moved past its image.

A read on a slow share can take most of a second. Once the user has gone past the image,
finishing the read only takes bandwidth from the image they are waiting for, so reads check
between chunks whether they are still wanted. The check finds its flag through the worker
thread that runs the load, so loaders keep their plain signature.

The same check makes a load that does not have the right of way wait while the one that
has it runs (``viewer.core.io.right_of_way``): its next chunk never stands before the
current image's on the link.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from viewer.core.io.right_of_way import RightOfWay

_running = threading.local()

#: How often a load waiting for the right of way looks again (a call-off wakes it at once).
WAIT_STEP_S = 0.005


class Cancelled(Exception):
    """A load was called off; not a failure, and nothing to tell the user."""


@contextmanager
def cancellable(flag: threading.Event, way: RightOfWay | None = None) -> Iterator[None]:
    """Run a load on this thread that ``check_cancelled`` stops once ``flag`` is set, and
    that waits between chunks while another load has ``way`` (the right of way)."""
    previous = getattr(_running, "flag", None), getattr(_running, "way", None)
    _running.flag, _running.way = flag, way
    try:
        with ExitStack() as stack:
            if way is not None:
                stack.enter_context(way.running(flag))
            yield
    finally:
        _running.flag, _running.way = previous


@contextmanager
def waited_for() -> Iterator[None]:
    """Run code on this thread as the one load the user waits for, outside any queue (the
    early start's decode of the first image): it has the right of way, so it may take a
    second core, and nothing calls it off."""
    way, flag = RightOfWay(), threading.Event()
    way.give_to(flag)
    with cancellable(flag, way):
        yield


def check_cancelled() -> None:
    """Raise ``Cancelled`` if the load running on this thread has been called off; first
    wait while another load has the right of way.

    Raises:
        Cancelled: the load was called off (also while it waited).
    """
    flag: threading.Event | None = getattr(_running, "flag", None)
    if flag is None:
        return
    if flag.is_set():
        raise Cancelled
    way: RightOfWay | None = getattr(_running, "way", None)
    while way is not None and way.must_wait(flag):
        if flag.wait(WAIT_STEP_S):
            raise Cancelled


def has_right_of_way() -> bool:
    """Whether the load running on this thread is the one the user waits for: it may spend
    a second core on its decode (read-ahead, and code outside a load, may not)."""
    flag: threading.Event | None = getattr(_running, "flag", None)
    way: RightOfWay | None = getattr(_running, "way", None)
    return flag is not None and way is not None and way.has_it(flag)
