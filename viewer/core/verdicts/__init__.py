"""Verdicts: star ratings, rejects and colour labels kept in XMP sidecars.

Qt-free, for the viewer's workers and for scripts::

    from viewer.core.verdicts import Edit, Label, read_verdicts, set_verdict

    verdicts = read_verdicts("/photos/2024-06-01")
    keep = [path for path, verdict in verdicts.items() if verdict.stars >= 4]
    set_verdict("/photos/2024-06-01/IMG_0001.CR2", Edit(rating=5, label=Label.RED))

The names below are imported on first use, so importing the package costs nothing (and never
imports numpy, Pillow or Qt).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.core.folder.pairs import Group, group_pairs
    from viewer.core.folder.sidecars import SidecarStyle, sidecars_of
    from viewer.core.verdicts.api import (
        SidecarChange,
        SidecarState,
        VerdictRead,
        VerdictWrite,
        read_verdict,
        read_verdicts,
        set_verdict,
        undo_verdict,
    )
    from viewer.core.verdicts.errors import SidecarError
    from viewer.core.verdicts.model import KEEP, REJECTED, Edit, Label, Verdict

_HOMES = {
    "SidecarChange": "api",
    "SidecarState": "api",
    "VerdictRead": "api",
    "VerdictWrite": "api",
    "read_verdict": "api",
    "read_verdicts": "api",
    "set_verdict": "api",
    "undo_verdict": "api",
    "SidecarError": "errors",
    "KEEP": "model",
    "REJECTED": "model",
    "Edit": "model",
    "Label": "model",
    "Verdict": "model",
    "Group": "viewer.core.folder.pairs",
    "group_pairs": "viewer.core.folder.pairs",
    "SidecarStyle": "viewer.core.folder.sidecars",
    "sidecars_of": "viewer.core.folder.sidecars",
}

__all__ = [
    "KEEP",
    "REJECTED",
    "Edit",
    "Group",
    "Label",
    "SidecarChange",
    "SidecarError",
    "SidecarState",
    "SidecarStyle",
    "Verdict",
    "VerdictRead",
    "VerdictWrite",
    "group_pairs",
    "read_verdict",
    "read_verdicts",
    "set_verdict",
    "sidecars_of",
    "undo_verdict",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = home if "." in home else f"{__name__}.{home}"
    return getattr(importlib.import_module(module), name)
