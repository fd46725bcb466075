"""The thumbnailer's other promises: calling off, thumbnails from display loads, samples."""

from __future__ import annotations

import os
import threading

import pytest
from PIL import ExifTags, Image

from tests.core.previews.preview_files import write_camera
from viewer.core.formats.jpeg.layout import PREFIX_BYTES, Head, read_layout
from viewer.core.formats.jpeg.mpf import large_thumbnails, read_mpf
from viewer.core.formats.load import load_image
from viewer.core.io.cancel import Cancelled
from viewer.core.io.ranged import CountingReader
from viewer.core.previews.display_thumbnails import DisplayThumbnails
from viewer.core.previews.thumbcache import ThumbnailCache
from viewer.core.previews.thumbnailer import make_preview, make_thumbnail
from viewer.demo.samples import write_sequence


def test_a_called_off_thumbnail_reads_nothing(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg")
    cancel = threading.Event()
    cancel.set()
    reader = CountingReader()
    with pytest.raises(Cancelled):
        make_thumbnail(path, 128, cache=None, cancel=cancel, reader=reader)
    assert reader.reads == []


def test_display_load_leaves_thumbnails_behind(tmp_path: object) -> None:
    folder = str(tmp_path)
    path = write_camera(folder, "a.jpg", thumbnail_size=None, preview_side=None)
    cache = ThumbnailCache(os.path.join(folder, "thumbnails"))
    thumbnails = DisplayThumbnails(cache)
    thumbnails.offer(load_image(path, display_box=(1000, 1000)))
    thumbnails.shutdown(wait=True)
    assert thumbnails.written == 1
    reader = CountingReader()
    for size in (128, 256, 512):
        thumbnail = make_thumbnail(path, size, cache=cache, reader=reader)
        assert max(thumbnail.width, thumbnail.height) == size
        assert thumbnail.full_size == (1200, 800)
    assert reader.reads == []  # without any preview in the file, nothing was read again
    again = DisplayThumbnails(cache)
    again.offer(load_image(path, display_box=(900, 900)))
    again.shutdown(wait=True)
    assert again.written == 0  # fresh already: not written twice


def test_samples_look_like_a_cameras(tmp_path: object) -> None:
    [path] = write_sequence(str(tmp_path), 1, (900, 600))
    with Image.open(path) as image:
        exif = image.getexif()
        details = exif.get_ifd(ExifTags.IFD.Exif)
        ifd1 = exif.get_ifd(ExifTags.IFD.IFD1)
        assert getattr(image, "n_frames", 1) == 2  # Pillow's MPO plugin sees the preview
    assert exif[ExifTags.Base.Make] and exif[ExifTags.Base.Model]
    assert float(details[ExifTags.Base.ExposureTime]) > 0
    assert details[ExifTags.Base.DateTimeOriginal].startswith("2026:")
    assert ifd1[ExifTags.Base.JpegIFByteCount] > 0
    with open(path, "rb") as file:
        head = file.read()
    layout = read_layout(Head(CountingReader(), path, len(head)))
    assert layout is not None and layout.mpf is not None
    [preview] = large_thumbnails(read_mpf(layout.mpf))
    start = layout.mpf_offset + preview.offset
    with Image.open(path) as image:
        image.seek(1)
        assert max(image.size) == 900  # never larger than the image
    assert head[start : start + 2] == b"\xff\xd8"


def test_a_preview_reads_only_the_head_and_never_the_whole_file(tmp_path: object) -> None:
    folder = str(tmp_path)
    with_exif = write_camera(folder, "a.jpg", preview_side=None)
    bare = write_camera(folder, "b.jpg", thumbnail_size=None, preview_side=None)
    reader = CountingReader()
    preview = make_preview(with_exif, (1920, 1080), cache=None, reader=reader)
    assert preview is not None and preview.full_size == (1200, 800)
    assert make_preview(bare, (1920, 1080), cache=None, reader=reader) is None
    assert reader.bytes_read == {with_exif: PREFIX_BYTES, bare: PREFIX_BYTES}


def test_a_preview_prefers_any_cached_thumbnail(tmp_path: object) -> None:
    folder = str(tmp_path)
    path = write_camera(folder, "a.jpg", thumbnail_size=None, preview_side=None)
    cache = ThumbnailCache(os.path.join(folder, "thumbnails"))
    make_thumbnail(path, 256, cache=cache)  # a grid thumbnail, made earlier
    reader = CountingReader()
    preview = make_preview(path, (1920, 1080), cache=cache, reader=reader)
    assert preview is not None and max(preview.width, preview.height) == 256
    assert reader.reads == []
