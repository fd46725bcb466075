"""The verdict and the edit: values as XMP holds them, toggles as the keys use them."""

from __future__ import annotations

import pytest

from viewer.core.verdicts.model import KEEP, REJECTED, Edit, Label, Verdict


def test_reject_is_rating_minus_one_and_has_no_stars() -> None:
    verdict = Verdict(REJECTED)
    assert verdict.rejected and verdict.stars == 0
    assert not Verdict(3).rejected and Verdict(3).stars == 3


@pytest.mark.parametrize("rating", [-2, 6, True, 2.5])
def test_ratings_out_of_range_are_refused(rating: object) -> None:
    with pytest.raises(ValueError, match="rating"):
        Verdict(rating)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rating"):
        Edit(rating=rating)  # type: ignore[arg-type]


def test_labels_use_lightroom_text_and_darktable_numbers() -> None:
    assert [label.value for label in Label] == ["Red", "Yellow", "Green", "Blue", "Purple"]
    assert [label.darktable for label in Label] == [0, 1, 2, 3, 4]
    assert Label.from_text(" purple ") is Label.PURPLE
    assert Label.from_text("Select") is None
    assert Label.from_darktable(5) is None


def test_an_edit_changes_only_what_it_names() -> None:
    old = Verdict(2, Label.RED)
    assert Edit(rating=4).applied_to(old) == Verdict(4, Label.RED)
    assert Edit(label=None).applied_to(old) == Verdict(2, None)
    assert Edit(label=Label.BLUE).applied_to(old) == Verdict(2, Label.BLUE)
    assert Edit(rating=2, label=Label.RED).against(old).empty
    assert Edit.between(old, Verdict(2, None)) == Edit(label=None)


def test_the_same_key_again_clears() -> None:
    assert Edit.toggle_rating(Verdict(3), 3) == Edit(rating=0)
    assert Edit.toggle_rating(Verdict(3), 4) == Edit(rating=4)
    assert Edit.toggle_rating(Verdict(REJECTED), REJECTED) == Edit(rating=0)
    assert Edit.toggle_label(Verdict(0, Label.RED), Label.RED) == Edit(label=None)
    assert Edit.toggle_label(Verdict(0, Label.RED), Label.GREEN) == Edit(label=Label.GREEN)
    assert Edit().label is KEEP and Edit().empty
