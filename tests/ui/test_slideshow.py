"""The slideshow moves on only to an image that is ready, and waits for one that is not."""

from __future__ import annotations

from viewer.ui.browsing.slideshow import Slideshow


class Pictures:
    def __init__(self) -> None:
        self.index = 0
        self.ready = True

    def advance(self) -> None:
        self.index += 1


def test_advances_while_running_and_stops(qtbot) -> None:
    pictures = Pictures()
    show = Slideshow(lambda: pictures.ready, pictures.advance, seconds=lambda: 0.001)
    with qtbot.waitSignal(show.runningChanged, timeout=5000) as started:
        show.toggle()
    assert started.args == [True]
    for _ in range(3):
        with qtbot.waitSignal(show.advanced, timeout=5000):
            pass
    assert pictures.index == 3
    with qtbot.waitSignal(show.runningChanged, timeout=5000) as stopped:
        show.toggle()
    assert stopped.args == [False]
    with qtbot.assertNotEmitted(show.advanced, wait=50):
        pass
    assert pictures.index == 3


def test_waits_for_the_next_image_instead_of_showing_loading(qtbot) -> None:
    pictures = Pictures()
    pictures.ready = False
    show = Slideshow(lambda: pictures.ready, pictures.advance, seconds=lambda: 0.001)
    show.start()
    qtbot.waitUntil(show.is_waiting, timeout=5000)
    assert pictures.index == 0 and show.is_running()
    pictures.ready = True
    with qtbot.waitSignal(show.advanced, timeout=5000):
        show.on_image_ready()
    assert pictures.index == 1
    show.stop()


def test_an_image_arriving_while_not_waiting_changes_nothing(qtbot) -> None:
    pictures = Pictures()
    show = Slideshow(lambda: pictures.ready, pictures.advance, seconds=lambda: 60)
    show.start()
    show.on_image_ready()
    assert pictures.index == 0
    show.stop()
    assert not show.is_running()


def test_stopping_while_moving_on_stays_stopped(qtbot) -> None:
    pictures = Pictures()
    show: Slideshow

    def advance_then_end() -> None:
        pictures.advance()
        show.stop()  # as the window does at the last image

    show = Slideshow(lambda: True, advance_then_end, seconds=lambda: 0.001)
    with qtbot.waitSignal(show.runningChanged, timeout=5000, check_params_cb=lambda r: not r):
        show.start()
    assert pictures.index == 1
    with qtbot.assertNotEmitted(show.advanced, wait=50):
        pass
    assert not show.is_running()
