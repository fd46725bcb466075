"""The folder as shown: pairs as one item, then View ▸ Show's filter, then rating order.

Plain functions over names, so they are counted in plain tests.

The listing stays whole underneath (marks, file operations and the sort read it); only the
items shown change. The image the user is on stays shown until they move, even when a new
verdict no longer passes the filter, so a rating never pulls the image away under the eye.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from viewer.core.folder.pairs import Group, group_pairs
from viewer.core.verdicts.model import Verdict
from viewer.model.verdicts.show_filter import ShowFilter, rating_order

#: A verdict by file name (None: not read yet).
VerdictOf = Callable[[str], "Verdict | None"]


@dataclass
class Items:
    """The listing's names grouped into items.

    Attributes:
        shown: each item's shown name, in listing order.
        groups: the group of each shown name that has companions.
    """

    shown: list[str] = field(default_factory=list)
    groups: dict[str, Group] = field(default_factory=dict)

    def members(self, name: str) -> tuple[str, ...]:
        group = self.groups.get(name)
        return group.members if group is not None else (name,)


def items_of(names: Sequence[str], pairs: bool) -> Items:
    """Group ``names``; without ``pairs`` every name is an item of its own."""
    if not pairs:
        return Items(list(names))
    items = Items()
    for group in group_pairs(names):
        items.shown.append(group.shown)
        if group.is_pair:
            items.groups[group.shown] = group
    return items


def item_verdict(items: Items, name: str, verdict_of: VerdictOf) -> Verdict | None:
    """The verdict an item shows: the shown file's, or a companion's where it says more
    (Lightroom keeps a pair's rating in the RAW's ``NAME.xmp``)."""
    verdict = verdict_of(name)
    if verdict is not None and (verdict.rating or verdict.label):
        return verdict
    for member in items.members(name)[1:]:
        other = verdict_of(member)
        if other is not None and (other.rating or other.label):
            return other
    return verdict


def shown_names(
    items: Items,
    show: ShowFilter,
    verdict_of: VerdictOf,
    is_marked: Callable[[str], bool],
    by_rating: bool = False,
    keep: str | None = None,
) -> list[str]:
    """The names shown, in order; ``keep`` (the current image) stays whatever its verdict."""
    if show.is_all:
        names = list(items.shown)
    else:
        names = [
            name
            for name in items.shown
            if name == keep
            or show.passes(
                item_verdict(items, name, verdict_of),
                any(is_marked(m) for m in items.members(name)),
            )
        ]
    if by_rating:
        names.sort(key=lambda name: rating_order(item_verdict(items, name, verdict_of)))
    return names
