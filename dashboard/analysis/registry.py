"""Every filter, declared once.

Each entry says, for one filter: its URL key, its CLI option, its label, where its options
come from, how a typed value is recognised, how it selects records and how it reads in the
describing sentence. The sidebar (ui/sidebar.py), the URL check, the CLI (cli.py),
`Filters.mask`, `Filters.describe` and the README's option table are all generated from
FILTERS, so a new filter is one entry here plus its field on `Filters`.

Five kinds cover every filter: a multiple choice over a vocabulary, a month range, the rule
for dates known only to a year or month, an on/off switch, and free-text search.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.text import matches, query_words
from .kernels import date_mask, is_in, linking
from .vocabulary import NoRecords, UnknownValue, Vocabulary

DATE_RULES = {
    "within": "whole date inside the range",
    "overlaps": "any part of the date inside the range",
}
DEFAULT_FROM = pd.Period("2019-01", "M")
DEFAULT_TO = pd.Period("2021-12", "M")
RECORD_TYPES = {"deployment": "Deployments", "agreement": "Agreements", "training": "Trainings"}
SEARCH_LIMIT = 200  # characters of a search kept from a URL or the CLI


# keys that plain_label would spell wrongly
SPELLED = {"mou": "MoU", "ngo": "NGO", "us_restriction": "US restriction", "eu_response": "EU response", "uk_response": "UK response"}


def plain_label(value: str) -> str:
    """How a vocabulary key reads to a person: loan_financed -> Loan financed."""
    return SPELLED.get(str(value)) or str(value).replace("_", " ").capitalize()


def in_text(value: str) -> str:
    """The same label inside a sentence: lower case, except the spelled-out names and
    acronyms (MoU, NGO, US restriction), which keep their capitals."""
    return SPELLED.get(str(value)) or plain_label(value).lower()


def listing(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


# --- the five kinds ------------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    """What every filter declares. Each kind adds its own fields and answers the same calls:
    mask, labels (for the sentence), add_cli / from_cli, from_widget, settle_url."""

    key: str  # URL parameter and widget key
    field: str  # attribute of Filters (a pair for the month range)
    label: str  # sidebar label
    cli: str  # CLI option (a pair for the month range)


def _one_of(key: str, values: list[str], spellings: dict[str, object]) -> tuple[list, list[str]]:
    """A single-valued URL parameter: the first value with a known spelling (any case), and a
    notice when values were given but none is known."""
    kept = [spellings[v.strip().casefold()] for v in values if v.strip().casefold() in spellings][:1]
    return kept, ([] if kept or not values else [f"{key} (value not recognised)"])


@dataclass(frozen=True)
class Choice(Spec):
    """Pick any of a vocabulary's values; a record matches if it has at least one of them."""

    example: str  # for --help and the README
    vocabulary: Callable[[Dataset], Vocabulary]  # the values offered, with their spellings
    select: Callable[[Dataset, tuple], np.ndarray]  # mask of records having one of the values
    slot: str  # where it goes in the sentence (see SENTENCE)
    help: str | None = None
    more: bool = False  # shown under "More filters"
    default: tuple = ()
    fallback: Callable[[str], str] = str  # a value's label when the caller's names lack it

    def mask(self, data: Dataset, filters, keep=None) -> np.ndarray | bool:
        chosen = getattr(filters, self.field)
        return self.select(data, chosen) if chosen else True

    def labels(self, filters, names: dict[str, str]) -> list[str]:
        return [names.get(value) or self.fallback(value) for value in getattr(filters, self.field)]

    def add_cli(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli, dest=self.key, action="append", default=[],
                            help=f"{self.example} (repeatable; any case, with or without accents)")

    def from_cli(self, args, vocabularies: dict[str, Vocabulary]) -> dict:
        return {self.field: vocabularies[self.key].resolve_all(getattr(args, self.key))}

    def from_widget(self, value) -> dict:
        return {self.field: tuple(value or ())}

    def settle_url(self, values: list[str], vocabularies: dict[str, Vocabulary]) -> tuple[list[str], list[str]]:
        """The ids the URL's values mean, and a notice for each value dropped. Values are
        recognised like the CLI's (id, name or label, any case, with or without accents)."""
        vocabulary, kept, dropped = vocabularies[self.key], [], []
        for value in values:
            if not value.strip():
                continue  # an empty value clears the filter
            try:
                kept.append(vocabulary.resolve(value))
            except NoRecords as err:
                dropped.append(f"{self.key} '{err.shown}' (no records)")
            except UnknownValue:
                dropped.append(f"{self.key} (value not recognised)")
        return list(dict.fromkeys(kept)), dropped


