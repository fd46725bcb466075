"""The undo journal keeps the last 20 operations, newest first."""

from __future__ import annotations

from viewer.core.fileops.journal import UNDO_LIMIT, Journal, JournalEntry, Record


def entry(number: int) -> JournalEntry:
    return JournalEntry("rename", (Record("rename", f"{number}.jpg", f"{number}b.jpg"),))


def test_keeps_the_last_twenty() -> None:
    journal = Journal()
    for number in range(UNDO_LIMIT + 5):
        journal.push(entry(number))
    assert len(journal) == UNDO_LIMIT == 20
    popped = [journal.pop() for _ in range(UNDO_LIMIT)]
    assert popped == [entry(n) for n in reversed(range(5, UNDO_LIMIT + 5))]
    assert journal.pop() is None


def test_nothing_done_is_not_recorded() -> None:
    journal = Journal()
    journal.push(None)
    journal.push(JournalEntry("move", ()))
    assert len(journal) == 0
