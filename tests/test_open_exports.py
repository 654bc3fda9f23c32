"""Open exports: the Data Package validates with frictionless; GeoJSON is well formed;
the CLI writes the same content for the same filters."""

import io
import json
import zipfile

import pytest
from frictionless import Package, validate

from dashboard.analysis.filters import Filters
from dashboard.cli import main
from dashboard.export import datapackage, geojson, to_csv_bytes
from tests.conftest import GOOD


def unzip(payload: bytes, target):
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        archive.extractall(target)
    return target


@pytest.mark.parametrize("which", ["small", "shipped"])
def test_data_package_validates_with_frictionless(which, request, tmp_path):
    data = request.getfixturevalue(which)
    records = Filters.everything().apply(data)
    folder = unzip(datapackage.build(data, records, "All records"), tmp_path)
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:5]
    package = Package(str(folder / "datapackage.json"))
    assert [r.name for r in package.resources] == ["records", "sources", "companies"]
    assert (folder / "records.csv").read_bytes() == to_csv_bytes(data, records)


def test_geojson_has_points_and_country_counts(small):
    collection = json.loads(geojson.build(small, small.records))
    assert collection["type"] == "FeatureCollection"
    points = [f for f in collection["features"] if f["properties"]["feature"] == "record"]
    countries = {f["properties"]["country"]: f["properties"]["records"] for f in collection["features"] if f["properties"]["feature"] == "country"}
    assert sorted(p["properties"]["id"] for p in points) == ["dep-ken-nairobi", "dep-srb-nis"]
    assert points[0]["geometry"]["type"] == "Point"
    assert countries == {"SRB": 2, "KEN": 2, "LBN": 1, "CIV": 1}


def test_cli_writes_the_same_exports(small, tmp_path):
    zip_path, geo_path = tmp_path / "view.zip", tmp_path / "view.geojson"
    assert main(["export", "--data-dir", str(GOOD), "--company", "huawei", "--format", "datapackage", "--out", str(zip_path)]) == 0
    assert main(["export", "--data-dir", str(GOOD), "--company", "huawei", "--format", "geojson", "--out", str(geo_path)]) == 0
    records = Filters.everything().with_(companies=("huawei",)).apply(small)  # no --from/--to: every date
    folder = unzip(zip_path.read_bytes(), tmp_path / "pkg")
    assert (folder / "records.csv").read_bytes() == to_csv_bytes(small, records)
    assert geo_path.read_bytes() == geojson.build(small, records)
