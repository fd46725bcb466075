"""How far to read ahead: a fixed number, or a depth that follows the consumer's waits.

With ``ahead="auto"`` the depth grows by one each time the consumer had to wait for a load
(the loads fall behind, so more should be under way) and shrinks by one after a run of
items that were all ready (the extra depth only held memory). It never goes past what the
byte budget and the count limit can hold. The clock is the caller's, so tests drive it.
"""

from __future__ import annotations

from typing import Literal, Union

Ahead = Union[int, Literal["auto"]]

#: A wait shorter than this is bookkeeping, not the loads falling behind.
GROW_AFTER_S = 0.002
#: Ready items in a row after which one step of depth is given back.
PATIENCE = 16
AUTO_START = 2
AUTO_MAX = 32


class Depth:
    """The read-ahead depth: fixed, or adapted with ``observe``.

    Attributes:
        ahead: images to have loading or loaded in the direction of travel.
        auto: whether ``observe`` changes ``ahead``.
    """

    def __init__(self, ahead: Ahead, patience: int = PATIENCE) -> None:
        self.auto = ahead == "auto"
        if isinstance(ahead, bool) or not (self.auto or isinstance(ahead, int)):
            raise ValueError(f'ahead must be a number or "auto", not {ahead!r}')
        if isinstance(ahead, int) and ahead < 0:
            raise ValueError("ahead must not be negative")
        self.ahead = AUTO_START if isinstance(ahead, str) else ahead
        self._patience = patience
        self._ready_in_a_row = 0

    def observe(self, waited_s: float, ceiling: int) -> int:
        """Account for one item the consumer asked for; returns the new depth.

        Args:
            waited_s: how long the consumer waited for it (0 for an item already there).
            ceiling: the deepest read-ahead the budget holds now.
        """
        if self.auto:
            if waited_s > GROW_AFTER_S:
                self.ahead += 1
                self._ready_in_a_row = 0
            else:
                self._ready_in_a_row += 1
                if self._ready_in_a_row >= self._patience:
                    self.ahead -= 1
                    self._ready_in_a_row = 0
            self.ahead = max(1, min(self.ahead, ceiling, AUTO_MAX))
        return self.ahead


def ceiling_for(max_items: int, max_bytes: int, behind: int, item_cost: int) -> int:
    """The most images ahead that fit beside the current one and ``behind``, by count and
    by bytes (``item_cost`` is a typical item's; 0 while none is known)."""
    by_count = max_items - 1 - behind
    by_bytes = by_count if item_cost <= 0 else max_bytes // item_cost - 1 - behind
    return max(1, min(by_count, by_bytes))
