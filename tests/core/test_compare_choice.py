"""Which images the compare view shows, and how the keys change them."""

from __future__ import annotations

from viewer.core.compare.choice import CompareChoice


def test_select_and_candidate_are_the_current_and_the_next() -> None:
    choice = CompareChoice.start(3, 10)
    assert choice is not None
    assert (choice.select, choice.candidate) == (3, 4)
    end = CompareChoice.start(9, 10)
    assert end is not None and end.indexes == [9, 8]
    assert CompareChoice.start(0, 1) is None


def test_two_to_four_marked_images_are_shown_instead() -> None:
    choice = CompareChoice.start(0, 10, marked=[7, 2, 5])
    assert choice is not None and choice.indexes == [2, 5, 7]
    too_many = CompareChoice.start(0, 10, marked=[1, 2, 3, 4, 5])
    assert too_many is not None and too_many.indexes == [0, 1]


def test_arrows_replace_the_candidate_skipping_images_shown() -> None:
    choice = CompareChoice([3, 4], 10)
    assert choice.step(+1) and choice.indexes == [3, 5]
    assert choice.step(-1) and choice.indexes == [3, 4]
    assert choice.step(-1) and choice.indexes == [3, 2]  # 3 is the select: skipped
    last = CompareChoice([8, 9], 10)
    assert not last.step(+1) and last.indexes == [8, 9]


def test_up_makes_the_candidate_the_select() -> None:
    choice = CompareChoice([3, 6], 10)
    choice.promote()
    assert choice.indexes == [6, 7]
    at_end = CompareChoice([3, 9], 10)
    at_end.promote()
    assert at_end.indexes == [9, 3]


def test_the_focused_pane_is_the_candidate_with_marked_images() -> None:
    choice = CompareChoice([1, 4, 7], 10)
    assert choice.candidate_pane == 2
    assert choice.cycle_focus() == 1
    assert choice.candidate == 4
    choice.step(+1)
    assert choice.indexes == [1, 5, 7]
    assert choice.cycle_focus() == 2 and choice.cycle_focus() == 0


def test_a_new_listing_closes_panes_whose_image_left() -> None:
    choice = CompareChoice([1, 4, 7], 10)
    after = choice.reindexed([1, None, 6], 9)
    assert after is not None and after.indexes == [1, 6]
    alone = CompareChoice([1, 4], 10).reindexed([None, 3], 9)
    assert alone is not None and alone.indexes == [3, 4]
    assert CompareChoice([0, 1], 2).reindexed([None, None], 0) is None
