"""Counters a script can print to see whether read-ahead keeps up.

A hit is an item that was ready when asked for; a miss made the consumer wait, and the wait
is summed. Bytes read are what the loaders report through ``note_bytes_read`` (the ready-made
loaders do; a custom loader may), counted per worker thread so the counters need no lock
around the read itself.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

_reading = threading.local()


def note_bytes_read(count: int) -> None:
    """Tell the prefetcher running this load that it read ``count`` bytes (from any loader)."""
    _reading.count = getattr(_reading, "count", 0) + count


def take_bytes_read() -> int:
    """The bytes noted on this thread since the last call, and reset to zero."""
    count: int = getattr(_reading, "count", 0)
    _reading.count = 0
    return count


@dataclass(frozen=True)
class Stats:
    """A snapshot of the prefetcher's counters.

    Attributes:
        hits: items that were ready when asked for.
        misses: items the consumer had to wait for.
        wait_s: total seconds the consumer waited.
        bytes_read: bytes the loaders reported reading.
        loads: loads started (a load started twice counts twice).
        errors: failed loads handed to the consumer, timeouts included.
        timeouts: reads abandoned because they gave no answer within ``timeout``.
        in_flight: loads running now, hung ones excluded.
        hung: abandoned reads whose threads are still blocked.
        ahead: the read-ahead depth in use: as asked, or as ``"auto"`` set it, within
            what the budget holds.
        stored: items held now, and ``stored_bytes`` their cost.
    """

    hits: int
    misses: int
    wait_s: float
    bytes_read: int
    loads: int
    errors: int
    timeouts: int
    in_flight: int
    hung: int
    ahead: int
    stored: int
    stored_bytes: int

    def __str__(self) -> str:
        asked = self.hits + self.misses
        share = f"{self.hits / asked:.0%}" if asked else "–"
        return (
            f"{self.hits} hits, {self.misses} misses ({share} ready), waited {self.wait_s:.2f} s, "
            f"{self.bytes_read / 1e6:.1f} MB read in {self.loads} loads, {self.errors} errors "
            f"({self.timeouts} timeouts), {self.in_flight} in flight, ahead {self.ahead}"
        )


class Counters:
    """The consumer's side of the counts; the worker pool keeps its own. Lock held by caller."""

    def __init__(self) -> None:
        self.hits = 0
        self.misses = 0
        self.wait_s = 0.0
        self.errors = 0
        self.timeouts = 0

    def waited(self, seconds: float) -> None:
        self.misses += 1
        self.wait_s += seconds
