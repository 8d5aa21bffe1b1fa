"""Every file in datasets/ has a manifest entry whose sha256 and row count hold."""

from __future__ import annotations

import hashlib
import json

from gimatch import bundled

from .conftest import ROOT

DATASETS = ROOT / "datasets"


def test_manifest_matches_files():
    manifest = json.loads((DATASETS / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["path"] for e in manifest["files"]}
    on_disk = {p.relative_to(DATASETS).as_posix() for p in DATASETS.rglob("*") if p.is_file()} - {"manifest.json"}
    assert listed == on_disk
    for entry in manifest["files"]:
        path = DATASETS / entry["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], entry["path"]
        assert entry["licence"] and entry["sources"] and entry["snapshot"]
        assert bundled.count_rows(path) == entry["rows"], entry["path"]


def test_every_bundled_gi_keeps_its_source():
    for entry in bundled.manifest()["files"]:
        if entry["kind"] != "gis":
            continue
        for line in (DATASETS / entry["path"]).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            source = record["source"]
            assert source["file"].startswith(("shared/registers/", "tools/curated/")) and source["record"]
            assert record["names"], record["id"]


def test_product_terms_point_at_known_classes():
    classes = {r["id"] for r in bundled.read_table("classes.csv")}
    assert {r["class"] for r in bundled.read_table("product_terms.csv")} <= classes
    assert {r["common"] for r in bundled.read_table("class_map.csv")} - {""} <= classes
