"""How fast the user moves against how long a load takes, to aim read-ahead in time.

When a key is held, or images are flicked through faster than the share can deliver them,
reading the next image is pointless: it arrives after the user has passed it. The useful
read is of the image the user will be on when the read finishes, ``lead`` images ahead.
When the user pauses, the lead falls back to 1 and the current image comes first again.

Since issue 22 the model reads the current image even while the user outruns the loads (its
first bytes bring the preview, and the read of the image a held key stops on is under way
when it stops), and read-ahead waits until an image is sharp: the lead now decides which
reads already under way are still of use, and ``outrunning`` when a pause has come.
"""

from __future__ import annotations

import math
import time
from typing import Callable

#: Weight of the newest sample in the running averages.
SMOOTHING = 0.5
#: A gap longer than this between two moves starts a new run of moves.
NEW_RUN_AFTER_S = 1.0
#: The user counts as paused after this many of their own intervals without a move ...
PAUSE_INTERVALS = 2.5
#: ... and never sooner than this.
MIN_PAUSE_S = 0.12
#: No lead beyond this: past it, guesses about where the user will stop are worth little.
MAX_LEAD = 32


class Pace:
    """Running estimates of the interval between moves and of one load's duration.

    Attributes:
        interval: seconds between single-step moves, or None before a run of moves.
        load_time: seconds a load takes (read and decode), or None before the first.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.interval: float | None = None
        self.load_time: float | None = None
        self._last_move: float | None = None

    def moved(self, step: int) -> None:
        """The user moved by ``step`` images; only single steps say anything about pace."""
        now = self.clock()
        last, self._last_move = self._last_move, now
        if abs(step) != 1 or last is None or now - last > NEW_RUN_AFTER_S:
            self.interval = None
            return
        self.interval = _blend(self.interval, now - last)

    def loaded(self, seconds: float) -> None:
        """A load took ``seconds`` from its start on a worker to its result."""
        self.load_time = _blend(self.load_time, max(0.0, seconds))

    def pause_after(self) -> float:
        """Seconds without a move after which the user counts as paused."""
        return max(MIN_PAUSE_S, PAUSE_INTERVALS * (self.interval or 0.0))

    def outrunning(self) -> bool:
        """True while the user moves on faster than one load takes, and has not paused."""
        if self.interval is None or self.load_time is None or self._last_move is None:
            return False
        if self.clock() - self._last_move > self.pause_after():
            return False
        return self.interval < self.load_time

    def lead(self) -> int:
        """How many images ahead the read-ahead should start: 1 unless outrunning."""
        if not self.outrunning():
            return 1
        assert self.interval is not None and self.load_time is not None
        return min(MAX_LEAD, max(1, math.ceil(self.load_time / max(self.interval, 1e-3))))


def _blend(average: float | None, sample: float) -> float:
    return sample if average is None else SMOOTHING * sample + (1 - SMOOTHING) * average
