"""Array kernels every count and filter is built from: membership on category codes, links
picked by row position, month comparisons, grouping by counting. Numpy in, numpy out; no
pandas objects are copied, which is what keeps a filter change fast at a million records."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset

Records = pd.DataFrame | np.ndarray


def linking(records: pd.DataFrame, link: pd.DataFrame, column: str, chosen: tuple) -> np.ndarray | bool:
    """Records with at least one link whose value is chosen, found by row position (True,
    meaning every record, when nothing is chosen)."""
    if not chosen:
        return True
    hit = np.zeros(len(records), dtype=bool)
    hit[link["row"].to_numpy()[is_in(link[column], chosen)]] = True
    return hit


def is_in(values: pd.Series, chosen) -> np.ndarray:
    """values.isin(chosen) as a numpy array; for a categorical, a lookup on its codes."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return values.isin(chosen).to_numpy()
    lookup = np.zeros(len(values.cat.categories) + 1, dtype=bool)  # the extra slot is code -1 (missing)
    lookup[values.cat.categories.get_indexer(list(chosen))] = True
    lookup[-1] = False
    return lookup[values.array.codes]


def date_mask(records: pd.DataFrame, date_from, date_to, rule: str = "within") -> np.ndarray:
    """Keep records whose date interval lies inside [date_from, date_to] (months, inclusive).

    "within": the whole interval must be inside; "overlaps": any part of it. A date lies in
    a month range exactly when its month does, so the records' month codes are compared
    when they have them (the data layer adds them), numpy datetimes otherwise.
    """
    keep = np.ones(len(records), dtype=bool)
    if "start_month" in records.columns:
        starts, ends = records["start_month"].to_numpy(), records["end_month"].to_numpy()
        if date_from is not None:
            keep &= (starts if rule == "within" else ends) >= pd.Period(date_from, "M").ordinal
        if date_to is not None:
            keep &= (ends if rule == "within" else starts) <= pd.Period(date_to, "M").ordinal
        return keep
    starts, ends = records["date_start"].to_numpy(), records["date_end"].to_numpy()
    unit = starts.dtype  # the bound in the column's own unit: no conversion of a million values
    if date_from is not None:
        start = np.datetime64(pd.Period(date_from, "M").start_time).astype(unit)
        keep &= (starts if rule == "within" else ends) >= start
    if date_to is not None:
        end = np.datetime64(pd.Period(date_to, "M").end_time).astype(unit)
        keep &= (ends if rule == "within" else starts) <= end
    return keep


def selection(data: Dataset, records: Records) -> np.ndarray:
    """Boolean array over data.records marking the given records."""
    if isinstance(records, np.ndarray):
        if records.dtype != bool or len(records) != len(data.records):
            raise ValueError("a mask must be a boolean array as long as data.records")
        return records
    chosen = np.zeros(len(data.records), dtype=bool)
    chosen[records.index.to_numpy()] = True
    return chosen


def group_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(keys, return_inverse=True, return_counts=True) for non-negative integers,
    by counting instead of sorting when the keys are dense enough (places x companies are)."""
    span = int(keys.max()) + 1 if len(keys) else 0
    if span > 4 * len(keys) + 1_000_000:
        return np.unique(keys, return_inverse=True, return_counts=True)
    per_key = np.bincount(keys, minlength=span)
    ids = np.flatnonzero(per_key)
    dense = np.zeros(span, dtype=np.int64)
    dense[ids] = np.arange(len(ids))
    return ids, dense[keys], per_key[ids]


def rank_in_group(groups: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions ordered by group (stable), and each position's rank within its group.
    A stable sort of 16-bit ids is a radix sort: linear in the number of positions."""
    order = np.argsort(groups.astype(np.uint16) if len(counts) <= 1 << 16 else groups, kind="stable")
    group_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - group_start[groups[order]]
    return order, rank


def most_recent(starts: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` latest values, latest first, ties in position order, without
    sorting them all (a selection can hold hundreds of thousands of agreements)."""
    if len(starts) > limit:
        cutoff = np.partition(starts, len(starts) - limit)[len(starts) - limit]
        candidates = np.flatnonzero(starts >= cutoff)
    else:
        candidates = np.arange(len(starts))
    ordered = candidates[np.argsort(-starts[candidates].astype(np.int64), kind="stable")]
    return ordered[:limit]
