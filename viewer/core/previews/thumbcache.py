"""The freedesktop thumbnail cache, shared with file managers and other viewers.

Layout (Thumbnail Managing Standard): ``$XDG_CACHE_HOME/thumbnails/{normal,large,x-large}``
hold PNGs of at most 128, 256 and 512 px, named by the MD5 of the file's URI and carrying
``Thumb::URI``, ``Thumb::MTime`` and ``Thumb::Size``; an entry is valid only while the file's
mtime and size still match. ``fail/viewer/`` records files that could not be thumbnailed. On
Windows and macOS the same layout lives under the user cache folder (platformdirs).

Thumbnails are written atomically (a temporary file in the cache folder, then a rename), so
another program never reads half a PNG, and nothing is ever written next to the images. A
size budget evicts least-recently-used entries. The cache is an accelerator only: a folder
that cannot be read or written, a full disk or a damaged entry is logged once and browsing
goes on without it.

Thread safety: methods may be called from several worker threads; a lock covers only the
bookkeeping, never a read, decode or write.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pathlib
import sys
import tempfile
import threading
import time

from PIL import Image, PngImagePlugin

from viewer.core.formats.decode import DecodedImage
from viewer.core.formats.thumbnail_pixels import from_qt_layout, to_qt_layout
from viewer.core.io.reading import FileStamp
from viewer.core.previews.cache_budget import DEFAULT_BUDGET_BYTES

_log = logging.getLogger(__name__)

#: Flavour folders and the longest side of their thumbnails, smallest first.
FLAVOURS = (("normal", 128), ("large", 256), ("x-large", 512))
APP_NAME = "viewer"
#: After eviction the cache is this share of its budget, so not every write evicts.
_EVICT_TO = 0.9
_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF", "image/webp": "WEBP"}


def default_root() -> str:
    """``$XDG_CACHE_HOME/thumbnails`` (else ``~/.cache/thumbnails``); on Windows and macOS
    the same folder under platformdirs' user cache folder for this application."""
    if sys.platform.startswith(("win", "darwin")):
        from platformdirs import user_cache_dir

        return os.path.join(user_cache_dir(APP_NAME, appauthor=False), "thumbnails")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "thumbnails")


def file_uri(path: str) -> str:
    """The ``file://`` URI the standard keys thumbnails by (absolute, percent-encoded)."""
    return pathlib.Path(os.path.abspath(path)).as_uri()


def thumbnail_name(uri: str) -> str:
    """The standard's file name: the hex MD5 of the URI, then ``.png``."""
    return hashlib.md5(uri.encode("utf-8"), usedforsecurity=False).hexdigest() + ".png"


def flavour_for(size: int) -> tuple[str, int]:
    """The smallest flavour whose thumbnails are at least ``size``, else the largest."""
    for flavour in FLAVOURS:
        if flavour[1] >= size:
            return flavour
    return FLAVOURS[-1]


