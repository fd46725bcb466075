"""Which images to have ready, given where the user is and which way they are going.

The plan is pure arithmetic so the Qt model, the script prefetcher and the tests share one
definition of "wanted": the current image first, then ``ahead`` images in the direction of
travel nearest first (these are loaded), then ``behind`` images the other way (these are
kept, so turning around is free).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Direction(IntEnum):
    """The way the user is moving through the sequence."""

    FORWARD = 1
    BACKWARD = -1


def direction_of(previous: int | None, new: int, current: Direction) -> Direction:
    """The direction implied by a move; standing still keeps the old one."""
    if previous is None or new == previous:
        return current
    return Direction.FORWARD if new > previous else Direction.BACKWARD


@dataclass(frozen=True)
class ReadAheadPlan:
    """How many images to prepare ahead of and behind the current one.

    Attributes:
        ahead: images in the direction of travel to keep loading or loaded.
        behind: images the other way to keep loaded, so turning around is free.
    """

    ahead: int = 2
    behind: int = 1

    def __post_init__(self) -> None:
        if self.ahead < 0 or self.behind < 0:
            raise ValueError("ahead and behind must not be negative")

    def fitted_to(self, max_images: int) -> ReadAheadPlan:
        """The plan shrunk so current + ahead + behind never exceeds what the store keeps."""
        room = max(0, max_images - 1)
        ahead = min(self.ahead, room)
        behind = min(self.behind, room - ahead)
        return ReadAheadPlan(ahead, behind)

    def targets(self, index: int, count: int, direction: Direction) -> list[int]:
        """Indexes to have ready, most urgent first; the first is always ``index``."""
        load, keep = self.split(index, count, direction)
        return load + keep

    def passing(self, index: int, count: int, direction: Direction, lead: int) -> list[int]:
        """The images between ``index`` and the first one read ahead at ``lead``.

        None is worth starting to read (the user will be past it first), but a read already
        under way may still land while the user is on its image, so it is not called off.
        """
        step = int(self._inward(index, count, direction))
        between = [index + step * k for k in range(1, lead)]
        return [i for i in between if 0 <= i < count]

    def _inward(self, index: int, count: int, direction: Direction) -> Direction:
        """At either end of the sequence the direction points inwards."""
        if index == 0 and count > 1:
            return Direction.FORWARD
        if index == count - 1 and count > 1:
            return Direction.BACKWARD
        return direction

    def split(
        self, index: int, count: int, direction: Direction, lead: int = 1
    ) -> tuple[list[int], list[int]]:
        """``(load, keep)``: the current image then ``ahead`` ones, and the ``behind`` ones.

        Images to load are worth reading now; images behind are worth keeping, but reading
        them again would only compete with the way the user is going. With ``lead`` above 1
        (the user moves faster than a load takes, see ``viewer.core.readahead.pace``) the images
        ahead start ``lead`` places on: the ones in between would arrive after the user has passed.

        At either end of the sequence the direction points inwards, so after Home or End
        the read-ahead covers the images the user can actually reach next.
        """
        if not 0 <= index < count:
            return [], []
        step = int(self._inward(index, count, direction))
        load = [index] + [index + step * (lead + k) for k in range(self.ahead)]
        keep = [index - step * k for k in range(1, self.behind + 1)]
        return [i for i in load if 0 <= i < count], [i for i in keep if 0 <= i < count]
