"""The freedesktop thumbnail cache: names, validity, atomic writes, failures and the budget."""

from __future__ import annotations

import logging
import os
import sys

import numpy as np
import pytest
from PIL import Image

from tests.core.previews.preview_files import write_camera
from viewer.core.formats.decode import DecodedImage
from viewer.core.io.ranged import CountingReader, file_stamp
from viewer.core.io.reading import FileStamp
from viewer.core.previews.thumbcache import ThumbnailCache, default_root, file_uri, thumbnail_name
from viewer.core.previews.thumbnailer import make_thumbnail


def _image(width: int = 600, height: int = 400, seed: int = 0) -> DecodedImage:
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, (height, width, 4), dtype=np.uint8)
    pixels[..., 3] = 255
    return DecodedImage(pixels, False, "JPEG")


def _file(folder: str, name: str = "a.jpg", content: bytes = b"x" * 100) -> tuple[str, FileStamp]:
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        file.write(content)
    return path, file_stamp(path)


def test_name_is_the_md5_of_the_uri_as_in_the_spec() -> None:
    # The Thumbnail Managing Standard's own example.
    assert (
        thumbnail_name("file:///home/jens/photos/me.png") == "c6ee772d9e49320e97ec29a7eb5b1697.png"
    )


def test_uri_is_absolute_and_percent_encoded(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "a b#1.jpg")
    assert file_uri(path) == "file://" + str(tmp_path) + "/a%20b%231.jpg"


def test_linux_layout_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert default_root() == "/somewhere/cache/thumbnails"


def test_other_systems_use_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.setattr(sys, "platform", "darwin")
    root = default_root()
    assert root == os.path.join(user_cache_dir("viewer", appauthor=False), "thumbnails")


def test_stored_entry_carries_the_standard_keys(tmp_path: object) -> None:
    path, stamp = _file(str(tmp_path))
    cache = ThumbnailCache(os.path.join(str(tmp_path), "thumbnails"))
    cache.store(path, stamp, _image())
    for flavour, size in (("normal", 128), ("large", 256), ("x-large", 512)):
        entry = os.path.join(cache.root, flavour, thumbnail_name(file_uri(path)))
        with Image.open(entry) as png:
            text = getattr(png, "text", {})
            assert max(png.size) == size
        assert text["Thumb::URI"] == file_uri(path)
        assert text["Thumb::MTime"] == str(int(os.stat(path).st_mtime))
        assert text["Thumb::Size"] == "100"
        assert oct(os.stat(entry).st_mode & 0o777) == oct(0o600)


def test_entry_is_valid_until_mtime_or_size_change(tmp_path: object) -> None:
    path, stamp = _file(str(tmp_path))
    cache = ThumbnailCache(os.path.join(str(tmp_path), "thumbnails"))
    cache.store(path, stamp, _image())
    hit = cache.lookup(path, stamp, 256)
    assert hit is not None and max(hit.width, hit.height) == 256
    assert cache.lookup(path, FileStamp(stamp.size, stamp.mtime_ns + 2_000_000_000), 256) is None
    assert cache.lookup(path, FileStamp(stamp.size + 1, stamp.mtime_ns), 256) is None


def test_entry_of_an_md5_namesake_is_not_used(tmp_path: object) -> None:
    """The URI inside the PNG must be this file's: never a thumbnail of another file."""
    first, stamp = _file(str(tmp_path), "a.jpg")
    second, _ = _file(str(tmp_path), "b.jpg")
    os.utime(second, ns=(stamp.mtime_ns, stamp.mtime_ns))
    cache = ThumbnailCache(os.path.join(str(tmp_path), "thumbnails"))
    cache.store(first, stamp, _image(), flavours=128)
    folder = os.path.join(cache.root, "normal")
    os.replace(os.path.join(folder, thumbnail_name(file_uri(first))),
               os.path.join(folder, thumbnail_name(file_uri(second))))  # fmt: skip
    assert cache.lookup(second, file_stamp(second), 128) is None


