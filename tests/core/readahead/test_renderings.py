"""Renderings: one store keyed by file version and display box, with no Qt."""

from __future__ import annotations

from viewer.core.io.reading import FileStamp
from viewer.core.metadata.image_info import ImageInfo
from viewer.core.readahead.renderings import RenderingKey, Renderings

OLD, NEW = FileStamp(100, 1), FileStamp(120, 2)
INFO = ImageInfo(400, 300, 100, "JPEG")


def test_a_rendering_is_found_at_its_box_only():
    renderings: Renderings[str] = Renderings(10, 10_000)
    assert renderings.lookup("a", (40, 30)) is None  # never read: no version known
    assert renderings.add(RenderingKey("a", OLD, (40, 30)), INFO, "small", 10)
    assert renderings.lookup("a", (40, 30)) == "small"
    assert renderings.peek("a", None) is None and not renderings.has("a", (80, 60))
    assert renderings.store.keys() == [RenderingKey("a", OLD, (40, 30))]


def test_lookup_any_gives_the_largest_rendering_of_the_current_version():
    renderings: Renderings[str] = Renderings(10, 10_000)
    renderings.add(RenderingKey("a", OLD, (40, 30)), INFO, "small", 10)
    renderings.add(RenderingKey("a", OLD, None), INFO, "full", 50)
    renderings.add(RenderingKey("a", OLD, (80, 60)), INFO, "medium", 20)
    assert renderings.lookup_any("a") == "full"
    assert renderings.lookup_any("b") is None


def test_an_edited_file_loses_every_rendering_of_its_old_version():
    renderings: Renderings[str] = Renderings(10, 10_000)
    renderings.add(RenderingKey("a", OLD, (40, 30)), INFO, "small", 10)
    renderings.add(RenderingKey("a", OLD, None), INFO, "full", 50)
    renderings.add(RenderingKey("b", OLD, None), INFO, "other", 50)
    assert not renderings.purge_if_edited("a", OLD)  # unchanged
    assert not renderings.purge_if_edited("a", None)  # could not be stat'ed
    assert renderings.purge_if_edited("a", NEW)
    assert [key.path for key in renderings.store] == ["b"]
    assert renderings.key("a", None) is None  # its version is read again with the file


def test_estimate_uses_the_known_size_fitted_to_the_box_else_the_last_cost():
    renderings: Renderings[str] = Renderings(10, 10_000_000)
    assert not renderings.knows_a_size() and renderings.estimate("a", None) == 0
    renderings.add(RenderingKey("a", OLD, None), INFO, "full", 480_000)
    assert renderings.knows_a_size()
    assert renderings.estimate("a", (200, 200)) == 200 * 150 * 4
    assert renderings.estimate("a", None) == 400 * 300 * 4
    assert renderings.estimate("never-seen", None) == 480_000


def test_evict_to_fit_spares_protected_paths():
    renderings: Renderings[str] = Renderings(10, 10_000)
    for path in "abc":
        renderings.add(RenderingKey(path, OLD, None), INFO, path, 100)
    assert renderings.evict_to_fit(150, protected={"a"})
    assert [key.path for key in renderings.store] == ["a"]
    assert not renderings.evict_to_fit(50, protected={"a"})
    assert len(renderings.store) == 1


def test_a_renamed_file_keeps_its_renderings_and_a_removed_one_loses_them():
    renderings: Renderings[str] = Renderings(10, 10_000)
    renderings.add(RenderingKey("a", OLD, (40, 30)), INFO, "small", 10)
    renderings.add(RenderingKey("a", OLD, None), INFO, "full", 50)
    renderings.add(RenderingKey("b", NEW, None), INFO, "other", 50)
    renderings.rename("a", "c")
    assert renderings.lookup("c", (40, 30)) == "small" and renderings.lookup_any("c") == "full"
    assert renderings.stamp("c") == OLD and renderings.info("c") == INFO
    assert renderings.stamp("a") is None and renderings.lookup_any("a") is None
    assert renderings.store.total_cost() == 110
    renderings.rename("b", None)
    assert renderings.stamp("b") is None and [key.path for key in renderings.store] == ["c", "c"]
