"""Previews that cost a fraction of a full read: embedded JPEG previews, thumbnails, cache.

Qt-free, used by the grid, the film strip and the view's "never a blank screen" preview.
The names below load on first use: the first frame reads a camera's MPF preview with
``viewer.core.previews.mpf`` before numpy and Pillow, which the rest of the package needs,
are imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.core.previews.display_thumbnails import DisplayThumbnails
    from viewer.core.previews.ranged import CountingReader, RangeReader, read_file_range
    from viewer.core.previews.thumbnailer import CancelToken, make_preview, make_thumbnail

_HOMES = {
    "DisplayThumbnails": "display_thumbnails",
    "CountingReader": "ranged",
    "RangeReader": "ranged",
    "read_file_range": "ranged",
    "CancelToken": "thumbnailer",
    "make_preview": "thumbnailer",
    "make_thumbnail": "thumbnailer",
}

__all__ = [
    "CancelToken",
    "CountingReader",
    "DisplayThumbnails",
    "RangeReader",
    "make_preview",
    "make_thumbnail",
    "read_file_range",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
