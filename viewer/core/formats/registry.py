"""Which files are images: derived from what the installed Pillow and its plugins open.

The list is not typed in by hand. It is Pillow's own registry of extensions, for every format
that has an opener, less the few that Pillow only recognises and cannot decode on its own
(they are named in ``UNDECODABLE`` with the reason); plus the plugins' formats (HEIF, JPEG
XL) and camera RAW. A plugin that is not installed still has its extensions listed, so its
files show up in the folder, and opening one says which package to install.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

from PIL import Image

from viewer.core.formats.extensions import RAW_EXTENSIONS

log = logging.getLogger(__name__)

#: Formats Pillow registers but cannot show by itself, and why.
UNDECODABLE: dict[str, str] = {
    "BUFR": "a stub: needs an external handler",
    "GRIB": "a stub: needs an external handler",
    "HDF5": "a stub: needs an external handler",
    "MPEG": "identified only, never decoded",
    "WMF": "decoded only on Windows, and only by the GDI",
    "EPS": "needs Ghostscript, a separate program",
    "IPTC": "IPTC/NAA metadata files, not pictures",
}
#: Formats opened by another format's opener: MPO files are JPEGs with more frames.
_OPENED_AS = {"MPO": "JPEG"}


@dataclass(frozen=True)
class Plugin:
    """A Pillow plugin in a package of its own.

    Attributes:
        format: the format name it registers with Pillow.
        module: what to import.
        package: what to ``pip install``.
        extensions: the file extensions it opens (listed even when it is missing).
        register: the module's function that registers it, or "" when importing does.
    """

    format: str
    module: str
    package: str
    extensions: frozenset[str]
    register: str = ""


PLUGINS: tuple[Plugin, ...] = (
    Plugin("HEIF", "pillow_heif", "pillow-heif",
           frozenset({".heic", ".heics", ".heif", ".heifs", ".hif"}), "register_heif_opener"),
    Plugin("JXL", "pillow_jxl", "pillow-jxl-plugin", frozenset({".jxl"})),
)  # fmt: skip

_lock = threading.Lock()
_missing: dict[str, Plugin] | None = None

#: ``import_module``; tests pass one that fails, to see a missing plugin as users would.
Importer = Callable[[str], object]


def register_plugins(importer: Importer = importlib.import_module) -> dict[str, Plugin]:
    """Register every installed plugin with Pillow, once; returns the missing ones by format."""
    global _missing
    with _lock:
        if _missing is not None and importer is importlib.import_module:
            return dict(_missing)
        missing = {}
        for plugin in PLUGINS:
            try:
                module = importer(plugin.module)
                if plugin.register:
                    getattr(module, plugin.register)()
            except Exception as error:  # ImportError, or a broken native library
                log.info("%s not available: %s", plugin.package, error)
                missing[plugin.format] = plugin
        if importer is importlib.import_module:
            _missing = missing
        return dict(missing)


def pillow_extensions() -> dict[str, str]:
    """Extension → format for every format the installed Pillow (with plugins) decodes."""
    register_plugins()
    Image.init()
    found = {}
    for extension, format_id in Image.registered_extensions().items():
        opener = _OPENED_AS.get(format_id, format_id)
        if opener in Image.OPEN and format_id not in UNDECODABLE:
            found[extension.lower()] = format_id
    found.setdefault(".mpo", "MPO")  # MPO has no extension of its own registered
    return found


def image_extensions() -> frozenset[str]:
    """Every extension the folder listing offers: Pillow's, the plugins' (even if missing), RAW."""
    plugins = {extension for plugin in PLUGINS for extension in plugin.extensions}
    return frozenset(pillow_extensions()) | plugins | RAW_EXTENSIONS


def is_raw(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in RAW_EXTENSIONS


def missing_plugin(name: str, missing: Mapping[str, Plugin] | None = None) -> Plugin | None:
    """The plugin a file needs when it is not installed; None when nothing is missing.

    ``missing`` is what ``register_plugins`` returned; by default, this process's plugins.
    """
    extension = os.path.splitext(name)[1].lower()
    for plugin in (register_plugins() if missing is None else missing).values():
        if extension in plugin.extensions:
            return plugin
    return None


def missing_message(name: str, plugin: Plugin) -> str:
    """The sentence shown when a file needs a plugin that is not installed."""
    return (
        f"{name} is a {plugin.format} image: install the Python package "
        f"“{plugin.package}” to view it (pip install {plugin.package})."
    )
