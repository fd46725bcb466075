"""The command line, parsed and checked before any Qt object exists.

Bad input gets one line on stderr and exit status 2, never a traceback, so the viewer can be
started from scripts and file managers and fail clearly. Only cheap checks run here (the path
exists, the folder opens, the file has an image extension): listing a huge folder on a share
takes seconds, so it happens on a worker while the window shows progress. What only the
listing can tell (no images, ``--start`` past the end) is reported the same way by the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, NoReturn

from viewer import __version__
from viewer.core.folder.sequence import (
    DEFAULT_POLL_SECONDS,
    SequenceError,
    check_readable,
    is_image_name,
)
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.io.paths import folder_of, name_of
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT

USAGE_ERROR = 2

#: Tuning options and their defaults. Given on the command line, they win over saved
#: preferences for that run; left out, the saved preferences apply.
TUNING: dict[str, int] = {
    "ahead": ReadAheadPlan().ahead,
    "behind": ReadAheadPlan().behind,
    "threads": 2,
    "cache_images": DEFAULT_MAX_COUNT,
    "cache_mb": DEFAULT_MAX_COST >> 20,
}
#: Saved preferences the command line can also set for one run, with their defaults.
_ALSO_PREFERENCES: dict[str, float] = {
    "poll_seconds": DEFAULT_POLL_SECONDS,
    "max_image_mb": DEFAULT_MAX_IMAGE_BYTES >> 20,
}


class UsageError(Exception):
    """A command line that cannot be carried out; ``str()`` is the line to print."""


@dataclass
class Options:
    """What the user asked for, validated."""

    path: str | None
    start: int | None
    poll_seconds: float
    plan: ReadAheadPlan
    threads: int
    max_images: int
    max_bytes: int
    overrides: dict[str, Any] = field(default_factory=dict)  # Preferences field → value
    max_image_bytes: int = DEFAULT_MAX_IMAGE_BYTES
    is_folder: bool = False  # ``path`` is a folder (checked once, before Qt starts)
    demo_to_make: int = 0  # ``--demo`` on its first run: images still to be made in ``path``
    demo_waits: bool = False  # the demo's first image is among them: the window waits for it
    recursive: bool = False  # browse the folder with its subfolders, as one sequence


class ListKeys(Exception):
    """``--list-keys``: print the keys in force instead of starting (``print_keys``)."""


def print_keys() -> int:
    """Print the keys in force, one command a line; a keys file refused is said on stderr."""
    from viewer.ui.keys.bindings import listing, load_bindings

    bindings = load_bindings()
    if bindings.problem is not None:
        print(f"viewer: {bindings.problem}", file=sys.stderr)
    print(listing(bindings.commands))
    return 0


class DesktopCommand(Exception):
    """``--install-desktop`` or ``--uninstall-desktop``: do that instead of starting."""

    def __init__(self, install: bool) -> None:
        super().__init__("install" if install else "uninstall")
        self.install = install


def run_desktop(install: bool) -> int:
    """Put the desktop entry and icon in place (or take them away), saying what was done."""
    from viewer.desktop import install as desktop

    try:
        outcome = desktop.install() if install else desktop.uninstall()
    except OSError as error:
        return fail(f"cannot {'install' if install else 'uninstall'} the desktop entry: {error}")
    print("\n".join(outcome.lines))
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _whole_number(text: str, smallest: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < smallest:
        raise argparse.ArgumentTypeError(f"must be {smallest} or more, not {value}")
    return value


def _positive(text: str) -> int:
    return _whole_number(text, 1)


def _count(text: str) -> int:
    return _whole_number(text, 0)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="viewer",
        description="Browse a folder of large images; the next one is already loaded.",
        epilog="Tuning options left out take their values from the saved Preferences.",
    )
    parser.add_argument("path", nargs="?", help="a folder, or an image file to open its folder at")
    parser.add_argument(
        "--start", type=_positive, metavar="N", help="open at the Nth image (1-based)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a built-in folder of sample images"
    )
    parser.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="browse the folder with all its subfolders as one sequence, by folder then name",
    )
    parser.add_argument(
        "--list-keys",
        action="store_true",
        help="print the keys in force (yours, if you changed them) and exit",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add the viewer to the application menu and to Open With (under "
        "$XDG_DATA_HOME, default ~/.local/share) and exit",
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop added and exit",
    )
    _add_tuning(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser  # fmt: skip


def _add_tuning(parser: argparse.ArgumentParser) -> None:
    """The options that override a saved Preference for this run (``None``: not given)."""
    max_image = DEFAULT_MAX_IMAGE_BYTES >> 20
    options: list[tuple[str, Callable[[str], object], str, str]] = [
        ("--ahead", _count, "N",
         f"images to read ahead in the direction of travel (default {TUNING['ahead']})"),
        ("--behind", _count, "N", f"images to keep behind (default {TUNING['behind']})"),
        ("--threads", _positive, "N",
         f"worker threads reading and decoding (default {TUNING['threads']})"),
        ("--cache-images", _positive, "N",
         f"images kept in memory (default {TUNING['cache_images']})"),
        ("--cache-mb", _positive, "MB",
         f"memory for kept images, in MiB (default {TUNING['cache_mb']})"),
        ("--max-image-mb", _positive, "MB",
         "most memory decoding one image may take, in MiB; larger JPEGs are shown "
         f"reduced, other formats refused (default {max_image})"),
    ]  # fmt: skip
    for flag, kind, metavar, text in options:
        parser.add_argument(flag, type=kind, default=None, metavar=metavar, help=text)
    parser.add_argument(
        "--poll",
        dest="poll_seconds",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="re-list the folder this often to notice changes; 0 turns it off "
        f"(default {DEFAULT_POLL_SECONDS:g})",
    )


def parse(argv: list[str]) -> Options:
    """Parse and check ``argv`` (without the program name). Raises ``UsageError``."""
    args = build_parser().parse_args(argv)
    if args.list_keys:
        raise ListKeys()
    if args.install_desktop or args.uninstall_desktop:
        raise DesktopCommand(install=args.install_desktop)
    if args.demo and args.path:
        raise UsageError("--demo opens its own folder; give no path with it")
    path: str | None = args.path
    demo_to_make, demo_waits = 0, False
    if args.demo:
        path, demo_to_make, demo_waits = _demo_folder()
    if path is None and args.start is not None:
        raise UsageError("--start needs a folder to start in")
    is_folder = demo_waits or (path is not None and _check(path, args.start))
    given = [*TUNING, *_ALSO_PREFERENCES]
    overrides: dict[str, Any] = {
        name: getattr(args, name) for name in given if getattr(args, name) is not None
    }
    tuning = {**TUNING, **{name: int(overrides[name]) for name in TUNING if name in overrides}}
    chosen = {**_ALSO_PREFERENCES, **overrides}
    return Options(
        path=path,
        start=args.start,
        poll_seconds=chosen["poll_seconds"],
        plan=ReadAheadPlan(tuning["ahead"], tuning["behind"]),
        threads=tuning["threads"],
        max_images=tuning["cache_images"],
        max_bytes=tuning["cache_mb"] << 20,
        overrides=overrides,
        max_image_bytes=int(chosen["max_image_mb"]) << 20,
        is_folder=is_folder,
        demo_to_make=demo_to_make,
        demo_waits=demo_waits,
        recursive=args.recursive,
    )


def _demo_folder() -> tuple[str, int, bool]:
    """The demo's folder, made if need be; how many of its images are still to be made (they
    are made while the window is open, not here), and whether the first is one of them."""
    from viewer.demo.folder import demo_folder, missing_demo_images

    folder = demo_folder()
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot make the demo's folder {folder}: {error.strerror}") from None
    missing = missing_demo_images(folder)
    return folder, len(missing), "1.jpg" in missing


def _check(path: str, start: int | None) -> bool:
    """Refuse a path the viewer cannot open; returns whether it is a folder."""
    if not os.path.exists(path):
        raise UsageError(f"no such file or folder: {path}")
    if os.path.isdir(path):
        _check_readable(path)
        return True
    if start is not None:
        raise UsageError("--start goes with a folder, not a file")
    if not is_image_name(name_of(path)):
        raise UsageError(f"not an image file this viewer opens: {path}")
    _check_readable(folder_of(path))
    return False


def _check_readable(folder: str) -> None:
    try:
        check_readable(folder)
    except SequenceError as error:
        raise UsageError(sentence_to_clause(str(error))) from None


def sentence_to_clause(message: str) -> str:
    """``No images in folder: X`` → ``no images in folder: X``, to follow ``viewer: error:``."""
    return message[:1].lower() + message[1:]


def start_out_of_range(start: int, folder: str, count: int) -> str | None:
    """The error for ``--start`` past the end of a listed folder, or None if it is in range."""
    if start <= count:
        return None
    return f"--start {start} is out of range: {folder} has {count} images (use 1 to {count})"


def fail(message: str) -> int:
    """Print the one-line error and return the exit status for it."""
    print(f"viewer: error: {message}", file=sys.stderr)
    return USAGE_ERROR
