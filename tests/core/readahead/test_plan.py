import pytest

from viewer.core.readahead.plan import Direction, ReadAheadPlan, direction_of


def test_forward_targets_current_then_ahead_then_behind():
    assert ReadAheadPlan(2, 1).targets(5, 10, Direction.FORWARD) == [5, 6, 7, 4]


def test_backward_swaps_roles():
    assert ReadAheadPlan(2, 1).targets(5, 10, Direction.BACKWARD) == [5, 4, 3, 6]


@pytest.mark.parametrize(("index", "expected"), [(0, [0, 1, 2]), (9, [9, 8, 7])])
def test_ends_point_inwards(index, expected):
    assert (
        ReadAheadPlan(2, 1).targets(
            index, 10, Direction.BACKWARD if index == 0 else Direction.FORWARD
        )
        == expected
    )


def test_clipped_to_sequence():
    assert ReadAheadPlan(3, 3).targets(1, 3, Direction.FORWARD) == [1, 2, 0]
    assert ReadAheadPlan(1, 1).targets(0, 1, Direction.FORWARD) == [0]
    assert ReadAheadPlan().targets(5, 3, Direction.FORWARD) == []


def test_fitted_to_store():
    assert ReadAheadPlan(8, 8).fitted_to(10) == ReadAheadPlan(8, 1)
    assert ReadAheadPlan(2, 1).fitted_to(1) == ReadAheadPlan(0, 0)


def test_direction_of():
    assert direction_of(None, 3, Direction.BACKWARD) is Direction.BACKWARD
    assert direction_of(3, 4, Direction.BACKWARD) is Direction.FORWARD
    assert direction_of(4, 3, Direction.FORWARD) is Direction.BACKWARD
    assert direction_of(4, 4, Direction.BACKWARD) is Direction.BACKWARD


def test_split_loads_current_and_ahead_and_keeps_behind():
    plan = ReadAheadPlan(2, 1)
    assert plan.split(5, 10, Direction.FORWARD) == ([5, 6, 7], [4])
    assert plan.split(5, 10, Direction.BACKWARD) == ([5, 4, 3], [6])
    assert plan.split(0, 10, Direction.BACKWARD) == ([0, 1, 2], [])
    assert plan.split(12, 10, Direction.FORWARD) == ([], [])


def test_lead_skips_the_images_the_user_will_have_passed():
    assert ReadAheadPlan(2, 1).split(5, 100, Direction.FORWARD, lead=3) == ([5, 8, 9], [4])
    assert ReadAheadPlan(2, 1).split(5, 100, Direction.BACKWARD, lead=3) == ([5, 2, 1], [6])
    assert ReadAheadPlan(2, 1).split(97, 100, Direction.FORWARD, lead=3) == ([97], [96])
