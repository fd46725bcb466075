"""Faults during a write: another program's edit in between, an injected file-system
failure at each step, and a changed sidecar at undo. The old sidecar or the new one is there
whole, never a mix; no temporary file is left."""

from __future__ import annotations

import errno
import os

import pytest

from tests.core.fileops.faulty_fs import FaultyFs
from tests.core.verdicts import samples
from tests.core.verdicts.helpers import partials, read, triples, write
from viewer.core.fileops.transfer import Progress
from viewer.core.verdicts import (
    Edit,
    Label,
    SidecarError,
    Verdict,
    read_verdict,
    set_verdict,
    undo_verdict,
)
from viewer.core.verdicts.atomic import WRITE_STEPS

#: Lightroom's sidecar after the user added a keyword and changed exposure there.
THEIRS = samples.LIGHTROOM.replace(b'"+0.35"', b'"+1.10"').replace(
    b"<rdf:li>wedding</rdf:li>", b"<rdf:li>wedding</rdf:li>\n     <rdf:li>dance</rdf:li>"
)


def _setup(tmp_path: object) -> tuple[str, str, str]:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "IMG_0001.CR2"), b"raw")
    return folder, image, write(os.path.join(folder, "IMG_0001.xmp"), samples.LIGHTROOM)


def test_another_programs_edit_between_read_and_write_is_kept(tmp_path: object) -> None:
    folder, image, sidecar = _setup(tmp_path)
    seen = read_verdict(image)
    fs = FaultyFs()

    def lightroom_saves(written: int) -> None:
        fs.after_write = None
        write(sidecar, THEIRS)  # lands after our read, before our rename

    fs.after_write = lightroom_saves
    written = set_verdict(image, Edit(rating=5), seen=seen, fs=fs)
    after = read(sidecar)
    assert written.merged
    assert b'crs:Exposure2012="+1.10"' in after and b"<rdf:li>dance</rdf:li>" in after
    assert after == THEIRS.replace(b'xmp:Rating="2"', b'xmp:Rating="5"')
    assert written.changes[0].before == THEIRS
    assert partials(folder) == []


def test_a_sidecar_changed_before_the_write_gets_the_edit(tmp_path: object) -> None:
    _, image, sidecar = _setup(tmp_path)
    seen = read_verdict(image)
    write(sidecar, THEIRS.replace(b'xmp:Label="Yellow"', b'xmp:Label="Green"'))
    written = set_verdict(image, Edit(rating=4), seen=seen)
    assert written.merged and written.verdict == Verdict(4, Label.GREEN)  # their label stays


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_a_failure_at_each_step_keeps_the_old_sidecar(tmp_path: object, step: str) -> None:
    folder, image, sidecar = _setup(tmp_path)

    class Failing(FaultyFs):
        pass

    fs = Failing()

    def fail_at(progress: Progress) -> None:
        if progress.step == step:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    with pytest.raises(SidecarError, match=r"the share stopped answering\.$"):
        set_verdict(image, Edit(rating=5), fs=fs, progress=fail_at)
    assert read(sidecar) == samples.LIGHTROOM
    assert partials(folder) == []


def test_no_space_keeps_the_old_sidecar(tmp_path: object) -> None:
    folder, image, sidecar = _setup(tmp_path)
    fs = FaultyFs()
    fs.space = 100
    with pytest.raises(SidecarError) as raised:
        set_verdict(image, Edit(label=Label.RED), fs=fs)
    assert str(raised.value) == (
        f"Could not write the verdict of IMG_0001.CR2: there is no space left in {folder}."
    )
    assert read(sidecar) == samples.LIGHTROOM
    assert partials(folder) == []


def test_a_failing_rename_keeps_the_old_sidecar(tmp_path: object) -> None:
    folder, image, sidecar = _setup(tmp_path)

    class NoReplace(FaultyFs):
        def replace(self, source: str, target: str) -> None:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)

    with pytest.raises(SidecarError, match="permission denied"):
        set_verdict(image, Edit(rating=1), fs=NoReplace())
    assert read(sidecar) == samples.LIGHTROOM
    assert partials(folder) == []


def test_the_permission_bits_are_kept(tmp_path: object) -> None:
    _, image, sidecar = _setup(tmp_path)
    os.chmod(sidecar, 0o640)
    set_verdict(image, Edit(rating=3))
    assert os.stat(sidecar).st_mode & 0o777 == 0o640


