"""Two folders with files of known bytes, and a faulty file system to run operations on."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from tests.core.fileops.faulty_fs import FaultyFs, write_bytes
from viewer.core.fileops.errors import CancelToken
from viewer.core.fileops.transfer import Context, Progress


@dataclass
class Place:
    source: str  # the folder the files are in
    target: str  # an empty folder to move or copy into
    hashes: dict[str, str]  # path → sha256 of every file made
    fs: FaultyFs
    ctx: Context
    steps: list[Progress]

    def path(self, name: str) -> str:
        return os.path.join(self.source, name)


@pytest.fixture
def place(tmp_path: object) -> Place:
    source = os.path.join(str(tmp_path), "source")
    target = os.path.join(str(tmp_path), "target")
    os.makedirs(source)
    os.makedirs(target)
    hashes = {}
    # 3.5 MiB: several copy chunks, so faults can strike halfway.
    for number, size in ((1, 3_500_000), (2, 1000), (3, 70_000)):
        path = os.path.join(source, f"{number}.jpg")
        hashes[path] = write_bytes(path, size, seed=number)
    fs = FaultyFs()
    steps: list[Progress] = []
    ctx = Context(fs, CancelToken(), steps.append)
    return Place(source, target, hashes, fs, ctx, steps)
