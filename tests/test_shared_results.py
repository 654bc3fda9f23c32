"""Page results shared across sessions: built once per dataset, filter state and option,
never served for another dataset, and bounded."""

from __future__ import annotations

from dashboard.ui.shared import SharedResults


class Dataset:  # any object stands for a loaded dataset
    pass


def test_a_result_is_built_once_per_key_and_shared():
    results, data, built = SharedResults(), Dataset(), []
    build = lambda: built.append(1) or object()  # noqa: E731
    first = results.get(data, ("filters", "map", ("company",)), build)
    again = results.get(data, ("filters", "map", ("company",)), build)
    other = results.get(data, ("filters", "map", ("technology",)), build)
    assert first is again and other is not first and len(built) == 2


def test_a_new_dataset_never_gets_the_old_datasets_result():
    results = SharedResults()
    old, new = Dataset(), Dataset()
    assert results.get(old, "key", lambda: "old") == "old"
    assert results.get(new, "key", lambda: "new") == "new"


def test_the_oldest_results_go_first_past_the_bound():
    results, data = SharedResults(limit=3), Dataset()
    for key in "abcd":
        results.get(data, key, lambda key=key: key.upper())
    assert len(results) == 3
    rebuilt = []
    results.get(data, "a", lambda: rebuilt.append("a") or "A")  # evicted: built again
    results.get(data, "d", lambda: rebuilt.append("d") or "D")  # kept
    assert rebuilt == ["a"]


def test_a_size_measure_bounds_the_total_and_skips_what_is_too_big():
    results, data = SharedResults(limit=10, size=len), Dataset()
    results.get(data, "small", lambda: "abcd")
    results.get(data, "big", lambda: "x" * 11)  # larger than the limit: returned, never kept
    results.get(data, "more", lambda: "abcdefgh")  # 4 + 8 > 10: the oldest goes
    assert len(results) == 1
