"""Dates that keep the precision their source gave.

A year-only fact is the interval [1 Jan, 31 Dec] of that year, never the day 1 January:
every later step (filters, timeline, CSV) works from the interval and the precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

PRECISIONS = ("day", "month", "year")
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class FuzzyDate:
    text: str  # as written: "2019", "2019-04" or "2019-04-15"
    precision: str
    start: dt.date
    end: dt.date

    @classmethod
    def parse(cls, value: object) -> "FuzzyDate":
        """Accept what YAML gives for a date: an int year, a date, or an ISO string."""
        if isinstance(value, dt.datetime):
            raise ValueError("give a date without a time of day")
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if not isinstance(value, str):
            raise ValueError(f"expected a date like 2019, 2019-04 or 2019-04-15, got {type(value).__name__}")
        match = _PATTERN.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a date like 2019, 2019-04 or 2019-04-15")
        year, month, day = match.groups()
        y = int(year)
        if day:
            start = end = dt.date(y, int(month), int(day))  # raises for 2019-02-30
            precision = "day"
        elif month:
            m = int(month)
            start = dt.date(y, m, 1)
            end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
            precision = "month"
        else:
            start, end, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        return cls(value.strip(), precision, start, end)

    def __str__(self) -> str:
        return self.text
