"""The Sort By menu announces the order picked and its direction."""

from __future__ import annotations

from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.ui.browsing.sort_menu import SortMenu


def test_picking_an_order_and_reversing_it(qtbot) -> None:
    menu = SortMenu(SortChoice(SortKey.SIZE, reverse=True))
    qtbot.addWidget(menu)
    assert menu.choice() == SortChoice(SortKey.SIZE, reverse=True)
    with qtbot.waitSignal(menu.chosen, timeout=5000) as chosen:
        menu.orders[SortKey.DATE_TAKEN].trigger()
    assert chosen.args == [SortChoice(SortKey.DATE_TAKEN, reverse=True)]
    with qtbot.waitSignal(menu.chosen, timeout=5000) as chosen:
        menu.reverse.trigger()
    assert chosen.args == [SortChoice(SortKey.DATE_TAKEN)]
    assert sum(action.isChecked() for action in menu.orders.values()) == 1


def test_setting_the_choice_is_silent(qtbot) -> None:
    menu = SortMenu(SortChoice())
    qtbot.addWidget(menu)
    with qtbot.assertNotEmitted(menu.chosen):
        menu.set_choice(SortChoice(SortKey.TYPE))
    assert menu.choice() == SortChoice(SortKey.TYPE)
