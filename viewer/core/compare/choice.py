"""Which images the compare view shows: the select, the candidate, or the marked ones.

As in Lightroom: the image the user was on is the *select* (the first pane) and the next one
the *candidate*; → and ← replace the candidate with the next or previous image not shown,
↑ makes the candidate the select. With two to four images marked, those are shown instead;
the pane with the focus (or the last one, when the select has it) is then the candidate.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_PANES = 4


class CompareChoice:
    """The indexes shown in the panes, in pane order, over a sequence of ``count`` images.

    Attributes:
        indexes: the image index in each pane; the first is the select.
        focus: the pane with the keyboard focus (Delete and the mark key act on it).
    """

    def __init__(self, indexes: Sequence[int], count: int) -> None:
        if len(indexes) < 2 or len(indexes) > MAX_PANES:
            raise ValueError("compare shows 2 to 4 images")
        self.indexes = list(indexes)
        self.count = count
        self.focus = 0

    @classmethod
    def start(cls, current: int, count: int, marked: Sequence[int] = ()) -> CompareChoice | None:
        """The panes for ``current`` (the marked images when 2–4 are marked, else the current
        and the next, or the previous at the end); None when there is nothing to compare."""
        if 2 <= len(marked) <= MAX_PANES:
            return cls(sorted(marked), count)
        if count < 2 or not 0 <= current < count:
            return None
        if current + 1 < count:
            return cls([current, current + 1], count)
        return cls([current, current - 1], count)

    @property
    def candidate_pane(self) -> int:
        """The pane → and ← change: the focused one, or the last when the select has it."""
        return self.focus if self.focus != 0 else len(self.indexes) - 1

    @property
    def select(self) -> int:
        return self.indexes[0]

    @property
    def candidate(self) -> int:
        return self.indexes[self.candidate_pane]

    def step(self, delta: int) -> bool:
        """Replace the candidate with the nearest image ``delta``'s way not shown in another
        pane; False at the end of the sequence."""
        pane = self.candidate_pane
        others = {index for i, index in enumerate(self.indexes) if i != pane}
        index = self.indexes[pane] + delta
        while 0 <= index < self.count and index in others:
            index += delta
        if not 0 <= index < self.count:
            return False
        self.indexes[pane] = index
        return True

    def promote(self) -> None:
        """The candidate becomes the select; the next image not shown becomes the candidate
        (or, at the end, the old select stays beside it)."""
        pane = self.candidate_pane
        old_select = self.indexes[0]
        self.indexes[0] = self.indexes[pane]  # the step starts from the new select
        if not self.step(+1):
            self.indexes[pane] = old_select
        self.focus = 0 if self.focus == 0 else pane

    def cycle_focus(self, delta: int = 1) -> int:
        """Tab: the focus to the next pane (round)."""
        self.focus = (self.focus + delta) % len(self.indexes)
        return self.focus

    def reindexed(self, indexes: Sequence[int | None], count: int) -> CompareChoice | None:
        """The choice after a new listing: ``indexes`` are the panes' images' new places (None:
        it left the folder). Panes whose image left close; a single image left gets its
        neighbour beside it again; None when nothing is left to compare."""
        kept = [index for index in indexes if index is not None]
        if len(kept) >= 2:
            choice = CompareChoice(kept, count)
            choice.focus = min(self.focus, len(kept) - 1)
            return choice
        return CompareChoice.start(kept[0], count) if kept else None