@dataclass(frozen=True)
class MonthRange(Spec):
    help: str | None = None
    default: tuple = (str(DEFAULT_FROM), str(DEFAULT_TO))
    slot: str = "dates"

    def mask(self, data: Dataset, filters, keep=None) -> np.ndarray | bool:
        if filters.date_from is None and filters.date_to is None:
            return True
        return date_mask(data.records, filters.date_from, filters.date_to, filters.date_rule)

    def labels(self, filters, names) -> list[str]:
        if not (filters.date_from or filters.date_to):
            return []
        start = str(filters.date_from) if filters.date_from else "the start"
        end = str(filters.date_to) if filters.date_to else "today"
        rule = "dated wholly" if filters.date_rule == "within" else "dated at least partly"
        return [f"{rule} in {start} to {end}"]

    def add_cli(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli[0], dest="date_from", type=month, default=None, help="first month, e.g. 2019-01")
        parser.add_argument(self.cli[1], dest="date_to", type=month, default=None, help="last month, e.g. 2021-12")

    def from_cli(self, args, vocabularies) -> dict:
        return {"date_from": args.date_from, "date_to": args.date_to}

    def from_widget(self, value) -> dict:
        start, end = sorted(value)  # the slider's two ends, whichever was dragged past the other
        return {"date_from": pd.Period(start, "M"), "date_to": pd.Period(end, "M")}

    def settle_url(self, values: list[str], known) -> tuple[list[str], list[str]]:
        """Two months of the slider (known["period"]), or the default range with a notice."""
        if len(values) == 2 and all(v in known[self.key] for v in values):
            return list(values), []
        return [], [f"{self.key} (value not recognised)"]


@dataclass(frozen=True)
class DateRule(Spec):
    help: str | None = None
    default: str = "within"
    slot: str = "dates"

    def mask(self, data, filters, keep=None):
        return True  # read by the month range, which it qualifies

    def labels(self, filters, names) -> list[str]:
        return []  # said by the month range

    def add_cli(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli, dest="date_rule", choices=sorted(DATE_RULES), default=self.default,
                            help="within: a year-only date must lie wholly in the range; overlaps: any part of it")

    def from_cli(self, args, vocabularies) -> dict:
        return {"date_rule": args.date_rule}

    def from_widget(self, value) -> dict:
        return {self.field: value}

    def settle_url(self, values: list[str], vocabularies) -> tuple[list[str], list[str]]:
        return _one_of(self.key, values, {text.casefold(): key for key, text in DATE_RULES.items()} | {key: key for key in DATE_RULES})


@dataclass(frozen=True)
class Toggle(Spec):
    phrase: str
    column: str  # boolean column of the records
    help: str | None = None
    default: bool = False
    slot: str = "also"

    def mask(self, data: Dataset, filters, keep=None) -> np.ndarray | bool:
        return data.records[self.column].to_numpy() if getattr(filters, self.field) else True

    def labels(self, filters, names) -> list[str]:
        return [self.phrase] if getattr(filters, self.field) else []

    def add_cli(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli, dest=self.key, action="store_true", help=self.help)

    def from_cli(self, args, vocabularies) -> dict:
        return {self.field: getattr(args, self.key)}

    def from_widget(self, value) -> dict:
        return {self.field: bool(value)}

    def settle_url(self, values: list[str], vocabularies) -> tuple[list[str], list[str]]:
        return _one_of(self.key, values, {"true": True, "false": False})


@dataclass(frozen=True)
class Search(Spec):
    """Every word (or "quoted phrase") must start a word somewhere in the record's text:
    titles, summaries, cities, organisers, dispute notes, country and company names, and the
    titles and claims of the sources it cites. Case and accents are ignored."""

    help: str | None = None
    default: str = ""
    slot: str = "matching"

    def mask(self, data: Dataset, filters, keep: np.ndarray | None = None) -> np.ndarray | bool:
        """keep: rows the other filters left in; only those are searched (none: no search)."""
        text = getattr(filters, self.field)
        if not query_words(text) or (keep is not None and not keep.any()):
            return True
        return matches(data.search_text, text, keep)

    def labels(self, filters, names) -> list[str]:
        text = getattr(filters, self.field)
        return [f"'{text}'"] if query_words(text) else []

    def add_cli(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli, dest=self.key, default="", metavar="WORDS", help=self.help)

    def from_cli(self, args, vocabularies) -> dict:
        return {self.field: clean_search(getattr(args, self.key))}

    def from_widget(self, value) -> dict:
        return {self.field: clean_search(value)}

    def settle_url(self, values: list[str], vocabularies) -> tuple[list[str], list[str]]:
        text = clean_search(" ".join(values))
        return ([text] if text else []), []


