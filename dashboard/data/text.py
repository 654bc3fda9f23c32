"""The text a record can be found by, folded so that "sao paulo" finds "São Paulo".

Folding (lower case, accents removed) is done once per dataset, over whole Arrow arrays, so
that a search at a million records is a handful of vectorised substring scans rather than a
Python loop per record.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

COMBINING_MARKS = r"\p{Mn}"
SEPARATOR = "\n"  # between fields, so that no search word matches across two of them


def fold(text: str) -> str:
    """Lower case without accents or surrounding spaces: the form values are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def fold_array(values: pa.Array) -> pa.Array:
    """fold() for a whole string array: NFKD, combining marks dropped, lower case."""
    decomposed = pc.utf8_normalize(values, form="NFKD")
    return pc.utf8_lower(pc.replace_substring_regex(decomposed, COMBINING_MARKS, ""))


def joined(parts: list[pd.Series]) -> pa.Array:
    """Row-wise join of several text columns (missing values as empty), one string per row."""
    arrays = [pa.array(part.astype("string").fillna("").to_numpy(dtype=object), type=pa.large_string()) for part in parts]
    return pc.binary_join_element_wise(*arrays, pa.scalar(SEPARATOR, type=pa.large_string()))


def search_text(records: pd.DataFrame, citations: pd.DataFrame, sources: pd.DataFrame,
                names: dict[str, str]) -> pa.Array:
    """One folded string per record, in record order: its title, summary, city, organiser,
    dispute note, country and company names, and the titles and claims of the sources it
    cites. Names are included so that "Serbia" or "Hikvision" finds what a reader expects."""
    cited = citations[citations["owner_id"].isin(records["id"])]
    titles = cited["source_id"].map(sources.set_index("id")["title"]).fillna("")
    per_record = (titles.astype(str) + SEPARATOR + cited["claim"].fillna("").astype(str)).groupby(
        cited["owner_id"].to_numpy()).agg(SEPARATOR.join)
    listed = [records[column].map(lambda values: SEPARATOR.join(names.get(v, v) for v in values))
              for column in ("companies", "countries")]
    parts = [records[column] for column in ("title", "summary", "city", "organiser", "dispute_note")]
    parts += listed + [records["id"].map(per_record)]
    return fold_array(joined(parts))


def matches(text: pa.Array, query: str):
    """Boolean numpy array: rows where every word of the query starts a word of the text
    (any order): "nis" finds Niš but not "ministry"; "safe cit" finds "safe city"."""
    import re

    import numpy as np

    keep = np.ones(len(text), dtype=bool)
    for word in query_words(query):
        found = pc.match_substring_regex(text, r"(^|[^\pL\pN])" + re.escape(word))
        keep &= found.to_numpy(zero_copy_only=False)
    return keep


def query_words(query: str) -> list[str]:
    """The folded words of a query; quotes group words into one phrase ("safe city")."""
    import shlex

    try:
        words = shlex.split(query)
    except ValueError:  # an unbalanced quote: take the words as typed
        words = query.replace('"', " ").split()
    words = [w for w in (word.strip() for word in words) if w]
    return fold_array(pa.array(words, type=pa.string())).to_pylist() if words else []
