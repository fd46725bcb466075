"""Thumbnails and previews at the least cost: cache, then embedded previews, then a decode.

``make_thumbnail`` is what the grid, the film strip and the view's preview call on worker
threads. It tries the sources that read least first:

1. the thumbnail cache (a local PNG, no byte of the share);
2. the EXIF IFD1 thumbnail (the first 64 KB of the file, about 1/150 of a camera JPEG);
3. the MPF large preview (one ranged read of a few hundred KB);
4. a reduced decode of the whole file (a DCT 1/8 decode for JPEGs), the last resort;

and writes what it made back to the cache. ``display_thumbnails.DisplayThumbnails`` saves
thumbnails derived from display loads, when the whole file was read anyway.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import AbstractContextManager, nullcontext

from viewer.core.formats.decode import DecodedImage, decode_bytes
from viewer.core.formats.geometry import Size
from viewer.core.formats.jpeg.layout import Head, JpegLayout, read_layout
from viewer.core.formats.jpeg.mpf import mpf_preview_entry
from viewer.core.io.cancel import cancellable, check_cancelled
from viewer.core.io.ranged import RangeReader, StampReader, file_stamp, read_file_range
from viewer.core.io.reading import DecodeError
from viewer.core.previews.in_jpeg import (
    decode_preview,
    exif_thumbnail,
    orientation_of,
    read_mpf_preview,
)
from viewer.core.previews.other_formats import pillow_preview
from viewer.core.previews.thumbcache import ThumbnailCache

_log = logging.getLogger(__name__)

#: A load's "called off" flag; set it and the thumbnail stops between reads (``Cancelled``).
CancelToken = threading.Event
#: An embedded preview is used when its longest side is at least this share of the size
#: asked for: a 160 px EXIF thumbnail serves a 256 px grid cell (slightly soft), not a
#: 512 px one, which the MPF preview or a decode serves sharp.
MIN_PREVIEW_SHARE = 0.5


def make_thumbnail(
    path: str,
    size: int,
    *,
    cache: ThumbnailCache | None,
    cancel: CancelToken | None = None,
    reader: RangeReader = read_file_range,
    stamp_of: StampReader = file_stamp,
    min_share: float = MIN_PREVIEW_SHARE,
) -> DecodedImage:
    """A thumbnail of ``path``: upright, longest side ≤ ``size``, in the decoder's layout.

    Args:
        cache: where thumbnails are looked up first and saved after; None for none.
        cancel: set it to call the thumbnail off (raises ``Cancelled`` between reads).
        reader, stamp_of: how bytes and the file's stamp are read (tests count them).
        min_share: the smallest embedded preview used, as a share of ``size``; 0 takes any.

    Raises:
        DecodeError: the file cannot be thumbnailed (recorded in the cache's fail folder).
        Cancelled: ``cancel`` was set.
    """
    guard: AbstractContextManager[None] = (
        cancellable(cancel) if cancel is not None else nullcontext()
    )
    with guard:
        stamp = stamp_of(path)
        if cache is not None:
            cached = cache.lookup(path, stamp, size)
            if cached is not None:
                return cached
            if cache.has_failed(path, stamp):
                raise DecodeError(f"{os.path.basename(path)} could not be thumbnailed.")
        try:
            thumbnail = _from_file(path, size, stamp.size, reader, min_share)
        except DecodeError:
            if cache is not None:
                cache.mark_failed(path, stamp)
            raise
        check_cancelled()
        if cache is not None:
            cache.store(path, stamp, thumbnail, flavours=size)
        return thumbnail


def make_preview(
    path: str,
    box: Size,
    *,
    cache: ThumbnailCache | None,
    reader: RangeReader = read_file_range,
    stamp_of: StampReader = file_stamp,
    embedded: bool = True,
) -> DecodedImage | None:
    """Something of ``path`` to show at once while its real image loads, or None.

    Only what costs next to nothing: any cached thumbnail, else (with ``embedded``) the EXIF
    thumbnail from the first 64 KB, else the MPF preview. Never the whole file: that is the
    real load's job. The caller's ``cancellable`` flag applies between reads.

    Raises:
        DecodeError: the file cannot be read at all.
    """
    size = max(box)
    if cache is None and not embedded:
        return None
    stamp = stamp_of(path)
    if cache is not None:
        cached = cache.lookup(path, stamp, size, any_size=True)
        if cached is not None:
            return cached
    if not embedded:
        return None
    head = Head(reader, path, stamp.size)
    preview = _embedded(head, size, 0.0)
    if preview is not None and cache is not None:
        cache.store(path, stamp, preview, flavours=size)
    return preview


def _from_file(
    path: str, size: int, file_size: int, reader: RangeReader, min_share: float
) -> DecodedImage:
    """Embedded previews first, then a reduced decode."""
    head = Head(reader, path, file_size)
    preview = _embedded(head, size, min_share)
    if preview is not None:
        return preview
    check_cancelled()
    return decode_bytes(head.whole(), os.path.basename(path), display_box=(size, size))


def _embedded(head: Head, size: int, min_share: float) -> DecodedImage | None:
    """The first embedded preview at least ``min_share`` of ``size`` (refusals are logged)."""
    layout = read_layout(head)
    if layout is None:
        try:
            preview = pillow_preview(head, size)
        except DecodeError as error:
            _log.info("%s", error)
            return None
        return preview if _enough(preview, size, min_share) else None
    for source in (_exif_source, _mpf_source):
        try:
            preview = source(layout, head.path, size, head.file_size, head.reader)
        except DecodeError as error:
            _log.info("%s", error)
            continue
        if _enough(preview, size, min_share):
            return preview
    return None


def _enough(preview: DecodedImage | None, size: int, min_share: float) -> bool:
    return preview is not None and max(preview.width, preview.height) >= size * min_share


def _exif_source(
    layout: JpegLayout, path: str, size: int, file_size: int, reader: RangeReader
) -> DecodedImage | None:
    name = os.path.basename(path)
    data = exif_thumbnail(layout, name)
    return (
        None if data is None else decode_preview(data, name, layout, orientation_of(layout), size)
    )


def _mpf_source(
    layout: JpegLayout, path: str, size: int, file_size: int, reader: RangeReader
) -> DecodedImage | None:
    name = os.path.basename(path)
    entry = mpf_preview_entry(layout, file_size, name)
    if entry is None:
        return None
    data = read_mpf_preview(reader, path, layout, entry)
    return decode_preview(data, name, layout, orientation_of(layout), size)
