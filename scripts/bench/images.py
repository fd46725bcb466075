"""The benchmarks' sample images: camera-sized ones made once in a cache, tiny ones for CI."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence

from viewer.core.folder.sequence import ImageSequence
from viewer.demo.samples import CAMERA_SIZE, write_sequence

CACHE = os.path.join(os.path.expanduser("~"), ".cache", "viewer-bench")
QUICK_SIZE = (480, 320)


def default_folder(extension: str = ".jpg") -> str:
    """Where camera-sized samples of one format live (JPEGs keep the browse benchmark's)."""
    # JPEGs carry EXIF and MPF previews since issue 11, restart markers since issue 22;
    # older caches lack them.
    suffix = "-camera-rst" if extension == ".jpg" else f"-{extension.lstrip('.')}"
    return os.path.join(CACHE, f"camera-{CAMERA_SIZE[0]}x{CAMERA_SIZE[1]}{suffix}")


def camera_images(
    count: int, extension: str = ".jpg", folder: str | None = None, mpf: bool = True
) -> list[str]:
    """``count`` 6000×4000 images in ``folder`` (default: the cache), made on first use;
    ``mpf=False``: JPEGs without the camera's MPF preview, in a folder of their own."""
    folder = folder or default_folder(extension) + ("" if mpf else "-no-mpf")
    print(f"sample images in {folder} (made once, 1–3 s each)", file=sys.stderr)
    return write_sequence(folder, count, CAMERA_SIZE, extension, mpf=mpf)


def quick_images(count: int, extension: str = ".jpg") -> list[str]:
    """``count`` tiny images in a fresh temporary folder, for the CI smoke tests."""
    folder = tempfile.mkdtemp(prefix="bench-quick-")
    return write_sequence(folder, count, QUICK_SIZE, extension)


def sequence_of(paths: Sequence[str]) -> ImageSequence:
    """The paths (all in one folder) as a sequence in the order given."""
    return ImageSequence(os.path.dirname(paths[0]), [os.path.basename(p) for p in paths])
