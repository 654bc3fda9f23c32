"""Map markers: one point per place and colour key, with escaped hover text for the
records shown, bounded however large the selection."""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd

from ..data import Dataset
from .counts import links
from .kernels import Records, group_keys, is_in, rank_in_group, selection



def city_markers(data: Dataset, records: Records, colour_by: str = "company", limit_per_point: int = 5,
                 max_points: int = 2000) -> pd.DataFrame:
    """One row per (place, colour key): lat, lon, city, label, records and hover text.

    A record with two companies appears under each. Hover lists at most `limit_per_point`
    records per point and says how many more there are, and at most `max_points` points (the
    busiest) are returned, so what reaches the browser stays bounded however large the data.
    Trainings are placed by their participants' countries, not by where (often in China)
    they were held. Data text is HTML-escaped: plotly renders a subset of HTML in hover.
    Points are counted on integers (place x key); text is built only for the records shown.
    """
    out_columns = ["lat", "lon", "city", "label", "label_name", "records", "hover"]
    everything = data.records
    place = everything["place"].to_numpy()
    located = selection(data, records) & (place >= 0) & ~is_in(everything["record_type"], ["training"])
    found = links(data, located, colour_by)
    if not len(found.rows):
        return pd.DataFrame(columns=out_columns)
    keys = len(found.dtype.categories)
    point_ids, point_of_link, counts = group_keys(place[found.rows] * keys + found.codes)
    busiest = np.argsort(-counts, kind="stable")[:max_points]
    order, rank = rank_in_group(point_of_link, counts)
    kept = np.zeros(len(point_ids), dtype=bool)
    kept[busiest] = True
    shown = np.flatnonzero(kept[point_of_link] & (rank < limit_per_point))
    hover: dict[int, list[str]] = {}
    for point, line in zip(point_of_link[shown], hover_lines(data, found.rows[shown])):
        hover.setdefault(point, []).append(line)
    group_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    first_row = found.rows[order[group_start[busiest]]]  # any record of a place has its lat, lon and city
    where = everything[["lat", "lon", "city"]].iloc[first_row]
    label_codes = point_ids[busiest] % keys
    labels = found.dtype.categories.astype(str).to_numpy()[label_codes]
    names = data.lookup.company_name if colour_by == "company" else data.lookup.technology_label
    more = counts[busiest] - limit_per_point
    points = pd.DataFrame({
        "lat": where["lat"].to_numpy(), "lon": where["lon"].to_numpy(), "city": where["city"].astype(str).to_numpy(),
        "label": labels, "label_name": [names.get(label, label) for label in labels], "records": counts[busiest],
        "hover": ["<br><br>".join(hover[p]) + (f"<br>… and {m} more" if m > 0 else "") for p, m in zip(busiest, more)],
    })
    return points[out_columns]


def hover_lines(data: Dataset, rows: np.ndarray) -> list[str]:
    """One escaped hover line per record row: city, companies, summary, date, status, type."""
    everything = data.records
    text = everything.iloc[rows, everything.columns.get_indexer(["city", "companies", "summary", "date", "status", "record_type"])]
    company_names = data.lookup.company_name
    return [
        f"<b>{escape(str(city))}</b> · {escape(', '.join(company_names.get(i, i) for i in companies))}<br>"
        f"{escape(str(summary)[:120])}<br>{date} · {status} · {kind}"
        for city, companies, summary, date, status, kind in zip(
            text["city"], text["companies"], text["summary"], text["date"], text["status"], text["record_type"])
    ]
