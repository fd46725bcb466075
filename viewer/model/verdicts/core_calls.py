"""The one seam between the viewer's model and the Qt-free verdict core.

Every call the model makes into ``viewer.core.verdicts`` goes through here, run on a worker
thread. Tests replace a ``VerdictIO`` with a fake (slow, failing or counting) through the
model's constructor; nothing else in the model knows the core's call signatures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.core.fileops.fs import FileSystem
from viewer.core.folder.sidecars import SidecarStyle
from viewer.core.verdicts.api import VerdictWrite, read_verdict, set_verdict, undo_verdict
from viewer.core.verdicts.model import Edit, Verdict


@dataclass
class VerdictIO:
    """Reads and writes verdicts through the core, on whatever thread calls it.

    Attributes:
        fs: the file system every call goes through (the benchmark's simulated share).
    """

    fs: FileSystem | None = None

    def listdir(self, folder: str) -> list[str]:
        """The folder's names, sidecars included (the image listing leaves them out)."""
        return (self.fs or FileSystem()).listdir(folder)

    def read(self, image: str, names: Sequence[str]) -> Verdict:
        """``image``'s verdict; raises ``SidecarError`` with a sentence."""
        return read_verdict(image, names=names, fs=self.fs).verdict

    def write(
        self, image: str, edit: Edit, names: Sequence[str] | None, style: SidecarStyle
    ) -> VerdictWrite:
        """Make ``edit`` in ``image``'s sidecars; raises ``SidecarError`` with a sentence."""
        return set_verdict(image, edit, names=names, style=style, fs=self.fs)

    def undo(self, write: VerdictWrite) -> None:
        """Put back what ``write`` changed; raises ``SidecarError`` with a sentence."""
        undo_verdict(write, fs=self.fs)
