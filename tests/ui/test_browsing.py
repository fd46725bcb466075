"""Browsing: where the user is across moves and listings, with a model that only records."""

from __future__ import annotations

from viewer.core.folder.sequence import ImageSequence
from viewer.ui.browsing.browsing import Browsing


class RecordingModel:
    """Keeps the paths it is given and re-indexes the current one by path, as the model does."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.current: str | None = None

    def set_paths(self, paths: list[str]) -> None:
        self.paths, self.current = paths, None

    def reindex(self, paths: list[str]) -> int | None:
        self.paths = paths
        if self.current not in paths:
            self.current = None
            return None
        return paths.index(self.current)


def sequence(*names: str) -> ImageSequence:
    return ImageSequence("/share", list(names))


def test_steps_stay_inside_or_say_how_far():
    browsing = Browsing(RecordingModel())
    assert browsing.step(+1) is None  # nothing open
    browsing.start(sequence("1.jpg", "2.jpg"))
    assert browsing.step(+1) is None  # nothing current yet
    browsing.move(1)
    assert (browsing.step(+1), browsing.step(-1), browsing.path()) == (2, 0, "/share/2.jpg")


def test_a_relist_keeps_the_current_and_shown_image_by_path():
    model = RecordingModel()
    browsing = Browsing(model)
    browsing.start(sequence("1.jpg", "3.jpg"))
    browsing.move(1)
    browsing.shown = 1
    model.current = "/share/3.jpg"
    assert not browsing.relist(sequence("1.jpg", "3.jpg"))  # nothing changed
    assert browsing.relist(sequence("1.jpg", "2.jpg", "3.jpg"))
    assert (browsing.index, browsing.shown, browsing.removed) == (2, 2, None)


def test_a_removed_image_says_where_it_would_sit_and_steps_go_from_there():
    model = RecordingModel()
    browsing = Browsing(model)
    browsing.start(sequence("1.jpg", "2.jpg", "3.jpg"))
    browsing.move(1)
    model.current = "/share/2.jpg"
    assert browsing.relist(sequence("1.jpg", "3.jpg"))
    assert (browsing.index, browsing.removed) == (None, ("2.jpg", 1))
    assert (browsing.step(+1), browsing.step(-1)) == (1, 0)  # 3.jpg ahead, 1.jpg behind
    browsing.move(0)
    assert browsing.removed is None
