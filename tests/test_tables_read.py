"""Every table and text on every page, on the shipped data, reads as words: each shown column has
a label, no label or cell is a raw key (record_type, loan_financed, china_exim_bank), and a
missing value is an empty cell, never 'None' or 'nan'.

The browser test sees only the cells a table draws on screen; this one reads every cell that
the page sends, whichever columns fit the window."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import load_dataset
from tests.conftest import PROJECT

APP = str(PROJECT / "dashboard" / "app.py")
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
ADDRESS = re.compile(r"\S+://\S+")


def card_record() -> str:
    data = load_dataset()
    return str(data.records.loc[data.records["disputed"], "id"].iloc[0])


VIEWS = [("map", {}), ("timeline", {}), ("compare", {}), ("country", {}), ("country", {"profile": "Serbia"}),
         ("company", {}), ("company", {"profile_company": "Huawei"}), ("europe", {}), ("records", {}),
         ("records", {"record": None}), ("sources", {})]


def open_view(page: str, query: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({k: (card_record() if v is None else v) for k, v in query.items()})
    at.run()
    if page != "map":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception
    return at


def shown_columns(element) -> tuple[pd.DataFrame, dict]:
    frame = element.value
    config = json.loads(element.proto.columns or "{}")
    order = list(element.proto.column_order) or [c for c in frame.columns if not str(c).startswith("_")]
    return frame[[c for c in order if c in frame.columns]], config


@pytest.mark.parametrize("page,query", VIEWS, ids=[f"{p}{'-' + next(iter(q)) if q else ''}" for p, q in VIEWS])
def test_tables_and_text_read_as_words(page, query):
    at = open_view(page, query)
    for element in at.dataframe:
        frame, config = shown_columns(element)
        for column in frame.columns:
            settings = config.get(str(column), {})
            label = settings.get("label", str(column)) if isinstance(settings, dict) else str(settings)
            assert label.strip() and not SNAKE_CASE.search(label), f"column {column!r} on {page} is labelled {label!r}"
            kind = (settings.get("type_config") or {}).get("type") if isinstance(settings, dict) else None
            values = frame[column]
            assert "list" not in str(values.dtype), f"{page}: column {label!r} shows lists, not words"
            if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
                assert not values.isna().any(), f"{page}: column {label!r} shows a missing value as a word"
                if kind != "link":
                    raw = {m for v in values.astype(str) for m in SNAKE_CASE.findall(ADDRESS.sub(" ", v))}
                    assert not raw, f"{page}: column {label!r} shows raw keys {sorted(raw)[:5]}"
    words = "\n".join(block.value for block in [*at.markdown, *at.caption, *at.subheader, *at.info, *at.warning])
    raw = sorted(set(SNAKE_CASE.findall(ADDRESS.sub(" ", words.replace("\\", "")))))
    assert not raw, f"{page}: raw keys in the text: {raw[:8]}"
