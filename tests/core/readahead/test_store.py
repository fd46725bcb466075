import pytest

from viewer.core.readahead.store import ImageStore


def test_count_limit_evicts_least_recently_used():
    store: ImageStore[str, str] = ImageStore(max_count=3, max_cost=100)
    for key in "abc":
        store.insert(key, key.upper(), 1)
    store.lookup("a")  # a becomes most recent; b is now the oldest
    store.insert("d", "D", 1)
    assert store.keys() == ["c", "a", "d"]
    assert not store.contains("b")


def test_cost_limit():
    evicted = []
    store: ImageStore[str, int] = ImageStore(
        max_count=10, max_cost=10, on_evict=lambda k, v: evicted.append(k)
    )
    store.insert("a", 1, 4)
    store.insert("b", 2, 4)
    store.insert("c", 3, 4)
    assert evicted == ["a"]
    assert store.total_cost() == 8
    assert len(store) == 2


def test_oversized_item_is_refused_and_nothing_is_evicted():
    store: ImageStore[str, int] = ImageStore(max_count=10, max_cost=10)
    store.insert("a", 1, 5)
    assert store.insert("huge", 2, 11) is False
    assert store.keys() == ["a"]
    assert store.total_cost() == 5


def test_reinsert_replaces_cost():
    store: ImageStore[str, int] = ImageStore(max_count=10, max_cost=10)
    store.insert("a", 1, 5)
    store.insert("a", 2, 3)
    assert store.lookup("a") == 2
    assert store.total_cost() == 3


def test_peek_and_contains_do_not_touch_order():
    store: ImageStore[str, int] = ImageStore(max_count=2, max_cost=10)
    store.insert("a", 1, 1)
    store.insert("b", 2, 1)
    assert store.peek("a") == 1 and store.contains("a")
    store.insert("c", 3, 1)
    assert store.keys() == ["b", "c"]


def test_remove_and_clear():
    store: ImageStore[str, int] = ImageStore()
    store.insert("a", 1, 7)
    assert store.remove("a") and not store.remove("a")
    store.insert("b", 1, 7)
    store.clear()
    assert len(store) == 0 and store.total_cost() == 0


def test_set_limits_shrinks_at_once():
    store: ImageStore[int, int] = ImageStore(max_count=10, max_cost=100)
    for key in range(10):
        store.insert(key, key, 10)
    store.set_limits(max_count=3, max_cost=25)
    assert store.keys() == [8, 9]


def test_key_with_file_stamp_changes_on_edit():
    store: ImageStore[tuple[str, int, int], str] = ImageStore()
    store.insert(("1.png", 100, 1), "old pixels", 1)
    assert store.lookup(("1.png", 120, 2)) is None  # edited in place: a miss, so it is re-read


def test_bad_limits():
    with pytest.raises(ValueError):
        ImageStore(max_count=0)
