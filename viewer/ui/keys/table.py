"""Every command the window offers, with its keys: one table for actions, help and README.

The three never disagree: a test compares the README with this table.

Keys are ``QKeySequence`` portable strings. This module imports no Qt, so it stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """One window command.

    Attributes:
        name: the slot-free identifier the window wires (``"next"``).
        menu: the menu it appears in (``"File"``, ``"Go"``, ``"View"``, ``"Edit"``, ``"Help"``).
        text: its menu text, with the ``&`` mnemonic.
        help: what it does, as the help overlay and README say it.
        keys: its shortcuts, portable ``QKeySequence`` strings; empty for menu-only commands.
    """

    name: str
    menu: str
    text: str
    help: str
    keys: tuple[str, ...] = ()


COMMANDS: tuple[Command, ...] = (
    Command("next", "Go", "&Next Image", "Next image", ("Right", "Space", "PgDown")),
    Command("previous", "Go", "&Previous Image", "Previous image", ("Left", "Backspace", "PgUp")),
    Command("first", "Go", "&First Image", "First image", ("Home",)),
    Command("last", "Go", "&Last Image", "Last image", ("End",)),
    Command(
        "go_to", "Go", "&Go to Image…", "Go to an image by number or part of its name",
        ("Ctrl+G",),
    ),
    Command(
        "subfolders", "Go", "Include &Subfolders",
        "Browse the folder with all its subfolders as one sequence",
    ),
    Command("open_folder", "File", "Open &Folder…", "Open a folder", ("Ctrl+O",)),
    Command(
        "open_file", "File", "&Open File…", "Open a file (its folder, at that file)",
        ("Ctrl+Shift+O",),
    ),
    Command(
        "open_containing", "File", "Open &Containing Folder",
        "Show the image's folder in the file manager",
    ),
    Command("preferences", "File", "&Preferences…", "Preferences", ("Ctrl+,",)),
    Command("quit", "File", "&Quit", "Quit", ("Ctrl+Q",)),
    Command("copy_image", "Edit", "&Copy Image", "Copy the image", ("Ctrl+C",)),
    Command("copy_path", "Edit", "Copy &Path", "Copy the image's path", ("Ctrl+Shift+C",)),
    Command(
        "trash", "Edit", "Move to &Trash", "Move the image (or the marked ones) to the trash",
        ("Del",),
    ),
    Command(
        "delete", "Edit", "&Delete Permanently…", "Delete permanently, after asking",
        ("Shift+Del",),
    ),
    Command(
        "move_to", "Edit", "&Move to…", "Move to one of the last nine folders (keys 1–9)",
        ("F7",),
    ),
    Command(
        "copy_to", "Edit", "Cop&y to…", "Copy to one of the last nine folders (keys 1–9)",
        ("F8",),
    ),
    Command("rename", "Edit", "&Rename…", "Rename the image", ("F2",)),
    Command("undo", "Edit", "&Undo", "Undo the last file operation (up to 20)", ("Ctrl+Z",)),
    Command("mark", "Edit", "M&ark", "Mark or unmark the image", ("M",)),
    Command("rate_0", "Rate", "&No Stars", "Clear the stars (unrated)", ("0",)),
    *(
        Command(
            f"rate_{n}", "Rate", f"&{n} Star{'s' if n > 1 else ''}",
            f"{n} star{'s' if n > 1 else ''} (the same key again clears them)", (str(n),),
        )
        for n in range(1, 6)
    ),
    Command("reject", "Rate", "Re&ject", "Reject (the same key again clears it)", ("X",)),
    *(
        Command(
            f"label_{colour.lower()}", "Rate", f"&{colour} Label",
            f"{colour} label (the same key again clears it)", keys,
        )
        for colour, keys in (
            ("Red", ("6",)), ("Yellow", ("7",)), ("Green", ("8",)), ("Blue", ("9",)),
            ("Purple", ()),
        )
    ),
    Command(
        "next_unrated", "Go", "Next &Unrated Image", "Next image without stars or reject",
        ("U",),
    ),
    Command(
        "toggle_show", "View", "Toggle the &Filter",
        "The last View ▸ Show filter on / off (show all)", ("Ctrl+L",),
    ),
    Command("fullscreen", "View", "&Full Screen", "Full screen on / off", ("F11", "F")),
    Command(
        "leave", "View", "&Leave Full Screen",
        "Cancel a file operation, leave full screen or the grid, close help", ("Esc",),
    ),
    Command("rotate_right", "View", "Rotate &Right", "Rotate the view 90° clockwise", ("R",)),
    Command(
        "rotate_left", "View", "Rotate &Left", "Rotate the view 90° anticlockwise", ("Shift+R",)
    ),
    Command("zoom_in", "View", "Zoom &In", "Zoom in (Ctrl+wheel zooms at the cursor)", ("+", "=")),
    Command("zoom_out", "View", "Zoom &Out", "Zoom out", ("-",)),
    Command("actual_size", "View", "&Actual Size", "Actual size (100%)", ("Ctrl+1",)),
    Command("fit", "View", "Fit to &Window", "Fit to the window", ("Ctrl+0",)),
    Command(
        "zoom_toggle", "View", "&Toggle Zoom", "Fit ↔ 100% at the mouse cursor", ("Z",)
    ),
    Command(
        "zoom_lock", "View", "&Lock Zoom", "Keep the zoom when moving to another image", ("L",)
    ),
    Command(
        "info", "View", "Image &Information", "Show or hide the image information panel", ("I",)
    ),
    Command("slideshow", "View", "&Slideshow", "Start or stop the slideshow", ("S",)),
    Command(
        "pause_animation", "View", "&Pause Animation",
        "Pause or play an animated GIF, WebP or PNG", ("K",),
    ),
    Command(
        "grid", "View", "&Grid", "Grid of thumbnails ↔ image (in the grid, Enter opens one)",
        ("Return",),
    ),
    Command("film_strip", "View", "Film &Strip", "Show or hide the film strip", ("T",)),
    Command(
        "compare", "View", "&Compare",
        "Compare side by side: the image and the next, or the 2–4 marked ones (C or Esc leaves)",
        ("C",),
    ),
    Command("peaking", "View", "Focus &Peaking", "Focus peaking: sharp edges in green", ("P",)),
    Command(
        "clipping", "View", "Clipping &Warning",
        "Clipped highlights in red, clipped shadows in blue", ("J",),
    ),
    Command("histogram", "View", "&Histogram", "RGB and luminance histogram", ("H",)),
    Command("help", "Help", "&Keys", "Show or hide this list of keys", ("F1", "?")),
)  # fmt: skip

#: How the README and the help overlay name keys whose portable name reads badly.
_KEY_LABELS = {
    "Right": "→", "Left": "←", "PgDown": "Page Down", "PgUp": "Page Up", "Del": "Delete",
    "Return": "Enter",
}  # fmt: skip


def key_parts(key: str) -> list[str]:
    """``"Ctrl+Shift+O"`` → ``["Ctrl", "Shift", "O"]``, with arrows and pages spelled out."""
    parts = key.split("+") if len(key) > 1 else [key]
    return [_KEY_LABELS.get(part, part) for part in parts]


def command(name: str) -> Command:
    """The command called ``name``; a KeyError names a typo at start-up, not at key press."""
    for candidate in COMMANDS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def keyed_commands() -> list[Command]:
    """The commands that have keys, in table order."""
    return [entry for entry in COMMANDS if entry.keys]


def markdown_table() -> str:
    """The README's key table, exactly."""
    rows = ["| Key | Action |", "|---|---|"]
    for entry in keyed_commands():
        keys = " ".join("+".join(f"<kbd>{p}</kbd>" for p in key_parts(k)) for k in entry.keys)
        rows.append(f"| {keys} | {entry.help} |")
    return "\n".join(rows)


def html_table(columns: int = 1, commands: Sequence[Command] | None = None) -> str:
    """The help overlay's key table, as Qt rich text, its rows in ``columns`` side by side.

    Args:
        commands: the commands with the keys in force (the user's own); default the table's.
    """
    entries = [entry for entry in (COMMANDS if commands is None else commands) if entry.keys]
    per_column = -(-len(entries) // max(1, columns))
    tables = []
    for start in range(0, len(entries), per_column):
        rows = []
        for entry in entries[start : start + per_column]:
            keys = ", ".join("+".join(key_parts(k)) for k in entry.keys)
            rows.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{entry.help}</td></tr>")
        tables.append("<table>" + "".join(rows) + "</table>")
    if len(tables) == 1:
        return tables[0]
    cells = "".join(f'<td valign="top" style="padding-right: 18px">{t}</td>' for t in tables)
    return f"<table><tr>{cells}</tr></table>"