class ThumbnailCache:
    """Thumbnails on the local disk, valid while their file is unchanged.

    Attributes:
        root: the ``thumbnails`` folder.
        budget_bytes: the most the folder may hold before least-recently-used entries go.
    """

    def __init__(
        self, root: str | None = None, *, budget_bytes: int = DEFAULT_BUDGET_BYTES
    ) -> None:
        self.root = os.path.abspath(root or default_root())
        self.budget_bytes = budget_bytes
        self._lock = threading.Lock()
        self._index: dict[str, tuple[int, float]] | None = None  # file -> (bytes, last use)
        self._last_use = 0.0
        self._writable = True
        self._said = False

    @property
    def writable(self) -> bool:
        """False once a write failed: the cache then only answers lookups."""
        return self._writable

    def lookup(
        self, path: str, stamp: FileStamp, size: int, *, any_size: bool = False
    ) -> DecodedImage | None:
        """A valid thumbnail of ``path`` at most ``size`` long, or None.

        The flavour for ``size`` is tried first, then larger ones (reduced), then smaller
        ones at least half of ``size`` (any smaller one with ``any_size``: a preview to show
        while the real image loads need not be sharp).
        """
        uri = file_uri(path)
        for flavour, _ in _lookup_order(size, any_size):
            entry = os.path.join(self.root, flavour, thumbnail_name(uri))
            image = self._read(entry, uri, stamp)
            if image is not None:
                self._touch(entry)
                image.thumbnail((size, size), Image.Resampling.BICUBIC)
                return _decoded(image)
        return None

    def store(
        self, path: str, stamp: FileStamp, image: DecodedImage, flavours: int | None = None
    ) -> None:
        """Write ``image`` (upright, whole) as ``path``'s thumbnail in every flavour it covers.

        Args:
            flavours: write only the flavour of this size (``flavour_for``); None for all.
        """
        if not self._writable or _inside(path, self.root):
            return
        source = from_qt_layout(image.pixels, image.has_alpha)
        full = image.full_size or (image.width, image.height)
        longest = max(image.width, image.height)
        for flavour, pixels in FLAVOURS:
            if flavours is not None and flavour != flavour_for(flavours)[0]:
                continue
            if longest < pixels and longest < max(full):
                continue  # would be enlarged: keep to the flavours it really fills
            thumbnail = source.copy()
            thumbnail.thumbnail((pixels, pixels), Image.Resampling.LANCZOS)
            info = _metadata(path, stamp, full, image.format)
            self._write(os.path.join(self.root, flavour), thumbnail_name(file_uri(path)),
                        thumbnail, info)  # fmt: skip

    def is_fresh(self, path: str, stamp: FileStamp, size: int) -> bool:
        """Whether a valid thumbnail of ``size``'s flavour exists (only its header is read)."""
        uri = file_uri(path)
        entry = os.path.join(self.root, flavour_for(size)[0], thumbnail_name(uri))
        try:
            with Image.open(entry, formats=["PNG"]) as png:
                return _valid(getattr(png, "text", {}), uri, stamp)
        except (OSError, ValueError, SyntaxError):
            return False

    def mark_failed(self, path: str, stamp: FileStamp) -> None:
        """Record that ``path`` (this version of it) cannot be thumbnailed."""
        if self._writable:
            uri = file_uri(path)
            info = _metadata(path, stamp, None, "")
            self._write(self._fail_folder(), thumbnail_name(uri), Image.new("RGBA", (1, 1)), info)

    def has_failed(self, path: str, stamp: FileStamp) -> bool:
        """Whether a valid fail entry says this version of ``path`` cannot be thumbnailed."""
        uri = file_uri(path)
        entry = os.path.join(self._fail_folder(), thumbnail_name(uri))
        return self._read(entry, uri, stamp) is not None

    def currsize(self) -> int:
        """Bytes the cache folder's thumbnails take (as this process knows them)."""
        with self._lock:
            return sum(size for size, _ in self._load_index().values())

    def _fail_folder(self) -> str:
        return os.path.join(self.root, "fail", APP_NAME)

    def _read(self, entry: str, uri: str, stamp: FileStamp) -> Image.Image | None:
        try:
            with open(entry, "rb") as file:
                data = file.read()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._say_once(f"Thumbnail cache {self.root} cannot be read ({error}).")
            return None
        try:
            with Image.open(io.BytesIO(data), formats=["PNG"]) as opened:
                text = getattr(opened, "text", {})
                if not _valid(text, uri, stamp):
                    return None
                opened.load()
                image: Image.Image = opened.copy()
                image.info.update(text)
                return image
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            _log.debug("damaged thumbnail %s ignored: %s", entry, error)
            return None

    def _write(self, folder: str, name: str, image: Image.Image, info: dict[str, str]) -> None:
        png = PngImagePlugin.PngInfo()
        for key, value in info.items():
            png.add_text(key, value)
        temporary = None
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", suffix=".png.tmp", dir=folder)
            with os.fdopen(handle, "wb") as file:
                image.save(file, format="PNG", pnginfo=png, compress_level=3)
            final = os.path.join(folder, name)
            os.replace(temporary, final)
            temporary = None
            self._account(final, os.path.getsize(final))
        except OSError as error:
            self._writable = False
            self._say_once(f"Thumbnail cache {self.root} cannot be written ({error}); "
                           "going on without saving thumbnails.")  # fmt: skip
        finally:
            if temporary is not None:
                _remove(temporary)

    def _account(self, entry: str, size: int) -> None:
        with self._lock:
            index = self._load_index()
            index[entry] = (size, self._now())
            total = sum(used for used, _ in index.values())
            if total <= self.budget_bytes:
                return
            victims = []
            for victim, (used, _) in sorted(index.items(), key=lambda item: item[1][1]):
                if total <= self.budget_bytes * _EVICT_TO:
                    break
                victims.append(victim)
                total -= used
            for victim in victims:
                del index[victim]
        for victim in victims:  # outside the lock: deleting is I/O
            _remove(victim)

    def _touch(self, entry: str) -> None:
        """Mark a hit as recent, in memory and (for later runs) in the file's mtime."""
        with self._lock:
            now = self._now()
            if self._index is not None and entry in self._index:
                self._index[entry] = (self._index[entry][0], now)
        if self._writable:
            with contextlib.suppress(OSError):  # a read-only cache still answers lookups
                os.utime(entry, (now, now))

    def _now(self) -> float:
        """Wall time for last uses, strictly increasing so two uses are never tied."""
        self._last_use = max(time.time(), self._last_use + 1e-6)
        return self._last_use

    def _load_index(self) -> dict[str, tuple[int, float]]:
        """Every thumbnail in the folder with its size and last use, scanned once."""
        if self._index is None:
            self._index = {}
            folders = [os.path.join(self.root, flavour) for flavour, _ in FLAVOURS]
            for folder in [*folders, self._fail_folder()]:
                try:
                    with os.scandir(folder) as entries:
                        for entry in entries:
                            if entry.name.endswith(".png") and entry.is_file():
                                status = entry.stat()
                                self._index[entry.path] = (status.st_size, status.st_mtime)
                except OSError:
                    continue
        return self._index

    def _say_once(self, message: str) -> None:
        """One warning per cache: a broken cache is worth one line in the log, not one a file."""
        if not self._said:
            self._said = True
            _log.warning("%s", message)


