from __future__ import annotations

import os

from PyQt5.QtCore import QSettings

from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.settings.defaults import RECENT_LIMIT
from viewer.settings.store import Preferences, Settings


def test_settings_live_in_the_test_folder(private_settings):
    settings = QSettings(
        QSettings.defaultFormat(), QSettings.UserScope, "viewer", "Viewer"
    ).fileName()
    assert settings.startswith(private_settings)


def test_recent_folders_newest_first_without_duplicates_at_most_ten(tmp_path):
    settings = Settings()
    for number in range(RECENT_LIMIT + 3):
        settings.add_recent_folder(f"/share/{number}")
    settings.add_recent_folder("/share/5")
    folders = settings.recent_folders()
    assert len(folders) == RECENT_LIMIT == 10
    assert folders[:3] == ["/share/5", "/share/12", "/share/11"]
    assert folders.count("/share/5") == 1


def test_recent_folders_menu_opens_a_folder(qtbot, make_window, image_folder, tmp_path):
    window = make_window()
    open_at(qtbot, window, image_folder, 3)
    other = make_window()
    other.recent_menu.rebuild()
    actions = other.recent_menu.actions()
    assert [action.data() for action in actions] == [image_folder]
    actions[0].trigger()
    qtbot.waitUntil(lambda: shown(other, 0), timeout=TIMEOUT_MS)


def test_empty_recent_menu_says_so(make_window):
    actions = make_window().recent_menu.actions()
    assert [action.text() for action in actions] == ["(none yet)"]
    assert not actions[0].isEnabled()


def test_offer_to_reopen_the_last_place(qtbot, make_window, image_folder):
    first = make_window()
    open_at(qtbot, first, image_folder, 0)
    first.go_last()
    qtbot.waitUntil(lambda: shown(first, 11), timeout=TIMEOUT_MS)
    first.close()
    second = make_window()
    with qtbot.waitSignal(second.reopening.decided, timeout=TIMEOUT_MS):
        second.offer_reopen()  # the file is looked for off the GUI thread
    offer = second.reopening.offer
    assert offer is not None and offer.isVisible()
    assert offer.text() == "Reopen images at 12.jpg"
    offer.click()
    qtbot.waitUntil(lambda: shown(second, 11), timeout=TIMEOUT_MS)
    assert not offer.isVisible()


def test_no_offer_when_the_last_image_is_gone(qtbot, make_window, image_folder):
    first = make_window()
    open_at(qtbot, first, image_folder, 2)
    first.close()
    os.remove(os.path.join(image_folder, "3.jpg"))
    second = make_window()
    with qtbot.waitSignal(second.reopening.decided, timeout=TIMEOUT_MS) as decided:
        second.offer_reopen()
    assert decided.args == [False] and second.reopening.offer is None


def test_geometry_and_full_screen_are_restored(qtbot, make_window):
    first = make_window()
    first.resize(700, 500)
    first.close()
    second = make_window()
    second.show_restored()
    assert (second.width(), second.height()) == (700, 500)
    assert not second.isFullScreen()
    second.fullscreen.set_active(True)
    second.close()
    third = make_window()
    third.show_restored()
    assert third.isFullScreen() and third.statusBar().isHidden()
    third.fullscreen.set_active(False)
    assert (third.width(), third.height()) == (700, 500)


def test_preferences_round_trip_and_bad_values_fall_back(private_settings):
    settings = Settings()
    assert settings.preferences() == Preferences()
    wanted = Preferences(cache_images=4, cache_mb=300, ahead=5, behind=0, threads=3)
    settings.save_preferences(wanted)
    assert Settings().preferences() == wanted
    raw = QSettings(QSettings.defaultFormat(), QSettings.UserScope, "viewer", "Viewer")
    raw.setValue("preferences/threads", "lots")
    raw.setValue("preferences/cache_images", 0)
    assert Settings(raw).preferences() == Preferences(cache_mb=300, ahead=5, behind=0)
