"""AfterPaint: work now, or one frame after an image went on screen."""

from __future__ import annotations

from tests.waits import TIMEOUT_MS
from viewer.model.images.after_paint import AfterPaint


def test_waiting_work_runs_once_its_frame_has_passed(qtbot):
    done: list[str] = []
    after = AfterPaint()
    after.run(lambda: done.append("late"), wait=True)
    assert done == [] and after.pending()
    qtbot.waitUntil(lambda: done == ["late"], timeout=TIMEOUT_MS)
    assert not after.pending()


def test_work_run_now_replaces_work_still_waiting(qtbot):
    done: list[str] = []
    after = AfterPaint()
    after.run(lambda: done.append("late"), wait=True)
    after.run(lambda: done.append("now"), wait=False)
    assert done == ["now"] and not after.pending()  # the frame's timer is stopped
