"""RAW+JPEG pairs: files with one stem in one folder shown as one item, from names only.

Cameras set to RAW+JPEG write ``IMG_0001.CR2`` and ``IMG_0001.JPG``; culling them one by one
doubles the work. A group holds the RAWs of a stem and at most one image to show (a JPEG
before a HEIC, a TIFF or a PNG); the RAWs are its companions. A stem with no RAW, or with
only RAWs, stays as it was. Stems are compared case-blind, as on the shares cameras' cards
are copied to. No file is read or stat'ed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from viewer.core.folder.sidecars import is_raw_name

#: Which of a stem's non-RAW files is shown, most preferred first; others stay alone.
_SHOWN_ORDER = (".jpg", ".jpeg", ".jpe", ".heic", ".heif", ".tif", ".tiff", ".png")


@dataclass(frozen=True)
class Group:
    """One item of the listing: ``shown`` is displayed, ``companions`` go along with it."""

    shown: str
    companions: tuple[str, ...] = ()

    @property
    def members(self) -> tuple[str, ...]:
        return (self.shown, *self.companions)

    @property
    def is_pair(self) -> bool:
        return bool(self.companions)


def _rank(name: str) -> int:
    extension = os.path.splitext(name)[1].lower()
    return _SHOWN_ORDER.index(extension) if extension in _SHOWN_ORDER else len(_SHOWN_ORDER)


def group_pairs(paths: Iterable[str]) -> list[Group]:
    """Group listed image paths (or names) into items, in the order of each item's first
    member in ``paths``."""
    listed = list(paths)
    by_stem: dict[tuple[str, str], list[str]] = {}
    for path in listed:
        folder, name = os.path.split(path)
        by_stem.setdefault((folder, os.path.splitext(name)[0].casefold()), []).append(path)
    grouped: dict[str, Group] = {}
    for members in by_stem.values():
        raws = [p for p in members if is_raw_name(p)]
        others = [p for p in members if not is_raw_name(p)]
        if not raws or not others:
            continue
        shown = min(others, key=_rank)  # stable: the first listed of the best rank
        group = Group(shown, tuple(raws))
        for member in group.members:
            grouped[member] = group
    items: list[Group] = []
    placed: set[str] = set()
    for path in listed:
        group = grouped.get(path, Group(path))
        if group.shown not in placed:
            placed.add(group.shown)
            items.append(group)
    return items
