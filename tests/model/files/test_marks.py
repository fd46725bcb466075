"""Marks keyed by path: toggled, counted, following renames, forgotten when files go."""

from __future__ import annotations

from viewer.model.files.marks import Marks


def test_toggle_counts_and_keeps_folder_order(qtbot: object) -> None:
    marks = Marks()
    counts: list[int] = []
    marks.changed.connect(counts.append)
    assert marks.toggle("/f/3.jpg") and marks.toggle("/f/1.jpg")
    assert not marks.toggle("/f/3.jpg")
    assert marks.toggle("/f/2.jpg")
    assert counts == [1, 2, 1, 2]
    assert marks.in_order(["/f/1.jpg", "/f/2.jpg", "/f/3.jpg"]) == ["/f/1.jpg", "/f/2.jpg"]
    assert "/f/2.jpg" in marks and "/f/3.jpg" not in marks


def test_rekey_and_forget(qtbot: object) -> None:
    marks = Marks()
    for path in ("/f/1.jpg", "/f/2.jpg", "/f/3.jpg"):
        marks.toggle(path)
    marks.rekey("/f/1.jpg", "/f/one.jpg")
    marks.rekey("/f/2.jpg", None)
    assert marks.paths() == ["/f/3.jpg", "/f/one.jpg"]
    marks.keep_only(["/f/one.jpg"])
    assert marks.paths() == ["/f/one.jpg"]
    marks.clear()
    assert len(marks) == 0
