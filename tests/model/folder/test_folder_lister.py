"""FolderLister with an injected lister: explicit re-list triggers, never real waits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes import FakeFolder
from tests.waits import TIMEOUT_MS
from viewer.model.folder.lister import FolderLister


@pytest.fixture
def folder() -> FakeFolder:
    return FakeFolder(["1.jpg", "2.jpg"])


@pytest.fixture
def make_lister(qtbot, folder) -> Iterator[object]:
    listers: list[FolderLister] = []

    def make(poll_seconds: float = 0) -> FolderLister:
        lister = FolderLister(folder, poll_seconds=poll_seconds)
        listers.append(lister)
        return lister

    yield make
    folder.release()
    for lister in listers:
        lister.shutdown(wait=True)


def listed(qtbot, lister):
    return qtbot.waitSignal(lister.listed, timeout=TIMEOUT_MS)


def test_lists_with_progress(qtbot, make_lister):
    lister = make_lister()
    with (
        qtbot.waitSignal(lister.progress, timeout=TIMEOUT_MS) as progress,
        listed(qtbot, lister) as done,
    ):
        lister.open("/share")
    assert progress.args == [2]
    assert list(done.args[0]) == ["/share/1.jpg", "/share/2.jpg"]


def test_only_a_changed_listing_is_announced(qtbot, make_lister, folder):
    lister = make_lister()
    with listed(qtbot, lister):
        lister.open("/share")
    with qtbot.assertNotEmitted(lister.listed, wait=100):
        lister.relist()
        qtbot.waitUntil(lambda: folder.calls == 2 and not lister.is_listing(), timeout=TIMEOUT_MS)
    folder.names = ["1.jpg", "1b.jpg", "2.jpg"]
    with listed(qtbot, lister) as done:
        lister.relist()
    assert done.args[0].names == ["1.jpg", "1b.jpg", "2.jpg"]


def test_polling_is_off_at_zero(make_lister):
    lister = make_lister(poll_seconds=0)
    lister.open("/share")
    assert not lister.poll_timer.isActive()


def test_polling_re_lists_on_each_tick(qtbot, make_lister, folder):
    lister = make_lister(poll_seconds=5)
    assert not lister.poll_timer.isActive()  # nothing open, nothing to poll
    with listed(qtbot, lister):
        lister.open("/share")
    assert lister.poll_timer.isActive() and lister.poll_timer.interval() == 5000
    folder.names = ["1.jpg"]
    with listed(qtbot, lister):
        lister.poll_timer.timeout.emit()  # the injected tick, instead of waiting 5 s
    lister.set_poll_seconds(0)
    assert not lister.poll_timer.isActive()


def test_a_re_list_asked_for_while_listing_runs_once_more(qtbot, make_lister, folder):
    lister = make_lister()
    folder.gate()
    lister.open("/share")
    qtbot.waitUntil(lambda: folder.calls == 1, timeout=TIMEOUT_MS)
    lister.relist()
    lister.relist()
    folder.names = ["3.jpg"]  # changed while the first listing ran
    folder.release()
    qtbot.waitUntil(lambda: folder.calls == 2 and not lister.is_listing(), timeout=TIMEOUT_MS)
    assert folder.calls == 2


def test_folder_gone_then_back(qtbot, make_lister, folder):
    lister = make_lister()
    with listed(qtbot, lister):
        lister.open("/share")
    folder.gone = True
    with qtbot.waitSignal(lister.failed, timeout=TIMEOUT_MS) as failed:
        lister.relist()
    assert failed.args == ["Folder not found: /share"]
    folder.gone = False
    with listed(qtbot, lister):  # the same names, announced again: the folder is back
        lister.relist()


def test_results_for_a_previous_folder_are_dropped(qtbot, make_lister, folder):
    lister = make_lister()
    folder.gate()
    lister.open("/old")
    qtbot.waitUntil(lambda: folder.calls == 1, timeout=TIMEOUT_MS)
    lister.open("/new")
    folder.release()
    with listed(qtbot, lister) as done:
        pass
    assert done.args[0].folder == "/new"


def test_a_hung_listing_counts_as_running_work_until_it_returns(qtbot, make_lister, folder):
    lister = make_lister()
    folder.gate()
    with qtbot.waitSignal(lister.progress, timeout=TIMEOUT_MS):
        lister.open("/share")
    lister.shutdown(wait=False)
    assert lister.has_running_work()  # the app leaves with os._exit rather than wait for it
    folder.release()
    qtbot.waitUntil(lambda: not lister.has_running_work(), timeout=TIMEOUT_MS)


def test_adopted_names_are_confirmed_not_announced(qtbot, make_lister, folder):
    """The viewer's own file operation told the lister the new names: the listing that
    confirms them stays quiet; a later change is announced as usual."""
    lister = make_lister()
    with listed(qtbot, lister):
        lister.open("/share")
    folder.names = ["2.jpg"]
    with qtbot.assertNotEmitted(lister.listed, wait=100):
        lister.adopt(["2.jpg"])
        qtbot.waitUntil(lambda: folder.calls == 2 and not lister.is_listing(), timeout=TIMEOUT_MS)
    folder.names = ["2.jpg", "3.jpg"]
    with listed(qtbot, lister) as done:
        lister.relist()
    assert done.args[0].names == ["2.jpg", "3.jpg"]


class GatedWalk:
    """A walk that records whether it went on past its first folder."""

    def __init__(self) -> None:
        self.went_on: list[bool] = []

    def __call__(self, folder: str, on_progress: object, on_first: object) -> list[str]:
        on_first(["a.jpg"])  # type: ignore[operator]
        self.went_on.append(True)
        return ["a.jpg", "sub/b.jpg"]


def test_a_first_walk_waits_after_its_first_folder_until_an_image_is_shown(qtbot):
    # The rest of a card's walk must not compete with its first image's read for the link.
    walk = GatedWalk()
    lister = FolderLister(walker=walk, poll_seconds=0)
    lister.set_recursive(True)
    try:
        with qtbot.waitSignal(lister.partial, timeout=TIMEOUT_MS):
            lister.open("/card")
        with qtbot.assertNotEmitted(lister.listed, wait=100):
            pass
        assert walk.went_on == []
        with qtbot.waitSignal(lister.listed, timeout=TIMEOUT_MS) as done:
            lister.image_shown(0)
        assert list(done.args[0]) == ["/card/a.jpg", "/card/sub/b.jpg"]
        lister.relist()  # a re-walk never waits
        qtbot.waitUntil(lambda: len(walk.went_on) == 2, timeout=TIMEOUT_MS)
    finally:
        lister.shutdown(wait=True)


def test_the_same_names_again_keep_their_order_without_sorting_again(tmp_path, monkeypatch):
    from viewer.model.folder import lister as lister_module
    from viewer.model.folder.lister import NaturalLister

    folder = str(tmp_path)
    for name in ("10.jpg", "2.jpg", "1.jpg"):
        (tmp_path / name).write_bytes(b"")
    natural = NaturalLister()
    assert natural(folder, lambda seen: None) == ["1.jpg", "2.jpg", "10.jpg"]
    sorted_names: list[str] = []
    original = lister_module.natural_key
    monkeypatch.setattr(lister_module, "natural_key",
                        lambda name: sorted_names.append(name) or original(name))  # fmt: skip
    (tmp_path / "1.jpg.xmp").write_bytes(b"")  # a sidecar beside them: no image changed
    assert natural(folder, lambda seen: None) == ["1.jpg", "2.jpg", "10.jpg"]
    assert sorted_names == []
    (tmp_path / "3.jpg").write_bytes(b"")
    assert natural(folder, lambda seen: None) == ["1.jpg", "2.jpg", "3.jpg", "10.jpg"]
    assert sorted_names
