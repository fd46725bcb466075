"""The early start: the first image read once on its own thread, and taken by the first load."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from tests.images import write_image
from viewer.core.formats.decode import LoadedFile
from viewer.core.formats.geometry import Size
from viewer.core.formats.load import load_image
from viewer.core.formats.pixels import Allocator, new_array
from viewer.core.io.cancel import Cancelled, cancellable
from viewer.core.io.reading import DecodeError
from viewer.startup.early import SHOWN_WAIT, EarlyStart, read_bytes

TIMEOUT = 30.0
SCREEN = (200, 150)


class CountingReader:
    """``read_bytes`` that counts its calls, and can be held until ``release``."""

    def __init__(self, hold: bool = False) -> None:
        self.paths: list[str] = []
        self.started = threading.Event()
        self._go = threading.Event()
        if not hold:
            self._go.set()

    def release(self) -> None:
        self._go.set()

    def __call__(self, path: str) -> tuple[bytes, os.stat_result]:
        self.paths.append(path)
        self.started.set()
        self._go.wait(TIMEOUT)
        return read_bytes(path)


class CountingLoader:
    """The fallback loader: the real one, counting which paths reach it."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile:
        self.paths.append(path)
        return load_image(path, allocate, display_box=display_box)


@pytest.fixture
def folder(tmp_path: Any) -> Iterator[str]:
    """Three 800×600 JPEGs: 1.jpg, 2.jpg, 10.jpg (natural order)."""
    for number in (1, 2, 10):
        write_image(str(tmp_path / f"{number}.jpg"), (800, 600), seed=number)
    yield str(tmp_path)


def started(path: str, **options: Any) -> EarlyStart:
    early = EarlyStart(path, **options)
    early.set_display_box(SCREEN)
    return early.begin()


def test_the_first_load_takes_the_early_image_and_reads_nothing_more(folder: str) -> None:
    path = os.path.join(folder, "2.jpg")
    reader, fallback = CountingReader(), CountingLoader()
    early = started(path, read=reader)
    load = early.loader(fallback)
    loaded = load(path, new_array, (160, 120))
    assert reader.paths == [path] and fallback.paths == []
    expected = load_image(path, display_box=SCREEN)  # decoded for the screen, which covers the view
    assert loaded.image.pixels.shape == expected.image.pixels.shape
    assert np.array_equal(loaded.image.pixels, expected.image.pixels)
    assert loaded.stamp.size == os.path.getsize(path)


def test_the_early_image_is_written_into_the_memory_the_load_allocates(folder: str) -> None:
    path = os.path.join(folder, "1.jpg")
    handed_out: list[np.ndarray] = []

    def allocate(height: int, width: int, has_alpha: bool) -> np.ndarray:
        handed_out.append(new_array(height, width, has_alpha))
        return handed_out[-1]

    loaded = started(path).loader(CountingLoader())(path, allocate, SCREEN)
    assert handed_out and loaded.image.pixels is handed_out[-1]


def test_later_loads_and_other_paths_go_to_the_loader(folder: str) -> None:
    path, other = os.path.join(folder, "1.jpg"), os.path.join(folder, "2.jpg")
    fallback = CountingLoader()
    load = started(path).loader(fallback)
    load(other, new_array, SCREEN)
    load(path, new_array, SCREEN)
    load(path, new_array, SCREEN)
    assert fallback.paths == [other, path]


def test_a_folder_is_listed_and_its_start_image_read(folder: str) -> None:
    reader = CountingReader()
    early = started(folder, folder=True, start=2, read=reader)
    assert early.wait(TIMEOUT)
    assert early.names == ["1.jpg", "2.jpg", "10.jpg"]
    assert early.path == os.path.join(folder, "10.jpg")
    assert reader.paths == [early.path]


def test_a_folder_reopens_at_the_image_last_viewed_there(folder: str) -> None:
    reader = CountingReader()
    early = started(folder, folder=True, read=reader, wants_place=True)
    early.set_place("2.jpg")  # the main thread reads it from the settings
    assert early.wait(TIMEOUT)
    assert early.path == os.path.join(folder, "2.jpg") and reader.paths == [early.path]
    gone = started(folder, folder=True, read=CountingReader(), wants_place=True)
    gone.set_place("9.jpg")
    assert gone.wait(TIMEOUT) and gone.path == os.path.join(folder, "1.jpg")
    none = started(folder, folder=True, read=CountingReader(), wants_place=True)
    none.set_place(None)
    assert none.wait(TIMEOUT) and none.path == os.path.join(folder, "1.jpg")


def test_a_start_past_the_end_reads_nothing(folder: str) -> None:
    reader, fallback = CountingReader(), CountingLoader()
    early = started(folder, folder=True, start=3, read=reader)
    assert early.wait(TIMEOUT)
    assert early.path is None and reader.paths == []
    early.loader(fallback)(os.path.join(folder, "1.jpg"), new_array, SCREEN)
    assert fallback.paths == [os.path.join(folder, "1.jpg")]


def test_a_file_that_cannot_be_read_early_is_left_to_the_loader_and_its_sentence(
    tmp_path: Any,
) -> None:
    path = str(tmp_path / "gone.jpg")
    fallback = CountingLoader()
    load = started(path).loader(fallback)
    with pytest.raises(DecodeError, match=r"gone\.jpg is gone"):
        load(path, new_array, SCREEN)
    assert fallback.paths == [path]


