from __future__ import annotations

import os

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence

from viewer.ui.keys.table import COMMANDS, command, html_table, key_parts, markdown_table

README = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")


def test_readme_key_table_is_the_code_table():
    with open(README, encoding="utf-8") as file:
        text = file.read()
    start = text.index("| Key | Action |")
    end = text.index("\n\n", start)
    assert text[start:end] == markdown_table()


def test_every_command_is_an_action_with_its_keys(make_window):
    window = make_window()
    assert set(window.actions_by_name) == {entry.name for entry in COMMANDS}
    for entry in COMMANDS:
        shortcuts = window.actions_by_name[entry.name].shortcuts()
        assert shortcuts == [QKeySequence(key) for key in entry.keys]


def test_no_key_is_bound_twice():
    keys = [QKeySequence(key).toString() for entry in COMMANDS for key in entry.keys]
    assert len(keys) == len(set(keys))


def test_key_names_read_well():
    assert key_parts("Ctrl+Shift+O") == ["Ctrl", "Shift", "O"]
    assert key_parts("PgDown") == ["Page Down"]
    assert key_parts("?") == ["?"]
    with pytest.raises(KeyError):
        command("no-such-command")


@pytest.mark.parametrize(("key", "modifier"), [(Qt.Key_F1, Qt.NoModifier), ("?", None)])
def test_help_overlay_lists_every_key(qtbot, make_window, key, modifier):
    window = make_window()
    assert not window.help_overlay.isVisible()
    if modifier is None:
        qtbot.keyClicks(window, key)
    else:
        qtbot.keyClick(window, key, modifier)
    assert window.help_overlay.isVisible()
    assert window.help_overlay.fits()
    for entry in COMMANDS:
        if entry.keys:
            assert entry.help in window.help_overlay.text()
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.help_overlay.isVisible()


@pytest.mark.parametrize("size", [(1366, 700), (1093, 614), (1024, 600)])
def test_help_overlay_fits_small_windows_with_every_key(qtbot, make_window, size):
    window = make_window()
    window.resize(*size)
    qtbot.keyClick(window, Qt.Key_F1)
    qtbot.waitUntil(window.help_overlay.fits)
    for entry in COMMANDS:
        if entry.keys:
            assert entry.help in window.help_overlay.text()


def test_help_overlay_lays_out_again_when_the_window_shrinks(qtbot, make_window):
    window = make_window()
    window.resize(1400, 2000)  # tall enough for every key in one column
    qtbot.keyClick(window, Qt.Key_F1)
    assert window.help_overlay.columns == 1
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.help_overlay.columns > 1)
    assert window.help_overlay.fits()


def test_the_help_table_splits_into_columns():
    one, two = html_table(1), html_table(2)
    assert one.count("<tr>") == len([entry for entry in COMMANDS if entry.keys])
    assert two.count("<table>") == 3  # two columns, side by side in one more