def test_a_second_sidecar_failing_rolls_back_the_first(tmp_path: object) -> None:
    folder, image, shared = _setup(tmp_path)
    own = write(image + ".xmp", samples.DARKTABLE)

    class SecondFails(FaultyFs):
        replaced = 0

        def replace(self, source: str, target: str) -> None:
            self.replaced += 1
            if self.replaced == 2:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            super().replace(source, target)

    with pytest.raises(SidecarError):
        set_verdict(image, Edit(rating=5), fs=SecondFails())
    assert read(own) == samples.DARKTABLE and read(shared) == samples.LIGHTROOM
    assert partials(folder) == []


def test_both_sidecars_of_an_image_get_the_verdict(tmp_path: object) -> None:
    _, image, shared = _setup(tmp_path)
    own = write(image + ".xmp", samples.DARKTABLE)
    assert read_verdict(image).source == own  # NAME.EXT.xmp wins
    written = set_verdict(image, Edit(rating=5))
    assert [change.path for change in written.changes] == [own, shared]
    assert triples(read(own)) == triples(samples.DARKTABLE)
    assert b'xmp:Rating="5"' in read(own) and b'xmp:Rating="5"' in read(shared)


def test_undo_restores_the_exact_bytes(tmp_path: object) -> None:
    _, image, sidecar = _setup(tmp_path)
    first = set_verdict(image, Edit(rating=-1))
    second = set_verdict(image, Edit(label=None))
    undo_verdict(second)
    assert read(sidecar) == first.changes[0].after
    undo_verdict(first)
    assert read(sidecar) == samples.LIGHTROOM


def test_undo_removes_a_sidecar_the_viewer_made(tmp_path: object) -> None:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "a.jpg"), b"jpeg")
    written = set_verdict(image, Edit(rating=2))
    assert sorted(os.listdir(folder)) == ["a.jpg", "a.jpg.xmp"]
    undo_verdict(written)
    assert os.listdir(folder) == ["a.jpg"]


def test_undo_keeps_a_sidecar_changed_since(tmp_path: object) -> None:
    _, image, sidecar = _setup(tmp_path)
    written = set_verdict(image, Edit(rating=4))
    write(sidecar, THEIRS)
    with pytest.raises(SidecarError, match="changed since the verdict was set, so undo kept it"):
        undo_verdict(written)
    assert read(sidecar) == THEIRS


def test_a_sidecar_that_appeared_is_written_into_not_over(tmp_path: object) -> None:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "IMG_0001.CR2"), b"raw")
    fs = FaultyFs()

    def darktable_creates(written: int) -> None:
        fs.after_write = None
        write(image + ".xmp", samples.DARKTABLE)

    fs.after_write = darktable_creates
    written = set_verdict(image, Edit(rating=3), names=["IMG_0001.CR2"], fs=fs)
    assert written.changes[0].before == samples.DARKTABLE
    assert read(image + ".xmp") == samples.DARKTABLE.replace(b'Rating="1"', b'Rating="3"')
    assert partials(folder) == []


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        (b'crs:Exposure2012="+0.35"', b'crs:Exposure2012="+0.36"'),  # another property
        (b"<rdf:li>wedding</rdf:li>", b""),  # a keyword lost
        (b'xmlns:dc="http://purl.org/dc/elements/1.1/"', b'xmlns:dc="http://purl.org/dc/1.2/"'),
        (b'xmp:Rating="5"', b'xmp:Rating="4"'),  # the edit itself gone wrong
    ],
)
def test_a_splice_that_changes_anything_else_is_refused(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, wrong: bytes, right: bytes
) -> None:
    from viewer.core.verdicts import splice

    folder, image, sidecar = _setup(tmp_path)
    finish = splice._Editor.finish

    def faulty(editor: splice._Editor) -> bytes:
        return finish(editor).replace(wrong, right)

    monkeypatch.setattr(splice._Editor, "finish", faulty)
    with pytest.raises(SidecarError, match="the edit did not check out, so its bytes were kept"):
        set_verdict(image, Edit(rating=5))
    assert read(sidecar) == samples.LIGHTROOM
    assert partials(folder) == []
