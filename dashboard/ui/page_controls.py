"""The pages' own controls that a shared link carries (map colouring, timeline period and
stacking, the Europe lens's outcome). Each is declared once here: the page draws it from this
declaration and the URL check (ui/urlstate.py) accepts exactly the values it writes, so a
new option cannot be drawn without being understood in a link, or the reverse."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import streamlit as st

from ..analysis.europe import OUTCOMES


@dataclass(frozen=True)
class PageChoice:
    key: str  # the URL parameter and the widget key
    label: str
    options: tuple[str, ...]
    names: Mapping[str, str] = field(default_factory=dict)  # option -> as shown; else capitalised

    def shown(self, option: str) -> str:
        return self.names.get(option) or option.capitalize()

    def url_values(self) -> set[str]:
        """A bound radio writes its option as shown, and reads only that spelling back."""
        return {self.shown(option) for option in self.options}

    def radio(self, where=st) -> str:
        return where.radio(self.label, list(self.options), format_func=self.shown, horizontal=True,
                           key=self.key, bind="query-params")


COLOUR_BY = PageChoice("colour_by", "Colour markers by", ("company", "technology"))
PERIOD = PageChoice("freq", "Period", ("Q", "M"), {"Q": "Quarter", "M": "Month"})
STACK = PageChoice("stack", "Stack by", ("company", "technology"))
OUTCOME = PageChoice("outcome", "Outcome", ("all", *OUTCOMES))
PAGE_CHOICES = (COLOUR_BY, PERIOD, STACK, OUTCOME)
