"""How a typed value is recognised for a filter: by id, name or label, in any case and
with or without accents ("sao paulo" is "São Paulo", "hikvision" is Hikvision). A value
that matches nothing is an error naming the closest valid values, never an empty result."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field


def fold(text: str) -> str:
    """Lower case without accents or surrounding spaces: the form values are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


class UnknownValue(ValueError):
    def __init__(self, label: str, value: str, suggestions: list[str]):
        self.label, self.value, self.suggestions = label, value, suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {label} '{value}'{hint}")


@dataclass
class Vocabulary:
    """The values one filter accepts: each id with the other spellings that mean it."""

    label: str
    spellings: dict[str, str] = field(default_factory=dict)  # folded spelling -> id
    shown: dict[str, str] = field(default_factory=dict)  # id -> how a person writes it

    @classmethod
    def of(cls, label: str, ids, names: dict[str, str] | None = None, aliases: dict[str, list[str]] | None = None) -> "Vocabulary":
        names, aliases = names or {}, aliases or {}
        vocabulary = cls(label)
        for value in ids:
            value = str(value)
            vocabulary.shown[value] = names.get(value, value)
            for spelling in (value, names.get(value, value), *aliases.get(value, [])):
                vocabulary.spellings.setdefault(fold(spelling), value)
        return vocabulary

    def resolve(self, value: str) -> str:
        found = self.spellings.get(fold(value))
        if found is None:
            close = difflib.get_close_matches(fold(value), list(self.spellings), n=3, cutoff=0.5)
            suggestions = list(dict.fromkeys(self.shown[self.spellings[c]] for c in close))
            raise UnknownValue(self.label, value, suggestions)
        return found

    def resolve_all(self, values) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.resolve(v) for v in values))
