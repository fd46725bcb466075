"""The two limits read-ahead stays within: loads in flight, and decoded bytes.

Bytes count what is stored plus an estimate for every load that will still deliver an image,
so a burst of read-ahead cannot overshoot the store's budget before its images land. When
room is needed, stored images are evicted least recently used first, sparing the ones the
plan protects.
"""

from __future__ import annotations

from viewer.core.formats.geometry import Size
from viewer.core.readahead.position import Wanted
from viewer.core.readahead.renderings import Renderings
from viewer.model.images.load_queue import LoadQueue
from viewer.model.images.load_task import LoadResult


class Budget:
    """Checks and makes room in one model's queue and renderings (GUI thread only)."""

    def __init__(self, queue: LoadQueue, renderings: Renderings[LoadResult]) -> None:
        self._queue = queue
        self._renderings = renderings

    def reserved_cost(self, display_box: Size | None) -> int:
        """Estimated decoded bytes of the loads queued or running, and of finished ones whose
        image has not reached the store yet (a load called off holds none)."""
        return self._queue.reserved(lambda path: self._renderings.estimate(path, display_box))

    def in_flight_cap(self, ahead: int) -> int:
        """Loads queued or running never exceed one per thread plus the read-ahead."""
        return self._queue.thread_count() + max(1, ahead)

    def read_ahead_fits(
        self, path: str, display_box: Size | None, ahead: int, protected: set[str]
    ) -> bool:
        """Whether one more read-ahead fits under the in-flight cap and, after evicting what
        is not ``protected``, the byte budget."""
        tracked = len(self._queue.tracked_paths())
        if tracked >= self.in_flight_cap(ahead):
            return False
        if not self._renderings.knows_a_size() and tracked:
            return False  # no size known yet: one load at a time until the first arrives
        return self.evict_to_fit(
            self._renderings.estimate(path, display_box), display_box, protected
        )

    def evict_to_fit(self, extra: int, display_box: Size | None, protected: set[str]) -> bool:
        """Evict stored images, least recently used first, until stored + in flight + ``extra``
        fits the budget; images in ``protected`` are never evicted. False if it cannot fit."""
        budget = self._renderings.store.max_cost - self.reserved_cost(display_box) - extra
        return self._renderings.evict_to_fit(budget, protected)

    def clear_way_for_request(
        self, path: str, display_box: Size | None, ahead: int, wanted: Wanted
    ) -> None:
        """Make room for a request of ``path``: take queued loads back, least urgent first
        (the plan's last wanted, then paths it does not want), until it fits under the
        in-flight cap, then evict for it.

        The request goes ahead in any case: if the budget cannot hold it besides everything
        the plan wants, those give way too.
        """
        rank = {p: i for i, p in enumerate(wanted.load + wanted.keep)}
        queued = [p for p in self._queue.tracked_paths() if p != path]
        for other in sorted(queued, key=lambda p: -rank.get(p, len(rank))):
            if len(self._queue.tracked_paths()) < self.in_flight_cap(ahead):
                break
            self._queue.take_back(other)
        extra = self._renderings.estimate(path, display_box)
        if not self.evict_to_fit(extra, display_box, protected=set(rank)):
            self.evict_to_fit(extra, display_box, protected={path})
