"""Each folder remembers the image last viewed there, for the last hundred folders."""

from __future__ import annotations

import os

from viewer.settings.defaults import PLACES_LIMIT
from viewer.settings.start import StartSettings
from viewer.settings.store import Settings


def test_each_folder_keeps_its_own_place(private_settings) -> None:
    settings = Settings()
    settings.remember_place("/share/a", "/share/a/3.jpg")
    settings.remember_place("/share/b", "/share/b/7.jpg")
    settings.remember_place("/share/a/", "/share/a/4.jpg")  # the same folder, spelt otherwise
    assert Settings().place_in("/share/a") == "4.jpg"
    assert Settings().place_in("/share/./b") == "7.jpg"
    assert Settings().place_in("/share/c") is None


def test_a_place_below_the_folder_is_kept_relative(private_settings) -> None:
    Settings().remember_place("/card", "/card/DCIM/101CANON/IMG_2.JPG")
    assert Settings().place_in("/card") == os.path.join("DCIM", "101CANON", "IMG_2.JPG")


def test_the_last_hundred_folders_are_kept(private_settings) -> None:
    settings = Settings()
    for number in range(PLACES_LIMIT + 5):
        settings.remember_place(f"/share/{number}", f"/share/{number}/x.jpg")
    settings.remember_place("/share/5", "/share/5/y.jpg")  # used again: it stays
    assert PLACES_LIMIT == 100
    assert settings.place_in("/share/4") is None  # the oldest went
    assert settings.place_in("/share/6") == "x.jpg"
    assert settings.place_in("/share/5") == "y.jpg"
    assert settings.place_in(f"/share/{PLACES_LIMIT + 4}") == "x.jpg"


def test_the_early_start_reads_the_same_places(private_settings) -> None:
    Settings().remember_place("/share/a", "/share/a/9.jpg")
    assert StartSettings().place_in("/share/a") == "9.jpg"
