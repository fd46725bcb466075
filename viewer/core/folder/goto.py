"""What "Go to image…" means by the text the user typed: a 1-based number or part of a name."""

from __future__ import annotations

from collections.abc import Sequence


def goto_target(text: str, names: Sequence[str], after: int = -1) -> int | None:
    """The 0-based index ``text`` points at, or None.

    A whole number is the image's 1-based position. Anything else matches the first name
    containing it, ignoring case, searching onwards from just after ``after`` and wrapping, so
    asking again for the same text steps through every match.
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        number = int(text)
        return number - 1 if 1 <= number <= len(names) else None
    wanted = text.casefold()
    count = len(names)
    for step in range(1, count + 1):
        index = (after + step) % count
        if wanted in names[index].casefold():
            return index
    return None
