"""Orders of a folder: natural name (the default), date taken, modified time, size and type.

Every order is stable and total: ties, and files whose key is not known (yet, or at all), fall
back to natural name order, and unknown keys always go last whichever way the order runs, so
reversing a date sort does not bring the undated files to the front.

Date taken comes from each file's first ``DATE_HEAD_BYTES`` (where EXIF lives), read on a
worker; modified time and size from one ``stat`` each. Listing itself reads neither.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO, Callable

from PIL import Image

from viewer.core.folder.sequence import natural_key
from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.core.formats.raw.preview import HEAD_BYTES, HeadSource
from viewer.core.metadata.exif import exif_block, facts_from_head, parse_exif

DATE_HEAD_BYTES = HEAD_BYTES


@dataclass(frozen=True)
class FileFacts:
    """What sorting knows about one file; None where it could not be had."""

    date_taken: datetime | None = None
    mtime_ns: int | None = None
    size: int | None = None


def sorted_names(
    names: Iterable[str], choice: SortChoice, facts: Mapping[str, FileFacts] | None = None
) -> list[str]:
    """``names`` in the chosen order; names without the key go last, in natural order."""
    ordered = sorted(names, key=natural_key)
    if choice.key is SortKey.NAME:
        return ordered[::-1] if choice.reverse else ordered
    if choice.key is SortKey.TYPE:
        return sorted(ordered, key=_extension, reverse=choice.reverse)
    facts = facts or {}
    value = _VALUES[choice.key]
    known = [name for name in ordered if name in facts and value(facts[name]) is not None]
    placed = set(known)
    unknown = [name for name in ordered if name not in placed]
    # sorted() is stable, and reverse=True keeps equal keys in their original (name) order.
    known.sort(key=lambda name: value(facts[name]), reverse=choice.reverse)
    return known + unknown


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


_VALUES: dict[SortKey, Callable[[FileFacts], Any]] = {
    SortKey.DATE_TAKEN: lambda facts: facts.date_taken,
    SortKey.MODIFIED: lambda facts: facts.mtime_ns,
    SortKey.SIZE: lambda facts: facts.size,
}


def read_file_facts(path: str, want_date: bool, opener: Callable[[str], BinaryIO] | None = None
                    ) -> FileFacts:  # fmt: skip
    """One file's facts: a ``stat``, and for date taken its first 64 KB. Never raises."""
    try:
        with (opener or _open)(path) as file:
            status = os.fstat(file.fileno())
            date = None
            if want_date:
                head = file.read(DATE_HEAD_BYTES)
                date = facts_from_head(head, HeadSource(file, head)).date_taken or _date_by_pillow(
                    head
                )
    except (OSError, ValueError):
        return FileFacts()
    return FileFacts(date, status.st_mtime_ns, status.st_size)


def _date_by_pillow(head: bytes) -> datetime | None:
    """PNG (eXIf) and others whose EXIF Pillow finds in the head; None where it is later."""
    try:
        with Image.open(io.BytesIO(head)) as image:
            exif = image.info.get("exif")
    except Exception:  # a head is a truncated file: any parser may give up on it
        return None
    return parse_exif(exif_block(exif)).date_taken if isinstance(exif, bytes) else None


def _open(path: str) -> BinaryIO:
    return open(path, "rb")
