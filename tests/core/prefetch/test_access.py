"""Order, direction, random access, unordered iteration, the budget and the counters."""

import threading

import numpy as np
import pytest

from tests.core.prefetch.helpers import VALUE_BYTES, Loads, names
from viewer.core.prefetch import Item, prefetch

TIMEOUT = 10


def numbers(items):
    return [int(item.value[0]) for item in items]


def test_items_carry_index_path_and_value():
    paths = names(12)
    with prefetch(paths, loader=Loads()) as seq:
        items = list(seq)
    assert [item.index for item in items] == list(range(12))
    assert [item.path for item in items] == paths
    assert numbers(items) == list(range(12))
    assert all(item.ok and item.error is None for item in items)


def test_transform_runs_on_the_workers():
    seen = []

    def transform(value):
        seen.append(threading.current_thread() is threading.main_thread())
        return value * 2

    with prefetch(names(4), loader=Loads(), transform=transform) as seq:
        assert [int(item.value[0]) for item in seq] == [0, 2, 4, 6]
    assert seen == [False] * 4


def test_reversed_reads_ahead_backwards():
    loads = Loads()
    with prefetch(names(10), loader=loads, ahead=2, behind=1) as seq:
        backwards = reversed(seq)
        first = next(backwards)
        assert first.index == 9
        assert seq.settle(TIMEOUT)
        assert [i for i in range(10) if seq.cached(i)] == [7, 8, 9]
        assert numbers(backwards) == list(range(8, -1, -1))
    assert max(loads.calls.values()) == 1


def test_iter_from_a_start_index_either_way():
    with prefetch(names(10), loader=Loads()) as seq:
        assert numbers(seq.iter_from(6)) == [6, 7, 8, 9]
        assert numbers(seq.iter_from(3, reverse=True)) == [3, 2, 1, 0]
        with pytest.raises(IndexError):
            seq.iter_from(10)


def test_random_access_after_a_jump_reads_ahead_the_way_it_moved():
    loads = Loads()
    with prefetch(names(20), loader=loads, ahead=2, behind=1) as seq:
        assert seq[0].index == 0
        item = seq[12]
        assert (item.index, item.path, int(item.value[0])) == (12, "12.png", 12)
        assert seq.settle(TIMEOUT)
        assert seq.cached(13) and seq.cached(14) and not seq.cached(11)
        assert seq[-1].path == "19.png"
        assert seq[8].index == 8  # a move back: read-ahead turns round
        assert seq.settle(TIMEOUT)
        assert seq.cached(7) and seq.cached(6)
        with pytest.raises(IndexError):
            seq[20]
    assert len(seq) == 20


def test_unordered_hands_out_what_finishes_first():
    loads = Loads()
    loads.gate("0.png")
    with prefetch(names(6), loader=loads, ordered=False, ahead=3) as seq:
        items = iter(seq)
        early = [next(items).index, next(items).index]
        assert 0 not in early  # 0 is still loading, and nothing waits for it
        loads.open_gate("0.png")
        rest = [item.index for item in items]
    assert sorted(early + rest) == list(range(6))
    assert sum(loads.calls.values()) == 6


def test_store_stays_within_the_byte_budget_and_count():
    loads = Loads()
    budget = 3 * VALUE_BYTES + VALUE_BYTES // 2
    with prefetch(names(30), loader=loads, ahead=10, max_bytes=budget, max_items=8) as seq:
        for item in seq:
            stats = seq.stats
            assert stats.stored_bytes <= budget
            assert stats.stored <= 8
            assert item.value.nbytes == VALUE_BYTES
        seq[0]
        assert seq.settle(TIMEOUT)
        # current + ahead + behind fit 3 values, so read-ahead stops there
        assert sum(seq.cached(i) for i in range(30)) == 3
        assert seq.stats.ahead == 1  # 10 asked for; the budget holds current + 1 + behind


def test_values_larger_than_the_budget_are_still_handed_out():
    with prefetch(names(3), loader=Loads(), max_bytes=VALUE_BYTES // 2) as seq:
        assert numbers(seq) == [0, 1, 2]
        assert seq.stats.stored == 0


def test_stats_count_hits_misses_and_bytes():
    loads = Loads()
    with prefetch(names(8), loader=loads, ahead=2) as seq:
        seq[0]
        assert seq.settle(TIMEOUT)
        seq[1]  # read ahead: a hit
        assert seq.settle(TIMEOUT)
        stats = seq.stats
        assert (stats.hits, stats.misses) == (1, 1)
        assert stats.bytes_read == VALUE_BYTES * sum(loads.calls.values())
        assert stats.loads == sum(loads.calls.values()) == 4
        assert stats.in_flight == 0
        assert "1 hits, 1 misses" in str(stats)


def test_item_is_a_plain_value():
    item = Item(3, "3.png", np.zeros(1))
    assert item.ok and item.index == 3


def test_a_cold_miss_reads_alone_then_the_read_ahead_starts():
    loads = Loads()
    loads.gate("5.png")
    with prefetch(names(10), loader=loads, ahead=2) as seq:
        got = []
        asker = threading.Thread(target=lambda: got.append(seq[5]), daemon=True)
        asker.start()
        assert loads.began("5.png").wait(TIMEOUT)
        assert seq.stats.in_flight == 1  # 6 and 7 wait: 5 has the link to itself
        loads.open_gate("5.png")
        asker.join(TIMEOUT)
        assert got[0].index == 5
        assert seq.settle(TIMEOUT)
        assert seq.cached(6) and seq.cached(7)
    assert loads.calls["6.png"] == loads.calls["7.png"] == 1
