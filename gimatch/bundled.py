"""The curated datasets shipped with gimatch (``datasets/`` in the source tree,
``gimatch/datasets/`` inside an installed wheel), described by ``manifest.json``."""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from pathlib import Path

from .errors import StoreError


@functools.lru_cache(maxsize=1)
def datasets_dir() -> Path:
    """The folder of the bundled datasets, installed or in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "datasets", here.parent / "datasets"):
        if (candidate / "manifest.json").is_file():
            return candidate
    raise StoreError("gimatch's bundled datasets are missing (no datasets/manifest.json); reinstall gimatch")


def manifest() -> dict:
    return json.loads((datasets_dir() / "manifest.json").read_text(encoding="utf-8"))


def fingerprint() -> str:
    """What the bundled data a store holds was built from: the datasets' checksums and gimatch's version
    (keys and name analyses are computed by the code). A store whose stamp differs is refreshed."""
    from . import __version__

    files = sorted((f["path"], f["sha256"]) for f in manifest()["files"])
    return hashlib.sha256(json.dumps([__version__, files]).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled CSV table (path relative to datasets/), as dicts; '#' lines are comments."""
    path = datasets_dir() / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        return tuple(dict(row) for row in csv.DictReader(lines))


def count_rows(path: Path) -> int:
    """Data rows of a bundled file: JSON lines, or CSV rows below the header ('#' lines are comments)."""
    if path.suffix == ".jsonl":
        return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.DictReader(line for line in fh if not line.startswith("#")))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
