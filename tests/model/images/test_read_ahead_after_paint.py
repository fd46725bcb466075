"""Read-ahead waits one frame after an image goes on screen, so its paint has the cores."""

from __future__ import annotations

from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan


def test_no_read_ahead_starts_until_the_image_shown_has_had_its_frame(qtbot, make_model):
    model = make_model(ReadAheadPlan(1, 0))
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(0)  # loads, then goes on screen
    assert not model.is_loading(1) and not model.idle()  # its read-ahead waits a frame
    qtbot.waitUntil(lambda: model.is_cached(1), timeout=TIMEOUT_MS)
    assert model.request(1) is True  # served from the store: on screen at once
    assert not model.is_loading(2) and not model.idle()
    qtbot.waitUntil(lambda: model.is_loading(2) or model.is_cached(2), timeout=TIMEOUT_MS)


def test_a_miss_reads_at_once(qtbot, make_model):
    model = make_model(ReadAheadPlan(1, 0))
    assert model.request(3) is False
    assert model.is_loading(3)
