from __future__ import annotations

import os
import subprocess
import sys

import pytest

from viewer.cli import UsageError, parse, start_out_of_range
from viewer.core.readahead.plan import ReadAheadPlan


def run_viewer(*args: str) -> subprocess.CompletedProcess[str]:
    # The offscreen platform plugin warns about window size hints; desktop plugins do not.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="default.warning=false")
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_folder_with_start(image_folder):
    options = parse([image_folder, "--start", "5"])
    assert (options.path, options.start) == (image_folder, 5)
    assert options.is_folder  # checked once, so the early start need not ask again


def test_a_file_is_not_a_folder(image_folder):
    assert not parse([os.path.join(image_folder, "3.jpg")]).is_folder


def test_file_is_checked_but_its_folder_not_listed_yet(image_folder, monkeypatch):
    def no_listing(*args, **kwargs):
        raise AssertionError("the command line must not list the folder")

    monkeypatch.setattr("viewer.core.folder.sequence.list_image_names", no_listing)
    path = os.path.join(image_folder, "10.jpg")
    options = parse([path])
    assert (options.path, options.start) == (path, None)


def test_no_arguments_opens_empty():
    options = parse([])
    assert options.path is None


def test_poll_option(image_folder):
    assert parse([image_folder]).poll_seconds == 5.0
    assert parse([image_folder, "--poll", "0"]).poll_seconds == 0
    assert parse([image_folder, "--poll", "1.5"]).poll_seconds == 1.5
    with pytest.raises(UsageError, match="must be 0 or more"):
        parse([image_folder, "--poll", "-1"])


def test_start_out_of_range_message():
    assert start_out_of_range(12, "/f", 12) is None
    assert start_out_of_range(13, "/f", 12) == (
        "--start 13 is out of range: /f has 12 images (use 1 to 12)"
    )


def test_tuning_options(image_folder):
    options = parse([image_folder, "--ahead", "3", "--behind", "0", "--threads", "4",
                     "--cache-images", "20", "--cache-mb", "512"])  # fmt: skip
    assert (options.plan.ahead, options.plan.behind, options.threads) == (3, 0, 4)
    assert (options.max_images, options.max_bytes) == (20, 512 << 20)
    assert options.overrides == {
        "ahead": 3, "behind": 0, "threads": 4, "cache_images": 20, "cache_mb": 512
    }  # fmt: skip


def test_tuning_left_out_is_not_an_override(image_folder):
    options = parse([image_folder, "--threads", "3"])
    assert options.overrides == {"threads": 3}
    assert options.plan == ReadAheadPlan()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/place"], "no such file or folder: /no/such/place"),
        (["{folder}", "--start", "0"], "must be 1 or more"),
        (["{folder}", "--start", "x"], "not a whole number"),
        (["{folder}/3.jpg", "--start", "2"], "--start goes with a folder, not a file"),
        (["{text}"], "not an image file this viewer opens"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["{folder}", "--poll", "soon"], "not a number of seconds"),
    ],
)
def test_bad_command_lines(image_folder, tmp_path, args, message):
    empty = tmp_path / "empty"
    empty.mkdir()
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    fill = {"folder": image_folder, "empty": str(empty), "text": str(text)}
    args = [arg.format(**fill) for arg in args]
    with pytest.raises(UsageError) as caught:
        parse(args)
    assert message.format(**fill) in str(caught.value)


def test_unreadable_folder_from_the_command_line(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("viewer.core.folder.sequence.os.scandir", refuse)
    with pytest.raises(UsageError, match="permission denied reading folder"):
        parse([str(tmp_path)])


@pytest.mark.parametrize(
    "args",
    [
        ["/no/such/place"],
        ["--start", "x"],
        ["{folder}", "--start", "99"],  # found by the listing, after Qt started
        ["{empty}"],  # likewise
    ],
)
def test_errors_exit_2_with_one_line_and_no_traceback(image_folder, tmp_path, args):
    (tmp_path / "empty").mkdir()
    fill = {"folder": image_folder, "empty": str(tmp_path / "empty")}
    result = run_viewer(*[arg.format(**fill) for arg in args])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("viewer: error: ")
    assert "Traceback" not in result.stderr


def test_version():
    result = run_viewer("--version")
    assert result.returncode == 0 and result.stdout.startswith("viewer ")


def test_polling_and_image_limit_override_saved_preferences_only_when_given(image_folder):
    assert "poll_seconds" not in parse([image_folder]).overrides
    assert "max_image_mb" not in parse([image_folder]).overrides
    options = parse([image_folder, "--poll", "2.5", "--max-image-mb", "300"])
    assert options.overrides["poll_seconds"] == 2.5
    assert options.overrides["max_image_mb"] == 300


def test_recursive_browses_subfolders(image_folder):
    assert parse([image_folder, "--recursive"]).recursive
    assert parse([image_folder, "-r"]).recursive
    assert not parse([image_folder]).recursive
