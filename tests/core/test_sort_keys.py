"""Sort orders: stable, missing keys last in name order, date taken from the file's head."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.builders import exif_with, jpeg_bytes, jpeg_with_exif, tiff_block, write_dng
from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.core.folder.sort_keys import FileFacts, read_file_facts, sorted_names

DAY = datetime(2024, 6, 1, 12, 0, 0)


def _dated(**days: int | None) -> dict[str, FileFacts]:
    return {f"{name}.jpg": FileFacts(None if d is None else DAY + timedelta(days=d))
            for name, d in days.items()}  # fmt: skip


def test_name_order_is_natural_and_reversible() -> None:
    names = ["10.jpg", "2.jpg", "1.jpg", "b.png", "A.png"]
    assert sorted_names(names, SortChoice()) == ["1.jpg", "2.jpg", "10.jpg", "A.png", "b.png"]
    assert sorted_names(names, SortChoice(reverse=True))[0] == "b.png"


def test_missing_dates_go_last_in_name_order_either_way() -> None:
    facts = _dated(c=2, a=None, b=1, d=None, e=3)
    names = list(facts)[::-1]
    forward = sorted_names(names, SortChoice(SortKey.DATE_TAKEN), facts)
    backward = sorted_names(names, SortChoice(SortKey.DATE_TAKEN, reverse=True), facts)
    assert forward == ["b.jpg", "c.jpg", "e.jpg", "a.jpg", "d.jpg"]
    assert backward == ["e.jpg", "c.jpg", "b.jpg", "a.jpg", "d.jpg"]


def test_names_not_yet_read_wait_at_the_end() -> None:
    facts = _dated(x=5)
    assert sorted_names(["z.jpg", "x.jpg", "y.jpg"], SortChoice(SortKey.DATE_TAKEN), facts) == [
        "x.jpg", "y.jpg", "z.jpg"]  # fmt: skip


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.one_of(st.none(), st.integers(0, 3))),
                unique_by=lambda pair: pair[0]),
       st.booleans())  # fmt: skip
def test_equal_dates_keep_name_order_and_sorting_is_stable(
    pairs: list[tuple[str, int | None]], reverse: bool
) -> None:
    facts = _dated(**dict(pairs))
    choice = SortChoice(SortKey.DATE_TAKEN, reverse)
    once = sorted_names(list(facts), choice, facts)
    assert sorted_names(once[::-1], choice, facts) == once
    dates = [facts[name].date_taken for name in once]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=reverse)
    assert all(d is None for d in dates[len(known) :])
    for first, second in zip(once, once[1:]):
        if facts[first].date_taken == facts[second].date_taken:
            assert first < second


def test_size_modified_and_type_orders() -> None:
    facts = {"a.png": FileFacts(mtime_ns=3, size=10), "b.jpg": FileFacts(mtime_ns=1, size=30),
             "c.jpg": FileFacts(mtime_ns=2, size=20)}  # fmt: skip
    names = list(facts)
    assert sorted_names(names, SortChoice(SortKey.SIZE), facts) == ["a.png", "c.jpg", "b.jpg"]
    assert sorted_names(names, SortChoice(SortKey.MODIFIED, True), facts)[0] == "a.png"
    assert sorted_names(names, SortChoice(SortKey.TYPE)) == ["b.jpg", "c.jpg", "a.png"]


def test_choice_round_trips_through_text() -> None:
    for key in SortKey:
        for reverse in (False, True):
            choice = SortChoice(key, reverse)
            assert SortChoice.from_text(choice.to_text()) == choice
    assert SortChoice.from_text("nonsense:up") == SortChoice()
    assert SortChoice.from_text(None) == SortChoice()


def test_date_taken_from_a_jpeg_tiff_and_dng(tmp_path: object) -> None:
    folder = str(tmp_path)
    taken = datetime(2021, 3, 4, 5, 6, 7)
    files = {
        "a.jpg": jpeg_with_exif(exif_with(taken=taken)),
        "b.tif": tiff_block({0x010F: "X", 0x8769: {0x9003: "2021:03:04 05:06:07"}}),
        "c.jpg": jpeg_bytes((8, 8)),
    }
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as file:
            file.write(data)
    write_dng(os.path.join(folder, "d.dng"), jpeg_bytes((16, 16)))
    assert read_file_facts(os.path.join(folder, "a.jpg"), True).date_taken == taken
    assert read_file_facts(os.path.join(folder, "b.tif"), True).date_taken == taken
    plain = read_file_facts(os.path.join(folder, "c.jpg"), True)
    assert plain.date_taken is None
    assert plain.size == len(files["c.jpg"])
    assert read_file_facts(os.path.join(folder, "d.dng"), True).size is not None


def test_a_file_that_vanished_has_no_facts(tmp_path: object) -> None:
    assert read_file_facts(os.path.join(str(tmp_path), "gone.jpg"), True) == FileFacts()


def test_date_taken_from_a_small_png_and_heic(tmp_path: object) -> None:
    # Small files: a camera's HEIC keeps its EXIF further in than 64 KB more often than not.
    from PIL import Image

    from viewer.core.formats.registry import register_plugins

    register_plugins()
    taken = datetime(2022, 7, 8, 9, 10, 11)
    for name, kind in (("a.png", "PNG"), ("b.heic", "HEIF")):
        path = os.path.join(str(tmp_path), name)
        Image.new("RGB", (16, 16), (1, 2, 3)).save(path, kind, exif=exif_with(taken=taken))
        assert read_file_facts(path, True).date_taken == taken, name
