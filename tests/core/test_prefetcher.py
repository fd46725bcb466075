import threading

import pytest

from viewer.core.folder.sequence import ImageSequence
from viewer.core.formats.decode import DecodedImage, LoadedFile
from viewer.core.formats.load import load_image
from viewer.core.io.reading import DecodeError, FileStamp
from viewer.core.prefetcher import Prefetcher
from viewer.core.readahead.plan import ReadAheadPlan


class CountingLoader:
    def __init__(self, failing=()):
        self.calls: list[str] = []
        self.failing = set(failing)
        self.lock = threading.Lock()
        self.done = threading.Condition(self.lock)

    def __call__(self, path: str) -> LoadedFile:
        import numpy as np

        with self.lock:
            self.calls.append(path)
        if path in self.failing:
            raise DecodeError(f"{path} is damaged")
        pixels = np.zeros((2, 2, 4), np.uint8)
        return LoadedFile(path, FileStamp(1, 0), DecodedImage(pixels, False, "FAKE"))


def test_iterates_in_order_with_real_files(image_folder):
    sequence = ImageSequence.from_folder(image_folder)
    with Prefetcher(sequence, loader=load_image) as images:
        widths = [loaded.image.width for loaded in images]
    assert widths == [64 + n for n in range(1, 13)]


def test_read_ahead_then_cached():
    paths = [f"{i}.png" for i in range(10)]
    loader = CountingLoader()
    with Prefetcher(paths, loader=loader, plan=ReadAheadPlan(2, 1)) as images:
        images.get(3)
        assert images.settle(timeout=10)
        # 4 and 5 ahead; 2 is behind: kept if it were stored, but never read for it
        assert [images.cached(i) for i in range(7)] == [
            False,
            False,
            False,
            True,
            True,
            True,
            False,
        ]
        assert images.get(4).path == "4.png"
        assert images.get(3).path == "3.png"  # going back: from the store
        assert images.settle(timeout=10)
        assert images.cached(1)  # turned around: read-ahead now runs backwards
    assert loader.calls.count("4.png") == 1
    assert loader.calls.count("3.png") == 1


def test_failure_raised_and_not_cached():
    loader = CountingLoader(failing={"1.png"})
    with Prefetcher(["0.png", "1.png", "2.png"], loader=loader) as images:
        with pytest.raises(DecodeError, match="damaged"):
            images.get(1)
        with pytest.raises(DecodeError):
            images.get(1)
        assert not images.cached(1)


def test_keeps_at_most_max_images():
    paths = [f"{i}.png" for i in range(30)]
    with Prefetcher(paths, loader=CountingLoader(), max_images=4) as images:
        for i in range(30):
            images.get(i)
        assert sum(images.cached(i) for i in range(30)) <= 4


def test_index_error():
    with Prefetcher(["a.png"], loader=CountingLoader()) as images, pytest.raises(IndexError):
        images.get(1)
