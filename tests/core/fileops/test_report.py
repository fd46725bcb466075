"""The status texts of a running and a finished operation."""

from __future__ import annotations

from viewer.core.fileops.journal import Change, JournalEntry, Outcome, Record
from viewer.core.fileops.report import done_text, problem_text, progress_text
from viewer.core.fileops.transfer import Progress


def test_progress_counts_files_and_percent() -> None:
    text = progress_text("move", Progress("copy", "1.jpg", 40, 100, 1, 5))
    assert text == "Moving 1.jpg (2 of 5), 40% — Esc cancels"
    assert progress_text("trash", Progress("trash", "1.jpg", 0, 0, 0, 1)) == (
        "Moving to the trash 1.jpg — Esc cancels"
    )


def test_done_texts() -> None:
    moved = Outcome("move", entry=JournalEntry("move", (Record("move", "/a/1.jpg", "/b/1.jpg"),)))
    assert done_text(moved) == "Moved 1.jpg to /b. Ctrl+Z undoes it."
    records = (Record("delete", "/a/1.jpg"), Record("delete", "/a/2.jpg"))
    deleted = Outcome("trash", entry=JournalEntry("delete", records))
    assert done_text(deleted) == "Deleted 2 images permanently."
    undone = Outcome("undo", changes=[Change("/b/1.jpg", "/a/1.jpg")])
    assert done_text(undone) == "Undone (1 file)."
    assert done_text(Outcome("copy", cancelled=True)) == "Cancelled."


def test_problem_counts_the_rest() -> None:
    assert problem_text(Outcome("move", problems=["A.", "B.", "C."])) == "A. (2 more not done.)"
    assert problem_text(Outcome("move")) == ""
