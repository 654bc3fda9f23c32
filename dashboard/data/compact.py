"""Compact column forms for the records: repeated text as categorical, unique text as Arrow
strings, id lists as Arrow lists. Used when the data is built and when the cache is read."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

TEXT_COLUMNS = ["title", "organiser", "city", "date", "end_date", "dispute_note", "summary"]


LIST_COLUMNS = ["companies", "countries", "technology"]
STRING_LIST = pd.ArrowDtype(pa.list_(pa.string()))


def compact_text(records: pd.DataFrame, keep_forms: bool = False) -> pd.DataFrame:
    """Free text in the cheaper of two compact forms, and id lists as Arrow lists.

    Text that repeats (cities, dates, organisers) becomes categorical: one copy per distinct
    value. Text that does not (each record's own summary) stays an Arrow string column: as
    categorical it would carry a million categories, and Parquet would hand them back once
    per chunk (2.7 GB for a million summaries). Element access still gives Python strings
    and lists. keep_forms: keep columns already in either form, as the Parquet cache gives
    them back (deciding again would hash a million strings at every start)."""
    kinds = {column: compact_kind(records[column], keep_forms) for column in TEXT_COLUMNS}
    return records.astype(kinds | {column: STRING_LIST for column in LIST_COLUMNS})


def compact_kind(values: pd.Series, keep_form: bool = False):
    """'category' when the distinct values are at most half the rows, else Arrow strings."""
    categorical = isinstance(values.dtype, pd.CategoricalDtype)
    if keep_form and (categorical or values.dtype == "str"):
        return values.dtype
    if categorical:
        distinct = int((values.cat.remove_unused_categories().cat.categories.size))
    else:
        distinct = pc.count_distinct(pa.array(values, type=pa.large_string(), from_pandas=True)).as_py()
    present = int(values.notna().sum())
    return "category" if distinct <= max(present, 1) // 2 else "str"
