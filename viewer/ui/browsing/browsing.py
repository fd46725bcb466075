"""The folder being browsed on screen: where the user is in it, apart from how it is shown.

The model keeps its own ``viewer.core.readahead.position.Position`` (indexes to paths for
loading); this one follows what the window shows: the index on screen, and a current file
that left the folder.
"""

from __future__ import annotations

from viewer.core.folder.sequence import ImageSequence
from viewer.model.images.prefetch_model import PrefetchModel


class Browsing:
    """The sequence on screen, the current index, and what became of it across listings.

    The model is told of every new sequence here, so its indexes always match these.

    Attributes:
        sequence: the folder's images (None while a folder opened by path is being listed).
        index: the current image (None before the first move, or once it left the folder).
        shown: the index whose pixels are on screen (a result for it refines them).
        removed: the current image left the folder: its name, and where it would now sit.
    """

    def __init__(self, model: PrefetchModel) -> None:
        self._model = model
        self.sequence: ImageSequence | None = None
        self.index: int | None = None
        self.shown: int | None = None
        self.removed: tuple[str, int] | None = None

    def start(self, sequence: ImageSequence | None) -> None:
        """A new sequence, nothing current in it yet (None: nothing to show while listing)."""
        self.sequence = sequence
        self._model.set_paths(list(sequence) if sequence is not None else [])
        self.index = self.shown = self.removed = None

    def move(self, index: int) -> None:
        self.index = index
        self.removed = None

    def step(self, delta: int) -> int | None:
        """The index ``delta`` images on (possibly out of range), or None with nowhere to go.

        From a removed image, one step on is the image now in its place.
        """
        if self.sequence is None:
            return None
        if self.removed is not None:
            return self.removed[1] if delta > 0 else self.removed[1] - 1
        return None if self.index is None else self.index + delta

    def count(self) -> int:
        return 0 if self.sequence is None else len(self.sequence)

    def path(self) -> str | None:
        """The current image's path, or None."""
        if self.sequence is None or self.index is None:
            return None
        return self.sequence[self.index]

    def relist(self, sequence: ImageSequence) -> bool:
        """Take a new listing of the folder; False if it changes nothing.

        The current image stays current by its path (the model re-indexes its work too), and
        so does the image on screen. If the current image is gone, ``removed`` says where.
        """
        old = self.sequence
        if old is None or (sequence.folder == old.folder and sequence.names == old.names):
            return False  # e.g. the first listing after ``open_sequence``: every index holds
        name = self.removed[0] if self.removed else None
        if self.index is not None:
            name = old.name(self.index)
        shown = self.shown is not None and self.shown == self.index
        self.sequence = sequence
        self.index = self._model.reindex(list(sequence))
        self.shown = self.index if shown else None
        if self.index is None and name is not None:
            self.removed = (name, sequence.position_for(name))
        return True
