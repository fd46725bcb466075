"""The order a folder is shown in, as the Sort By menu offers it and settings keep it.

Apart from ``sort_keys`` (which reads the facts an order needs, with Pillow), so settings and
menus name an order without importing a decoder.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class SortKey(enum.Enum):
    """What a folder is ordered by; the value is what settings store."""

    NAME = "name"
    DATE_TAKEN = "date_taken"
    MODIFIED = "modified"
    SIZE = "size"
    TYPE = "type"


#: The menu's words for each order.
LABELS = {
    SortKey.NAME: "&Name",
    SortKey.DATE_TAKEN: "&Date Taken",
    SortKey.MODIFIED: "&Modified",
    SortKey.SIZE: "&Size",
    SortKey.TYPE: "&Type",
}


@dataclass(frozen=True)
class SortChoice:
    """An order and its direction, as the menu shows it and settings keep it."""

    key: SortKey = SortKey.NAME
    reverse: bool = False

    def to_text(self) -> str:
        return f"{self.key.value}:{'descending' if self.reverse else 'ascending'}"

    @classmethod
    def from_text(cls, text: object) -> SortChoice:
        """The stored choice; anything unreadable is the default (natural name)."""
        if not isinstance(text, str):
            return cls()
        key, _, direction = text.partition(":")
        try:
            return cls(SortKey(key), direction == "descending")
        except ValueError:
            return cls()

    @property
    def needs_facts(self) -> bool:
        """Whether ordering needs more than names: a worker must gather ``FileFacts``."""
        return self.key in (SortKey.DATE_TAKEN, SortKey.MODIFIED, SortKey.SIZE)
