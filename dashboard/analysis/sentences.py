"""The chart-text sentences: what each chart shows, in words, for screen readers and for
anyone who reads before looking. One module, so every page words things the same way."""

from __future__ import annotations

import pandas as pd

from .registry import in_text


def describe_series(series: pd.DataFrame, noun: str = "record-company pairs") -> str:
    """A sentence for a time series chart: the text alternative screen readers get."""
    if series.empty:
        return "Chart text: no record in this window."
    per_period = series[~series["year_only"]].groupby("period")["records"].sum()
    year_only = int(series.loc[series["year_only"], "records"].sum())
    text = f"Chart text: {int(series['records'].sum())} {noun} from {series['start'].min():%B %Y} to {series['end'].max():%B %Y}"
    if len(per_period):
        text += f"; busiest period {per_period.idxmax()} ({int(per_period.max())})"
    if year_only:
        text += f"; {year_only} dated only to a year, drawn across that year in the lower panel"
    if series.attrs.get("spanning"):
        text += f"; {series.attrs['spanning']} records dated only within a span of years are not drawn"
    return text + "."


def _top(names: list[str], counts: list[int], limit: int = 3) -> str:
    return ", ".join(f"{n} ({int(c)})" for n, c in list(zip(names, counts))[:limit])


def world_map(counts: pd.DataFrame, markers: int) -> str:
    """counts: records per country (largest first) with names, as count_by_country gives."""
    if counts.empty:
        return "Map text: no record matches these filters."
    have = "country has" if len(counts) == 1 else "countries have"
    return ("Map text: " + f"{len(counts)} {have} at least one record; the most are in "
            + _top(counts["name"].tolist(), counts["records"].tolist()) + ". "
            + f"{markers} city markers for deployments and agreements; trainings count toward their participants' countries. "
            + "A record with several companies counts once per country.")


def map_title(counts: pd.DataFrame) -> str:
    """The map's headline: how far the records reach and where most of them are."""
    lead = counts["name"].tolist()[:3]
    where = (", ".join(lead[:-1]) + " and " + lead[-1]) if len(lead) > 1 else "".join(lead)
    return f"Records in {len(counts)} {'country' if len(counts) == 1 else 'countries'}; the most in {where}"


def company_map(name: str, counts: pd.DataFrame) -> str:
    if counts.empty:
        return f"Map text: {name} has no record under the current filters."
    return (f"Map text: {name} has records in {len(counts)} countries under the current filters; the most in "
            + _top(counts["name"].tolist(), counts["records"].tolist()) + ".")


def europe_map(table: pd.DataFrame, outcomes) -> str:
    totals = table[list(outcomes)].sum()
    return ("Map text: " + f"{int(table['records'].sum())} records in {len(table)} European countries: "
            + ", ".join(f"{int(totals[k])} {k}" for k in outcomes) + ".")


def country_profile(name: str, numbers: dict) -> str:
    return (f"Profile text: {numbers['records']} records for {name} under the current filters, "
            f"dated {numbers['first'] or '-'} to {numbers['last'] or '-'}; {numbers['anti-epidemic']} marketed or donated against Covid-19.")


def largest_rise(table: pd.DataFrame, dimension: str, names: dict[str, str], subject: str | None = None) -> str:
    """table: compare_by output, largest change first."""
    top = table.iloc[0]
    label = names.get(top[dimension], top[dimension])
    if subject:
        return f"Chart text: the {dimension} that grew most for {subject} is {label} ({top['change per year']:+.2f} records a year)."
    return f"Chart text: {len(table)} {dimension} values; largest rise: {label} ({top['change per year']:+.2f} records a year)."


def change_map(change: pd.DataFrame) -> str:
    return f"Chart text: {int((change['change'] > 0).sum())} countries rose, {int((change['change'] < 0).sum())} fell."


def agreement_lanes(lanes: pd.DataFrame) -> str:
    drawn = lanes["label"].nunique()
    text = (f"Chart text: {drawn} agreements across {lanes['company'].nunique()} companies; "
            f"{int((lanes['status'] == 'cancelled').sum())} company lines cancelled.")
    if lanes.attrs.get("total", drawn) > drawn:
        text += f" Showing the {drawn:,} most recent of {lanes.attrs['total']:,} agreements."
    return text


def milestones(stages: pd.DataFrame) -> str:
    counts = stages["stage"].value_counts()
    return (f"Chart text: {len(stages)} milestones of {stages['record_id'].nunique()} records in this window: "
            + ", ".join(f"{n} {in_text(stage)}" for stage, n in counts.items()) + ".")


def research_effort(effort: pd.DataFrame) -> str:
    return "Chart text: " + "; ".join(f"{row.band}: {row.candidates_read} sources read, {row.kept} kept, {row.records} records held"
                                      for row in effort.itertuples()) + "."


def coverage(table: pd.DataFrame, key: str) -> str:
    """table: records per year (or region) with one column per record type."""
    if table.empty:
        return "Chart text: no record."
    types = [t for t in ("deployment", "agreement", "training") if t in table]
    totals = table.assign(total=table[types].sum(axis=1))
    most = totals.sort_values("total", ascending=False).iloc[0]
    text = f"Chart text: {int(totals['total'].sum()):,} record counts over {len(totals)} {'years' if key == 'year' else 'regions'}; the most in {most[key]} ({int(most['total'])}). "
    if key == "year":
        text += f"From {int(totals[key].min())} to {int(totals[key].max())}; "
    return text + ", ".join(f"{int(table[t].sum()):,} {t}s" for t in types) + " in all."


def source_kinds(kinds: pd.DataFrame) -> str:
    return "Chart text: records citing each kind of source: " + ", ".join(
        f"{in_text(k)} {int(n)}" for k, n in zip(kinds["kind"], kinds["records"])) + "."


def reported(figures: pd.DataFrame, unit: str) -> str:
    values = figures["value"]
    return (f"Chart text: {len(figures)} reported counts of {unit}, from {values.min():,.0f} to {values.max():,.0f}; "
            f"the largest: {figures.loc[values.idxmax(), 'figure']}.")


LICENCE = "CC BY 4.0"


def footer(what: str, records: int, sources: int) -> str:
    """The line under every chart: what it counts, and where the numbers come from."""
    return (f"{what} Source: Safe City Atlas, {records:,} {'record' if records == 1 else 'records'} citing "
            f"{sources:,} {'source' if sources == 1 else 'sources'}; {LICENCE}.")