def clean_search(text: str | None) -> str:
    """Search text as typed, minus control characters, at most SEARCH_LIMIT characters."""
    text = "".join(ch for ch in str(text or "") if ch.isprintable())
    return " ".join(text.split())[:SEARCH_LIMIT]


def month(text: str) -> pd.Period:
    try:
        return pd.Period(text, "M")
    except (ValueError, TypeError) as err:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2019-01") from err


# --- where the options come from ------------------------------------------------------------
def _used(link: pd.DataFrame, column: str) -> set[str]:
    return set(map(str, link[column].cat.remove_unused_categories().cat.categories))


def companies(data: Dataset) -> Vocabulary:
    table = data.companies
    names = dict(zip(table["id"], table["name"]))
    used = _used(data.record_companies, "company")
    ids = sorted((c for c in table["id"] if c in used), key=lambda c: names[c].casefold())
    return Vocabulary.of("company", ids, names, {i: list(a) for i, a in zip(table["id"], table["aliases"])}, known=table["id"])


def countries(data: Dataset) -> Vocabulary:
    names = dict(zip(data.countries["iso3"], data.countries["name"]))
    used = _used(data.record_countries, "country")
    return Vocabulary.of("country", sorted((c for c in names if c in used), key=lambda c: names[c]), names)


def regions(data: Dataset) -> Vocabulary:
    used = _used(data.record_countries, "region")
    return Vocabulary.of("region", sorted(used), known=sorted(set(data.countries["region"])))


def technologies(data: Dataset) -> Vocabulary:
    table = data.technologies
    names = dict(zip(table["id"], table["label"]))
    used = _used(data.record_technologies, "technology")
    offered = [t for t, category in zip(table["id"], table["category"]) if category == "exported" and t in used]
    return Vocabulary.of("technology", offered, names, known=table["id"])


def categories(column: str, label: str, names: Callable[[str], str] = plain_label, aliases=None):
    """A categorical column of the records: values present, in the column's own order."""

    def vocabulary(data: Dataset) -> Vocabulary:
        values = data.records[column]
        present = set(map(str, values.dropna().unique()))
        ids = [str(v) for v in values.cat.categories if str(v) in present]
        spelled = {v: names(v) for v in map(str, values.cat.categories)}
        extra = {v: aliases(v) for v in spelled} if aliases else None
        return Vocabulary.of(label, ids, spelled, extra, known=list(spelled))

    return vocabulary


def linked_to(link_table: str, column: str):
    return lambda data, chosen: linking(data.records, getattr(data, link_table), column, chosen)


def column_in(column: str):
    return lambda data, chosen: is_in(data.records[column], chosen)


