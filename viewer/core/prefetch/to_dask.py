"""When one machine is not enough: the same paths, order and decoding as a dask collection.

Needs the ``dask`` extra (``pip install 'viewer[dask]'``). Nothing here reads a file when
the collection is built (except one image to learn the shape of an array stack, unless it
is given): the loads run where dask schedules them, one task per image, so the graph runs
unchanged on the local scheduler or a distributed cluster. The loader must pickle for a
cluster: the ready-made loaders and ``prefetch``'s loader-plus-transform pairs do.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from viewer.core.prefetch.items import Item
from viewer.core.prefetch.loaders import load_array
from viewer.core.prefetch.reader import Prefetch
from viewer.core.prefetch.sources import Source, resolve_paths

Loader = Callable[[str], Any]


def _dask(module: str) -> ModuleType:
    """``dask.bag`` or ``dask.array``, or an ImportError that says how to get it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{module} is not installed; install the dask extra: pip install 'viewer[dask]' "
            f"({error})"
        ) from None


def _paths_and_loader(
    source: Source | Prefetch[Any], loader: Loader | None, natural: bool
) -> tuple[list[str], Loader]:
    if isinstance(source, Prefetch):
        return list(source.paths), loader or source.loader
    return resolve_paths(source, natural), loader or load_array


def to_bag(
    source: Source | Prefetch[Any],
    loader: Loader | None = None,
    *,
    natural: bool = True,
    npartitions: int | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of ``Item``s (index, path, value), in the sequence's order.

    Args:
        source: a folder, a glob, a list of paths, or a ``Prefetch`` (its paths and loader).
        loader: ``path -> value``; default the ``Prefetch``'s, or ``load_array``.
        npartitions: how many partitions (dask's default when None).
    """
    bag = _dask("dask.bag")
    paths, work = _paths_and_loader(source, loader, natural)
    numbered = list(enumerate(paths))
    return bag.from_sequence(numbered, npartitions=npartitions).map(_load_item, loader=work)


def _load_item(numbered: tuple[int, str], loader: Loader) -> Item[Any]:
    index, path = numbered
    return Item(index, path, loader(path))


def to_array(
    source: Source | Prefetch[Any],
    loader: Loader | None = None,
    *,
    natural: bool = True,
    shape: tuple[int, ...] | None = None,
    dtype: Any = None,
) -> Any:
    """A ``dask.array.Array`` stacking every image along a new first axis, one chunk each.

    For images of one shape: ``shape`` and ``dtype`` are those of one image (the first is
    loaded here to learn them when not given). A different image fails when computed.
    """
    array = _dask("dask.array")
    delayed = _dask("dask").delayed
    paths, work = _paths_and_loader(source, loader, natural)
    if not paths:
        raise ValueError("no paths to stack")
    if shape is None or dtype is None:
        first = np.asarray(work(paths[0]))
        shape, dtype = first.shape, first.dtype
    load = delayed(_as_array, pure=True)
    parts = [array.from_delayed(load(work, path), shape=shape, dtype=dtype) for path in paths]
    return array.stack(parts)


def _as_array(loader: Loader, path: str) -> np.ndarray:
    return np.asarray(loader(path))