def test_writes_are_atomic(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    path, stamp = _file(str(tmp_path))
    cache = ThumbnailCache(os.path.join(str(tmp_path), "thumbnails"))
    renames: list[tuple[str, str, bool]] = []
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        with Image.open(source) as png:  # complete before it gets its name
            png.load()
        renames.append((os.path.dirname(source), target, os.path.exists(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    cache.store(path, stamp, _image(), flavours=128)
    [(folder, target, existed)] = renames
    assert folder == os.path.dirname(target) == os.path.join(cache.root, "normal")
    assert not existed
    assert os.listdir(folder) == [os.path.basename(target)]  # no temporary file left


def test_a_damaged_entry_is_a_miss(tmp_path: object) -> None:
    path, stamp = _file(str(tmp_path))
    cache = ThumbnailCache(os.path.join(str(tmp_path), "thumbnails"))
    cache.store(path, stamp, _image(), flavours=128)
    entry = os.path.join(cache.root, "normal", thumbnail_name(file_uri(path)))
    with open(entry, "r+b") as file:
        file.truncate(60)
    assert cache.lookup(path, stamp, 128) is None


def test_fail_entries(tmp_path: object) -> None:
    folder = str(tmp_path)
    path, _ = _file(folder, "bad.jpg", b"\xff\xd8\xff\xe0 not really a jpeg" * 10)
    cache = ThumbnailCache(os.path.join(folder, "thumbnails"))
    reader = CountingReader()
    with pytest.raises(Exception, match=r"bad\.jpg"):
        make_thumbnail(path, 128, cache=cache, reader=reader)
    assert os.path.exists(
        os.path.join(cache.root, "fail", "viewer", thumbnail_name(file_uri(path)))
    )
    assert cache.has_failed(path, file_stamp(path))
    before = len(reader.reads)
    with pytest.raises(Exception, match=r"bad\.jpg"):
        make_thumbnail(path, 128, cache=cache, reader=reader)
    assert len(reader.reads) == before  # the fail entry spares the read
    with open(path, "ab") as file:
        file.write(b"changed")
    assert not cache.has_failed(path, file_stamp(path))


def test_unwritable_cache_logs_once_and_browsing_goes_on(
    tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    folder = str(tmp_path)
    blocker, _ = _file(folder, "not-a-folder")
    cache = ThumbnailCache(os.path.join(blocker, "thumbnails"))  # cannot ever be created
    first = write_camera(folder, "1.jpg", preview_side=None)
    second = write_camera(folder, "2.jpg", preview_side=None)
    with caplog.at_level(logging.WARNING, logger="viewer.core.previews.thumbcache"):
        for path in (first, second, first):
            thumbnail = make_thumbnail(path, 128, cache=cache)
            assert max(thumbnail.width, thumbnail.height) == 128
    assert len(caplog.records) == 1
    assert "Thumbnail cache" in caplog.records[0].getMessage()
    assert not cache.writable


def test_budget_evicts_the_least_recently_used(tmp_path: object) -> None:
    folder = str(tmp_path)
    cache = ThumbnailCache(os.path.join(folder, "thumbnails"))
    files = [_file(folder, f"{n}.jpg") for n in range(5)]
    cache.store(*files[0], _image(seed=0), flavours=128)
    one_entry = cache.currsize()
    cache.budget_bytes = int(one_entry * 3.5)
    for number in (1, 2):
        cache.store(*files[number], _image(seed=number), flavours=128)
    assert cache.lookup(*files[0], 128) is not None  # used: now the most recent
    for number in (3, 4):
        cache.store(*files[number], _image(seed=number), flavours=128)
    assert cache.currsize() <= cache.budget_bytes
    assert cache.lookup(*files[0], 128) is not None
    assert cache.lookup(*files[1], 128) is None  # the least recently used went first
    assert cache.lookup(*files[4], 128) is not None


def test_thumbnailer_writes_the_cache_and_then_reads_nothing(tmp_path: object) -> None:
    folder = str(tmp_path)
    path = write_camera(folder, "a.jpg", preview_side=None)
    cache = ThumbnailCache(os.path.join(folder, "thumbnails"))
    first = make_thumbnail(path, 128, cache=cache)
    reader = CountingReader()
    second = make_thumbnail(path, 128, cache=cache, reader=reader)
    assert reader.reads == []
    assert (second.width, second.height) == (first.width, first.height)
    assert second.full_size == first.full_size
    assert float(np.abs(second.pixels.astype(int) - first.pixels.astype(int)).mean()) < 3


def test_a_thumbnail_too_small_for_its_cell_is_saved_in_the_flavour_it_fills(
    tmp_path: object,
) -> None:
    """A grid cell of 256 px takes the 160 px EXIF thumbnail; it goes to "normal" (128 px), so
    the file manager and the next visit have it, rather than nothing being saved."""
    folder = str(tmp_path)
    path = write_camera(folder, "a.jpg", thumbnail_size=(160, 120), preview_side=None)
    cache = ThumbnailCache(os.path.join(folder, "thumbnails"))
    first = make_thumbnail(path, 256, cache=cache)
    assert max(first.width, first.height) == 160  # the EXIF thumbnail served the cell
    stamp = file_stamp(path)
    assert cache.is_fresh(path, stamp, 128)
    assert not cache.is_fresh(path, stamp, 256)  # never enlarged into a flavour it cannot fill
    reader = CountingReader()
    again = make_thumbnail(path, 256, cache=cache, reader=reader)
    assert reader.reads == [] and max(again.width, again.height) == 128