# --- the registry ---------------------------------------------------------------------------
FILTERS = (
    Search("q", "search", "Search titles, summaries, places and sources", "--search",
           help='every word must match (case and accents ignored); "quotes" keep a phrase together'),
    Choice("company", "companies", "Company", "--company", "company id or name, e.g. huawei or Hikvision",
           companies, linked_to("record_companies", "company"), slot="who"),
    Choice("country", "countries", "Country", "--country", "ISO-3 code or name, e.g. SRB or Serbia",
           countries, linked_to("record_countries", "country"), slot="in"),
    Choice("region", "regions", "Region (UN sub-region)", "--region", "UN sub-region, e.g. 'eastern africa'",
           regions, linked_to("record_countries", "region"), slot="in"),
    Choice("technology", "technologies", "Technology", "--technology", "technology id or label, e.g. 'Facial recognition'",
           technologies, linked_to("record_technologies", "technology"), slot="of"),
    Choice("type", "record_types", "Record type", "--type", "deployment, agreement or training",
           categories("record_type", "record type", lambda v: RECORD_TYPES.get(v, v)),
           column_in("record_type"), slot="what", fallback=lambda v: RECORD_TYPES.get(v, v)),
    MonthRange("period", ("date_from", "date_to"), "Date range (months)", ("--from", "--to")),
    DateRule("rule", "date_rule", "A date known only to the year or month counts when…", "--date-rule",
             help="Example: a record dated '2020' is inside March 2020 to June 2021 only under 'any part'."),
    Choice("status", "statuses", "Status", "--status", "announced, signed, active, completed, cancelled, unknown",
           categories("status", "status"), column_in("status"), fallback=plain_label, slot="status", more=True),
    Choice("mode", "modes", "Mode", "--mode", "sale, donation, loan financed, ...",
           categories("mode", "mode"), column_in("mode"), fallback=plain_label, slot="mode", more=True),
    Choice("confidence", "confidence", "Confidence", "--confidence", "high, medium or low",
           categories("confidence", "confidence"), column_in("confidence"), fallback=plain_label, slot="confidence", more=True,
           help="high: official document or two independent outlets; medium: one reputable outlet; "
                "low: trade press or company marketing alone"),
    Toggle("epidemic", "anti_epidemic_only", "Anti-epidemic items only", "--anti-epidemic",
           "marketed or donated against Covid-19", "anti_epidemic", help="only items marketed or donated against Covid-19"),
    Toggle("disputed", "disputed_only", "Disputed records only", "--disputed",
           "where sources disagree", "disputed", help="only records whose sources disagree"),
)
BY_KEY = {spec.key: spec for spec in FILTERS}
# The order masks are applied in: search, the costliest, last, over the rows the others kept.
APPLY_ORDER = tuple(sorted(FILTERS, key=lambda spec: isinstance(spec, Search)))

# How each slot reads in the sentence, in order: "Huawei deployments of Facial recognition in
# Serbia with status active ..., matching 'Belgrade', dated wholly in 2019-01 to 2021-12".
SENTENCE = {
    "of": "of {}", "in": "in {} (only these countries counted)", "status": "with status {}", "mode": "by way of {}",
    "confidence": "at {} confidence", "also": "{}",
}
LOWER_CASE = {"what", "status", "mode", "confidence"}  # labels that read in lower case mid-sentence


def vocabularies(data: Dataset) -> dict[str, Vocabulary]:
    """What each multiple-choice filter offers and accepts, from the data itself."""
    return {spec.key: spec.vocabulary(data) for spec in FILTERS if isinstance(spec, Choice)}


def names_of(vocabularies: dict[str, Vocabulary]) -> dict[str, str]:
    """id -> how a person writes it, for every filter value: what describe() reads."""
    return {key: shown for vocabulary in vocabularies.values() for key, shown in vocabulary.shown.items()}


def describe(filters, names: dict[str, str]) -> str:
    """The sentence: who and what first, then each slot in SENTENCE order, search, dates."""
    by_slot: dict[str, list[str]] = {}
    for spec in FILTERS:
        labels = spec.labels(filters, names)
        by_slot.setdefault(spec.slot, []).extend(label.lower() if spec.slot in LOWER_CASE else label for label in labels)
    kinds = by_slot.get("what", [])
    kinds_text = listing(kinds) if kinds else "records"
    who = by_slot.get("who")
    parts = [f"{listing(who)} {kinds_text}" if who else f"All {kinds_text}"]
    parts += [template.format(listing(by_slot[slot])) for slot, template in SENTENCE.items() if by_slot.get(slot)]
    sentence = " ".join(parts)
    if by_slot.get("matching"):
        sentence += f", matching {by_slot['matching'][0]}"
    if by_slot.get("dates"):
        sentence += ", " + by_slot["dates"][0]
    return sentence


def options_table() -> str:
    """The README's table of filters: URL key, CLI option, what it takes."""
    rows = ["| Filter | URL key | CLI option | Takes |", "|---|---|---|---|"]
    for spec in FILTERS:
        cli = " / ".join(spec.cli) if isinstance(spec.cli, tuple) else spec.cli
        takes = {
            Choice: lambda s: s.example + "; repeat the key for several",
            MonthRange: lambda s: "two months, e.g. `period=2019-01&period=2021-12`",
            DateRule: lambda s: "`within` (a year-only date must lie wholly in the range) or `overlaps` (any part of it)",
            Toggle: lambda s: "`true` in the URL; the option alone on the command line",
            Search: lambda s: "words; all must match",
        }[type(spec)](spec)
        rows.append(f"| {spec.label} | `{spec.key}` | `{cli}` | {takes} |")
    return "\n".join(rows)
