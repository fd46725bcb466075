"""The window's share of issue 13: the I panel, Sort By, the slideshow and colour settings."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime

from tests.builders import exif_with, jpeg_with_exif
from tests.ui.helpers import shown
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.model.images.load_task import FileLoader
from viewer.settings.store import Settings

#: Name → the day it was taken (None: no EXIF date); name order differs from date order.
TAKEN = {"a.jpg": 20, "b.jpg": 5, "c.jpg": 12, "d.jpg": None}


def _folder(tmp_path: object) -> str:
    folder = os.path.join(str(tmp_path), "photos")
    os.makedirs(folder)
    for name, day in TAKEN.items():
        taken = None if day is None else datetime(2024, 3, day, 10, 0, 0)
        with open(os.path.join(folder, name), "wb") as file:
            file.write(jpeg_with_exif(exif_with(taken=taken, tag_8827=400)))
    return folder


def _opened(qtbot, window, folder: str) -> None:
    with qtbot.waitSignal(window.opened, timeout=TIMEOUT_MS):
        window.open_path(folder)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)


def test_info_panel_shows_the_current_images_facts(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    folder = _folder(tmp_path)
    _opened(qtbot, window, folder)
    window.actions_by_name["info"].trigger()
    panel = window.aids.details.panel
    qtbot.waitUntil(lambda: "Canon EOS R5" in panel.plain_text(), timeout=TIMEOUT_MS)
    shown_rows = dict(panel.rows())
    assert shown_rows["ISO"] == "400"
    assert shown_rows["Date taken"] == "2024-03-20 10:00:00"
    assert shown_rows["Path"] == os.path.join(folder, "a.jpg")
    window.go_next()
    qtbot.waitUntil(lambda: dict(panel.rows()).get("Date taken") == "2024-03-05 10:00:00",
                    timeout=TIMEOUT_MS)  # fmt: skip
    window.actions_by_name["info"].trigger()
    assert not panel.isVisible()


def test_date_order_arrives_and_keeps_the_current_image(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    folder = _folder(tmp_path)
    _opened(qtbot, window, folder)
    window.go_next()  # b.jpg
    qtbot.waitUntil(lambda: shown(window, 1), timeout=TIMEOUT_MS)
    window.aids.sorting.menu.orders[SortKey.DATE_TAKEN].trigger()
    wanted = ["b.jpg", "c.jpg", "a.jpg", "d.jpg"]  # by date, the undated last
    qtbot.waitUntil(lambda: window.sequence.names == wanted, timeout=TIMEOUT_MS)
    assert window.current_path() == os.path.join(folder, "b.jpg")
    assert window.current_index == 0
    assert [window.model.path(i) for i in range(4)] == [os.path.join(folder, n) for n in wanted]
    assert Settings().sort_choice() == SortChoice(SortKey.DATE_TAKEN)

    window.aids.sorting.menu.reverse.trigger()
    qtbot.waitUntil(lambda: window.sequence.names == ["a.jpg", "c.jpg", "b.jpg", "d.jpg"],
                    timeout=TIMEOUT_MS)  # fmt: skip
    assert window.current_path() == os.path.join(folder, "b.jpg")


def test_a_new_window_opens_in_the_remembered_order(qtbot, make_window, tmp_path) -> None:
    Settings().set_sort_choice(SortChoice(SortKey.DATE_TAKEN, reverse=True))
    window = make_window()
    assert window.aids.sorting.menu.choice() == SortChoice(SortKey.DATE_TAKEN, reverse=True)
    _opened(qtbot, window, _folder(tmp_path))
    qtbot.waitUntil(lambda: window.sequence.names == ["a.jpg", "c.jpg", "b.jpg", "d.jpg"],
                    timeout=TIMEOUT_MS)  # fmt: skip


def test_slideshow_moves_on_and_stops(qtbot, make_window, tmp_path) -> None:
    settings = Settings()
    settings.save_preferences(replace(settings.preferences(), slideshow_seconds=1))
    window = make_window()
    _opened(qtbot, window, _folder(tmp_path))
    with qtbot.waitSignal(window.aids.slideshow.runningChanged, timeout=TIMEOUT_MS):
        window.actions_by_name["slideshow"].trigger()
    assert window.status_area.notice_text() == "Slideshow started."
    qtbot.waitUntil(lambda: shown(window, 1), timeout=TIMEOUT_MS)
    window.actions_by_name["slideshow"].trigger()
    assert not window.aids.slideshow.is_running()


def test_colour_preferences_reach_the_loader_and_are_saved(qtbot, make_window) -> None:
    window = make_window()
    window.preferences.show()
    dialog = window.preferences.dialog
    assert dialog is not None
    dialog.colour.enabled.setChecked(False)
    loader = window.model.loader
    assert isinstance(loader, FileLoader)
    assert loader.colour.settings.enabled is False
    assert Settings().colour_settings().enabled is False
    dialog.boxes["slideshow_seconds"].setValue(7)
    assert Settings().preferences().slideshow_seconds == 7
    dialog.close()


def test_slideshow_stops_at_the_last_image(qtbot, make_window, tmp_path) -> None:
    settings = Settings()
    settings.save_preferences(replace(settings.preferences(), slideshow_seconds=1))
    window = make_window()
    _opened(qtbot, window, _folder(tmp_path))
    window.go_last()
    qtbot.waitUntil(lambda: shown(window, 3), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.aids.slideshow.runningChanged, timeout=TIMEOUT_MS,
                          check_params_cb=lambda running: not running):  # fmt: skip
        window.aids.slideshow.start()
    assert window.current_index == 3
    assert window.status_area.notice_text() == "Slideshow stopped."
