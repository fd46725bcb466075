"""``viewer --install-desktop`` and ``--uninstall-desktop``: the desktop entry and the icon.

The entry (with its image MIME types) goes to ``$XDG_DATA_HOME/applications`` and the icon to
``$XDG_DATA_HOME/icons/hicolor/scalable/apps`` (``~/.local/share`` when unset), where the app
menu and file managers' "Open With" look. Its ``Exec`` names the command that started this
install, by absolute path: a viewer installed in a virtual environment is not on the desktop's
``PATH``. The caches are refreshed where their tools exist; without them the desktop finds the
entry on its next scan. Qt-free: this runs instead of the window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib.resources import files

ENTRY_NAME = "viewer.desktop"
ICON_NAME = "viewer.svg"
_ICON_FOLDER = os.path.join("icons", "hicolor", "scalable", "apps")


def data_home() -> str:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (as the
    XDG Base Directory specification says)."""
    given = os.environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(given):
        return given
    return os.path.join(os.path.expanduser("~"), ".local", "share")


@dataclass(frozen=True)
class Places:
    """Where the entry and the icon go under one data folder."""

    home: str

    @property
    def entry(self) -> str:
        return os.path.join(self.home, "applications", ENTRY_NAME)

    @property
    def icon(self) -> str:
        return os.path.join(self.home, _ICON_FOLDER, ICON_NAME)

    @property
    def icon_theme(self) -> str:
        return os.path.join(self.home, "icons", "hicolor")


def launch_command() -> list[str]:
    """The command that runs this viewer: the ``viewer`` console script beside the running
    interpreter (a virtual environment's ``bin``) if there is one, else ``python -m viewer``."""
    script = os.path.join(os.path.dirname(os.path.abspath(sys.executable)), "viewer")
    if os.path.isfile(script) and os.access(script, os.X_OK):
        return [script]
    return [os.path.abspath(sys.executable), "-m", "viewer"]


def exec_argument(argument: str) -> str:
    """One argument of an ``Exec`` key, quoted as the Desktop Entry specification asks when it
    holds a space or a reserved character (then ``"``, `````, ``$`` and ``\\`` are escaped)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`=%")
    if not any(char in reserved for char in argument):
        return argument
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    # Inside a desktop file's value, every backslash is itself escaped once more.
    return '"' + escaped.replace("\\", "\\\\").replace("%", "%%") + '"'


def entry_text(command: list[str]) -> str:
    """The packaged entry with its ``Exec`` running ``command`` on the file chosen."""
    packaged = (files("viewer.resources") / ENTRY_NAME).read_text(encoding="utf-8")
    exec_line = "Exec=" + " ".join(exec_argument(part) for part in command) + " %f"
    lines = [exec_line if line.startswith("Exec=") else line for line in packaged.splitlines()]
    return "\n".join(lines) + "\n"


@dataclass
class Outcome:
    """What an install or uninstall did, as lines for the terminal."""

    lines: list[str] = field(default_factory=list)


def install(home: str | None = None, command: list[str] | None = None) -> Outcome:
    """Write the entry and the icon under ``home`` (default ``data_home()``), then refresh."""
    places = Places(home or data_home())
    outcome = Outcome()
    os.makedirs(os.path.dirname(places.entry), exist_ok=True)
    _write_whole(places.entry, entry_text(command or launch_command()).encode("utf-8"))
    outcome.lines.append(f"Installed {places.entry}")
    os.makedirs(os.path.dirname(places.icon), exist_ok=True)
    _write_whole(places.icon, (files("viewer.resources") / ICON_NAME).read_bytes())
    outcome.lines.append(f"Installed {places.icon}")
    outcome.lines += refresh(places)
    return outcome


def uninstall(home: str | None = None) -> Outcome:
    """Remove the entry and the icon ``install`` wrote (nothing else), then refresh."""
    places = Places(home or data_home())
    outcome = Outcome()
    for path in (places.entry, places.icon):
        try:
            os.remove(path)
        except FileNotFoundError:
            outcome.lines.append(f"Not installed: {path}")
        else:
            outcome.lines.append(f"Removed {path}")
    outcome.lines += refresh(places)
    return outcome


def refresh(places: Places) -> list[str]:
    """Run the cache tools that exist: the MIME cache of the entries, and the icon cache if
    the theme folder has one (a stale cache would hide the icon; none is needed otherwise)."""
    commands = [["update-desktop-database", "-q", os.path.dirname(places.entry)]]
    if os.path.exists(os.path.join(places.icon_theme, "icon-theme.cache")):
        commands.append(["gtk-update-icon-cache", "-q", "-f", "-t", places.icon_theme])
    said = []
    for command in commands:
        if shutil.which(command[0]) is None:
            said.append(f"{command[0]} not found: the desktop will notice on its next scan.")
            continue
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            said.append(f"{command[0]} failed: {done.stderr.strip() or done.returncode}")
    return said


def _write_whole(path: str, data: bytes) -> None:
    """Write beside, then rename: a desktop scanning the folder never reads half a file."""
    partial = path + ".part"
    with open(partial, "wb") as file:
        file.write(data)
    os.replace(partial, path)
