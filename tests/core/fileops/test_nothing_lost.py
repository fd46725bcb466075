"""Random runs of moves, copies and renames, with faults and cancels struck at random steps,
then everything undone: the folder ends exactly as it began, and no bytes were ever lost."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.fileops.faulty_fs import FaultyFs, sha256, write_bytes
from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.errors import CancelToken
from viewer.core.fileops.journal import Journal, undo
from viewer.core.fileops.transfer import STEPS, Context, Progress

NAMES = ["a.jpg", "b.jpg", "c.jpg"]

operation = st.tuples(
    st.sampled_from(["move", "copy", "rename", "undo"]),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True),
    st.booleans(),  # across devices
    st.one_of(st.none(), st.sampled_from(STEPS), st.just("no space")),
)


def contents(*folders: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for folder in folders:
        for name in os.listdir(folder):
            found[sha256(os.path.join(folder, name))] += 1
    return found


def strike(fs: FaultyFs, ctx: Context, fault: str | None) -> None:
    fs.space = 100_000 if fault == "no space" else None

    def cancel_at(progress: Progress) -> None:
        if progress.step == fault:
            ctx.token.cancel()

    ctx.progress = cancel_at
    ctx.token = CancelToken()


@settings(
    max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(operation, min_size=1, max_size=8))
def test_undo_everything_restores_the_folder(operations: list) -> None:
    root = tempfile.mkdtemp()
    try:
        here, there = os.path.join(root, "here"), os.path.join(root, "there")
        os.makedirs(here)
        os.makedirs(there)
        for number, name in enumerate(NAMES):
            write_bytes(os.path.join(here, name), 150_000 + number * 1000, seed=number)
        original = {name: sha256(os.path.join(here, name)) for name in NAMES}
        fs = FaultyFs()
        ctx = Context(fs, CancelToken())
        journal = Journal()
        for kind, names, cross, fault in operations:
            fs.cross_device = cross
            strike(fs, ctx, fault)
            present = [Source(os.path.join(here, n)) for n in names if n in os.listdir(here)]
            if kind == "undo":
                entry = journal.pop()
                if entry is not None:
                    journal.push(undo(ctx, entry).entry)
            elif kind == "rename" and present:
                journal.push(batch.rename(ctx, present[0], "r-" + names[0]).entry)
            elif present:
                journal.push(batch.transfer(ctx, kind, present, there).entry)
            # never lost: every original is somewhere, whole
            assert set(original.values()) <= set(contents(here, there))
        strike(fs, ctx, None)
        while (entry := journal.pop()) is not None:
            assert undo(ctx, entry).problems == []
        assert {name: sha256(os.path.join(here, name)) for name in os.listdir(here)} == original
        assert os.listdir(there) == []
    finally:
        shutil.rmtree(root)
