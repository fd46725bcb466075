"""The thumbnail order: on screen first, then a margin ahead and a smaller one behind."""

from __future__ import annotations

from viewer.core.previews.thumb_order import wanted_rows


def test_visible_rows_first_in_reading_order() -> None:
    order = wanted_rows([range(50, 60)], count=1000, limit=1000)
    assert order[:10] == list(range(50, 60))


def test_margin_ahead_is_twice_the_margin_behind_and_interleaved() -> None:
    order = wanted_rows([range(50, 60)], count=1000, limit=1000)
    margin = order[10:]
    ahead = [row for row in margin if row >= 60]
    behind = [row for row in margin if row < 50]
    assert ahead == list(range(60, 70))
    assert behind == list(range(49, 44, -1))
    assert margin[:3] == [60, 61, 49]  # the next row first, then the one just above


def test_clipped_to_the_folder_and_the_limit() -> None:
    assert wanted_rows([range(0, 5)], count=7, limit=100) == [0, 1, 2, 3, 4, 5, 6]
    assert wanted_rows([range(90, 120)], count=100, limit=100)[:10] == list(range(90, 100))
    assert len(wanted_rows([range(0, 50)], count=1000, limit=20)) == 20


def test_several_views_share_one_order_without_repeats() -> None:
    order = wanted_rows([range(10, 14), range(12, 18)], count=100, limit=100)
    assert order[:8] == [10, 11, 12, 13, 14, 15, 16, 17]
    assert len(order) == len(set(order))


def test_nothing_visible_wants_nothing() -> None:
    assert wanted_rows([range(0)], count=100, limit=100) == []
    assert wanted_rows([], count=0, limit=100) == []
