"""The text a record can be found by, folded so that "sao paulo" finds "São Paulo".

Folding (lower case, accents removed) is done once per dataset, over whole Arrow arrays, so
that a search at a million records is a handful of vectorised substring scans rather than a
Python loop per record.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

COMBINING_MARKS = r"\p{Mn}"
WORD_START = r"(^|[^\pL\pN])"  # a word begins after the start or any non-letter, non-digit
SEPARATOR = "\n"  # between fields, so that no search word matches across two of them


def fold(text: str) -> str:
    """Lower case without accents or surrounding spaces: the form values are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def fold_array(values: pa.Array) -> pa.Array:
    """fold() for a whole string array: NFKD, combining marks dropped, lower case. Rows that
    are plain ASCII (most) only need lower case; the costly Unicode steps run on the rest."""
    plain = pc.string_is_ascii(values).to_numpy(zero_copy_only=False)
    if plain.all():
        return pc.ascii_lower(values)
    ascii_rows, other_rows = np.flatnonzero(plain), np.flatnonzero(~plain)
    others = values.take(pa.array(other_rows))
    others = pc.utf8_lower(pc.replace_substring_regex(pc.utf8_normalize(others, form="NFKD"), COMBINING_MARKS, ""))
    combined = pa.concat_arrays([pc.ascii_lower(values.take(pa.array(ascii_rows))), others.cast(values.type)])
    return combined.take(pa.array(np.argsort(np.concatenate([ascii_rows, other_rows]), kind="stable")))


def text_array(values: pd.Series) -> pa.Array:
    """A text column (categorical, Arrow or object) as an Arrow large string array, missing as ""."""
    return pa.array(values.astype("string").fillna("").to_numpy(dtype=object), type=pa.large_string())


def joined(parts: list[pa.Array]) -> pa.Array:
    """Row-wise join of several text arrays, one string per row."""
    return pc.binary_join_element_wise(*parts, pa.scalar(SEPARATOR, type=pa.large_string()))


def per_row(rows: np.ndarray, texts: pa.Array, count: int) -> pa.Array:
    """Join the texts that belong to each row (rows[i] owns texts[i]) into one string per row,
    in row order; a row owning nothing gets "". Arrow list offsets, no Python loop."""
    order = np.argsort(rows, kind="stable")
    offsets = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=count))]).astype(np.int64)
    lists = pa.LargeListArray.from_arrays(pa.array(offsets), texts.take(pa.array(order)))
    return pc.fill_null(pc.binary_join(lists, pa.scalar(SEPARATOR, type=pa.large_string())), "")


def search_text(records: pd.DataFrame, citations: pd.DataFrame, source_titles: pd.Series,
                links: dict[str, pd.DataFrame], names: dict[str, str]) -> pa.Array:
    """One folded string per record, in record order: its title, summary, city, organiser,
    dispute note, country and company names, and the titles and claims of the sources it
    cites. Names are included so that "Serbia" or "Hikvision" finds what a reader expects.
    Whole-array operations only: no Python loop per record."""
    count = len(records)
    parts = [text_array(records[column]) for column in ("title", "summary", "city", "organiser", "dispute_note")]
    for column, link in links.items():
        labels = np.array([names.get(str(c), str(c)) for c in link[column].cat.categories] + [""], dtype=object)
        parts.append(per_row(link["row"].to_numpy(dtype=np.int64),
                             pa.array(labels[link[column].array.codes], type=pa.large_string()), count))
    rows = pd.Index(records["id"]).get_indexer(citations["owner_id"])
    cited = rows >= 0
    titles = citations["source_id"][cited].map(source_titles)
    parts.append(per_row(rows[cited], joined([text_array(titles), text_array(citations["claim"][cited])]), count))
    return fold_array(joined(parts))


def matches(text: pa.Array, query: str, keep: np.ndarray | None = None) -> np.ndarray:
    """Boolean array: rows where every word of the query starts a word of the text (any
    order): "nis" finds Niš but not "ministry"; "safe cit" finds "safe city". Only rows
    still in `keep` are read, and each word narrows the rows the last one left: a plain
    substring scan first, the word-start check only on its hits."""
    found = np.flatnonzero(np.ones(len(text), dtype=bool) if keep is None else keep)
    for word in query_words(query):
        if not len(found):
            break
        subset = text.take(pa.array(found)) if len(found) < len(text) else text
        literal = re.escape(word)  # RE2 scans for a literal faster than match_substring does
        hits = np.flatnonzero(pc.match_substring_regex(subset, literal).to_numpy(zero_copy_only=False))
        at_start = pc.match_substring_regex(subset.take(pa.array(hits)), WORD_START + literal)
        found = found[hits[at_start.to_numpy(zero_copy_only=False)]]
    result = np.zeros(len(text), dtype=bool)
    result[found] = True
    return result


def query_words(query: str) -> list[str]:
    """The folded words of a query; quotes group words into one phrase ("safe city")."""
    import shlex

    try:
        words = shlex.split(query)
    except ValueError:  # an unbalanced quote: take the words as typed
        words = query.replace('"', " ").split()
    words = [w for w in (word.strip() for word in words) if w]
    return fold_array(pa.array(words, type=pa.string())).to_pylist() if words else []
