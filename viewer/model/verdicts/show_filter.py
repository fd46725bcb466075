"""Which images View ▸ Show lets through, and how a verdict reads in a few characters.

Pure functions over verdicts, so the filter of 20,000 images is counted in plain tests. An
image whose verdict has not been read yet passes only "all" and "marked": a filter then grows
as verdicts arrive, and never shows an image it would hide a moment later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from viewer.core.verdicts.model import Label, Verdict


class ShowKind(enum.Enum):
    ALL = "all"
    AT_LEAST = "at_least"
    REJECTED = "rejected"
    NOT_REJECTED = "not_rejected"
    UNRATED = "unrated"
    LABEL = "label"
    MARKED = "marked"


@dataclass(frozen=True)
class ShowFilter:
    """One choice of View ▸ Show.

    Attributes:
        stars: for ``AT_LEAST``, the fewest stars (1–5).
        label: for ``LABEL``, the colour.
    """

    kind: ShowKind = ShowKind.ALL
    stars: int = 0
    label: Label | None = None

    @property
    def is_all(self) -> bool:
        return self.kind is ShowKind.ALL

    def passes(self, verdict: Verdict | None, marked: bool = False) -> bool:
        """Whether an image with ``verdict`` (None: not read yet) is shown."""
        if self.kind is ShowKind.ALL:
            return True
        if self.kind is ShowKind.MARKED:
            return marked
        if verdict is None:
            return False
        if self.kind is ShowKind.AT_LEAST:
            return verdict.stars >= self.stars
        if self.kind is ShowKind.REJECTED:
            return verdict.rejected
        if self.kind is ShowKind.NOT_REJECTED:
            return not verdict.rejected
        if self.kind is ShowKind.UNRATED:
            return verdict.rating == 0
        return verdict.label is not None and verdict.label is self.label

    def title(self) -> str:
        """The menu's words for it."""
        if self.kind is ShowKind.AT_LEAST:
            return f"Rated {'★' * self.stars} or More"
        if self.kind is ShowKind.LABEL:
            return f"{self.label.value if self.label else ''} Label"
        return {
            ShowKind.ALL: "All Images",
            ShowKind.REJECTED: "Rejected",
            ShowKind.NOT_REJECTED: "Not Rejected",
            ShowKind.UNRATED: "Unrated",
            ShowKind.MARKED: "Marked",
        }[self.kind]

    def to_text(self) -> str:
        detail = self.stars if self.kind is ShowKind.AT_LEAST else ""
        if self.kind is ShowKind.LABEL and self.label is not None:
            detail = self.label.value
        return f"{self.kind.value}:{detail}"

    @classmethod
    def from_text(cls, text: object) -> ShowFilter:
        """The filter ``to_text`` wrote; junk gives "all"."""
        kind_text, _, detail = str(text or "").partition(":")
        try:
            kind = ShowKind(kind_text)
        except ValueError:
            return cls()
        if kind is ShowKind.AT_LEAST:
            stars = int(detail) if detail.isdigit() and 1 <= int(detail) <= 5 else 0
            return cls(kind, stars=stars) if stars else cls()
        if kind is ShowKind.LABEL:
            label = Label.from_text(detail)
            return cls(kind, label=label) if label is not None else cls()
        return cls(kind)


def all_filters() -> list[ShowFilter]:
    """Every choice, in menu order."""
    return [
        ShowFilter(),
        *(ShowFilter(ShowKind.AT_LEAST, stars=n) for n in range(1, 6)),
        ShowFilter(ShowKind.REJECTED),
        ShowFilter(ShowKind.NOT_REJECTED),
        ShowFilter(ShowKind.UNRATED),
        *(ShowFilter(ShowKind.LABEL, label=label) for label in Label),
        ShowFilter(ShowKind.MARKED),
    ]


def verdict_text(verdict: Verdict | None) -> str:
    """``★★★☆☆ · Red``, ``Rejected``, or "" for none."""
    if verdict is None:
        return ""
    if verdict.rejected:
        parts = ["Rejected"]
    elif verdict.stars:
        parts = ["★" * verdict.stars + "☆" * (5 - verdict.stars)]
    else:
        parts = []
    if verdict.label is not None:
        parts.append(verdict.label.value)
    return " · ".join(parts)


def rating_order(verdict: Verdict | None) -> int:
    """A sort key: most stars first, unrated and unknown after, rejects last."""
    if verdict is None or verdict.rating == 0:
        return 1
    return 2 if verdict.rejected else -verdict.stars
