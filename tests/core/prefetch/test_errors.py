"""Error policies, per-read timeouts and closing while a read is blocked."""

import threading

import pytest

from tests.core.prefetch.helpers import Loads, names
from viewer.core.io.reading import DecodeError
from viewer.core.prefetch import LoadTimeout, prefetch

TIMEOUT = 10


def test_raise_stops_at_the_failing_item():
    seen = []
    with prefetch(names(6), loader=Loads(failing={"3.png"})) as seq:
        with pytest.raises(DecodeError, match=r"3\.png is damaged"):
            for item in seq:
                seen.append(item.index)
        assert seq.stats.errors == 1
    assert seen == [0, 1, 2]


def test_skip_leaves_the_item_out():
    with prefetch(names(6), loader=Loads(failing={"1.png", "4.png"}), on_error="skip") as seq:
        assert [item.index for item in seq] == [0, 2, 3, 5]
        with pytest.raises(DecodeError):
            seq[1]  # random access cannot skip


def test_return_hands_out_the_exception():
    with prefetch(names(4), loader=Loads(failing={"2.png"}), on_error="return") as seq:
        items = list(seq)
        assert [item.ok for item in items] == [True, True, False, True]
        assert isinstance(items[2].error, DecodeError)
        with pytest.raises(DecodeError):
            _ = items[2].value
        assert not seq[2].ok  # random access returns it too


def test_a_failure_is_not_stored_and_asking_again_reads_again():
    loads = Loads(failing={"1.png"})
    with prefetch(names(3), loader=loads, on_error="return") as seq:
        assert not seq[1].ok
        assert not seq[1].ok
        assert not seq.cached(1)
    assert loads.calls["1.png"] == 2


def test_bad_on_error_is_refused():
    with pytest.raises(ValueError, match="on_error"):
        prefetch(names(1), loader=Loads(), on_error="ignore")  # type: ignore[call-overload]


def test_a_hung_read_times_out_and_the_loop_goes_on():
    loads = Loads(hung={"2.png"})
    try:
        with prefetch(names(6), loader=loads, timeout=0.05, on_error="return") as seq:
            items = list(seq)
            assert [item.index for item in items] == list(range(6))
            assert [item.ok for item in items] == [True, True, False, True, True, True]
            assert isinstance(items[2].error, LoadTimeout)
            assert isinstance(items[2].error, TimeoutError)
            assert "2.png" in str(items[2].error)
            assert not seq[2].ok  # still hung: it fails again at once, not read twice
            stats = seq.stats
            assert (stats.timeouts, stats.hung) == (2, 1)
        assert loads.calls["2.png"] == 1
    finally:
        loads.release()


def test_a_timeout_with_raise_raises_timeout_error():
    loads = Loads(hung={"0.png"})
    try:
        with prefetch(names(2), loader=loads, timeout=0.05) as seq, pytest.raises(TimeoutError):
            seq[0]
    finally:
        loads.release()


def test_hung_reads_do_not_starve_the_pool():
    hung = {f"{i}.png" for i in range(0, 8, 2)}
    loads = Loads(hung=hung)
    try:
        with prefetch(names(8), loader=loads, workers=1, timeout=0.05, on_error="skip") as seq:
            assert [item.index for item in seq] == [1, 3, 5, 7]
    finally:
        loads.release()


def test_close_returns_while_a_read_blocks_for_ever():
    loads = Loads(hung={"0.png"})
    seq = prefetch(names(3), loader=loads)
    waiter_saw: list[BaseException] = []

    def wait_for_first():
        try:
            seq[0]
        except BaseException as error:
            waiter_saw.append(error)

    waiter = threading.Thread(target=wait_for_first, daemon=True)
    waiter.start()
    try:
        assert loads.began("0.png").wait(TIMEOUT)
        closer = threading.Thread(target=seq.close, daemon=True)
        closer.start()
        closer.join(TIMEOUT)
        assert not closer.is_alive()
        waiter.join(TIMEOUT)
        assert len(waiter_saw) == 1 and "closed" in str(waiter_saw[0])
        with pytest.raises(ValueError, match="closed"):
            seq[1]
    finally:
        loads.release()


def test_leaving_with_calls_off_the_read_ahead():
    loads = Loads()
    loads.gate("1.png")
    with prefetch(names(5), loader=loads, ahead=2) as seq:
        seq[0]
        assert loads.began("1.png").wait(TIMEOUT)
    loads.open_gate("1.png")
    assert loads.calls["4.png"] == 0
