"""A name already taken in the target: replace, keep both as ``name (2).jpg``, or skip.

The user is asked through a callable, so the core never waits on a widget; an answer can hold
for the rest of a batch, as file managers offer.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.io.cancel import Cancelled


class Choice(enum.Enum):
    REPLACE = "replace"
    KEEP_BOTH = "keep both"
    SKIP = "skip"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Clash:
    """``source`` would land on ``target``, which exists."""

    source: str
    target: str


@dataclass(frozen=True)
class Answer:
    choice: Choice
    for_rest: bool = False


Ask = Callable[[Clash], Answer]


def numbered_name(target: str, exists: Callable[[str], bool]) -> str:
    """``…/name (2).jpg``, ``…/name (3).jpg``, … : the first that ``exists`` says is free."""
    folder, name = os.path.split(target)
    stem, extension = os.path.splitext(name)
    number = 2
    while True:
        candidate = os.path.join(folder, f"{stem} ({number}){extension}")
        if not exists(candidate):
            return candidate
        number += 1


class ClashPolicy:
    """Asks about each clash, or applies the answer given "for the rest" of the batch."""

    def __init__(self, ask: Ask, exists: Callable[[str], bool]) -> None:
        self._ask = ask
        self._exists = exists
        self._standing: Choice | None = None

    def resolve(self, source: str, target: str) -> tuple[str, bool] | None:
        """Where ``source`` goes and whether that replaces a file; None to skip it.

        Raises ``Cancelled`` if the user cancels the batch from the question.
        """
        if not self._exists(target):
            return target, False
        choice = self._standing
        if choice is None:
            answer = self._ask(Clash(source, target))
            choice = answer.choice
            if answer.for_rest and choice is not Choice.CANCEL:
                self._standing = choice
        if choice is Choice.CANCEL:
            raise Cancelled
        if choice is Choice.SKIP:
            return None
        if choice is Choice.REPLACE:
            return target, True
        return numbered_name(target, self._exists), False


def never_replace(clash: Clash) -> Answer:
    """The answer when nobody can be asked: keep both files."""
    return Answer(Choice.KEEP_BOTH)
