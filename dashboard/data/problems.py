"""A data problem names the file, the record and the field, so a curator can fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    record: str  # record id, or "-" when the problem is with the file itself
    field: str  # dotted path such as "sources[0].locator", or "-"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.record}:{self.field}: {self.message}"


class DataError(Exception):
    """Raised instead of returning a half-loaded dataset."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} data problem(s):\n" + "\n".join(map(str, self.problems)))
