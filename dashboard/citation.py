"""How to cite a view of the dashboard: plain text and BibTeX, with the access date and URL."""

from __future__ import annotations

import datetime as dt
import re

TITLE = "Safe City Atlas: Chinese smart-city and safe-city technology abroad, 2009-2023"


def plain(description: str, url: str, accessed: dt.date) -> str:
    return f"{TITLE}. Dataset and dashboard. View: {description}. {url} (accessed {accessed:%d %B %Y})."


def bibtex(description: str, url: str, accessed: dt.date) -> str:
    def braced(text: str) -> str:  # BibTeX-safe: no unbalanced braces or backslashes from data
        return re.sub(r"[{}\\]", "", text)

    key = f"safecityatlas{accessed:%Y%m%d}"
    return (
        f"@misc{{{key},\n"
        f"  title = {{{{{braced(TITLE)}}}}},\n"
        f"  note = {{View: {braced(description)}}},\n"
        f"  howpublished = {{\\url{{{braced(url)}}}}},\n"
        f"  year = {{{accessed:%Y}}},\n"
        f"  urldate = {{{accessed:%Y-%m-%d}}}\n"
        f"}}\n"
    )
