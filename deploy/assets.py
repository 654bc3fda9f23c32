"""Fetch the browser files the app serves itself: `python -m deploy.assets`.

The map is drawn with plotly's geo bundle (`dashboard/ui/geo.py`), a third of the size of
the full plotly.js that `st.plotly_chart` loads. It is published on the npm registry, not on
PyPI, so pip cannot install it: this script downloads the pinned release once, checks it
against the registry's published sha512 integrity before unpacking anything, checks the file
it unpacks against a pinned sha256, and writes it (with its licence) into
`dashboard/static/vendor/`, which Streamlit serves at `app/static/vendor/`. A file already
there with the right checksum is kept and nothing is downloaded.

Any failure (no network, a different file) is an error that names the asset and leaves
what was there untouched. The app does not need the file to work: without it, maps are
drawn by `st.plotly_chart`, only more slowly.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "dashboard" / "static" / "vendor"


@dataclass(frozen=True)
class Asset:
    """One file out of one npm package tarball."""

    name: str
    url: str
    integrity: str  # the registry's "sha512-<base64>" of the tarball
    member: str  # the file's path inside the tarball
    sha256: str  # of the unpacked file
    target: str  # file name under the vendor folder
    licence: str = "package/LICENSE"


PLOTLY_GEO = Asset(
    name="plotly.js-geo-dist-min 4.1.1",
    url="https://registry.npmjs.org/plotly.js-geo-dist-min/-/plotly.js-geo-dist-min-4.1.1.tgz",
    integrity="sha512-XPBno+FN2WGUTqtim/0UKmKqZ3kZ5ooAWqITWWGooqVWRd+cIZDh1Pv10N3848uQdgrrqyGratT00bREBPux3Q==",
    member="package/plotly-geo.min.js",
    sha256="3da0a26e92ce47dad2b18c6e7cf5018335a003f50f5fe41710f52508af579b7c",
    target="plotly-geo.min.js",
)
ASSETS = (PLOTLY_GEO,)


class AssetError(RuntimeError):
    pass


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_current(asset: Asset, folder: Path = VENDOR) -> bool:
    path = folder / asset.target
    return path.is_file() and sha256_of(path.read_bytes()) == asset.sha256


def unpack(asset: Asset, tarball: bytes) -> tuple[bytes, bytes]:
    """The asset's file and its licence out of a downloaded tarball, after both checks."""
    algorithm, _, expected = asset.integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise AssetError(f"{asset.name}: the download from {asset.url} does not match its published "
                         f"{algorithm} integrity; nothing was written")
    try:
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
            content = archive.extractfile(asset.member).read()
            licence = archive.extractfile(asset.licence).read()
    except (tarfile.TarError, KeyError, AttributeError) as exc:
        raise AssetError(f"{asset.name}: {asset.member} or {asset.licence} missing from the tarball ({exc})") from exc
    if sha256_of(content) != asset.sha256:
        raise AssetError(f"{asset.name}: {asset.member} has sha256 {sha256_of(content)}, expected {asset.sha256}; "
                         "nothing was written")
    return content, licence


def write_atomically(path: Path, content: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        handle.write(content)
    Path(handle.name).replace(path)


def fetch(asset: Asset, folder: Path = VENDOR, timeout: float = 60) -> bool:
    """Make sure `asset` is in `folder`; True when it had to be downloaded."""
    if is_current(asset, folder):
        return False
    try:
        with urllib.request.urlopen(asset.url, timeout=timeout) as response:
            tarball = response.read()
    except OSError as exc:
        raise AssetError(f"{asset.name}: could not download {asset.url} ({exc})") from exc
    content, licence = unpack(asset, tarball)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(folder / f"{Path(asset.target).stem}.LICENSE.txt", licence)
    write_atomically(folder / asset.target, content)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=VENDOR, help="where to write (default: %(default)s)")
    arguments = parser.parse_args(argv)
    failed = False
    for asset in ASSETS:
        try:
            print(f"{asset.name}: {'downloaded' if fetch(asset, arguments.folder) else 'already present'}")
        except AssetError as exc:
            print(f"error: {exc}. Maps will be drawn with the full plotly.js instead.", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
