"""``--install-desktop`` puts the entry and icon where the app menu and Open With look, the
entry names a command that runs, and ``--uninstall-desktop`` takes away just those files."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from viewer.app import main
from viewer.desktop.install import Places, entry_text, exec_argument, launch_command


def tree(folder: str) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path, with its bytes."""
    found = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            with open(path, "rb") as file:
                found[os.path.relpath(path, folder)] = file.read()
    return found


def generic_desktop(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment for xdg-utils with no desktop running: its own generic lookup,
    reading this test's XDG folders."""
    sessions = (
        "XDG_CURRENT_DESKTOP",
        "DESKTOP_SESSION",
        "KDE_FULL_SESSION",
        "GNOME_DESKTOP_SESSION_ID",
    )
    for name in sessions:
        monkeypatch.delenv(name, raising=False)
    return dict(os.environ)


def test_install_open_with_then_uninstall(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "data")
    monkeypatch.setenv("XDG_DATA_HOME", home)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    os.makedirs(os.path.join(home, "applications"))
    with open(os.path.join(home, "applications", "other.desktop"), "w") as file:
        file.write("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    before = tree(home)

    assert main(["--install-desktop"]) == 0
    places = Places(home)
    assert f"Installed {places.entry}" in capsys.readouterr().out
    assert os.path.isfile(places.icon) and places.icon.endswith(
        os.path.join("icons", "hicolor", "scalable", "apps", "viewer.svg")
    )
    with open(places.entry, encoding="utf-8") as file:
        entry = file.read()
    assert "MimeType=image/jpeg;" in entry and "image/webp;" in entry
    assert f"Exec={' '.join(exec_argument(part) for part in launch_command())} %f" in entry

    if shutil.which("xdg-mime") is None:
        pytest.skip("xdg-mime is not installed (Debian: xdg-utils)")
    env = generic_desktop(monkeypatch)
    subprocess.run(["xdg-mime", "default", "viewer.desktop", "image/jpeg"], env=env, check=True)
    query = ["xdg-mime", "query", "default", "image/jpeg"]
    answer = subprocess.run(query, env=env, check=True, capture_output=True, text=True)
    assert answer.stdout.strip() == "viewer.desktop"

    assert main(["--uninstall-desktop"]) == 0
    after = tree(home)
    assert not os.path.exists(places.entry) and not os.path.exists(places.icon)
    assert {path: after[path] for path in before} == before  # nothing else went or changed
    for path in set(after) - set(before):  # only caches the refresh tools made, without us
        assert os.path.basename(path) == "mimeinfo.cache", path
        assert b"viewer" not in after[path]


def test_the_entry_passes_desktop_file_validate(tmp_path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    for command in (launch_command(), ["/opt/My Apps/bin/python3", "-m", "viewer"]):
        path = tmp_path / "viewer.desktop"
        path.write_text(entry_text(command), encoding="utf-8")
        checked = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


def test_the_entry_names_a_command_that_runs() -> None:
    """The console script beside this interpreter (a venv's bin), or ``python -m viewer``."""
    command = launch_command()
    assert os.path.isabs(command[0])
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("viewer "), done.stderr


def test_arguments_with_spaces_and_reserved_characters_are_quoted() -> None:
    assert exec_argument("/usr/bin/viewer") == "/usr/bin/viewer"
    assert exec_argument("/opt/My Apps/viewer") == '"/opt/My Apps/viewer"'
    assert exec_argument('/opt/a"b$c') == '"/opt/a\\\\"b\\\\$c"'  # quoted, then escaped again
    assert exec_argument("/opt/100%/viewer") == '"/opt/100%%/viewer"'


def test_uninstalling_what_is_not_there_says_so(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--uninstall-desktop"]) == 0
    assert "Not installed:" in capsys.readouterr().out
