"""A verdict on an image (stars, reject, colour label) and an edit of one, without any I/O.

The values are XMP's own, so nothing is lost in translation: ``xmp:Rating`` holds -1 for a
reject (as Lightroom and darktable store it), 0 for unrated and 1–5 stars; ``xmp:Label``
holds the colour's name as Lightroom writes it ("Red" … "Purple"). darktable's
``darktable:colorlabels`` numbers the same colours 0–4 in this order.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

#: ``xmp:Rating`` of a rejected image.
REJECTED = -1
UNRATED = 0
MAX_STARS = 5


class Label(enum.Enum):
    """The five colour labels; the value is the ``xmp:Label`` text Lightroom writes."""

    RED = "Red"
    YELLOW = "Yellow"
    GREEN = "Green"
    BLUE = "Blue"
    PURPLE = "Purple"

    @property
    def darktable(self) -> int:
        """The colour's number in ``darktable:colorlabels`` (0 = red … 4 = purple)."""
        return list(Label).index(self)

    @classmethod
    def from_text(cls, text: str) -> Label | None:
        """The label an ``xmp:Label`` text names (any case); None for other texts."""
        wanted = text.strip().casefold()
        return next((label for label in cls if label.value.casefold() == wanted), None)

    @classmethod
    def from_darktable(cls, number: int) -> Label | None:
        labels = list(cls)
        return labels[number] if 0 <= number < len(labels) else None


class Keep(enum.Enum):
    """A typed "leave it as it is" for ``Edit.label``, where None means "no label"."""

    KEEP = "keep"


KEEP = Keep.KEEP


def check_rating(rating: int) -> int:
    """``rating`` if it is a valid ``xmp:Rating`` (-1 … 5), else ValueError."""
    if isinstance(rating, bool) or not isinstance(rating, int):
        raise ValueError(f"A rating is a whole number, not {rating!r}.")
    if not REJECTED <= rating <= MAX_STARS:
        raise ValueError(f"A rating is -1 (rejected) or 0 to 5, not {rating}.")
    return rating


@dataclass(frozen=True)
class Verdict:
    """What the user decided about one image.

    Attributes:
        rating: ``xmp:Rating``: -1 rejected, 0 unrated, 1–5 stars.
        label: the colour label, or None.
    """

    rating: int = UNRATED
    label: Label | None = None

    def __post_init__(self) -> None:
        check_rating(self.rating)

    @property
    def rejected(self) -> bool:
        return self.rating == REJECTED

    @property
    def stars(self) -> int:
        """0–5; a reject has none."""
        return max(self.rating, UNRATED)


@dataclass(frozen=True)
class Edit:
    """What the user changed; only these properties are written, the rest stays as found.

    An edit, not a whole verdict, is what a write carries: applied to a sidecar that another
    program changed meanwhile, it changes only what the user changed, and keeps theirs.

    Attributes:
        rating: the new ``xmp:Rating`` (-1 rejects, 0 clears), or None to leave it.
        label: the new label, None to clear it, or ``KEEP`` to leave it.
    """

    rating: int | None = None
    label: Label | Keep | None = KEEP

    def __post_init__(self) -> None:
        if self.rating is not None:
            check_rating(self.rating)

    @property
    def empty(self) -> bool:
        return self.rating is None and self.label is KEEP

    def applied_to(self, verdict: Verdict) -> Verdict:
        """``verdict`` with this edit made."""
        rating = verdict.rating if self.rating is None else self.rating
        label = verdict.label if isinstance(self.label, Keep) else self.label
        return Verdict(rating, label)

    def against(self, verdict: Verdict) -> Edit:
        """This edit less what ``verdict`` already has (an edit that changes nothing is
        ``empty``, and writes nothing)."""
        rating = None if self.rating == verdict.rating else self.rating
        label: Label | Keep | None = self.label
        if not isinstance(label, Keep) and label == verdict.label:
            label = KEEP
        return Edit(rating, label)

    @classmethod
    def between(cls, old: Verdict, new: Verdict) -> Edit:
        """The edit that turns ``old`` into ``new``."""
        return cls(rating=new.rating, label=new.label).against(old)

    @classmethod
    def toggle_rating(cls, current: Verdict, rating: int) -> Edit:
        """The key for ``rating`` (0–5, or -1 for reject): pressed again, it clears."""
        return cls(rating=UNRATED if current.rating == rating else rating)

    @classmethod
    def toggle_label(cls, current: Verdict, label: Label) -> Edit:
        """The key for ``label``: pressed again, it clears the label."""
        return cls(label=None if current.label is label else label)

    @classmethod
    def seed(cls, verdict: Verdict) -> Edit:
        """The edit that writes all of ``verdict`` into a sidecar that has none of it."""
        return cls(rating=verdict.rating, label=verdict.label)
