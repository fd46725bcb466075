"""Run by test_trash in a process of its own, whose HOME and XDG_DATA_HOME point at a
temporary folder (``send2trash`` reads them when imported): trash the files named on the
command line, print what was done, then undo each entry when told to on stdin."""

from __future__ import annotations

import json
import sys

from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.errors import CancelToken
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.journal import Journal, undo
from viewer.core.fileops.transfer import Context


def main() -> None:
    ctx = Context(FileSystem(), CancelToken())
    journal = Journal()
    for index, path in enumerate(sys.argv[1:]):
        if index:
            sys.stdin.readline()  # the parent looks at the trash before the next file
        outcome = batch.trash(ctx, [Source(path)], lambda folder: False)
        journal.push(outcome.entry)
        stored = [r.trash.stored for r in outcome.entry.records] if outcome.entry else []
        print(json.dumps({"problems": outcome.problems, "stored": stored}), flush=True)
    for _line in sys.stdin:
        entry = journal.pop()
        assert entry is not None
        print(json.dumps({"problems": undo(ctx, entry).problems}), flush=True)


if __name__ == "__main__":
    main()
