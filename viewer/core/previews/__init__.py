"""Previews that cost a fraction of a full read: embedded JPEG previews, thumbnails, cache.

Qt-free, used by the grid, the film strip and the view's "never a blank screen" preview.
"""

from viewer.core.previews.display_thumbnails import DisplayThumbnails
from viewer.core.previews.ranged import CountingReader, RangeReader, read_file_range
from viewer.core.previews.thumbnailer import CancelToken, make_preview, make_thumbnail

__all__ = [
    "CancelToken",
    "CountingReader",
    "DisplayThumbnails",
    "RangeReader",
    "make_preview",
    "make_thumbnail",
    "read_file_range",
]
