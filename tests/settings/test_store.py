"""The sort order and colour management are remembered; junk in the file gives defaults."""

from __future__ import annotations

from dataclasses import replace

from PyQt5.QtCore import QSettings

from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.core.formats.colour.choice import INTENTS, ColourSettings
from viewer.settings.store import Settings


def test_sort_choice_round_trips(private_settings) -> None:
    assert Settings().sort_choice() == SortChoice()
    Settings().set_sort_choice(SortChoice(SortKey.DATE_TAKEN, reverse=True))
    assert Settings().sort_choice() == SortChoice(SortKey.DATE_TAKEN, reverse=True)


def test_colour_settings_round_trip(private_settings) -> None:
    assert Settings().colour_settings() == ColourSettings()
    chosen = ColourSettings(False, "/profiles/monitor.icc", INTENTS["Saturation"])
    Settings().save_colour_settings(chosen)
    assert Settings().colour_settings() == chosen


def test_junk_gives_defaults(private_settings) -> None:
    store = QSettings(QSettings.defaultFormat(), QSettings.UserScope, "viewer", "Viewer")
    store.setValue("view/sort", "sideways:up")
    store.setValue("colour/intent", 99)
    settings = Settings(store)
    assert settings.sort_choice() == SortChoice()
    assert settings.colour_settings().intent == ColourSettings().intent


def test_saving_announces_what_changed(qtbot, private_settings) -> None:
    settings = Settings()
    with qtbot.waitSignal(settings.changed, check_params_cb=lambda group: group == "sort"):
        settings.set_sort_choice(SortChoice(SortKey.SIZE))
    chosen = ColourSettings(True, None, INTENTS["Saturation"])
    with qtbot.waitSignal(settings.colourChanged, check_params_cb=lambda c: c == chosen):
        settings.save_colour_settings(chosen)
    preferences = replace(settings.preferences(), threads=3)
    with qtbot.waitSignal(settings.preferencesChanged, check_params_cb=lambda p: p == preferences):
        settings.save_preferences(preferences)


def test_reading_announces_nothing(qtbot, private_settings) -> None:
    settings = Settings()
    with qtbot.assertNotEmitted(settings.changed):
        settings.preferences()
        settings.sort_choice()
        settings.colour_settings()
