"""Which sidecars belong to an image, which one wins, and what a new one is called.

Two naming styles live side by side in camera folders:

- ``IMG_0001.CR2.xmp`` (``NAME.EXT.xmp``): darktable and digiKam. It names one file, so a
  RAW and its JPEG keep separate verdicts, and darktable reads only this form (darktable
  #4560). The viewer creates this style by default for these reasons.
- ``IMG_0001.xmp`` (``NAME.xmp``): Lightroom, Bridge and Capture One. Its name does not
  say which file it is for, so where several images share the stem it belongs to the one
  RAW among them (Lightroom writes it for the RAW of a RAW+JPEG pair and embeds the JPEG's
  XMP); where that is still ambiguous (two RAWs, or two JPEG-like files) it belongs to none,
  and is neither read nor written nor carried along for any of them.

Precedence, for reading: ``NAME.EXT.xmp`` wins over ``NAME.xmp`` (it names this very file,
and it is the one darktable reads too); any sidecar wins over the packet embedded in the
image (a sidecar is written after the shot by a culling tool, and the viewer never rewrites
the image, so the embedded packet is the older word). For writing, every sidecar that
belongs to the image is changed, so Lightroom and darktable both see the verdict; with none,
one is created in the chosen style, seeded with the embedded verdict so that nothing the
image said is lost.

The extension ``.xmp`` is matched in any case (``IMG_0001.XMP``, as some cameras and
Windows tools write it); the image's own name is matched exactly.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable

from viewer.core.formats.extensions import ALWAYS_IMAGES, RAW_EXTENSIONS

SIDECAR_EXTENSION = ".xmp"
#: Image extensions beyond Pillow's always-there set, so a HEIC shares a stem with its RAW.
_MORE_IMAGES = frozenset({".heic", ".heif", ".webp", ".jxl", ".avif"})


class SidecarStyle(enum.Enum):
    """How a new sidecar is named."""

    NAME_EXT = "NAME.EXT.xmp"
    NAME = "NAME.xmp"


def is_sidecar_name(name: str) -> bool:
    return name.lower().endswith(SIDECAR_EXTENSION)


def is_image_like(name: str) -> bool:
    """Whether ``name`` may be an image sharing a stem (a light test: names only)."""
    extension = os.path.splitext(name)[1].lower()
    return not name.startswith(".") and extension in (ALWAYS_IMAGES | _MORE_IMAGES)


def is_raw_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in RAW_EXTENSIONS


def owns_stem_sidecar(image_name: str, names: Iterable[str]) -> bool:
    """Whether ``NAME.xmp`` belongs to ``image_name`` among the folder's ``names``."""
    stem = os.path.splitext(image_name)[0]
    sharing = [n for n in names if is_image_like(n) and os.path.splitext(n)[0] == stem]
    if image_name not in sharing:
        sharing.append(image_name)
    if len(sharing) == 1:
        return True
    raws = [n for n in sharing if is_raw_name(n)]
    return raws == [image_name]


def sidecar_names(image_name: str, names: Iterable[str]) -> list[str]:
    """The listed sidecars that belong to ``image_name``, the winning one first."""
    listed = list(names)
    own = [n for n in listed if is_sidecar_name(n) and n[: -len(SIDECAR_EXTENSION)] == image_name]
    stem = os.path.splitext(image_name)[0]
    shared = [n for n in listed if is_sidecar_name(n) and n[: -len(SIDECAR_EXTENSION)] == stem]
    if shared and stem != image_name and owns_stem_sidecar(image_name, listed):
        own += shared
    return own


def sidecars_of(image_path: str, names: Iterable[str]) -> list[str]:
    """The paths of the sidecars that belong to ``image_path``, given its folder's names."""
    folder, name = os.path.split(image_path)
    return [os.path.join(folder, n) for n in sidecar_names(name, names)]


def new_sidecar_name(image_name: str, style: SidecarStyle = SidecarStyle.NAME_EXT) -> str:
    if style is SidecarStyle.NAME:
        return os.path.splitext(image_name)[0] + SIDECAR_EXTENSION
    return image_name + SIDECAR_EXTENSION


def moved_sidecar_name(sidecar_name: str, image_name: str, new_image_name: str) -> str:
    """What a sidecar is called once its image is called ``new_image_name``; its own
    ``.xmp`` keeps its case."""
    extension = sidecar_name[-len(SIDECAR_EXTENSION) :]
    if sidecar_name[: -len(SIDECAR_EXTENSION)] == image_name:
        return new_image_name + extension
    return os.path.splitext(new_image_name)[0] + extension
