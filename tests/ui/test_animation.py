"""An animated GIF plays in the window, the pause key holds it, and stepping to the next
file stops it at once."""

from __future__ import annotations

import os

from tests.images import write_image
from tests.model.animation.test_player import write_gif
from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS


def test_a_gif_plays_pauses_and_stops_when_the_user_moves_on(qtbot, make_window, tmp_path):
    folder = str(tmp_path)
    write_gif(os.path.join(folder, "1.gif"), [3000, 4000, 5000, 6000])
    write_image(os.path.join(folder, "2.jpg"), (64, 48))
    window = make_window()
    player = window.animation.player
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS):
        open_at(qtbot, window, folder, 0)
    assert player.is_playing() and player.timer.interval() == 3000  # the GIF's own time
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda image, index: index == 1):  # fmt: skip
        player.timer.timeout.emit()
    assert window.view.pixmap() is not None and window.view.pixmap().width() == 160

    window.actions_by_name["pause_animation"].trigger()
    assert player.is_paused()
    with qtbot.waitSignal(window.messages.noticed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda text: text == "Animation playing."):  # fmt: skip
        window.actions_by_name["pause_animation"].trigger()
    assert player.is_playing()

    window.go_next()
    assert not player.is_playing() and not player.timer.isActive()  # at once, not on arrival
    with qtbot.assertNotEmitted(player.frameShown, wait=100):
        player.timer.timeout.emit()
    qtbot.waitUntil(lambda: shown(window, 1), timeout=TIMEOUT_MS)
    assert not player.is_playing()
    said = "No animation is playing."
    with qtbot.waitSignal(window.messages.noticed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda text: text == said):  # fmt: skip
        window.actions_by_name["pause_animation"].trigger()
