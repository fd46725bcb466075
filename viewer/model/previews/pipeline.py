"""A model's preview pipeline: the previewing loader, the preview pool, the current preview.

The loader brings each image's preview with its first bytes and leaves thumbnails behind.
"""

from __future__ import annotations

import os

from PyQt5.QtCore import QObject, QSize, pyqtSignal

from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.decode import DecodedImage, LoadedFile, decode_bytes, decode_streamed
from viewer.core.formats.geometry import Size
from viewer.core.formats.jpeg.stream import JpegStream
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.formats.pixels import Allocator
from viewer.core.formats.registry import is_raw
from viewer.core.io.arriving import receiving
from viewer.core.io.cancel import check_cancelled
from viewer.core.io.ranged import RangeReader, StampReader, file_stamp, read_file_range
from viewer.core.previews.display_thumbnails import DisplayThumbnails
from viewer.core.previews.head_first import HeadFirstReader, head_preview, read_head_first
from viewer.core.previews.thumbcache import ThumbnailCache
from viewer.core.previews.thumbnailer import make_preview
from viewer.model.images.load_task import FileLoader
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.images.qimage_buffer import to_qimage
from viewer.model.previews.current import CurrentPreview
from viewer.model.previews.queue import Preview, PreviewQueue

#: Head previews are EXIF thumbnails (about 160 px); this only caps a strange large one.
HEAD_PREVIEW_SIZE = 1024


class HeadPreviewSignals(QObject):
    """Carries previews found in the first bytes of a load, from its thread to the GUI.

    Signals:
        headPreview(str, object): a path and its ``Preview``.
    """

    headPreview = pyqtSignal(str, object)


class PreviewingLoader(FileLoader):
    """The file loader, reading each file's head first and announcing the EXIF preview in it.

    A JPEG whose read is slow (a share) is decoded as its bytes arrive
    (``formats.jpeg.stream``), so it is sharp soon after its last byte.

    Display loads (for the view's box) also offer their pixels to ``thumbnails``.

    Attributes:
        signals: where head previews are announced.
    """

    def __init__(
        self,
        max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
        *,
        thumbnails: DisplayThumbnails | None = None,
        read: HeadFirstReader = read_head_first,
        colour: ColourSettings | None = None,
    ) -> None:
        super().__init__(max_bytes, colour)
        self.signals = HeadPreviewSignals()
        self._thumbnails = thumbnails
        self._read = read

    @property
    def thumbnail_cache(self) -> ThumbnailCache | None:
        """Where display loads leave thumbnails (None: nowhere)."""
        return None if self._thumbnails is None else self._thumbnails.cache

    def set_thumbnail_budget(self, budget_bytes: int) -> None:
        if self._thumbnails is not None:
            self._thumbnails.cache.budget_bytes = budget_bytes

    def __call__(self, path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile:
        if is_raw(path):  # its embedded preview's byte range, not the whole file
            return super().__call__(path, allocate, display_box)
        stream = JpegStream(display_box, self.max_bytes)  # decodes beside a slow read
        try:
            with receiving(stream.feed):
                data, stamp = self._read(path, self._on_head)
        finally:
            streamed = stream.result()
        check_cancelled()
        name = os.path.basename(path)
        if streamed is not None:
            decoded = decode_streamed(streamed, data, name, allocate, display_box, self.colour)
        else:
            decoded = decode_bytes(data, name, allocate, self.max_bytes, display_box, self.colour)
        loaded = LoadedFile(path, stamp, decoded)
        if display_box is not None and self._thumbnails is not None:
            self._thumbnails.offer(loaded)
        return loaded

    def _on_head(self, path: str, head: bytes, file_size: int) -> None:
        decoded = head_preview(path, head, file_size, HEAD_PREVIEW_SIZE)
        if decoded is not None:
            width, height = decoded.full_size or (decoded.width, decoded.height)
            self.signals.headPreview.emit(path, Preview(to_qimage(decoded), QSize(width, height)))


def previews_for(
    model: PrefetchModel,
    cache: ThumbnailCache | None,
    reader: RangeReader = read_file_range,
    stamp_of: StampReader = file_stamp,
    threads: int = 1,
    loader: object | None = None,
) -> CurrentPreview:
    """Previews of ``model``'s current image from ``cache`` (None: no cache) or the file's
    embedded previews, read through ``reader`` (benchmarks pass a simulated share's).
    ``loader``: the one whose head previews to show, when the model's wraps it (the early
    start's does); default the model's."""

    def preview(path: str, box: Size, embedded: bool) -> DecodedImage | None:
        return make_preview(
            path, box, cache=cache, reader=reader, stamp_of=stamp_of, embedded=embedded
        )

    queue = PreviewQueue(preview, threads=threads, parent=model)
    loader = model.loader if loader is None else loader
    heads = loader.signals.headPreview if isinstance(loader, PreviewingLoader) else None
    return CurrentPreview(
        model.imageReady, queue, model.load_started, heads, model.in_flight, parent=model
    )


class PreviewPipeline:
    """The app's previews, built and stopped together: the thumbnail cache, the loader that
    brings each image's EXIF preview and leaves thumbnails, and the current preview.

    Attributes:
        cache: the thumbnail cache.
        loader: the display loader to give the model.
    """

    def __init__(
        self, cache: ThumbnailCache, max_image_bytes: int, colour: ColourSettings | None = None
    ) -> None:
        self.cache = cache
        self._thumbnails = DisplayThumbnails(cache)
        self.loader = PreviewingLoader(max_image_bytes, thumbnails=self._thumbnails, colour=colour)
        self._current: CurrentPreview | None = None

    def current_for(self, model: PrefetchModel) -> CurrentPreview:
        """The current preview of ``model`` (made once)."""
        if self._current is None:
            self._current = previews_for(model, self.cache, loader=self.loader)
        return self._current

    def shutdown(self) -> None:
        """Stop without waiting: a read may hang on a share that stopped answering."""
        self._thumbnails.shutdown(wait=False)
        if self._current is not None:
            self._current.queue.shutdown(wait=False)

    def has_running_work(self) -> bool:
        return self._current is not None and self._current.queue.has_running_work()
