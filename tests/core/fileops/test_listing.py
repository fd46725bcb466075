"""The listing after an operation, and the image the view moves to."""

from __future__ import annotations

from viewer.core.fileops.journal import Change
from viewer.core.fileops.listing import names_after, position_after, renamed_to

NAMES = ["1.jpg", "2.jpg", "3.jpg", "10.jpg"]


def test_removed_and_renamed_names() -> None:
    changes = [Change("/f/2.jpg", None), Change("/f/3.jpg", "/f/11.jpg"), Change(None, "/f/x.txt")]
    assert names_after(NAMES, changes) == ["1.jpg", "10.jpg", "11.jpg"]
    assert renamed_to(changes, "3.jpg") == "11.jpg"
    assert renamed_to(changes, "2.jpg") is None


def test_position_moves_to_the_next_or_the_previous_at_the_end() -> None:
    assert position_after(NAMES, ["1.jpg", "3.jpg", "10.jpg"], "2.jpg") == 1
    assert position_after(NAMES, ["1.jpg", "10.jpg"], "2.jpg") == 1  # 3 went too: on to 10
    assert position_after(NAMES, ["1.jpg", "2.jpg", "3.jpg"], "10.jpg") == 2
    assert position_after(NAMES, NAMES, "3.jpg") == 2
    assert position_after(NAMES, ["1.jpg", "2.jpg", "4.jpg", "10.jpg"], "3.jpg", "4.jpg") == 2
    assert position_after(NAMES, [], "3.jpg") is None


def test_position_of_a_current_image_already_gone_from_the_listing() -> None:
    after = ["1.jpg", "2.jpg", "10.jpg"]
    assert position_after(after, after, "3.jpg") == 2  # would sit before 10.jpg: on to it
    assert position_after(after, after, "11.jpg") == 2  # past the end: the last one
