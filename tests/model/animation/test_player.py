"""A 300-frame GIF plays in order, at its own frame times, holding only the frames its
budget allows: counted (frames held, bytes), never timed. Tests fire the player's timer."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PIL import Image, ImageDraw

from tests.waits import TIMEOUT_MS
from viewer.core.formats.animation import FrameReader, frame_duration, is_animation
from viewer.model.animation.player import AnimationPlayer

SIZE = (160, 120)
FRAME_BYTES = SIZE[0] * SIZE[1] * 4
#: Seconds-long frame times: the real timer never fires during a test's few milliseconds.
DURATIONS = [2000 + 1000 * (number % 4) for number in range(300)]


def write_gif(path: str, durations: list[int]) -> str:
    frames = []
    for number in range(len(durations)):
        frame = Image.new("RGB", SIZE, (number % 256, 80, 160))
        ImageDraw.Draw(frame).rectangle([number % SIZE[0], 0, number % SIZE[0] + 3, 119], "white")
        frames.append(frame.convert("P", palette=Image.ADAPTIVE))
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=durations, loop=0)
    return path


@pytest.fixture(scope="module")
def long_gif(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_gif(str(tmp_path_factory.mktemp("gif") / "long.gif"), DURATIONS)


@pytest.fixture
def player(qtbot) -> Iterator[AnimationPlayer]:
    made = AnimationPlayer(budget_bytes=4 * FRAME_BYTES)
    yield made
    made.shutdown(wait=True)


def next_frame(qtbot, player: AnimationPlayer, index: int) -> None:
    """Fire the timer (the frame on screen had its time) and wait for frame ``index``."""
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda image, shown: shown == index):  # fmt: skip
        player.timer.timeout.emit()


def test_a_300_frame_gif_plays_in_order_at_its_times_within_its_budget(
    qtbot, player, long_gif
) -> None:
    with Image.open(long_gif) as gif:
        assert gif.n_frames == 300
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS) as first:
        assert player.play(long_gif, 300, SIZE)
    assert first.args[1] == 0 and first.args[0].size().width() == SIZE[0]
    assert player.window == 4
    for index in [*range(1, 300), 0, 1]:  # to the end, and round again
        assert player.timer.interval() == DURATIONS[index - 1]  # the frame on screen's own
        next_frame(qtbot, player, index)
        assert player.frames_held() <= 4 and player.bytes_held() <= 4 * FRAME_BYTES
    assert 2 <= player.peak_frames_held <= 4
    assert player.peak_bytes_held <= 4 * FRAME_BYTES  # 300 frames whole would be 75 times more


def test_stopping_ends_playback_at_once(qtbot, player, long_gif) -> None:
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS):
        player.play(long_gif, 300, SIZE)
    next_frame(qtbot, player, 1)
    player.stop()
    assert not player.is_playing() and not player.timer.isActive()
    assert player.frames_held() == 0
    with qtbot.assertNotEmitted(player.frameShown, wait=100):
        player.timer.timeout.emit()


def test_pausing_holds_the_frame_and_playing_goes_on(qtbot, player, long_gif) -> None:
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS):
        player.play(long_gif, 300, SIZE)
    player.set_paused(True)
    assert player.is_paused() and not player.timer.isActive()
    with qtbot.assertNotEmitted(player.frameShown, wait=100):
        player.timer.timeout.emit()
    player.set_paused(False)
    assert player.is_playing()
    with qtbot.waitSignal(player.frameShown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda image, shown: shown == 1):  # fmt: skip
        player.timer.timeout.emit()


def test_too_large_for_the_budget_plays_nothing(qtbot, long_gif) -> None:
    player = AnimationPlayer(budget_bytes=FRAME_BYTES)
    with qtbot.assertNotEmitted(player.frameShown, wait=50):
        assert not player.play(long_gif, 300, SIZE)
    player.shutdown(wait=True)


def test_frames_are_read_one_at_a_time_with_browser_timing(tmp_path) -> None:
    path = write_gif(str(tmp_path / "short.gif"), [0, 50, 30])
    reader = FrameReader(path)
    frames = [reader.read(index, lambda h, w, a: __import__("numpy").zeros((h, w, 4), "uint8"))
              for index in range(3)]  # fmt: skip
    reader.close()
    assert [frame.duration_ms for frame in frames] == [100, 50, 30]  # 0 ms shows for 100
    assert frame_duration({"duration": 5}) == 100 and frame_duration({}) == 100
    assert is_animation("GIF", 3) and is_animation("WEBP", 2) and is_animation("PNG", 2)
    assert not is_animation("TIFF", 3) and not is_animation("GIF", 1)
    assert os.path.getsize(path) > 0


@pytest.mark.parametrize("extension, format", [(".webp", "WEBP"), (".png", "PNG")])
def test_webp_and_apng_frames_come_with_their_times(tmp_path, extension, format) -> None:
    frames = [Image.new("RGB", SIZE, (number * 60, 0, 0)) for number in range(3)]
    path = str(tmp_path / f"moving{extension}")
    frames[0].save(path, format=format, save_all=True, append_images=frames[1:],
                   duration=[40, 80, 120], loop=0)  # fmt: skip
    reader = FrameReader(path)
    assert reader.frame_count == 3
    zeros = lambda h, w, a: __import__("numpy").zeros((h, w, 4), "uint8")  # noqa: E731
    read = [reader.read(index, zeros) for index in range(3)]
    reader.close()
    assert [frame.duration_ms for frame in read] == [40, 80, 120]
    assert abs(int(read[2].pixels[0, 0, 2]) - 120) <= 2  # Qt order B, G, R, A; WebP is lossy
