"""The shape of every table, as pydantic models.

pydantic was chosen over a DataFrame validator because our records are nested (each cites
a list of sources with locators): it checks them as written in YAML, before any flattening,
and reports every error with its path (record id, field, list index).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .countries import is_iso3
from .dates import FuzzyDate

Mode = Literal[
    "sale", "donation", "loan_financed", "pilot", "partnership", "mou", "contract",
    "government_programme", "promotion", "unknown",
]
Status = Literal["announced", "signed", "active", "completed", "cancelled", "unknown"]
Confidence = Literal["high", "medium", "low"]
SourceKind = Literal[
    "founding_document", "news", "think_tank", "official", "company", "dataset", "academic", "ngo", "trade_press",
]
EventCategory = Literal[
    "china_policy", "china_standards", "us_restriction", "eu_response", "uk_response",
    "national_response", "pandemic", "multilateral",
]
Ownership = Literal["private", "state-owned", "listed", "unknown", ""]
TechnologyCategory = Literal["exported", "domestic_grid"]

RecordId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=120)]


def _iso3(value: object) -> str:
    if not is_iso3(value):
        raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-3 country code")
    return value


def _fuzzy_date(value: object) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    parsed = FuzzyDate.parse(value)
    if parsed.start < dt.date(2000, 1, 1):
        raise ValueError(f"{parsed} is before 2000")
    if parsed.start > dt.date.today():
        raise ValueError(f"{parsed} is in the future")
    return parsed


def _optional_date(value: object) -> object:
    return None if value in (None, "") else _fuzzy_date(value)


ISO3 = Annotated[str, BeforeValidator(_iso3)]
DateField = Annotated[FuzzyDate, BeforeValidator(_fuzzy_date)]
OptionalDate = Annotated[FuzzyDate | None, BeforeValidator(_optional_date)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, arbitrary_types_allowed=True)


class Citation(Strict):
    source: RecordId
    locator: Text
    claim: str = Field(default="", max_length=1000)


class Source(Strict):
    id: RecordId
    title: Text
    authors: list[str] = []
    publisher: Text
    date: OptionalDate = None
    url: str = ""
    kind: SourceKind
    accessed: OptionalDate = None
    summary: str = ""

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str) -> str:
        if url and not url.startswith(("https://", "http://")):
            raise ValueError("a URL must start with http:// or https://")
        return url


class Company(Strict):
    id: RecordId
    name: Text
    aliases: list[str] = []
    sector: str = ""
    headquarters: str = ""
    ownership: Ownership = ""
    entity_list_date: OptionalDate = None
    sources: list[Citation] = Field(min_length=1)


class Technology(Strict):
    id: RecordId
    label: Text
    category: TechnologyCategory
    definition: Text
    sources: list[Citation] = []


class _Record(Strict):
    id: RecordId
    companies: list[RecordId] = []
    city: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    technology: list[RecordId] = Field(min_length=1)
    mode: Mode
    date: DateField
    end_date: OptionalDate = None
    status: Status
    anti_epidemic: bool
    confidence: Confidence
    disputed: bool = False
    dispute_note: str = ""
    summary: Text
    value_usd: float | None = Field(default=None, ge=0)
    sources: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self):
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if self.lat is not None and not self.city:
            raise ValueError("coordinates need the city they locate")
        if self.disputed and not self.dispute_note:
            raise ValueError("a disputed record needs a dispute_note saying what the sources disagree on")
        if self.end_date and self.end_date.end < self.date.start:
            raise ValueError("end_date is before date")
        return self


class Deployment(_Record):
    country: ISO3
    companies: list[RecordId] = Field(min_length=1)


class Agreement(Deployment):
    pass


class Training(_Record):
    title: Text
    organiser: Text
    countries: list[ISO3] = []
    country_count: int | None = Field(default=None, ge=1)


class _Disputable(Strict):
    disputed: bool = False
    dispute_note: str = ""

    @model_validator(mode="after")
    def _note_when_disputed(self):
        if self.disputed and not self.dispute_note:
            raise ValueError("a disputed entry needs a dispute_note saying what the sources disagree on")
        return self


class Event(_Disputable):
    id: RecordId
    date: DateField
    title: Text
    category: EventCategory
    actor: Text
    companies: list[RecordId] = []
    countries: list[ISO3] = []
    summary: Text
    sources: list[Citation] = Field(min_length=1)


class ReportedFigure(_Disputable):
    """A count quoted by a study or a company; undated claims are kept with an empty date."""

    id: RecordId
    figure: Text
    value: float
    unit: Text
    scope: str = ""
    date: OptionalDate = None
    sources: list[Citation] = Field(min_length=1)


# table name -> (model, file name). Order matters: referenced tables load first.
TABLES: dict[str, type[Strict]] = {
    "sources": Source,
    "companies": Company,
    "technologies": Technology,
    "deployments": Deployment,
    "agreements": Agreement,
    "trainings": Training,
    "events": Event,
    "reported_figures": ReportedFigure,
}
RECORD_TABLES = ("deployments", "agreements", "trainings")
