"""Keys the user can change: the keys file, Preferences ▸ Keys, --list-keys."""

from __future__ import annotations

import os

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence

from tests.ui.helpers import open_at
from viewer.app import main
from viewer.ui.keys.bindings import (
    apply_keys,
    conflict,
    keys_file,
    load_bindings,
    normal_key,
    save_bindings,
)
from viewer.ui.keys.table import COMMANDS, command


def write_keys(text: str) -> str:
    path = keys_file()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
    return path


def test_keys_are_compared_in_one_spelling():
    assert normal_key("shift+ctrl+g") == normal_key("Ctrl+Shift+G") == "Ctrl+Shift+G"
    assert normal_key("j") == "J"
    assert conflict(COMMANDS) is None


def test_no_file_means_the_table():
    bindings = load_bindings()
    assert bindings.commands == COMMANDS
    assert bindings.problem is None


def test_the_file_changes_only_what_it_names_and_saving_round_trips():
    write_keys('[keys]\nnext = ["N", "Right"]\n')
    bindings = load_bindings()
    assert bindings.problem is None
    assert dict((c.name, c.keys) for c in bindings.commands)["next"] == ("N", "Right")
    assert dict((c.name, c.keys) for c in bindings.commands)["previous"] == command("previous").keys
    save_bindings(apply_keys({"mark": ["B"]}, bindings.commands))
    again = {c.name: c.keys for c in load_bindings().commands}
    assert (again["next"], again["mark"]) == (("N", "Right"), ("B",))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[keys\nnext = ", "Your keys file"),
        ('[keys]\nnope = ["N"]\n', "there is no command called 'nope'"),
        ('[keys]\nnext = "J"\n', "give each command a list of keys"),
        ('[keys]\nnext = ["m"]\n', "cannot do both “Next image” and “Mark or unmark"),
    ],
)
def test_a_broken_file_is_refused_with_a_sentence_and_the_defaults_apply(text, why):
    write_keys(text)
    bindings = load_bindings()
    assert bindings.commands == COMMANDS
    assert bindings.problem is not None and why in bindings.problem
    assert bindings.problem.endswith("the default keys apply.")


def test_saving_a_conflict_is_refused():
    with pytest.raises(ValueError, match="cannot do both"):
        save_bindings(apply_keys({"mark": ["Right"]}))


def test_a_remapped_key_steps_and_shows_in_menu_and_help(qtbot, make_window, image_folder):
    write_keys('[keys]\nnext = ["N"]\n')
    window = make_window()
    open_at(qtbot, window, image_folder, 0)
    qtbot.keyClick(window, Qt.Key_N)
    qtbot.waitUntil(lambda: window.current_index == 1)
    qtbot.keyClick(window, Qt.Key_Right)  # no longer a key of "next"
    assert window.current_index == 1
    assert window.actions_by_name["next"].shortcuts() == [QKeySequence("N")]
    qtbot.keyClick(window, Qt.Key_F1)
    assert "<b>N</b>" in window.help_overlay.text()


def test_a_broken_file_is_said_in_the_status_bar(qtbot, make_window):
    write_keys('[keys]\nnext = ["M"]\n')
    window = make_window()
    assert "was not used" in window.status_area.notice_text()
    assert window.actions_by_name["next"].shortcuts()[0] == QKeySequence("Right")


def test_preferences_keys_refuses_a_conflict_and_saves_the_rest(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 0)
    window.preferences.show()
    window.preferences.dialog.keys_button.click()
    dialog = window.keys.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_keys("mark", "Right")
    dialog.save()
    assert "cannot do both" in dialog.problem
    assert not os.path.exists(keys_file())
    dialog.set_keys("mark", "M")
    dialog.set_keys("next", "N Right")
    dialog.save()
    assert dialog.problem == ""
    assert load_bindings().problem is None
    assert window.actions_by_name["next"].shortcuts() == [QKeySequence("N"), QKeySequence("Right")]
    window.help_overlay.toggle()
    assert "<b>N, →</b>" in window.help_overlay.text()


def test_list_keys_prints_the_keys_in_force(capsys):
    write_keys('[keys]\nnext = ["N"]\n')
    assert main(["--list-keys"]) == 0
    out = capsys.readouterr().out
    assert "N\tNext image" in out.splitlines()
    assert "Home\tFirst image" in out.splitlines()
