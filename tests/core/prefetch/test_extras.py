"""The optional extras: tqdm for ``progress=True``, dask for clusters (each skips cleanly)."""

import os
import sys

import numpy as np
import pytest

from tests.core.prefetch.helpers import Loads, names
from tests.images import write_image
from viewer.core.prefetch import Item, prefetch


def test_progress_bar_with_tqdm(capsys):
    pytest.importorskip("tqdm")
    with prefetch(names(3), loader=Loads(), progress=True) as seq:
        assert len(list(seq)) == 3
    assert "3/3" in capsys.readouterr().err


def test_progress_is_silent_without_tqdm(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import now raises ImportError
    with prefetch(names(3), loader=Loads(), progress=True) as seq:
        assert len(list(seq)) == 3
    assert capsys.readouterr().err == ""


@pytest.fixture
def same_size_folder(tmp_path):
    for number in (10, 2, 1):
        write_image(os.path.join(tmp_path, f"{number}.png"), (8, 6), seed=number)
    return str(tmp_path)


def test_dask_bag_in_natural_order(same_size_folder):
    pytest.importorskip("dask.bag")
    from viewer.core.prefetch.to_dask import to_bag

    bag = to_bag(same_size_folder, npartitions=2)
    items = bag.compute(scheduler="synchronous")
    assert [os.path.basename(item.path) for item in items] == ["1.png", "2.png", "10.png"]
    assert [item.index for item in items] == [0, 1, 2]
    assert all(isinstance(item, Item) and item.value.shape == (6, 8, 3) for item in items)


def test_dask_array_stack_from_a_prefetch(same_size_folder):
    pytest.importorskip("dask.array")
    from viewer.core.prefetch.to_dask import to_array

    with prefetch(same_size_folder, transform=lambda a: a[..., 0]) as seq:
        stack = to_array(seq)
        expected = np.stack([item.value for item in seq])
    assert stack.shape == (3, 6, 8)
    assert np.array_equal(stack.compute(scheduler="synchronous"), expected)
    assert np.array_equal(stack[1:].mean(axis=0).compute(scheduler="synchronous"),
                          expected[1:].mean(axis=0))  # fmt: skip


def test_dask_missing_says_how_to_get_it(same_size_folder, monkeypatch):
    from viewer.core.prefetch import to_dask

    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"viewer\[dask\]"):
        to_dask.to_bag(same_size_folder)
