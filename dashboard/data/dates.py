"""Dates that keep the precision their source gave.

A year-only fact is the interval [1 Jan, 31 Dec] of that year, never the day 1 January:
every later step (filters, timeline, CSV) works from the interval and the precision.

A fact known only within bounds ("in recent years", said in July 2021; "by 2019", in a
study covering 2016-2019) is written as an ISO 8601 interval of two such dates,
"2016/2021-07": it starts on the first day of the first and ends on the last day of the
second, with precision "interval". It is never pinned to a point.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

PRECISIONS = ("day", "month", "year", "interval")
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class FuzzyDate:
    text: str  # as written: "2019", "2019-04", "2019-04-15" or an interval "2016/2021-07"
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
        if "/" in value:
            return cls._interval(value)
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

    @classmethod
    def _interval(cls, value: str) -> "FuzzyDate":
        parts = value.strip().split("/")
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"'{value}' is not an interval like 2016/2021-07 (two dates joined by '/')")
        first, last = (cls.parse(part) for part in parts)
        if last.end <= first.end:
            raise ValueError(f"'{value}': an interval's second date must end after its first")
        return cls(value.strip(), "interval", first.start, last.end)

    @property
    def label(self) -> str:
        """How a reader sees it: '2019', 'Nov 2012', '30 Nov 2012', '2016 to Jul 2021'."""
        if self.precision == "interval":
            first, last = (FuzzyDate.parse(part) for part in self.text.split("/"))
            return f"{first.label} to {last.label}"
        if self.precision == "year":
            return f"{self.start.year}"
        if self.precision == "month":
            return self.start.strftime("%b %Y")
        return f"{self.start.day} {self.start:%b %Y}"

    def __str__(self) -> str:
        return self.text
