"""The format list follows what the installed Pillow opens, and every listed format shows."""

from __future__ import annotations

import io
import os

import numpy as np
import pytest
from PIL import Image

from tests.format_samples import BUILDERS, NOT_BUILT, PFM, RED, SIZE
from viewer.core.folder.sequence import list_image_names
from viewer.core.formats.decode import decode_bytes
from viewer.core.formats.extensions import ALWAYS_IMAGES, RAW_EXTENSIONS
from viewer.core.formats.registry import (
    PLUGINS,
    UNDECODABLE,
    image_extensions,
    missing_message,
    missing_plugin,
    pillow_extensions,
    register_plugins,
)

#: What the viewer listed before this list was derived: none of it may go missing.
EARLIER = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".apng", ".tif", ".tiff", ".bmp", ".dib",
           ".gif", ".webp", ".ico", ".tga", ".pcx", ".ppm", ".pgm", ".pbm", ".pnm", ".jp2",
           ".j2k", ".qoi"}  # fmt: skip
#: What issue 13 names, by extension.
ASKED = {".psd", ".dds", ".sgi", ".mpo", ".icns", ".cur", ".xpm", ".xbm", ".pfm", ".avif",
         ".heic", ".heif", ".jxl", ".cr2", ".cr3", ".nef", ".arw", ".dng", ".raf", ".orf",
         ".rw2", ".pef"}  # fmt: skip
#: Formats stored as 1-bit, grey or a coarse palette (BLP): compared with Pillow, not RED.
NOT_RGB = {"MSP", "XBM", "FITS", "BLP"}


def test_list_equals_pillows_registry() -> None:
    register_plugins()
    Image.init()
    registry = Image.registered_extensions()
    decodable = {ext for ext, fmt in registry.items()
                 if fmt in Image.OPEN and fmt not in UNDECODABLE}  # fmt: skip
    plugin_extensions = {ext for plugin in PLUGINS for ext in plugin.extensions}
    assert set(pillow_extensions()) == decodable | {".mpo"}
    assert image_extensions() == decodable | {".mpo"} | plugin_extensions | RAW_EXTENSIONS


def test_every_exclusion_is_still_in_pillows_registry() -> None:
    Image.init()
    assert set(UNDECODABLE) <= set(Image.registered_extensions().values())


def test_nothing_listed_before_or_asked_for_is_missing() -> None:
    assert image_extensions() >= EARLIER | ASKED


def test_every_listed_format_has_a_sample_or_a_reason() -> None:
    formats = set(pillow_extensions().values())
    assert formats == set(BUILDERS) | (set(NOT_BUILT) & formats)


@pytest.mark.filterwarnings("ignore:IM image format is deprecated:DeprecationWarning")
@pytest.mark.parametrize("format_id", sorted(BUILDERS))
def test_every_format_shows(format_id: str) -> None:
    register_plugins()
    data = BUILDERS[format_id]()
    decoded = decode_bytes(data, f"sample.{format_id.lower()}")
    with Image.open(io.BytesIO(data)) as reference:
        size = reference.size
        wanted = reference.convert("RGB").getpixel((0, 0))
    assert (decoded.width, decoded.height) == size
    bgra = decoded.pixels[0, 0]
    shown = (int(bgra[2]), int(bgra[1]), int(bgra[0]))
    assert all(abs(a - b) <= 3 for a, b in zip(shown, wanted))  # type: ignore[arg-type]
    if format_id not in NOT_RGB:
        assert all(abs(a - b) <= 3 for a, b in zip(shown, RED))


def test_pfm_shows_its_float_pixels() -> None:
    decoded = decode_bytes(PFM(), "sample.pfm")
    assert (decoded.width, decoded.height) == SIZE
    grey = decoded.pixels[..., 0]
    assert int(grey[0, 0]) != int(grey[-1, -1])  # the two colours stay apart after scaling
    assert np.all(decoded.pixels[..., 3] == 255)


def test_a_missing_plugin_is_named_and_its_files_still_listed() -> None:
    def fail(module: str) -> object:
        raise ImportError(f"No module named {module!r}")

    missing = register_plugins(importer=fail)
    assert set(missing) == {plugin.format for plugin in PLUGINS}
    plugin = missing_plugin("IMG_0001.HEIC", missing)
    assert plugin is not None and plugin.package == "pillow-heif"
    assert "pip install pillow-heif" in missing_message("IMG_0001.HEIC", plugin)
    assert missing_plugin("photo.jpg", missing) is None
    assert ".heic" in image_extensions()
    assert register_plugins() == {}  # the real registration is untouched: both are installed


def test_a_folder_lists_every_kind(tmp_path: object) -> None:
    names = [*sorted(f"photo{ext}" for ext in ASKED), "notes.txt", "photo.eps"]
    for name in names:
        with open(os.path.join(str(tmp_path), name), "wb") as file:
            file.write(b"\0")
    listed = list_image_names(str(tmp_path))
    assert sorted(listed) == sorted(f"photo{ext}" for ext in ASKED)


def test_opening_a_file_whose_plugin_is_missing_names_the_package(tmp_path: object) -> None:
    """In a fresh interpreter where pillow_heif cannot be imported, as on a platform without
    its wheel: the HEIC is listed, and opening it says what to install."""
    import subprocess
    import sys

    path = os.path.join(str(tmp_path), "IMG_0001.HEIC")
    with open(path, "wb") as file:
        file.write(b"\0\0\0\x18ftypheic" + bytes(64))
    script = (
        "import sys; sys.modules['pillow_heif'] = None\n"  # import fails as if not installed
        "from viewer.core.io.reading import DecodeError\n"
        "from viewer.core.formats.load import load_image\n"
        "from viewer.core.folder.sequence import list_image_names\n"
        f"print(list_image_names({str(tmp_path)!r}))\n"
        f"try:\n    load_image({path!r})\nexcept DecodeError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    listed, message = done.stdout.strip().splitlines()
    assert listed == "['IMG_0001.HEIC']"
    assert "pip install pillow-heif" in message


def test_the_extensions_known_without_pillow_are_all_in_its_registry() -> None:
    """``ALWAYS_IMAGES`` answers before Pillow is imported; it must never list more."""
    assert image_extensions() >= ALWAYS_IMAGES
