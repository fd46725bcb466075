"""Path operations the viewer does on image paths, with the path flavour injectable.

Every function takes ``pathmod`` (``os.path`` by default) so tests can run them with
``ntpath`` on any machine: Windows UNC paths (``\\\\server\\share\\folder``) and mapped
drives (``Z:\\scans``) must survive splitting and joining, and there is no Windows runner.
"""

from __future__ import annotations

import os
import types

PathModule = types.ModuleType


def join(folder: str, name: str, pathmod: PathModule = os.path) -> str:
    """``name`` inside ``folder``; a UNC share root keeps its separator."""
    return str(pathmod.join(folder, name))


def name_of(path: str, pathmod: PathModule = os.path) -> str:
    """The file name without its folder."""
    return str(pathmod.basename(path))


def folder_of(path: str, pathmod: PathModule = os.path) -> str:
    """The folder a file lives in. Relative paths are made absolute against the cwd.

    Absolute paths are not passed through ``abspath``: on Windows that would resolve a mapped
    drive or a UNC path through the OS, and the user's spelling of the share is what we keep.
    """
    if not pathmod.isabs(path):
        path = pathmod.abspath(path)
    return str(pathmod.dirname(path))
