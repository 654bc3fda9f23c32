"""Results shared by every session: what the app computes from the data and the filters (the
selection, a page's counts, series and figures) is computed once per filter state.

Most readers of a shared link ask the same question, and a rerun that changed nothing asks it
again. A result is kept with the dataset it was built from, so a reloaded dataset never
serves an old result; the least recently used results go first once their total size passes
the limit. Nothing a session reads from here may be changed by it: masks are read-only
arrays, Streamlit only serialises figures, and pages only read frames."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class SharedResults:
    def __init__(self, limit: int = 128, size: Callable[[object], int] = lambda value: 1):
        """`limit` in the units `size` gives a result: a count by default, or bytes."""
        self.limit, self.size = limit, size
        self._results: OrderedDict = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()

    def get(self, dataset: object, key: Hashable, build: Callable[[], T]) -> T:
        """The result for (`dataset`, `key`), built by `build` the first time it is asked for."""
        slot = (id(dataset), key)
        with self._lock:
            found = self._results.get(slot)
            if found is not None and found[0] is dataset:
                self._results.move_to_end(slot)
                return found[1]
        value = build()  # outside the lock: two sessions may build the same result once each
        size = self.size(value)
        with self._lock:
            if slot not in self._results and size <= self.limit:
                self._results[slot] = (dataset, value, size)  # the dataset is held so its id stays its own
                self._total += size
                while self._total > self.limit:
                    _, (_, _, dropped) = self._results.popitem(last=False)
                    self._total -= dropped
        return value

    def __len__(self) -> int:
        return len(self._results)


PAGE_RESULTS = SharedResults(limit=128)


def shared(view, name: str, build: Callable[[], T], *options: Hashable) -> T:
    """`build()`'s result for this view's dataset and filters, the page `name` and its
    `options` (radio values, windows), computed once and then shared."""
    return PAGE_RESULTS.get(view.prepared, (view.filters, name, options), build)


def once(view, name: str, build: Callable[[], T]) -> T:
    """`build()`'s result for this view's dataset alone (whatever the filters): tables and
    figures of what the data holds, such as the source register and the coverage charts."""
    return PAGE_RESULTS.get(view.prepared, (name,), build)
