"""FileChanges: what the model's store does when the viewer's own file operations move files."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.io.reading import FileStamp
from viewer.core.readahead.renderings import Renderings
from viewer.model.images.load_task import LoadResult


class FileChanges:
    """The model's answers to culling: the version of a file read, and files renamed or gone.

    Mixed into ``PrefetchModel``, whose public API they are, so the model's own module is
    left to its policy.
    """

    _renderings: Renderings[LoadResult]
    _failed: set[str]

    def file_stamp(self, path: str) -> FileStamp | None:
        """The version (size, mtime) of ``path`` read last; None if never read."""
        return self._renderings.stamp(path)

    def files_changed(self, changes: Sequence[tuple[str | None, str | None]]) -> None:
        """The viewer renamed (``(old, new)``) or removed (``(old, None)``) files: what is
        stored of them follows them, or goes, before the re-listing; read-ahead then goes on
        from wherever the window moves."""
        for old, new in changes:
            if old is not None:
                self._renderings.rename(old, new)
                self._failed.discard(old)
