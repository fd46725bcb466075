"""Path handling under Windows rules (ntpath), run on any machine."""

import ntpath
import os
from pathlib import PureWindowsPath

import pytest

from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.paths import folder_of, join, name_of

WINDOWS_FILES = [
    (r"\\server\share\scans\42.png", r"\\server\share\scans"),
    (r"\\server\share\42.png", "\\\\server\\share\\"),  # a file at the root of the share
    (r"\\?\UNC\server\share\scans\42.png", r"\\?\UNC\server\share\scans"),
    (r"Z:\scans\42.png", r"Z:\scans"),
    (r"Z:\42.png", "Z:\\"),
]


@pytest.mark.parametrize(("path", "folder"), WINDOWS_FILES)
def test_windows_paths_split_and_join_back(path, folder):
    assert folder_of(path, ntpath) == folder
    assert name_of(path, ntpath) == "42.png"
    assert join(folder, "42.png", ntpath) == path
    assert PureWindowsPath(folder_of(path, ntpath)).anchor == PureWindowsPath(path).anchor


@pytest.mark.parametrize(("path", "folder"), WINDOWS_FILES)
def test_sequence_over_a_windows_folder(path, folder):
    sequence = ImageSequence(folder, ["2.png", "42.png"], pathmod=ntpath)
    assert sequence[1] == path
    assert list(sequence)[1] == path
    assert sequence.index_of(path) == 1


def test_relative_file_gets_an_absolute_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert folder_of("42.png") == str(tmp_path)
    assert folder_of(os.path.join("sub", "42.png")) == os.path.join(str(tmp_path), "sub")
