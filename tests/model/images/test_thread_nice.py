"""Pool threads run nicer than the thread that starts them (Linux: per thread)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from viewer.model.images.thread_nice import NICENESS, be_nice


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_a_pool_thread_is_niced_once_and_the_caller_is_not() -> None:
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: list[int] = []

    def work() -> None:
        be_nice()
        be_nice()  # once per thread, not once per task
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [min(19, mine + NICENESS)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine
