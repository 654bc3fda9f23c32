"""How a typed value is recognised for a filter: by id, name or label, in any case and
with or without accents ("sao paulo" is "São Paulo", "hikvision" is Hikvision).

One rule everywhere (sidebar, URL, CLI): a filter offers and accepts only values that
select at least one record. A value that matches nothing is an error naming the closest
valid values; a value the data knows but no record carries (a listed company with no
records yet) is an error saying exactly that. Neither is ever turned into an empty result.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..data.text import fold


class UnknownValue(ValueError):
    """A value no spelling of any known value matches."""

    def __init__(self, label: str, value: str, suggestions: list[str]):
        self.label, self.value, self.suggestions = label, value, suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {label} '{value}'{hint}")


class NoRecords(ValueError):
    """A value the data knows (a listed company, a technology of China's domestic grid) that
    no record carries. `shown` is the data's own spelling, safe to print back."""

    def __init__(self, label: str, shown: str):
        self.label, self.shown = label, shown
        super().__init__(f"{label} '{shown}' has no records in the data")


@dataclass
class Vocabulary:
    """The values one filter accepts, in the order it offers them, with the other spellings
    that mean each one; `known` adds values that are recognised but carry no record."""

    label: str
    ids: list[str] = field(default_factory=list)  # offered and accepted, in display order
    shown: dict[str, str] = field(default_factory=dict)  # id -> how a person writes it
    spellings: dict[str, str] = field(default_factory=dict)  # folded spelling -> id (offered or known)

    @classmethod
    def of(cls, label: str, ids, names: dict[str, str] | None = None, aliases: dict[str, list[str]] | None = None,
           known=()) -> "Vocabulary":
        names, aliases = names or {}, aliases or {}
        vocabulary = cls(label)
        offered = [str(value) for value in ids]
        for value in offered + [str(v) for v in known if str(v) not in set(offered)]:
            vocabulary.shown[value] = names.get(value, value)
            for spelling in (value, names.get(value, value), *aliases.get(value, [])):
                vocabulary.spellings.setdefault(fold(spelling), value)
        vocabulary.ids = offered
        return vocabulary

    def resolve(self, value: str) -> str:
        """The id a typed value means; UnknownValue or NoRecords when it selects nothing."""
        found = self.spellings.get(fold(value))
        if found is None:
            offered = {fold(self.shown[i]): i for i in self.ids} | {fold(i): i for i in self.ids}
            close = difflib.get_close_matches(fold(value), list(offered), n=3, cutoff=0.5)
            raise UnknownValue(self.label, value, list(dict.fromkeys(self.shown[offered[c]] for c in close)))
        if found not in self.ids:
            raise NoRecords(self.label, self.shown[found])
        return found

    def resolve_all(self, values) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.resolve(v) for v in values))
