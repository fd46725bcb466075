"""``prefetch(source, loader=..., transform=..., **options)``: the one call scripts make.

``loader`` and ``transform`` both run on the workers, so a script's own per-image work
(a crop, a conversion, a model's preprocessing) overlaps the reads too. The result type
follows them: ``Prefetch[np.ndarray]`` by default, ``Prefetch[T]`` for a loader or
transform returning ``T``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, overload

import numpy as np

from viewer.core.prefetch.depth import Ahead
from viewer.core.prefetch.items import OnError
from viewer.core.prefetch.loaders import load_array
from viewer.core.prefetch.reader import Clock, Prefetch
from viewer.core.prefetch.sources import Source

if TYPE_CHECKING:
    from typing_extensions import Unpack

T = TypeVar("T")
U = TypeVar("U")


class Options(TypedDict, total=False):
    """The keyword options of ``Prefetch`` (see there)."""

    ahead: Ahead
    behind: int
    workers: int
    max_items: int
    max_bytes: int
    ordered: bool
    on_error: OnError
    timeout: float | None
    progress: bool
    natural: bool
    cost: Callable[[Any], int]
    clock: Clock


@overload
def prefetch(
    source: Source, loader: None = None, transform: None = None, **options: Unpack[Options]
) -> Prefetch[np.ndarray]: ...


@overload
def prefetch(
    source: Source, loader: None = None, *, transform: Callable[[np.ndarray], T],
    **options: Unpack[Options],
) -> Prefetch[T]: ...  # fmt: skip


@overload
def prefetch(
    source: Source, loader: Callable[[str], T], transform: None = None,
    **options: Unpack[Options],
) -> Prefetch[T]: ...  # fmt: skip


@overload
def prefetch(
    source: Source, loader: Callable[[str], U], transform: Callable[[U], T],
    **options: Unpack[Options],
) -> Prefetch[T]: ...  # fmt: skip


def prefetch(
    source: Source,
    loader: Callable[[str], Any] | None = None,
    transform: Callable[[Any], Any] | None = None,
    **options: Unpack[Options],
) -> Prefetch[Any]:
    """Read ``source`` ahead of the loop that uses it.

    Args:
        source: a folder, a glob pattern, or a list of paths.
        loader: ``path -> value``; default ``load_array`` (an RGB or RGBA numpy array).
            Ready-made: ``load_pil``, ``display_loader(display_box)``, ``load_bytes``.
        transform: ``value -> result``, run on the worker right after the loader.
        **options: see ``Prefetch``.
    """
    work = loader or load_array
    if transform is not None:
        work = functools.partial(_then, work, transform)
    return Prefetch(source, work, **options)


def _then(loader: Callable[[str], U], transform: Callable[[U], T], path: str) -> T:
    """``transform(loader(path))``, a module function so the pair pickles for dask."""
    return transform(loader(path))
