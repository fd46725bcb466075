"""The window's place on fake screens: laptop sizes, a second monitor, one unplugged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.placement import (
    DEFAULT_SHARE,
    FRAME,
    Rect,
    client_of,
    default_frame,
    fit_frame,
    frame_of,
    screen_for,
)

LAPTOP_1280 = Rect(0, 0, 1280, 800)
LAPTOP_1366 = Rect(0, 0, 1366, 768)
#: A 1366×768 laptop with a 32 px panel at the top, as its available geometry reports it.
LAPTOP_PANEL = Rect(0, 32, 1366, 736)
#: Where a 1920×1200 monitor to the right of the laptop used to be.
UNPLUGGED = Rect(1366, 0, 1920, 1200)


def test_the_default_window_fits_a_1280_by_800_screen() -> None:
    frame = default_frame(LAPTOP_1280)
    assert LAPTOP_1280.contains(frame)
    assert (frame.width, frame.height) == (
        round(1280 * DEFAULT_SHARE),
        round(800 * DEFAULT_SHARE),
    )


def test_the_default_window_fits_a_1366_by_768_screen_and_is_centred() -> None:
    frame = default_frame(LAPTOP_PANEL)
    assert LAPTOP_PANEL.contains(frame)
    left, right = frame.x - LAPTOP_PANEL.x, LAPTOP_PANEL.right - frame.right
    top, bottom = frame.y - LAPTOP_PANEL.y, LAPTOP_PANEL.bottom - frame.bottom
    assert abs(left - right) <= 1 and abs(top - bottom) <= 1


def test_the_client_area_and_its_frame_fit_the_screen_together() -> None:
    frame = default_frame(LAPTOP_1366)
    client = client_of(frame)
    assert frame.contains(client)
    assert frame_of(client) == frame
    assert client.y - FRAME.top >= LAPTOP_1366.y  # the title bar is on the screen


def test_a_tiny_screen_gets_a_window_no_larger_than_itself() -> None:
    tiny = Rect(0, 0, 400, 300)
    assert tiny.contains(default_frame(tiny))


def test_a_window_that_fits_stays_where_the_user_put_it() -> None:
    placed = Rect(40, 60, 900, 600)
    assert fit_frame(placed, [LAPTOP_1366]) == placed


def test_a_window_from_an_unplugged_monitor_comes_back_onto_the_laptop() -> None:
    restored = Rect(UNPLUGGED.x + 100, 50, 1700, 1100)  # it filled most of the big monitor
    fitted = fit_frame(restored, [LAPTOP_1366])
    assert LAPTOP_1366.contains(fitted)
    assert (fitted.width, fitted.height) == (1366, 768)


def test_a_window_taller_than_a_smaller_laptop_screen_is_shrunk_to_it() -> None:
    restored = Rect(0, 0, 1280, 860)  # the old fixed default, from a larger screen
    fitted = fit_frame(restored, [LAPTOP_1280])
    assert LAPTOP_1280.contains(fitted)
    assert fitted.width == 1280


def test_a_window_hanging_off_the_bottom_is_moved_up_not_shrunk() -> None:
    restored = Rect(100, 500, 800, 500)
    fitted = fit_frame(restored, [LAPTOP_1366])
    assert LAPTOP_1366.contains(fitted)
    assert (fitted.width, fitted.height) == (800, 500)


def test_a_window_stays_on_the_monitor_it_mostly_covers() -> None:
    left_monitor = Rect(-1920, 0, 1920, 1080)  # left of the primary: negative coordinates
    restored = Rect(-800, 100, 1000, 700)  # mostly on the left monitor, partly on the laptop
    assert screen_for(restored, [LAPTOP_1366, left_monitor]) == left_monitor
    fitted = fit_frame(restored, [LAPTOP_1366, left_monitor])
    assert left_monitor.contains(fitted)


@given(
    st.builds(
        Rect,
        st.integers(-5000, 5000),
        st.integers(-5000, 5000),
        st.integers(1, 6000),
        st.integers(1, 6000),
    ),
    st.lists(
        st.builds(
            Rect,
            st.integers(-4000, 4000),
            st.integers(-4000, 4000),
            st.integers(320, 4000),
            st.integers(240, 3000),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_any_restored_window_ends_up_wholly_on_one_screen(frame: Rect, screens: list[Rect]) -> None:
    fitted = fit_frame(frame, screens)
    assert any(screen.contains(fitted) for screen in screens)
    assert fitted.width >= 1 and fitted.height >= 1


def test_a_rectangle_contains_what_lies_within_it_and_nothing_that_sticks_out() -> None:
    screen = Rect(0, 0, 100, 100)
    assert screen.contains(Rect(0, 0, 100, 100)) and screen.contains(Rect(10, 10, 5, 5))
    assert not screen.contains(Rect(90, 10, 20, 5)) and not screen.contains(Rect(-1, 0, 5, 5))
