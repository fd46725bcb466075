"""Bytes handed on as they arrive, so a decode can run beside a slow read.

On a share a 10 MB photo takes some 400 ms to cross the link, and decoding it after the last
byte adds another 100–300 ms; a JPEG can be decoded as its bytes come. Readers call
``arrived`` after each chunk; the load that wants the chunks (and only it) receives them,
found through the worker thread as ``viewer.core.io.cancel`` finds its flag, so readers keep
their plain signatures.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

_receiving = threading.local()

#: Takes each chunk of the file, in order, as it arrives.
Sink = Callable[[bytes], None]


@contextmanager
def receiving(sink: Sink) -> Iterator[None]:
    """Hand every chunk read on this thread, while inside, to ``sink``."""
    previous = getattr(_receiving, "sink", None)
    _receiving.sink = sink
    try:
        yield
    finally:
        _receiving.sink = previous


def arrived(chunk: bytes) -> None:
    """A reader on this thread has read ``chunk`` (the file's next bytes)."""
    sink: Sink | None = getattr(_receiving, "sink", None)
    if sink is not None and chunk:
        sink(chunk)
