"""View ▸ Show's filter, RAW+JPEG items and the rating order, counted over plain names."""

from __future__ import annotations

from viewer.core.verdicts.model import Label, Verdict
from viewer.model.verdicts.show_filter import ShowFilter, ShowKind, all_filters, verdict_text
from viewer.model.verdicts.shown import items_of, shown_names

COUNT = 20_000


def _verdict(number: int) -> Verdict | None:
    """Every 7th has 3+ stars, every 11th is rejected, every 13th is red, the rest unrated;
    every 1,000th is not read yet."""
    if number % 1000 == 999:
        return None
    if number % 7 == 0:
        return Verdict(3 + number % 3, Label.RED if number % 13 == 0 else None)
    if number % 11 == 0:
        return Verdict(-1)
    return Verdict(0, Label.RED if number % 13 == 0 else None)


def _fixture() -> tuple[list[str], dict[str, Verdict | None]]:
    names = [f"IMG_{n:05d}.JPG" for n in range(COUNT)]
    return names, {name: _verdict(n) for n, name in enumerate(names)}


def _expected(test) -> int:
    return sum(1 for n in range(COUNT) if test(_verdict(n)))


def test_filters_over_twenty_thousand_items_are_counted_exactly():
    names, verdicts = _fixture()
    items = items_of(names, pairs=True)
    marked = {names[5], names[500]}
    counts = {
        show: len(shown_names(items, show, verdicts.get, marked.__contains__))
        for show in all_filters()
    }
    assert counts[ShowFilter()] == COUNT
    assert counts[ShowFilter(ShowKind.AT_LEAST, stars=3)] == _expected(
        lambda v: v is not None and v.stars >= 3
    )
    assert counts[ShowFilter(ShowKind.AT_LEAST, stars=5)] == _expected(
        lambda v: v is not None and v.stars >= 5
    )
    assert counts[ShowFilter(ShowKind.REJECTED)] == _expected(
        lambda v: v is not None and v.rejected
    )
    assert counts[ShowFilter(ShowKind.NOT_REJECTED)] == _expected(
        lambda v: v is not None and not v.rejected
    )
    assert counts[ShowFilter(ShowKind.UNRATED)] == _expected(
        lambda v: v is not None and v.rating == 0
    )
    assert counts[ShowFilter(ShowKind.LABEL, label=Label.RED)] == _expected(
        lambda v: v is not None and v.label is Label.RED
    )
    assert counts[ShowFilter(ShowKind.LABEL, label=Label.BLUE)] == 0
    assert counts[ShowFilter(ShowKind.MARKED)] == 2


def test_stepping_through_a_filter_visits_each_shown_item_once_in_order():
    names, verdicts = _fixture()
    show = ShowFilter(ShowKind.AT_LEAST, stars=4)
    shown = shown_names(items_of(names, True), show, verdicts.get, lambda _: False)
    visited = [shown[i] for i in range(len(shown))]  # what next-image steps reach
    assert visited == [n for n in names if show.passes(verdicts[n])]
    assert len(visited) == _expected(lambda v: v is not None and v.stars >= 4)


def test_the_current_image_stays_shown_whatever_its_verdict():
    names, verdicts = _fixture()
    show = ShowFilter(ShowKind.REJECTED)
    shown = shown_names(items_of(names, True), show, verdicts.get, lambda _: False, keep=names[1])
    assert names[1] in shown and not show.passes(verdicts[names[1]])


def test_pairs_are_one_item_showing_the_jpeg_and_a_raw_rating_counts():
    names = ["IMG_1.CR2", "IMG_1.JPG", "IMG_2.JPG", "IMG_3.NEF", "IMG_3.jpg"]
    items = items_of(names, pairs=True)
    assert items.shown == ["IMG_1.JPG", "IMG_2.JPG", "IMG_3.jpg"]
    assert items.members("IMG_1.JPG") == ("IMG_1.JPG", "IMG_1.CR2")
    verdicts = {"IMG_1.CR2": Verdict(4), "IMG_1.JPG": Verdict(), "IMG_2.JPG": Verdict(),
                "IMG_3.NEF": Verdict(), "IMG_3.jpg": Verdict()}  # fmt: skip
    show = ShowFilter(ShowKind.AT_LEAST, stars=4)
    assert shown_names(items, show, verdicts.get, lambda _: False) == ["IMG_1.JPG"]
    assert items_of(names, pairs=False).shown == names


def test_rating_order_puts_most_stars_first_and_rejects_last():
    names = ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]
    verdicts = {"a.jpg": Verdict(-1), "b.jpg": Verdict(2), "c.jpg": Verdict(), "d.jpg": Verdict(5)}
    order = shown_names(items_of(names, True), ShowFilter(), verdicts.get, lambda _: False, True)
    assert order == ["d.jpg", "b.jpg", "c.jpg", "a.jpg"]


def test_filters_survive_their_text_and_junk_gives_all():
    for show in all_filters():
        assert ShowFilter.from_text(show.to_text()) == show
    assert ShowFilter.from_text("at_least:9").is_all
    assert ShowFilter.from_text(None).is_all
    assert verdict_text(Verdict(3, Label.GREEN)) == "★★★☆☆ · Green"
    assert verdict_text(Verdict(-1)) == "Rejected"
