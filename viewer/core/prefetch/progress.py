"""A tqdm progress bar when tqdm is installed (the ``progress`` extra); silence otherwise."""

from __future__ import annotations

import importlib
from typing import Any, Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> Any: ...

    def close(self) -> Any: ...


class _NoBar:
    """Stands in for tqdm when it is absent or not asked for."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(enabled: bool, total: int, description: str = "images") -> Bar:
    """A bar counting ``total`` items, or one that shows nothing."""
    if not enabled:
        return _NoBar()
    try:
        tqdm = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        return _NoBar()
    bar: Bar = tqdm(total=total, desc=description, unit="img")
    return bar
