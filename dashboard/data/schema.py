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


TitleKind = Literal["headline", "from_url", "described"]


class Source(Strict):
    """A document cited. title_kind says where the title comes from: the headline as the
    page shows it, rebuilt from the page address, or our description of a page that shows
    none. The last two get one uniform marker wherever the title is shown."""

    id: RecordId
    title: Text
    title_kind: TitleKind = "headline"
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


MilestoneStage = Literal[
    "announced", "mou", "contract", "financed", "delivered", "launched", "expanded", "suspended",
    "cancelled", "completed",
]


class Milestone(Strict):
    """A dated stage of the same project, with its own source.

    A plan and its outcome, an announcement and the award, a delivery and a later
    cancellation are points in time of one record, not a disagreement between sources: they
    are milestones, which the record card lists and the timeline draws.
    """

    stage: MilestoneStage
    date: DateField
    source: RecordId
    locator: Text
    note: str = Field(default="", max_length=1000)


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
    milestones: list[Milestone] = []

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


class ReferenceCountry(Strict):
    """One country row of a third-party index we reconcile against (Carnegie's AIGS 2022).

    Only what the reconciliation needs: the four category flags, the index's "China Tech"
    flag, every supplier as the index names it, and those suppliers that are companies in
    our register. The index has no years and no projects: a row says which suppliers its
    sources name in a country, nothing about when or what they sold.
    """

    id: RecordId
    country: ISO3
    name_in_source: Text
    safe_city: bool
    facial_recognition: bool
    smart_policing: bool
    social_media_surveillance: bool
    china_tech: bool
    suppliers_named: list[str] = []
    chinese_suppliers: list[RecordId] = []
    note: str = ""


class ResearchQuery(Strict):
    query: Text
    relevant: int = Field(ge=0)


class ResearchCandidate(Strict):
    """A source a research line read in full, kept (it backs records) or rejected (why)."""

    url: str = ""
    title: Text
    publisher: str = ""
    year: int | None = Field(default=None, ge=2000, le=2100)  # the year of the fact it reports
    decision: Literal["kept", "rejected"]
    records: list[RecordId] = []
    reason: str = ""

    @model_validator(mode="after")
    def _kept_has_records(self):
        if self.decision == "kept" and not self.records:
            raise ValueError("a kept candidate names the records it backs")
        if self.decision == "rejected" and not self.reason:
            raise ValueError("a rejected candidate says why")
        return self


class PairOutcome(Strict):
    """What a line found for one country-supplier pair that Carnegie's index names."""

    country: ISO3
    company: RecordId
    outcome: Literal["covered", "not_found", "out_of_scope"]
    records: list[RecordId] = []
    reason: str = ""

    @model_validator(mode="after")
    def _backed(self):
        if self.outcome == "covered" and not self.records:
            raise ValueError("a covered pair names the records that cover it")
        if self.outcome != "covered" and not self.reason:
            raise ValueError("a pair not covered says why (what was searched, or why it is out of scope)")
        return self


class ResearchPeriod(Strict):
    start: int = Field(alias="from", ge=2000, le=2100)
    end: int = Field(alias="to", ge=2000, le=2100)


class ResearchLog(Strict):
    """One research line (a region and a period): every query tried and every candidate read.

    It is how a reader tells a quiet year from a thin search: the Sources & method page sets
    the records kept against the candidates read, per year band.
    """

    line: RecordId
    region: Text
    period: ResearchPeriod
    searched_on: DateField
    queries: list[ResearchQuery] = Field(min_length=1)
    candidates: list[ResearchCandidate] = []
    aigs_pairs: list[PairOutcome] = []
    notes: str = ""


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
    "aigs_2022": ReferenceCountry,
}
RECORD_TABLES = ("deployments", "agreements", "trainings")
# tables a data folder may leave out: the reconciliation is then simply not shown
OPTIONAL_TABLES = ("aigs_2022",)
RESEARCH_FOLDER = "research"  # one ResearchLog per file; optional
