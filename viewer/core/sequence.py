"""A folder as an ordered list of image files, in the natural order people expect.

Listing reads names and entry types only: on a slow share every extra ``stat`` or open of
thousands of files costs a round trip each, so nothing here touches file contents.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any, Callable

from natsort import natsort_keygen, ns

#: Extensions matched case-insensitively. Formats Pillow decodes reliably from its wheels.
IMAGE_EXTENSIONS: frozenset[str] = frozenset(
    {
        ".jpg", ".jpeg", ".jpe", ".jfif",
        ".png", ".apng",
        ".tif", ".tiff",
        ".bmp", ".dib",
        ".gif",
        ".webp",
        ".ico",
        ".tga",
        ".pcx",
        ".ppm", ".pgm", ".pbm", ".pnm",
        ".jp2", ".j2k",
        ".qoi",
    }
)  # fmt: skip

_FILE_ATTRIBUTE_HIDDEN = 0x2

#: Sort key giving natural, case-insensitive order (2.png before 10.png) on every platform.
natural_key: Callable[[str], Any] = natsort_keygen(alg=ns.PATH | ns.IGNORECASE)


class SequenceError(Exception):
    """The folder cannot be listed or holds no images; ``str()`` is a sentence for the user."""


def is_image_name(name: str) -> bool:
    """True for a visible file name with a supported image extension."""
    if name.startswith("."):
        return False
    return os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS


def _is_hidden(entry: os.DirEntry[str]) -> bool:
    """Dot files everywhere, plus the hidden attribute on Windows (free there: no extra stat)."""
    if entry.name.startswith("."):
        return True
    if os.name == "nt":
        attributes = getattr(entry.stat(), "st_file_attributes", 0)
        return bool(attributes & _FILE_ATTRIBUTE_HIDDEN)
    return False


def list_image_names(folder: str) -> list[str]:
    """Return the image file names in ``folder`` in natural order.

    Raises:
        SequenceError: the folder does not exist or cannot be read.
    """
    try:
        with os.scandir(folder) as entries:
            names = [
                entry.name
                for entry in entries
                if is_image_name(entry.name) and not _is_hidden(entry) and _is_file(entry)
            ]
    except FileNotFoundError:
        raise SequenceError(f"Folder not found: {folder}") from None
    except NotADirectoryError:
        raise SequenceError(f"Not a folder: {folder}") from None
    except PermissionError:
        raise SequenceError(f"Permission denied reading folder: {folder}") from None
    except OSError as error:
        raise SequenceError(f"Cannot read folder {folder}: {error.strerror or error}") from None
    names.sort(key=natural_key)
    return names


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Follow symbolic links; a dangling link or a folder named like an image is skipped."""
    try:
        return entry.is_file()
    except OSError:
        return False


class ImageSequence(Sequence[str]):
    """The ordered image paths of one folder.

    Indexes are 0-based in code; the user sees them 1-based.

    Attributes:
        folder: the folder the paths live in, as given (UNC and mapped-drive paths survive).
    """

    def __init__(self, folder: str, names: list[str]) -> None:
        self.folder = folder
        self._names = names
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
        return os.path.join(self.folder, self._names[index])

    def __iter__(self) -> Iterator[str]:
        return (os.path.join(self.folder, name) for name in self._names)

    def name(self, index: int) -> str:
        """The file name at ``index``, without its folder."""
        return self._names[index]

    def index_of(self, path: str) -> int:
        """The index of ``path`` (a file in this folder). Raises ``ValueError`` if absent."""
        name = os.path.basename(path)
        try:
            return self._index_by_name[name]
        except KeyError:
            raise ValueError(f"{name} is not in {self.folder}") from None
