"""A folder as an ordered list of image files, in the natural order people expect.

Listing reads names and entry types only: on a slow share every extra ``stat`` or open of
thousands of files costs a round trip each, so nothing here touches file contents.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Callable

from viewer.core.formats.extensions import ALWAYS_IMAGES
from viewer.core.io.paths import PathModule, join, name_of

#: ``IMAGE_EXTENSIONS``, matched case-insensitively: every format the installed Pillow and
#: its plugins open, plus camera RAW (``viewer.core.formats.registry``). Files of a plugin that is
#: missing are listed too; opening one says which package to install.
#: They are worked out on first use, not with this module: asking Pillow imports it, and the
#: command line imports this module before the early start can begin its read.
_extensions: frozenset[str] | None = None


def _image_extensions() -> frozenset[str]:
    global _extensions
    if _extensions is None:
        from viewer.core.formats.registry import image_extensions

        _extensions = image_extensions()
    return _extensions


def __getattr__(name: str) -> frozenset[str]:
    if name == "IMAGE_EXTENSIONS":
        return _image_extensions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_FILE_ATTRIBUTE_HIDDEN = 0x2


def natural_key(name: str) -> Any:
    """Sort key giving natural, case-insensitive order (2.png before 10.png) everywhere.

    A name below the folder (``DCIM/100CANON/IMG_9.JPG``, browsing subfolders) sorts by its
    folder, then its name: a folder's own images come before its subfolders'.
    natsort is imported on the first sort, not with this module: the command line imports
    this module before the viewer's first frame, which does not need natsort for a file.
    """
    global _natural_key
    if _natural_key is None:
        from natsort import natsort_keygen, ns

        _natural_key = natsort_keygen(alg=ns.PATH | ns.IGNORECASE)
    cut = max(name.rfind(os.sep), name.rfind(os.altsep) if os.altsep else -1)
    return (_natural_key(name[:cut]) if cut >= 0 else (), _natural_key(name[cut + 1 :]))


_natural_key: Callable[[str], Any] | None = None


class SequenceError(Exception):
    """The folder cannot be listed or holds no images; ``str()`` is a sentence for the user."""


def is_image_name(name: str) -> bool:
    """True for a visible file name with a supported image extension."""
    if name.startswith("."):
        return False
    extension = os.path.splitext(name)[1].lower()
    return extension in ALWAYS_IMAGES or extension in _image_extensions()


def is_hidden(entry: os.DirEntry[str]) -> bool:
    """Dot files everywhere, plus the hidden attribute on Windows (free there: no extra stat)."""
    if entry.name.startswith("."):
        return True
    if os.name == "nt":
        attributes = getattr(entry.stat(), "st_file_attributes", 0)
        return bool(attributes & _FILE_ATTRIBUTE_HIDDEN)
    return False


#: ``os.scandir`` or a stand-in with its shape (the benchmark's simulated share).
Scandir = Callable[[str], AbstractContextManager[Iterator[Any]]]

#: ``on_progress(entries_seen)``, called from the listing thread every ``PROGRESS_EVERY``.
Progress = Callable[[int], None]

PROGRESS_EVERY = 500

#: How often an open folder is listed again, since shares rarely send change notifications.
DEFAULT_POLL_SECONDS = 5.0


def list_image_names(
    folder: str,
    on_progress: Progress | None = None,
    scandir: Scandir | None = None,
    ordered: bool = True,
) -> list[str]:
    """Return the image file names in ``folder`` in natural order (in the folder's own order
    if not ``ordered``: the natural sort of 2,000 names costs about 50 ms).

    Reads one directory, names and entry types only: symbolic links are followed by
    ``is_file`` but never walked into, so a link loop is an unreadable entry, not a hang.

    Raises:
        SequenceError: the folder does not exist or cannot be read.
    """
    names = []
    seen = 0
    try:
        with (scandir or os.scandir)(folder) as entries:
            for entry in entries:
                seen += 1
                if on_progress is not None and seen % PROGRESS_EVERY == 0:
                    on_progress(seen)
                if is_image_name(entry.name) and not is_hidden(entry) and _is_file(entry):
                    names.append(entry.name)
    except OSError as error:
        raise listing_error(folder, error) from None
    if on_progress is not None:
        on_progress(seen)
    if ordered:
        names.sort(key=natural_key)
    return names


def check_readable(folder: str, scandir: Scandir | None = None) -> None:
    """Open ``folder`` for listing and close it: one round trip, to fail early and clearly.

    Raises:
        SequenceError: the folder does not exist or cannot be read.
    """
    try:
        with (scandir or os.scandir)(folder):
            pass
    except OSError as error:
        raise listing_error(folder, error) from None


def listing_error(folder: str, error: OSError) -> SequenceError:
    if isinstance(error, FileNotFoundError):
        return SequenceError(f"Folder not found: {folder}")
    if isinstance(error, NotADirectoryError):
        return SequenceError(f"Not a folder: {folder}")
    if isinstance(error, PermissionError):
        return SequenceError(f"Permission denied reading folder: {folder}")
    return SequenceError(f"Cannot read folder {folder}: {error.strerror or error}")


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Follow symbolic links; a dangling link or a folder named like an image is skipped."""
    try:
        return entry.is_file()
    except OSError:
        return False


class ImageSequence(Sequence[str]):
    """The ordered image paths of one folder (and its subfolders, when browsed with them:
    then its names are paths relative to ``folder``).

    Indexes are 0-based in code; the user sees them 1-based.

    Attributes:
        folder: the folder the paths live in, as given (UNC and mapped-drive paths survive).
    """

    def __init__(self, folder: str, names: list[str], pathmod: PathModule = os.path) -> None:
        self.folder = folder
        self._names = names
        self._pathmod = pathmod
        self._index_by_name = {name: i for i, name in enumerate(names)}

    @classmethod
    def from_folder(cls, folder: str) -> ImageSequence:
        """List ``folder`` now. Raises ``SequenceError``, also when it holds no images."""
        names = list_image_names(folder)
        if not names:
            raise SequenceError(f"No images in folder: {folder}")
        return cls(folder, names)

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return join(self.folder, self._names[index], self._pathmod)

    def __iter__(self) -> Iterator[str]:
        return (join(self.folder, name, self._pathmod) for name in self._names)

    @property
    def names(self) -> list[str]:
        """The file names in order (do not modify)."""
        return self._names

    def name(self, index: int) -> str:
        """The file name at ``index``, without its folder."""
        return self._names[index]

    def index_of(self, path: str) -> int:
        """The index of ``path`` (a file in this folder, or below it when the sequence holds
        its subfolders' images). Raises ``ValueError`` if absent."""
        inside = join(self.folder, "", self._pathmod)
        name = path[len(inside) :] if path.startswith(inside) else name_of(path, self._pathmod)
        try:
            return self._index_by_name[name]
        except KeyError:
            raise ValueError(f"{name} is not in {self.folder}") from None

    def position_for(self, name: str) -> int:
        """Where ``name`` sits, or would sit, in the natural order (for a file just removed)."""
        key = natural_key(name)
        return sum(1 for other in self._names if natural_key(other) < key)
