import os

import pytest

from viewer.core.prefetch import SourceError, prefetch, resolve_paths


def touch(folder, *names):
    for name in names:
        with open(os.path.join(folder, name), "wb") as file:
            file.write(b"x")


def test_folder_in_natural_order(tmp_path):
    touch(tmp_path, "10.png", "2.png", "1.png", ".hidden.png", "notes.txt")
    assert [os.path.basename(p) for p in resolve_paths(str(tmp_path))] == [
        "1.png",
        "2.png",
        "10.png",
    ]


def test_glob_in_natural_order_or_as_found(tmp_path):
    touch(tmp_path, "frame10.tif", "frame9.tif", "frame100.tif", "other.png")
    found = [os.path.basename(p) for p in resolve_paths(str(tmp_path / "frame*.tif"))]
    assert found == ["frame9.tif", "frame10.tif", "frame100.tif"]
    unsorted = resolve_paths(str(tmp_path / "frame*.tif"), natural=False)
    assert sorted(unsorted) == sorted(resolve_paths(str(tmp_path / "frame*.tif")))


def test_list_kept_as_given(tmp_path):
    paths = ["b/10.png", "a/2.png", tmp_path / "1.png"]
    assert resolve_paths(paths) == ["b/10.png", "a/2.png", str(tmp_path / "1.png")]


def test_single_file(tmp_path):
    touch(tmp_path, "only.png")
    assert resolve_paths(tmp_path / "only.png") == [str(tmp_path / "only.png")]


@pytest.mark.parametrize("make", ["empty folder", "no match", "missing"])
def test_nothing_to_read_says_why(tmp_path, make):
    source = {
        "empty folder": str(tmp_path),
        "no match": str(tmp_path / "*.tif"),
        "missing": str(tmp_path / "gone"),
    }[make]
    with pytest.raises(SourceError, match=str(tmp_path)):
        prefetch(source)