def _lookup_order(size: int, any_size: bool) -> list[tuple[str, int]]:
    larger = [f for f in FLAVOURS if f[1] >= size]
    smaller = [f for f in reversed(FLAVOURS) if f[1] < size and (any_size or f[1] * 2 >= size)]
    return larger + smaller


def _metadata(
    path: str, stamp: FileStamp, full: tuple[int, int] | None, fmt: str
) -> dict[str, str]:
    info = {
        "Thumb::URI": file_uri(path),
        "Thumb::MTime": str(stamp.mtime_ns // 1_000_000_000),
        "Thumb::Size": str(stamp.size),
        "Software": APP_NAME,
    }
    if full is not None:
        info["Thumb::Image::Width"], info["Thumb::Image::Height"] = str(full[0]), str(full[1])
    mimetype = next((mime for mime, name in _FORMATS.items() if name == fmt), "")
    if mimetype:
        info["Thumb::Mimetype"] = mimetype
    return info


def _valid(text: dict[str, str], uri: str, stamp: FileStamp) -> bool:
    """The entry is of this file (not an MD5 namesake) and of this version of it."""
    try:
        if text.get("Thumb::URI") != uri:
            return False
        if int(float(text["Thumb::MTime"])) != stamp.mtime_ns // 1_000_000_000:
            return False
        return "Thumb::Size" not in text or int(text["Thumb::Size"]) == stamp.size
    except (KeyError, ValueError):
        return False


def _decoded(image: Image.Image) -> DecodedImage:
    pixels, has_alpha = to_qt_layout(image)
    full: tuple[int, int] | None = None
    with contextlib.suppress(KeyError, ValueError):
        full = (int(image.info["Thumb::Image::Width"]), int(image.info["Thumb::Image::Height"]))
    fmt = _FORMATS.get(str(image.info.get("Thumb::Mimetype", "")), "image")
    return DecodedImage(pixels, has_alpha, fmt, full_size=full)


def _inside(path: str, root: str) -> bool:
    """Thumbnails of the cache's own files are never made (the standard says so)."""
    return os.path.abspath(path).startswith(root + os.sep)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
