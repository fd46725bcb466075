"""The colour preferences: each edit announces the settings; bad profile files are refused."""

from __future__ import annotations

import os

from PyQt5.QtWidgets import QPushButton

from tests.builders import grey_cmyk_profile
from viewer.core.formats.colour.choice import INTENTS, ColourSettings
from viewer.core.formats.colour.icc import ADOBE_RGB, icc_bytes
from viewer.ui.dialogs.colour_preferences import SRGB_TEXT, ColourPreferences


def _file(folder: object, name: str, data: bytes) -> str:
    path = os.path.join(str(folder), name)
    with open(path, "wb") as file:
        file.write(data)
    return path


def test_edits_are_announced(qtbot, tmp_path) -> None:
    monitor = _file(tmp_path, "monitor.icc", icc_bytes(ADOBE_RGB))
    box = ColourPreferences(ColourSettings(), choose_file=lambda parent: monitor)
    qtbot.addWidget(box)
    assert box.profile_label.text() == SRGB_TEXT
    with qtbot.waitSignal(box.changed, timeout=5000) as changed:
        box.enabled.setChecked(False)
    assert changed.args[0].enabled is False
    with qtbot.waitSignal(box.changed, timeout=5000) as changed:
        box.intent.setCurrentText("Relative colorimetric")
    assert changed.args[0].intent == INTENTS["Relative colorimetric"]
    with qtbot.waitSignal(box.changed, timeout=5000) as changed:
        _click(box, "Choose…")
    assert changed.args[0].monitor_profile == monitor
    assert box.profile_label.text() == "monitor.icc"
    with qtbot.waitSignal(box.changed, timeout=5000) as changed:
        _click(box, "Use sRGB")
    assert changed.args[0].monitor_profile is None


def test_a_file_that_is_no_display_profile_is_refused(qtbot, tmp_path) -> None:
    cmyk = _file(tmp_path, "press.icc", grey_cmyk_profile())
    box = ColourPreferences(ColourSettings(), choose_file=lambda parent: cmyk)
    qtbot.addWidget(box)
    with qtbot.assertNotEmitted(box.changed):
        _click(box, "Choose…")
    assert "not an RGB display profile" in box.problem.text()
    assert box.settings().monitor_profile is None


def _click(box: ColourPreferences, text: str) -> None:
    for button in box.findChildren(QPushButton):
        if button.text() == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r}")
