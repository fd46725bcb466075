"""The user's own keys: ``keys.toml`` in the config folder, over the table in ``keys.py``.

The file names only what the user changed, one line per command::

    [keys]
    next = ["Right", "Space", "J"]
    mark = ["K"]

Keys are ``QKeySequence`` portable strings, as in the table. A file that cannot be read or
parsed, names an unknown command, or gives one key to two commands is refused as a whole,
with a sentence that says why, and the defaults apply. No Qt here: the command line's
``--list-keys`` reads the file before Qt starts.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from platformdirs import user_config_dir

from viewer.ui.keys.table import COMMANDS, Command

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - older Pythons
    import tomli as tomllib

MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")


@dataclass(frozen=True)
class Bindings:
    """The commands with the keys in force, and what was wrong with the file, if anything.

    Attributes:
        commands: the table, with the user's keys where the file gives them.
        problem: a sentence saying why the file was refused (None: read, or absent).
    """

    commands: tuple[Command, ...]
    problem: str | None = None


def keys_file() -> str:
    """Where the user's keys are kept (``$XDG_CONFIG_HOME/viewer/keys.toml`` on Linux)."""
    return os.path.join(user_config_dir("viewer", appauthor=False), "keys.toml")


def normal_key(key: str) -> str:
    """One spelling per key, to compare them: ``shift+ctrl+g`` → ``Ctrl+Shift+G``."""
    parts = key.split("+") if len(key) > 1 else [key]
    if len(parts) > 1 and parts[-1] == "":  # "Ctrl++"
        parts = [*parts[:-2], "+"]
    mods = {part.capitalize() for part in parts[:-1]}
    last = parts[-1]
    last = last.upper() if len(last) == 1 else last[:1].upper() + last[1:]
    return "+".join([*(m for m in MODIFIERS if m in mods), last])


def conflict(commands: Sequence[Command]) -> str | None:
    """The sentence refusing a key given to two commands, or None if every key is one's."""
    owners: dict[str, Command] = {}
    for entry in commands:
        for key in entry.keys:
            other = owners.setdefault(normal_key(key), entry)
            if other is not entry:
                return (f"The key {key} cannot do both “{other.help}” and “{entry.help}”; "
                        "give one of them another key.")  # fmt: skip
    return None


def apply_keys(
    changed: Mapping[str, Sequence[str]], commands: Sequence[Command] = COMMANDS
) -> tuple[Command, ...]:
    """The commands with ``changed`` keys (by command name); a KeyError names an unknown one."""
    names = {entry.name for entry in commands}
    for name in changed:
        if name not in names:
            raise KeyError(name)
    return tuple(
        replace(entry, keys=tuple(changed[entry.name])) if entry.name in changed else entry
        for entry in commands
    )


def load_bindings(path: str | None = None) -> Bindings:
    """The keys in force: the table, with the file's keys if it is there and sound."""
    path = keys_file() if path is None else path
    try:
        with open(path, "rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        return Bindings(COMMANDS)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return _refused(path, str(error))
    table = data.get("keys", {})
    if not isinstance(table, dict) or not all(
        isinstance(keys, list) and all(isinstance(k, str) and k for k in keys)
        for keys in table.values()
    ):
        return _refused(path, 'give each command a list of keys, as next = ["Right", "J"]')
    try:
        commands = apply_keys(table)
    except KeyError as error:
        return _refused(path, f"there is no command called {error.args[0]!r}")
    problem = conflict(commands)
    if problem is not None:
        return _refused(path, problem[:1].lower() + problem[1:].rstrip("."))
    return Bindings(commands)


def save_bindings(commands: Sequence[Command], path: str | None = None) -> None:
    """Write the keys that differ from the table's; refuses (ValueError) a conflict."""
    problem = conflict(commands)
    if problem is not None:
        raise ValueError(problem)
    defaults = {entry.name: entry.keys for entry in COMMANDS}
    lines = ["# The viewer's keys that differ from its defaults (Preferences ▸ Keys).", "[keys]"]
    for entry in commands:
        if entry.keys != defaults.get(entry.name):
            lines.append(f"{entry.name} = [{', '.join(json.dumps(k) for k in entry.keys)}]")
    path = keys_file() if path is None else path
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


def listing(commands: Sequence[Command]) -> str:
    """The keys in force as ``viewer --list-keys`` prints them: key(s), a tab, what they do."""
    return "\n".join(f"{', '.join(entry.keys)}\t{entry.help}" for entry in commands if entry.keys)


def _refused(path: str, why: str) -> Bindings:
    return Bindings(
        COMMANDS, f"Your keys file {path} was not used ({why}); the default keys apply."
    )
