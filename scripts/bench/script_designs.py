"""The answers people write for "load the next image while I process this one", as code.

Each design is ``design(paths, load) -> iterator of (index, value)``, in order, where a
value may be the exception a load raised (where the design lets the loop go on past it).
They are written as their sources write them, flaws included: that is what is measured.

- ``naive``: load, then process.
- ``textbook-locked``: the well-known Stack Overflow answer, a thread per prefetch and a
  dict cache, with one lock held around the load (so loads never overlap each other).
- ``textbook-dupes``: the same without the lock around the load: the consumer loads an
  image itself when its prefetch has not finished, and prefetches start twice.
- ``executor-map``: ``ThreadPoolExecutor().map(load, paths)``.
- ``one-ahead``: a background thread feeding a ``Queue(maxsize=1)`` (the
  ``prefetch_generator`` pattern).
- ``ours`` and ``ours-auto``: ``viewer.core.prefetch.prefetch`` with defaults, and with
  ``ahead="auto"``; in the bad-files run with ``on_error="return"`` and a ``timeout``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from viewer.core.prefetch import prefetch

Load = Callable[[str], Any]
Design = Callable[[Sequence[str], Load], Iterator[tuple[int, Any]]]
TEXTBOOK_AHEAD = 2


def naive(paths: Sequence[str], load: Load) -> Iterator[tuple[int, Any]]:
    for index, path in enumerate(paths):
        try:
            yield index, load(path)
        except Exception as error:
            yield index, error


def _textbook(
    count: int, fill: Callable[[int], None], take: Callable[[int], Any]
) -> Iterator[tuple[int, Any]]:
    """The answer's loop: a new thread per image ahead, then the image itself."""
    for index in range(count):
        for ahead in range(index + 1, min(count, index + 1 + TEXTBOOK_AHEAD)):
            threading.Thread(target=fill, args=(ahead,)).start()
        try:
            value = take(index)
        except Exception as error:
            value = error
        yield index, value


def textbook_locked(paths: Sequence[str], load: Load) -> Iterator[tuple[int, Any]]:
    cache: dict[int, Any] = {}
    lock = threading.Lock()

    def fill(index: int) -> None:
        with lock:
            if index not in cache:
                cache[index] = load(paths[index])

    def take(index: int) -> Any:
        with lock:
            if index not in cache:
                cache[index] = load(paths[index])
            return cache.pop(index)

    return _textbook(len(paths), fill, take)


def textbook_dupes(paths: Sequence[str], load: Load) -> Iterator[tuple[int, Any]]:
    cache: dict[int, Any] = {}

    def fill(index: int) -> None:
        if index not in cache:
            cache[index] = load(paths[index])

    def take(index: int) -> Any:
        return cache.pop(index) if index in cache else load(paths[index])

    return _textbook(len(paths), fill, take)


def executor_map(paths: Sequence[str], load: Load) -> Iterator[tuple[int, Any]]:
    index = 0
    with ThreadPoolExecutor() as executor:
        try:
            for index, value in enumerate(executor.map(load, paths)):
                yield index, value
        except Exception as error:  # map's iterator is finished after its first error
            yield index + 1, error


def one_ahead(paths: Sequence[str], load: Load) -> Iterator[tuple[int, Any]]:
    done = object()
    handoff: queue.Queue[Any] = queue.Queue(maxsize=1)

    def produce() -> None:
        for index, path in enumerate(paths):
            handoff.put((index, load(path)))
        handoff.put(done)

    threading.Thread(target=produce, daemon=True).start()
    while (entry := handoff.get()) is not done:
        yield entry


def ours(**options: Any) -> Design:
    def design(paths: Sequence[str], load: Load) -> Iterator[tuple[int, Any]]:
        with prefetch(list(paths), loader=load, **options) as seq:
            for item in seq:
                yield item.index, item.value if item.ok else item.error

    return design


def designs(bad_timeout: float | None) -> dict[str, Design]:
    """Every design by name; ``bad_timeout`` set means the bad-files run (ours then hands
    errors out and gives up on a hung read after that many seconds)."""
    bad: dict[str, Any] = {} if bad_timeout is None else {
        "on_error": "return", "timeout": bad_timeout}  # fmt: skip
    return {
        "naive": naive,
        "textbook-locked": textbook_locked,
        "textbook-dupes": textbook_dupes,
        "executor-map": executor_map,
        "one-ahead": one_ahead,
        "ours": ours(**bad),
        "ours-auto": ours(ahead="auto", **bad),
    }
