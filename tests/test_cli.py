from __future__ import annotations

import os
import subprocess
import sys

import pytest

from viewer.cli import UsageError, parse
from viewer.core.readahead import ReadAheadPlan


def run_viewer(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_folder_with_start(image_folder):
    options = parse([image_folder, "--start", "5"])
    assert options.start_index == 4
    assert options.sequence is not None and options.sequence.name(4) == "5.jpg"


def test_file_opens_its_folder_at_that_file(image_folder):
    options = parse([os.path.join(image_folder, "10.jpg")])
    assert options.start_index == 9
    assert len(options.sequence) == 12


def test_no_arguments_opens_empty():
    options = parse([])
    assert options.sequence is None


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
        (
            ["{folder}", "--start", "13"],
            "--start 13 is out of range: {folder} has 12 images (use 1 to 12)",
        ),
        (["{folder}", "--start", "0"], "must be 1 or more"),
        (["{folder}", "--start", "x"], "not a whole number"),
        (["{empty}"], "no images in folder: {empty}"),
        (["{folder}/3.jpg", "--start", "2"], "--start goes with a folder, not a file"),
        (["{text}"], "not an image file this viewer opens"),
        (["--bogus"], "unrecognized arguments: --bogus"),
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

    monkeypatch.setattr("viewer.core.sequence.os.scandir", refuse)
    with pytest.raises(UsageError, match="permission denied reading folder"):
        parse([str(tmp_path)])


@pytest.mark.parametrize(
    "args", [["/no/such/place"], ["{folder}", "--start", "99"], ["--start", "x"]]
)
def test_errors_exit_2_with_one_line_and_no_traceback(image_folder, args):
    result = run_viewer(*[arg.format(folder=image_folder) for arg in args])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("viewer: error: ")
    assert "Traceback" not in result.stderr


def test_version():
    result = run_viewer("--version")
    assert result.returncode == 0 and result.stdout.startswith("viewer ")
