"""RAW+JPEG pairs grouped from names alone."""

from __future__ import annotations

from viewer.core.verdicts import Group, group_pairs


def test_a_raw_and_its_jpeg_are_one_item_showing_the_jpeg() -> None:
    names = ["/f/IMG_1.CR2", "/f/IMG_1.JPG", "/f/IMG_2.JPG", "/f/IMG_3.NEF"]
    assert group_pairs(names) == [
        Group("/f/IMG_1.JPG", ("/f/IMG_1.CR2",)),
        Group("/f/IMG_2.JPG"),
        Group("/f/IMG_3.NEF"),
    ]
    assert group_pairs(names)[0].is_pair and not group_pairs(names)[1].is_pair


def test_stems_are_case_blind_and_folders_apart() -> None:
    assert group_pairs(["/a/x.cr2", "/a/X.jpg", "/b/x.jpg"]) == [
        Group("/a/X.jpg", ("/a/x.cr2",)),
        Group("/b/x.jpg"),
    ]


def test_the_jpeg_is_preferred_and_the_others_stay_alone() -> None:
    items = group_pairs(["a.png", "a.dng", "a.cr2", "a.jpg", "b.png", "b.heic"])
    assert items == [
        Group("a.png"),
        Group("a.jpg", ("a.dng", "a.cr2")),
        Group("b.png"),
        Group("b.heic"),
    ]
    assert group_pairs([]) == []
