import pytest

from viewer.core.folder.goto import goto_target

NAMES = ["1.jpg", "2.jpg", "beach.jpg", "Beach-2.jpg", "10.jpg"]


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        ("1", -1, 0),
        (" 5 ", -1, 4),
        ("6", -1, None),  # past the end
        ("0", -1, None),
        ("BEACH", -1, 2),
        ("beach", 2, 3),  # asking again finds the next match
        ("beach", 3, 2),  # and wraps around
        ("10.j", -1, 4),
        ("nothing", -1, None),
        ("", -1, None),
    ],
)
def test_number_or_part_of_a_name(text, after, expected):
    assert goto_target(text, NAMES, after) == expected


def test_empty_folder():
    assert goto_target("x", []) is None
