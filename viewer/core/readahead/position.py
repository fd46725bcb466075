"""Where the user is in which sequence, and which way they are going (qimgv's DirectoryModel).

The read-ahead plan speaks in indexes; the loads and the store speak in paths. ``Position``
turns one into the other, and keeps the current image current by path when a folder is
listed again. Qt-free, and used from one thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from viewer.core.readahead.plan import Direction, ReadAheadPlan, direction_of


class Wanted(NamedTuple):
    """Paths the plan wants now: to load (current, then ahead) and to keep (behind)."""

    load: list[str]
    keep: list[str]

    def all(self) -> set[str]:
        return set(self.load) | set(self.keep)


class Position:
    """The sequence of paths, the current index in it, and the direction of travel."""

    def __init__(self) -> None:
        self._paths: Sequence[str] = ()
        self._index_of: dict[str, int] = {}
        self.current: int | None = None
        self.direction = Direction.FORWARD

    @property
    def paths(self) -> Sequence[str]:
        return self._paths

    def set_paths(self, paths: Sequence[str]) -> None:
        """Switch to another sequence, with no image current."""
        self._paths = paths
        self._index_of = {path: i for i, path in enumerate(paths)}
        self.current = None

    def reindex(self, paths: Sequence[str]) -> int | None:
        """Take a new listing; the current path stays current (None if it is not listed)."""
        current = self.current_path()
        self.set_paths(paths)
        self.current = None if current is None else self._index_of.get(current)
        return self.current

    def move(self, index: int) -> int:
        """Make ``index`` current; returns the step taken (0 for the first image shown).

        Raises:
            IndexError: ``index`` is not in the sequence.
        """
        if not 0 <= index < len(self._paths):
            raise IndexError(f"index {index} out of range 0..{len(self._paths) - 1}")
        step = 0 if self.current is None else index - self.current
        self.direction = direction_of(self.current, index, self.direction)
        self.current = index
        return step

    def index_of(self, path: str) -> int | None:
        return self._index_of.get(path)

    def current_path(self) -> str | None:
        return None if self.current is None else self._paths[self.current]

    def wanted(self, plan: ReadAheadPlan, lead: int) -> Wanted:
        """What the plan wants around the current image at ``lead``, as paths."""
        if self.current is None:
            return Wanted([], [])
        load, keep = plan.split(self.current, len(self._paths), self.direction, lead)
        return Wanted([self._paths[i] for i in load], [self._paths[i] for i in keep])

    def passing(self, plan: ReadAheadPlan, lead: int) -> list[str]:
        """The paths the user will pass before the read-ahead at ``lead`` begins."""
        if self.current is None:
            return []
        between = plan.passing(self.current, len(self._paths), self.direction, lead)
        return [self._paths[i] for i in between]

    def span(self, plan: ReadAheadPlan) -> range:
        """From the lowest to the highest index the plan wants around the current image."""
        if self.current is None:
            return range(0)
        targets = plan.targets(self.current, len(self._paths), self.direction)
        return range(min(targets), max(targets) + 1)
