"""Read-ahead for scripts: any loader, any order, errors and hung shares handled.

Example::

    from viewer.core.prefetch import prefetch

    with prefetch("/mnt/share/run7/*.tif", timeout=30, on_error="return") as frames:
        for frame in frames:
            ...  # frame.index, frame.path, frame.value (an RGB array by default)
"""

from __future__ import annotations

from viewer.core.prefetch.api import prefetch
from viewer.core.prefetch.items import Item, LoadTimeout, OnError
from viewer.core.prefetch.loaders import (
    cost_of,
    display_loader,
    load_array,
    load_bytes,
    load_pil,
)
from viewer.core.prefetch.reader import Prefetch
from viewer.core.prefetch.sources import SourceError, resolve_paths
from viewer.core.prefetch.stats import Stats, note_bytes_read

__all__ = [
    "Item",
    "LoadTimeout",
    "OnError",
    "Prefetch",
    "SourceError",
    "Stats",
    "cost_of",
    "display_loader",
    "load_array",
    "load_bytes",
    "load_pil",
    "note_bytes_read",
    "prefetch",
    "resolve_paths",
]
