"""The open folder's listing after an operation, and where the view goes next.

The listing changes at once, without waiting for the next poll; the view goes to the same
image, the one it was renamed to, else the next one (or the previous one, at the end).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from viewer.core.fileops.journal import Change
from viewer.core.folder.sequence import is_image_name, natural_key


def names_after(names: Sequence[str], changes: Sequence[Change]) -> list[str]:
    """``names`` (one folder, natural order) with the changes in that folder applied."""
    gone = {os.path.basename(c.old) for c in changes if c.old is not None}
    came = {os.path.basename(c.new) for c in changes if c.new is not None}
    kept = [name for name in names if name not in gone or name in came]
    present = set(kept)
    kept += [name for name in came if name not in present and is_image_name(name)]
    return sorted(kept, key=natural_key)


def renamed_to(changes: Sequence[Change], name: str) -> str | None:
    """What ``name`` is now called, if a change in the folder renamed it."""
    for change in changes:
        if change.old and change.new and os.path.basename(change.old) == name:
            return os.path.basename(change.new)
    return None


def position_after(
    before: Sequence[str], after: Sequence[str], current: str | None, renamed: str | None = None
) -> int | None:
    """The index in ``after`` to show, given the name ``current`` shown in ``before``.

    ``current`` may be missing from ``before`` already (a re-listing noticed the change
    first): it is then placed where it would sort.
    """
    index_of = {name: i for i, name in enumerate(after)}
    for name in (renamed, current):
        if name is not None and name in index_of:
            return index_of[name]
    if not after:
        return None
    if current is None:
        return 0
    if current in before:
        at = list(before).index(current)
        later, earlier = before[at + 1 :], before[:at]
    else:
        key = natural_key(current)
        at = sum(1 for name in before if natural_key(name) < key)
        later, earlier = before[at:], before[:at]
    for name in [*later, *reversed(earlier)]:
        if name in index_of:
            return index_of[name]
    return 0
