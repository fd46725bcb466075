"""The verdict preferences: how a new sidecar is named, and whether pairs are one item.

Kept apart from ``Preferences`` (numbers only) because these are choices.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.folder.sidecars import SidecarStyle


@dataclass(frozen=True)
class VerdictChoices:
    """Attributes:
    style: how a new sidecar is named: ``NAME.EXT.xmp`` (the default: it keeps a RAW's and
        its JPEG's verdicts apart, and darktable reads no other form) or ``NAME.xmp``.
    pairs: RAW+JPEG pairs shown as one item.
    """

    style: SidecarStyle = SidecarStyle.NAME_EXT
    pairs: bool = True

    @classmethod
    def from_texts(cls, style: object, pairs: object) -> VerdictChoices:
        """Choices as stored; junk gives the defaults."""
        try:
            chosen = SidecarStyle(str(style))
        except ValueError:
            chosen = SidecarStyle.NAME_EXT
        return cls(chosen, str(pairs).lower() != "false")
