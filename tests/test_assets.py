"""deploy/assets.py: a pinned download is checked before anything is written, and a file
already in place is not fetched again. A loopback server stands in for the registry."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import io
import tarfile
import threading

import pytest

from deploy import assets


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


@pytest.fixture
def registry(tmp_path):
    """Serve tmp_path/served over loopback; yields (folder, base url, list of requested paths)."""
    served = tmp_path / "served"
    served.mkdir()
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            requested.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}/", requested
    server.shutdown()


def asset_for(url: str, package: bytes, content: bytes) -> assets.Asset:
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(package).digest()).decode()
    return assets.Asset(name="test bundle", url=url, integrity=integrity, member="package/bundle.js",
                        sha256=hashlib.sha256(content).hexdigest(), target="bundle.js")


def published(registry, content: bytes) -> assets.Asset:
    """A package holding `content` and a licence, served by the registry, and its pinned asset."""
    served, base, _ = registry
    package = tarball({"package/bundle.js": content, "package/LICENSE": b"MIT"})
    (served / "bundle.tgz").write_bytes(package)
    return asset_for(base + "bundle.tgz", package, content)


def test_a_checked_download_is_unpacked_with_its_licence(registry, tmp_path):
    vendor = tmp_path / "vendor"
    assert assets.fetch(published(registry, b"window.Plotly = {};"), vendor) is True
    assert (vendor / "bundle.js").read_bytes() == b"window.Plotly = {};"
    assert (vendor / "bundle.LICENSE.txt").read_bytes() == b"MIT"


def test_a_file_already_in_place_is_not_downloaded_again(registry, tmp_path):
    asset, vendor, requested = published(registry, b"x"), tmp_path / "vendor", registry[2]
    assets.fetch(asset, vendor)
    requested.clear()
    assert assets.fetch(asset, vendor) is False
    assert requested == []


def test_a_tampered_download_writes_nothing_and_names_the_asset(registry, tmp_path):
    served, base, _ = registry
    genuine = tarball({"package/bundle.js": b"x", "package/LICENSE": b"MIT"})
    asset = asset_for(base + "bundle.tgz", genuine, b"x")
    (served / "bundle.tgz").write_bytes(tarball({"package/bundle.js": b"evil", "package/LICENSE": b"MIT"}))
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    (vendor / "bundle.js").write_bytes(b"the old file")
    with pytest.raises(assets.AssetError, match="test bundle.*integrity"):
        assets.fetch(asset, vendor)
    assert (vendor / "bundle.js").read_bytes() == b"the old file"
    assert sorted(p.name for p in vendor.iterdir()) == ["bundle.js"]


def test_an_unreachable_registry_is_an_error_not_a_silent_pass(tmp_path, capsys, monkeypatch):
    unreachable = assets.Asset(name="test bundle", url="http://127.0.0.1:9/none.tgz", integrity="sha512-AAAA",
                               member="package/bundle.js", sha256="0" * 64, target="bundle.js")
    monkeypatch.setattr(assets, "ASSETS", (unreachable,))
    assert assets.main(["--folder", str(tmp_path)]) == 1
    assert "could not download http://127.0.0.1:9/none.tgz" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_pinned_bundle_matches_its_checksum_when_fetched():
    """The shipped pin and the file in dashboard/static/vendor/ agree (scripts/test.sh fetches it)."""
    assert assets.is_current(assets.PLOTLY_GEO), "run: python -m deploy.assets"