def test_a_damaged_file_fails_with_the_decoders_own_sentence(tmp_path: Any) -> None:
    path = str(tmp_path / "bad.jpg")
    with open(path, "wb") as file:
        file.write(b"\xff\xd8\xff" + b"\x00" * 64)
    with pytest.raises(DecodeError) as expected:
        load_image(path, display_box=SCREEN)
    fallback = CountingLoader()
    with pytest.raises(DecodeError) as early_error:
        started(path).loader(fallback)(path, new_array, SCREEN)
    assert str(early_error.value) == str(expected.value)
    assert fallback.paths == []


def test_a_view_larger_than_the_early_decode_is_decoded_again_without_a_second_read(
    folder: str,
) -> None:
    path = os.path.join(folder, "1.jpg")
    reader, fallback = CountingReader(), CountingLoader()
    loaded = started(path, read=reader).loader(fallback)(path, new_array, (640, 480))
    assert (loaded.image.width, loaded.image.height) == (640, 480)
    assert reader.paths == [path] and fallback.paths == []


def test_a_load_waiting_on_a_hung_read_can_be_called_off_and_the_next_one_takes_it(
    folder: str,
) -> None:
    path = os.path.join(folder, "1.jpg")
    reader = CountingReader(hold=True)
    early = started(path, read=reader)
    assert reader.started.wait(TIMEOUT)
    call_off = threading.Event()
    outcome: list[BaseException] = []

    def waiting_load() -> None:
        try:
            with cancellable(call_off):
                early.take(path, new_array, SCREEN)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=waiting_load)
    worker.start()
    call_off.set()
    worker.join(TIMEOUT)
    assert not worker.is_alive() and isinstance(outcome[0], Cancelled)
    reader.release()
    loaded = early.take(path, new_array, SCREEN)
    assert loaded is not None and reader.paths == [path]


class FirstSource:
    """A first-frame source that notes what it was given, on which thread; ``fail`` raises."""

    def __init__(self, fail: bool = False) -> None:
        self.heard: list[tuple[str, object, Size, str]] = []
        self._fail = fail

    def from_ranges(self, path: str, reader: Any, box: Size) -> None:
        self.heard.append(("ranges", reader(path, 0, 4), box, threading.current_thread().name))
        if self._fail:
            raise RuntimeError("Qt could not")

    def from_data(self, data: bytes, box: Size) -> None:
        self.heard.append(("data", len(data), box, threading.current_thread().name))

    def wait_shown(self, timeout: float) -> None:
        self.waited = timeout

    def refine(self, decoded: Any) -> None:
        self.heard.append(("decoded", decoded.pixels.copy(), decoded.width, decoded.height))


def test_the_first_frame_is_offered_parts_of_the_file_then_all_of_it(folder: str) -> None:
    path = os.path.join(folder, "2.jpg")
    source = FirstSource()
    early = started(path, first=source)
    assert early.wait(TIMEOUT)
    with open(path, "rb") as file:
        start = file.read(4)
    assert source.heard[:2] == [
        ("ranges", start, SCREEN, "early-start"),
        ("data", os.path.getsize(path), SCREEN, "early-start"),
    ]
    assert source.waited == SHOWN_WAIT  # for its paint, before the decoder's imports


def test_the_first_frame_then_shows_the_pixels_the_window_will_show(folder: str) -> None:
    """So the window's hand-over changes nothing on screen."""
    path = os.path.join(folder, "2.jpg")
    source = FirstSource()
    early = started(path, first=source)
    assert early.wait(TIMEOUT)
    kind, pixels, width, height = source.heard[-1]
    assert kind == "decoded"
    loaded = early.loader(CountingLoader())(path, new_array, SCREEN)
    assert (width, height) == (loaded.image.width, loaded.image.height)
    assert np.array_equal(pixels, loaded.image.pixels)


def test_a_first_frame_that_fails_leaves_the_early_image_to_the_first_load(
    folder: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = os.path.join(folder, "2.jpg")
    fallback = CountingLoader()
    loaded = started(path, first=FirstSource(fail=True)).loader(fallback)(path, new_array, SCREEN)
    assert fallback.paths == [] and loaded.image.width > 0
    assert "first frame of" in caplog.text


def test_the_screens_box_replaces_a_remembered_one_before_the_read_ends(folder: str) -> None:
    path = os.path.join(folder, "10.jpg")
    reader = CountingReader(hold=True)
    source = FirstSource()
    early = EarlyStart(path, read=reader, first=source)
    early.set_display_box((100, 75))  # remembered
    early.begin()
    assert reader.started.wait(TIMEOUT)
    early.set_display_box((400, 300))  # the screen, known before the whole read is over
    reader.release()
    fallback = CountingLoader()
    loaded = early.loader(fallback)(path, new_array, (400, 300))
    assert [box for kind, _, box, _ in source.heard if kind != "decoded"] == [(100, 75), (400, 300)]
    assert fallback.paths == []
    assert (loaded.image.width, loaded.image.height) == (400, 300)
