"""OffThread: file-system calls answered on their own threads, never on the GUI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from viewer.model.folder.off_thread import OffThread

TIMEOUT_MS = 5000


def test_the_answer_arrives_on_the_gui_thread_with_its_ticket(qtbot: QtBot) -> None:
    worker = OffThread()
    asked_on: list[threading.Thread] = []

    def question(value: int) -> int:
        asked_on.append(threading.current_thread())
        return value * 2

    answered_on: list[threading.Thread] = []
    worker.answered.connect(lambda *_: answered_on.append(threading.current_thread()))
    with qtbot.waitSignal(worker.answered, timeout=TIMEOUT_MS) as blocker:
        ticket = worker.ask(question, 21)
    assert blocker.args == [ticket, 42]
    assert asked_on[0] is not threading.main_thread()
    assert answered_on == [threading.main_thread()]
    assert not worker.has_running_work()


def test_an_error_becomes_a_sentence(qtbot: QtBot) -> None:
    worker = OffThread()

    def question() -> None:
        raise OSError("Host is down")

    with qtbot.waitSignal(worker.failed, timeout=TIMEOUT_MS) as blocker:
        ticket = worker.ask(question)
    assert blocker.args == [ticket, "Host is down"]


def test_a_hung_call_holds_up_neither_the_next_one_nor_the_gui_thread(qtbot: QtBot) -> None:
    worker = OffThread()
    hang = threading.Event()
    try:
        hung = worker.ask(hang.wait)
        with qtbot.waitSignal(worker.answered, timeout=TIMEOUT_MS) as blocker:
            second = worker.ask(len, "abc")
        assert blocker.args == [second, 3] and second != hung
        assert worker.has_running_work()  # the hung one is still out
    finally:
        hang.set()
    qtbot.waitUntil(lambda: not worker.has_running_work(), timeout=TIMEOUT_MS)
