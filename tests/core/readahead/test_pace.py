import pytest

from tests.fakes import FakeClock
from viewer.core.readahead.pace import MAX_LEAD, Pace


def moving(pace: Pace, clock: FakeClock, interval: float, steps: int) -> None:
    for _ in range(steps):
        clock.now += interval
        pace.moved(+1)


def test_no_lead_before_anything_is_known():
    pace = Pace(FakeClock())
    assert pace.lead() == 1 and not pace.outrunning()


def test_lead_when_the_user_outruns_the_loads():
    clock = FakeClock()
    pace = Pace(clock)
    pace.loaded(1.0)
    moving(pace, clock, 0.25, 4)
    assert pace.outrunning()
    assert pace.lead() == 4  # a load takes four of the user's steps


def test_slower_user_gets_no_lead():
    clock = FakeClock()
    pace = Pace(clock)
    pace.loaded(0.4)
    moving(pace, clock, 1.0 - 0.5, 3)
    assert not pace.outrunning() and pace.lead() == 1


def test_pause_ends_the_lead():
    clock = FakeClock()
    pace = Pace(clock)
    pace.loaded(1.0)
    moving(pace, clock, 0.1, 5)
    assert pace.lead() == 10
    clock.now += pace.pause_after() + 0.01
    assert pace.lead() == 1


def test_jumps_and_long_gaps_start_a_new_run():
    clock = FakeClock()
    pace = Pace(clock)
    pace.loaded(1.0)
    moving(pace, clock, 0.1, 3)
    pace.moved(+40)  # End, or a jump: says nothing about pace
    assert pace.interval is None and pace.lead() == 1
    clock.now += 5
    pace.moved(+1)
    assert pace.interval is None


def test_lead_is_capped():
    clock = FakeClock()
    pace = Pace(clock)
    pace.loaded(10.0)
    moving(pace, clock, 0.01, 5)
    assert pace.lead() == MAX_LEAD


@pytest.mark.parametrize("seconds", [0.2, 0.6])
def test_load_time_is_smoothed(seconds):
    pace = Pace(FakeClock())
    pace.loaded(seconds)
    pace.loaded(seconds * 3)
    assert pace.load_time == pytest.approx(seconds * 2)
