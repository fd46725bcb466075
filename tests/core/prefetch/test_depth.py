"""``ahead="auto"``, driven by an injected clock: deeper while the consumer waits, shallower
while every item is ready, never past the budget."""

import pytest

from tests.core.prefetch.helpers import PermitClock, names
from viewer.core.prefetch import prefetch
from viewer.core.prefetch.depth import AUTO_START, PATIENCE, Depth, ceiling_for

TIMEOUT = 10


def test_auto_grows_while_the_consumer_waits_and_shrinks_when_it_does_not():
    clock = PermitClock()
    max_items, behind = 8, 1
    ceiling = max_items - 1 - behind
    seq = prefetch(
        names(80), loader=clock.load, ahead="auto", workers=1, behind=behind,
        max_items=max_items, clock=clock,
    )  # fmt: skip
    with seq:
        items = iter(seq)
        depths = []
        for _ in range(6):
            next(items)
            depths.append(seq.stats.ahead)
        assert depths == [min(AUTO_START + n, ceiling) for n in range(1, 7)]
        assert seq.stats.misses == 6
        assert seq.stats.wait_s == 6.0  # one clock second per wait

        clock.go_fast()
        for _ in range(2 * PATIENCE):
            assert seq.settle(TIMEOUT)
            next(items)  # already loaded: no wait
        assert seq.stats.ahead == ceiling - 2
        assert seq.stats.misses == 6


def test_fixed_depth_does_not_move():
    depth = Depth(3)
    for waited in (5.0, 5.0, 0.0):
        assert depth.observe(waited, ceiling=10) == 3


def test_auto_depth_stays_under_the_ceiling_and_above_one():
    depth = Depth("auto", patience=1)
    assert [depth.observe(1.0, ceiling=4) for _ in range(4)] == [3, 4, 4, 4]
    assert [depth.observe(0.0, ceiling=4) for _ in range(4)] == [3, 2, 1, 1]


def test_ceiling_by_count_and_by_bytes():
    assert ceiling_for(max_items=10, max_bytes=1000, behind=1, item_cost=0) == 8
    assert ceiling_for(max_items=10, max_bytes=1000, behind=1, item_cost=200) == 3
    assert ceiling_for(max_items=10, max_bytes=100, behind=1, item_cost=200) == 1


@pytest.mark.parametrize("ahead", [-1, "more", True])
def test_bad_ahead_is_refused(ahead):
    with pytest.raises(ValueError, match="ahead"):
        Depth(ahead)
