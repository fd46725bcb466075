"""Bad files and failing reads in the real window: a sentence for each, and the user moves on."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from tests.fakes import FakeClock, FakeFolder, FakeLoader
from tests.images import encode, pattern
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence


def gif_of_three_frames() -> bytes:
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


@pytest.fixture
def bad_folder(tmp_path):
    """good, then one bad file of each kind, each followed by a good image to move on to."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    jpeg = encode(pattern((160, 120), seed=2), "JPEG", quality=90)
    files = {
        "01 good.jpg": jpeg,
        "02 cut.jpg": jpeg[: len(jpeg) * 2 // 3],
        "03 report.jpg": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "04 empty.jpg": b"",
        "05 anim.gif": gif_of_three_frames(),
        "06 wrong.png": b"\x89PXG" + encode(pattern((20, 20)), "PNG")[4:],
        "07 good.jpg": jpeg,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return str(folder)


def shown(window, index):
    """The image at ``index`` itself is on screen (not the last one, kept while it loads)."""
    return (
        window.current_index == index and window.browsing.shown == index and window.view.has_image()
    )


def failed(window, index):
    return window.current_index == index and window.view.is_error


@pytest.mark.parametrize(
    ("index", "message"),
    [
        (2, "03 report.jpg is not an image: it is a PDF document."),
        (3, "04 empty.jpg is empty (0 bytes)."),
        (5, "06 wrong.png is not an image this viewer can read."),
    ],
)
def test_unreadable_file_says_why_and_next_still_works(
    qtbot, make_window, bad_folder, index, message
):
    window = make_window()
    window.open_sequence(ImageSequence.from_folder(bad_folder), index)
    qtbot.waitUntil(lambda: failed(window, index), timeout=TIMEOUT_MS)
    assert window.view.message == message
    assert message in window.status_area.place_text()
    window.go_next()
    qtbot.waitUntil(
        lambda: shown(window, index + 1) or failed(window, index + 1), timeout=TIMEOUT_MS
    )


def test_damaged_jpeg_is_shown_in_part_with_a_visible_note(qtbot, make_window, bad_folder):
    window = make_window()
    window.open_sequence(ImageSequence.from_folder(bad_folder), 1)
    qtbot.waitUntil(lambda: shown(window, 1), timeout=TIMEOUT_MS)
    assert window.view.note.startswith("damaged")
    assert "damaged" in window.status_area.place_text()
    window.go_next()
    qtbot.waitUntil(lambda: failed(window, 2), timeout=TIMEOUT_MS)
    assert window.view.note == ""


def test_multi_frame_file_shows_frame_one_and_says_so(qtbot, make_window, bad_folder):
    window = make_window()
    window.open_sequence(ImageSequence.from_folder(bad_folder), 4)
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    assert window.view.image_size().width() == 30
    assert window.status_area.place_text().endswith("frame 1 of 3")


def test_file_deleted_or_replaced_by_a_folder_after_listing(qtbot, make_window, image_folder):
    sequence = ImageSequence.from_folder(image_folder)
    os.remove(sequence[4])
    os.remove(sequence[6])
    os.mkdir(sequence[6])
    # The folder's listing stays the stale one, so the loads (not a re-list) find the changes.
    window = make_window(lister=FakeFolder(list(sequence.names)))
    window.open_sequence(sequence, 4)
    qtbot.waitUntil(lambda: failed(window, 4), timeout=TIMEOUT_MS)
    assert window.view.message == "5.jpg is gone: it was deleted or moved."
    window.go_next()
    qtbot.waitUntil(lambda: shown(window, 5), timeout=TIMEOUT_MS)
    window.go_next()
    qtbot.waitUntil(lambda: failed(window, 6), timeout=TIMEOUT_MS)
    assert window.view.message == "7.jpg is a folder, not an image file."


def test_huge_image_is_refused_with_its_size(qtbot, make_window, tmp_path):
    from tests.core.formats.test_bad_input import forged_png

    (tmp_path / "scan.png").write_bytes(forged_png(30000, 30000))
    window = make_window()
    window.open_sequence(ImageSequence.from_folder(str(tmp_path)), 0)
    qtbot.waitUntil(lambda: failed(window, 0), timeout=TIMEOUT_MS)
    assert "30000×30000" in window.view.message


# -- failing storage ----------------------------------------------------------------------------


def test_hung_read_counts_seconds_and_cached_images_stay_browsable(
    qtbot, make_window, image_folder
):
    loader = FakeLoader()
    window = make_window(loader)
    clock = FakeClock()
    window.loading_notice.clock = clock
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[4])  # its read-ahead hangs, like a share that stopped answering
    window.open_sequence(sequence, 3)
    qtbot.waitUntil(lambda: shown(window, 3), timeout=TIMEOUT_MS)
    window.go_next()
    qtbot.waitUntil(lambda: loader.count(sequence[4]) == 1, timeout=TIMEOUT_MS)  # stuck in its read
    assert window.loading_notice.is_active()
    clock.now += 1
    window.loading_notice.tick()
    window.current.veil.fall()  # a second is long enough to notice (if its timer has not yet)
    assert window.view.message == "Loading 5.jpg…"  # a normal wait: no counting yet
    clock.now += 11.4
    window.loading_notice.tick()
    assert window.view.message == "Still loading 5.jpg… (12 s)"
    assert window.status_area.place_text().endswith("Still loading… (12 s)")
    window.go_previous()  # the window answers, and the stored image is shown at once
    assert shown(window, 3)
    assert not window.loading_notice.is_active()
    window.go_next()  # back to the hung image: the same read is awaited, not a second one
    assert loader.count(sequence[4]) == 1
    with qtbot.waitSignal(window.model.imageReady, timeout=TIMEOUT_MS):
        loader.release(sequence[4])
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    assert not window.loading_notice.is_active()
    assert loader.count(sequence[4]) == 1


def test_io_error_is_shown_and_moving_back_retries(qtbot, make_window, image_folder):
    loader = FakeLoader()
    window = make_window(loader)
    sequence = ImageSequence.from_folder(image_folder)
    loader.failing[sequence[2]] = "Cannot read 3.jpg: Input/output error."
    window.open_sequence(sequence, 2)
    qtbot.waitUntil(lambda: failed(window, 2), timeout=TIMEOUT_MS)
    assert window.view.message == "Cannot read 3.jpg: Input/output error."
    window.go_next()
    qtbot.waitUntil(lambda: shown(window, 3), timeout=TIMEOUT_MS)
    del loader.failing[sequence[2]]  # the share recovered
    window.go_previous()
    qtbot.waitUntil(lambda: shown(window, 2), timeout=TIMEOUT_MS)
    assert loader.count(sequence[2]) == 2
