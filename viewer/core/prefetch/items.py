"""What iteration hands out: one item per path, carrying its index, its path and its value.

A failed item (with ``on_error="return"``) carries its exception instead of a value, and
reading ``value`` raises it, so code written for the happy path still cannot use a failure
by mistake.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

#: What a failed load does to the loop: raise it, leave the item out, or hand it out.
OnError = Literal["raise", "skip", "return"]
ON_ERROR_CHOICES: tuple[OnError, ...] = ("raise", "skip", "return")


class LoadTimeout(TimeoutError):
    """A read gave no answer within ``timeout`` seconds; its thread is abandoned."""


def timeout_error(path: str, seconds: float) -> LoadTimeout:
    return LoadTimeout(
        f"{os.path.basename(path)} gave no answer within {seconds:g} s "
        "(the share may be hung); the read was abandoned."
    )


@dataclass(frozen=True)
class Item(Generic[T]):
    """One path of the sequence and what its loader (and transform) made of it.

    Attributes:
        index: the position in the sequence, 0-based.
        path: the file the value was read from.
        error: the exception the load raised (a ``TimeoutError`` for a hung read), or None.
    """

    index: int
    path: str
    _value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def value(self) -> T:
        """What the loader returned; raises the load's exception for a failed item."""
        if self.error is not None:
            raise self.error
        return self._value  # type: ignore[return-value]  # None only for failed items


def failed(index: int, path: str, error: BaseException) -> Item[T]:
    return Item(index, path, None, error)


def check_on_error(on_error: str) -> OnError:
    if on_error not in ON_ERROR_CHOICES:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR_CHOICES)}, not {on_error!r}")
    return on_error
