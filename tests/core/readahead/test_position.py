"""Position: the current index by path, the direction of travel, and the plan as paths."""

from __future__ import annotations

import pytest

from viewer.core.readahead.plan import Direction, ReadAheadPlan
from viewer.core.readahead.position import Position

PATHS = [f"/p/{n}.jpg" for n in range(10)]


def test_moves_set_the_direction_and_return_the_step():
    position = Position()
    position.set_paths(PATHS)
    assert position.move(4) == 0  # the first image shown
    assert position.move(5) == 1 and position.direction is Direction.FORWARD
    assert position.move(2) == -3 and position.direction is Direction.BACKWARD
    with pytest.raises(IndexError):
        position.move(10)
    assert position.current == 2


def test_a_new_listing_keeps_the_current_path_current():
    position = Position()
    position.set_paths(PATHS)
    position.move(3)
    assert position.reindex(["/p/new.jpg", *PATHS]) == 4
    assert position.current_path() == "/p/3.jpg"
    assert position.reindex(PATHS[5:]) is None


def test_the_plan_as_paths_and_its_span():
    position = Position()
    position.set_paths(PATHS)
    plan = ReadAheadPlan(2, 1)
    assert position.wanted(plan, 1).all() == set() and position.span(plan) == range(0)
    position.move(5)
    position.move(6)
    wanted = position.wanted(plan, 1)
    assert wanted.load == ["/p/6.jpg", "/p/7.jpg", "/p/8.jpg"] and wanted.keep == ["/p/5.jpg"]
    assert position.passing(plan, 3) == ["/p/7.jpg", "/p/8.jpg"]
    assert position.span(plan) == range(5, 9)
