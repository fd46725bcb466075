"""Which thumbnails to load, most urgent first: what is on screen, then a little around it.

Qt-free policy for the thumbnail model. Rows on screen come first, in reading order, so the
grid fills from the top left as a reader's eye moves; then a margin past the last visible row
(where a scroll usually goes next) interleaved with a smaller margin before the first, so a
short scroll either way shows thumbnails that are already there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: The margin ahead is this many times the visible count (and half of that behind).
AHEAD_SHARE = 1.0


def wanted_rows(
    visible: Sequence[range], count: int, limit: int, ahead_share: float = AHEAD_SHARE
) -> list[int]:
    """Rows to have thumbnails for, most urgent first, at most ``limit`` of them.

    Args:
        visible: the row ranges each view shows (several views may share one model); earlier
            ranges are more urgent.
        count: rows in the model; ranges are clipped to it.
        limit: the most rows worth holding at once (the memory budget's share).
        ahead_share: the margin after the last visible row, as a share of the visible count.
    """
    order: list[int] = []
    seen: set[int] = set()

    def add(rows: Iterable[int]) -> None:
        for row in rows:
            if 0 <= row < count and row not in seen and len(order) < limit:
                seen.add(row)
                order.append(row)

    shown = [range(max(0, r.start), min(count, r.stop)) for r in visible]
    for rows in shown:
        add(rows)
    for rows in shown:
        if not rows:
            continue
        ahead = max(1, round(len(rows) * ahead_share))
        behind = max(1, ahead // 2)
        after = range(rows.stop, rows.stop + ahead)
        before = range(rows.start - 1, rows.start - 1 - behind, -1)
        add(_interleave(after, before))
    return order


def _interleave(longer: Sequence[int], shorter: Sequence[int]) -> list[int]:
    """Two after one: ``a0 a1 b0 a2 a3 b1 …``, so the bigger margin fills twice as fast."""
    out: list[int] = []
    rest = list(shorter)
    for position, row in enumerate(longer):
        out.append(row)
        if position % 2 == 1 and rest:
            out.append(rest.pop(0))
    return out + rest
