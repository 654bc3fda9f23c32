"""Records over time: per month, quarter or year, stacked by company or technology; the
agreements' lanes; the dated milestones of the selected records."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from .counts import linked, links
from .kernels import Records, is_in, most_recent, selection

NONE = "(none)"  # stack key for records with no value in the stacking dimension


SPANNING = np.iinfo(np.int64).min  # code of a date whose bounds lie in different years


def _period_codes(dated: pd.DataFrame, freq: str) -> tuple[np.ndarray, pd.DataFrame]:
    """Per record, an integer code of the period it is counted in, and per code its label,
    start, end and whether it is a year. A date is counted in the finest period that holds
    all of it: a month or quarter when its bounds fall in one, else its year (a year-only
    date, or an interval within one year). An interval across years ("2016/2021-07") gets
    the code SPANNING and is left out of the series, never pinned to one of its years.
    Integers, not strings, per record: this runs on every filter change."""
    start, end = dated["date_start"], dated["date_end"]
    fine = start.dt.to_period(freq).array.asi8
    fine_end = end.dt.to_period(freq).array.asi8
    year, year_end = start.dt.year.to_numpy(dtype=np.int64), end.dt.year.to_numpy(dtype=np.int64)
    codes = np.where(fine == fine_end, fine, np.where(year == year_end, -1 - year, SPANNING))
    unique = np.unique(codes[codes != SPANNING])
    labels, starts, ends = [], [], []
    for code in unique:
        period = pd.Period(year=-1 - code, freq="Y") if code < 0 else pd.Period(ordinal=code, freq=freq)
        labels.append(str(period)); starts.append(period.start_time); ends.append(period.end_time)
    meta = pd.DataFrame({"period": labels, "start": starts, "end": ends, "year_only": unique < 0}, index=unique)
    return codes, meta


def time_series(data: Dataset, records: Records, freq: str = "Q", stack: str = "company") -> pd.DataFrame:
    """Records per period (month "M" or quarter "Q"), stacked by a dimension.

    Records dated only to a year cannot be placed in a month or quarter: they are returned
    with `period` = their year and `year_only` True, and the figure draws them apart.
    Nothing is pinned to the first month of its year. Records dated by an interval across
    years are left out; `attrs["spanning"]` says how many, for the chart's sentence. A
    record with no value in the stacking dimension (a training with no company) is stacked
    as NONE, not dropped.
    """
    columns_out = ["period", "start", "end", "year_only", stack, "records"]
    chosen = selection(data, records)
    rows = np.flatnonzero(chosen)
    if not len(rows):
        return pd.DataFrame(columns=columns_out)
    codes, meta = _period_codes(data.records[["date_start", "date_end"]].iloc[rows], freq)
    spanning = codes == SPANNING
    if spanning.any():
        chosen = chosen.copy()
        chosen[rows[spanning]] = False
        rows, codes = rows[~spanning], codes[~spanning]
    code_of_row = np.zeros(len(data.records), dtype=np.int64)
    code_of_row[rows] = codes
    found = links(data, chosen, stack)
    unlinked = np.setdiff1d(rows, found.rows, assume_unique=False)
    keys = np.concatenate([found.codes, np.full(len(unlinked), -1)])  # -1: no value, stacked as NONE
    periods = code_of_row[np.concatenate([found.rows, unlinked])]
    counts = pd.DataFrame({"code": periods, "key": keys}).groupby(["code", "key"]).size().rename("records").reset_index()
    labels = np.append(found.dtype.categories.astype(str).to_numpy(dtype=object), NONE)  # index -1 is NONE
    counts[stack] = labels[counts["key"].to_numpy()]
    out = counts.join(meta, on="code")
    out = out.sort_values(["start", stack], kind="stable")[columns_out].reset_index(drop=True)
    out.attrs["spanning"] = int(spanning.sum())
    return out


def agreement_lanes(data: Dataset, records: Records, limit: int = 200) -> pd.DataFrame:
    """One row per (agreement, company): its interval from the start of its date to the end
    of its end_date, or to the end of its own date when no end is known. At most `limit`
    agreements, the most recent, so the figure stays light; `lanes.attrs["total"]` says how
    many there were."""
    everything = data.records
    chosen = selection(data, records) & is_in(everything["record_type"], ["agreement"])
    rows = np.flatnonzero(chosen)
    columns_out = ["company", "label", "start", "end", "status", "date", "end_date"]
    recent = rows[most_recent(everything["date_start"].to_numpy()[rows], limit)]
    agreements = everything.iloc[recent]
    if agreements.empty:
        lanes = pd.DataFrame(columns=columns_out)
    else:
        ends = pd.to_datetime(
            [pd.Period(e, {4: "Y", 7: "M"}.get(len(e), "D")).end_time if isinstance(e, str) else d
             for e, d in zip(agreements["end_date"], agreements["date_end"])]
        )
        frame = agreements.assign(
            start=agreements["date_start"], end=ends,
            label=agreements["country"].astype(str) + ": " + agreements["summary"].astype(str).str.slice(0, 80),
        )
        long = linked(data, agreements, "company")[["row", "company"]].join(frame, on="row")
        long["company"] = long["company"].astype(str)
        lanes = long[columns_out].sort_values(["company", "start"]).reset_index(drop=True)
    lanes.attrs["total"] = len(rows)
    return lanes


def milestones_of(data: Dataset, records: Records) -> pd.DataFrame:
    """The dated stages (announced, contract, delivered, cancelled...) of the selected
    records, with each record's summary for the hover text. A record's own date is where
    it is counted; its milestones show how it got there and what became of it."""
    stages = data.milestones
    rows = stages["row"].to_numpy(dtype=np.int64)
    stages = stages[selection(data, records)[rows]]
    summaries = data.records["summary"].iloc[stages["row"].to_numpy(dtype=np.int64)]  # only the rows shown
    return stages.assign(summary=summaries.to_numpy(dtype=object))
