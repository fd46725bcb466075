"""A bounded least-recently-used store with QCache semantics (PyQt5 has no QCache binding).

Shaped like ``QCache`` and ``cachetools.Cache``: every item is inserted with a cost, the store
keeps at most ``max_count`` items and ``max_cost`` total cost, and it evicts the least recently
used items until a new one fits. Unlike ``QCache.insert``, an item that can never fit is
refused without disturbing what is already stored (the viewer shows it, but does not keep it).

Not thread-safe: the viewer uses one store from the GUI thread only, and the script
``Prefetcher`` guards its store with its own lock.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Callable, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

DEFAULT_MAX_COUNT = 10
DEFAULT_MAX_COST = 1 << 30  # 1 GiB of decoded pixels


class ImageStore(Generic[K, V]):
    """LRU store bounded by item count and by total cost (decoded bytes for images).

    Attributes:
        max_count: most items kept.
        max_cost: most total cost kept.
        on_evict: optional callback ``(key, value)`` called for each item pushed out to make room.
    """

    def __init__(
        self,
        max_count: int = DEFAULT_MAX_COUNT,
        max_cost: int = DEFAULT_MAX_COST,
        on_evict: Callable[[K, V], None] | None = None,
    ) -> None:
        if max_count < 1 or max_cost < 1:
            raise ValueError("max_count and max_cost must be positive")
        self.max_count = max_count
        self.max_cost = max_cost
        self.on_evict = on_evict
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._total_cost = 0

    def fits(self, cost: int) -> bool:
        """Whether an item of this cost could ever be kept."""
        return 0 <= cost <= self.max_cost

    def insert(self, key: K, value: V, cost: int) -> bool:
        """Store ``value`` as most recently used, evicting LRU items until it fits.

        Returns False, and leaves the store untouched, when ``cost`` exceeds ``max_cost``.
        """
        if not self.fits(cost):
            return False
        self.remove(key)
        while self._items and (
            len(self._items) >= self.max_count or self._total_cost + cost > self.max_cost
        ):
            self._evict_oldest()
        self._items[key] = (value, cost)
        self._total_cost += cost
        return True

    def lookup(self, key: K) -> V | None:
        """The value for ``key``, marking it most recently used; None if absent."""
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def peek(self, key: K) -> V | None:
        """The value for ``key`` without changing the LRU order."""
        item = self._items.get(key)
        return None if item is None else item[0]

    def contains(self, key: K) -> bool:
        """Whether ``key`` is stored; does not change the LRU order."""
        return key in self._items

    __contains__ = contains

    def remove(self, key: K) -> bool:
        """Drop ``key`` if present (not an eviction: ``on_evict`` is not called)."""
        item = self._items.pop(key, None)
        if item is None:
            return False
        self._total_cost -= item[1]
        return True

    def clear(self) -> None:
        """Drop everything."""
        self._items.clear()
        self._total_cost = 0

    def set_limits(self, max_count: int, max_cost: int) -> None:
        """Change the bounds at once, evicting LRU items that no longer fit."""
        if max_count < 1 or max_cost < 1:
            raise ValueError("max_count and max_cost must be positive")
        self.max_count, self.max_cost = max_count, max_cost
        while self._items and (len(self._items) > max_count or self._total_cost > max_cost):
            self._evict_oldest()

    def total_cost(self) -> int:
        """Sum of the costs of everything stored."""
        return self._total_cost

    def cost(self, key: K) -> int:
        """The cost ``key`` was inserted with (0 if absent)."""
        item = self._items.get(key)
        return 0 if item is None else item[1]

    def keys(self) -> list[K]:
        """Stored keys, least recently used first."""
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[K]:
        return iter(list(self._items))

    def _evict_oldest(self) -> None:
        key, (value, cost) = self._items.popitem(last=False)
        self._total_cost -= cost
        if self.on_evict is not None:
            self.on_evict(key, value)
