"""Which URL parameters the pages understand besides the filters, and a notice naming those
ignored. The filters' own parameters are checked by their registry entries (ui/sidebar.py).

Streamlit already drops a bound widget's invalid URL value and falls back to the default;
this module only tells the reader so, without echoing the (possibly hostile) values.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from .page_controls import PAGE_CHOICES

FREE_TEXT = {"record", "page"}  # parameters whose values are checked where they are used


@functools.lru_cache(maxsize=4)
def page_parameters(prepared) -> dict[str, set[str]]:
    """The page controls' URL parameters and the values each accepts (as the URL shows them):
    built once per dataset, read on every rerun."""
    months = set(prepared.months)
    countries = {prepared.names[c] for c in prepared.options("country")}
    companies = {prepared.names[c] for c in prepared.options("company")}
    return {choice.key: choice.url_values() for choice in PAGE_CHOICES} | {
        "before": months, "after": months, "profile": countries, "profile_company": companies,
    }


def ignored_parameters(params: dict[str, list[str]], accepted: dict[str, Collection[str]], free: Collection[str] = ()) -> list[str]:
    """Sanitised names of parameters that are unknown or carry a value not among the options.
    Parameters in `free` take any value (the page checks it where it is used)."""
    ignored = []
    for key, values in params.items():
        if key in free:
            continue
        allowed = accepted.get(key)
        if allowed is None:
            ignored.append(_safe(key) + " (unknown)")
        elif any(value and value not in allowed for value in values):
            ignored.append(_safe(key) + " (value not recognised)")
    return ignored


def notice(ignored: list[str], limit: int = 5) -> str:
    shown = ", ".join(ignored[:limit]) + (f" and {len(ignored) - limit} more" if len(ignored) > limit else "")
    return f"Some link settings were not used and the defaults are used instead: {shown}."


def _safe(key: str) -> str:
    """Only letters, digits, '_' and '-' survive, at most 30 of them: nothing to render or run."""
    return re.sub(r"[^A-Za-z0-9_-]", "", key)[:30] or "?"
