"""What the status bar says while an operation runs and when it is done."""

from __future__ import annotations

import os

from viewer.core.fileops.journal import Outcome
from viewer.core.fileops.transfer import Progress

_VERBS = {
    "trash": "Moving to the trash",
    "delete": "Deleting",
    "move": "Moving",
    "copy": "Copying",
    "rename": "Renaming",
    "undo": "Undoing",
}


def progress_text(kind: str, progress: Progress) -> str:
    """``Moving 1.jpg (2 of 5), 40% — Esc cancels``."""
    text = f"{_VERBS.get(kind, 'Working on')} {progress.name}"
    if progress.count > 1:
        text += f" ({progress.index + 1} of {progress.count})"
    if progress.total and progress.step == "copy":
        text += f", {100 * progress.done // progress.total}%"
    return text + " — Esc cancels"


def _what(paths: list[str]) -> str:
    return os.path.basename(paths[0]) if len(paths) == 1 else f"{len(paths)} images"


def done_text(outcome: Outcome) -> str:
    """``Moved 3 images to /share/keep. Ctrl+Z undoes it.`` and the like; "" if nothing."""
    entry = outcome.entry
    if outcome.kind == "undo":
        count = len(outcome.changes)
        text = f"Undone ({count} file{'s' if count != 1 else ''})." if count else ""
        if outcome.verdicts and not count:
            text = f"Undone: the verdict of {_what(outcome.verdicts)} is as it was."
    elif entry is None or not entry.records:
        text = ""
    else:
        records = tuple(record for record in entry.records if not record.companion)
        sources = [record.source for record in records]
        target = os.path.dirname(records[0].target or "")
        trashed = [r.source for r in records if r.kind == "trash"]
        deleted = [r.source for r in records if r.kind == "delete"]
        parts = {
            "move": f"Moved {_what(sources)} to {target}.",
            "copy": f"Copied {_what(sources)} to {target}.",
            "rename": f"Renamed {_what(sources)} to {os.path.basename(records[0].target or '')}.",
        }
        if outcome.kind in parts:
            text = parts[outcome.kind]
        else:
            text = " ".join(
                [f"Moved {_what(trashed)} to the trash."] * bool(trashed)
                + [f"Deleted {_what(deleted)} permanently."] * bool(deleted)
            )
        if entry.undoable:
            text += " Ctrl+Z undoes it."
    if outcome.cancelled:
        text = ("Cancelled. " + text).strip()
    return text


def problem_text(outcome: Outcome) -> str:
    """The first sentence, and how many more there are; "" if none."""
    if not outcome.problems:
        return ""
    more = len(outcome.problems) - 1
    return outcome.problems[0] + (f" ({more} more not done.)" if more else "")
