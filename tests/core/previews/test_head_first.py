"""The display load's own first bytes bring the preview: no extra read, nothing before it."""

from __future__ import annotations

import os
import threading

import pytest

from tests.core.previews.preview_files import write_camera
from viewer.core.formats.jpeg.layout import PREFIX_BYTES
from viewer.core.io.cancel import Cancelled, cancellable, check_cancelled
from viewer.core.io.reading import DecodeError
from viewer.core.previews.head_first import head_preview, read_head_first


def test_head_comes_first_then_the_whole_file(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg")
    heads: list[tuple[str, int, int]] = []
    data, stamp = read_head_first(path, lambda p, head, size: heads.append((p, len(head), size)))
    with open(path, "rb") as file:
        assert data == file.read()
    assert heads == [(path, PREFIX_BYTES, os.path.getsize(path))]
    assert stamp.size == len(data)


def test_the_head_holds_the_exif_preview(tmp_path: object) -> None:
    with_exif = write_camera(str(tmp_path), "a.jpg", orientation=6)
    bare = write_camera(str(tmp_path), "b.jpg", thumbnail_size=None)
    found = {}

    def keep(path: str, head: bytes, size: int) -> None:
        found[path] = head_preview(path, head, size, 1024)

    read_head_first(with_exif, keep)
    read_head_first(bare, keep)
    preview = found[with_exif]
    assert preview is not None and preview.height > preview.width  # turned upright
    assert preview.full_size == (800, 1200)
    assert found[bare] is None


def test_a_failing_preview_does_not_fail_the_load(tmp_path: object) -> None:
    path = write_camera(str(tmp_path), "a.jpg")

    def broken(path: str, head: bytes, size: int) -> None:
        raise RuntimeError("preview bug")

    data, _ = read_head_first(path, broken)
    assert len(data) == os.path.getsize(path)


def test_read_errors_are_sentences(tmp_path: object) -> None:
    with pytest.raises(DecodeError, match=r"gone\.jpg is gone"):
        read_head_first(os.path.join(str(tmp_path), "gone.jpg"), lambda *args: None)
    with pytest.raises(DecodeError, match="is a folder"):
        read_head_first(str(tmp_path), lambda *args: None)


def test_a_load_called_off_while_its_preview_is_made_stops_quietly(
    tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    path = os.path.join(str(tmp_path), "a.jpg")
    with open(path, "wb") as file:
        file.write(b"\xff\xd8" + bytes(200_000))
    flag = threading.Event()

    def call_off(path: str, head: bytes, size: int) -> None:
        flag.set()
        check_cancelled()

    with cancellable(flag), pytest.raises(Cancelled):
        read_head_first(path, call_off)
    assert not caplog.records  # not a failed preview: nothing to tell anyone
