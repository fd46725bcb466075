"""Records every file-system call the GUI thread makes on paths inside a folder.

``GuiThreadCalls.watch(folder)`` wraps ``os.stat``, ``os.lstat``, ``os.scandir``,
``os.listdir``, ``os.open``, ``builtins.open``, ``io.open``, the ``os.path`` questions and
``QFileSystemWatcher.addPath(s)``; a call made on the main thread for a path inside ``folder``
is recorded with where it came from. Calls on any other thread go through untouched.
"""

from __future__ import annotations

import builtins
import io
import os
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable

import pytest
from PyQt5.QtCore import QFileSystemWatcher

#: (module, name) of every wrapped call; ``os.path`` ones catch what skips ``os.stat``.
WRAPPED: list[tuple[Any, str]] = [
    (os, "stat"),
    (os, "lstat"),
    (os, "scandir"),
    (os, "listdir"),
    (os, "open"),
    (builtins, "open"),
    (io, "open"),
    *[(os.path, name) for name in ("exists", "lexists", "isdir", "isfile", "islink")],
    *[(os.path, name) for name in ("realpath", "getmtime", "getsize", "getctime", "samefile")],
]


@dataclass(frozen=True)
class Call:
    """One file-system call made on the GUI thread: what, on which path, from where."""

    name: str
    path: str
    where: str

    def __str__(self) -> str:
        return f"{self.name}({self.path!r}) from\n{self.where}"


def _path_of(value: object) -> str | None:
    if isinstance(value, (str, bytes, os.PathLike)):
        return os.fsdecode(value)
    return None


class GuiThreadCalls:
    """The recorder; ``calls`` lists what the GUI thread asked about the folders watched."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self._folders: list[str] = []
        self.calls: list[Call] = []
        self._inside = threading.local()  # a wrapped call made by a wrapped call is not new
        self._paused = False

    def watch(self, folder: str) -> None:
        """Record calls for paths inside ``folder`` from now on (wrapping on the first call)."""
        if not self._folders:
            for owner, name in WRAPPED:
                self._monkeypatch.setattr(owner, name, self._wrap(name, getattr(owner, name)))
            for name in ("addPath", "addPaths"):
                original = getattr(QFileSystemWatcher, name)
                self._monkeypatch.setattr(QFileSystemWatcher, name, self._wrap(name, original))
        self._folders.append(os.path.normpath(folder))

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The test's own calls (writing a file the viewer should notice) are not recorded."""
        self._paused = True
        try:
            yield
        finally:
            self._paused = False

    def report(self) -> str:
        return "\n".join(str(call) for call in self.calls)

    def _wrap(self, name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            depth = getattr(self._inside, "depth", 0)
            if not depth:
                self._check(name, args)
            self._inside.depth = depth + 1
            try:
                return original(*args, **kwargs)
            finally:
                self._inside.depth = depth

        return wrapped

    def _check(self, name: str, args: tuple[Any, ...]) -> None:
        if self._paused or threading.current_thread() is not threading.main_thread():
            return
        for value in args:
            values = value if isinstance(value, list) else [value]
            for one in values:
                path = _path_of(one)
                if path is not None and self._is_watched(path):
                    where = "".join(traceback.format_stack(limit=12)[:-2])
                    self.calls.append(Call(name, path, where))

    def _is_watched(self, path: str) -> bool:
        path = os.path.normpath(path)
        return any(path == folder or path.startswith(folder + os.sep) for folder in self._folders)
