"""Every file in ../shared/registers is read by a register reader (importable with `gimatch import`) or by
its reader's table function into a bundled dataset; the bundled data is what the readers make of the files."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from gimatch import bundled, registry
from gimatch.registers.agreement import china_eu
from gimatch.registers.eu import eambrosia
from gimatch.registers.th import dip
from gimatch.registers.us import wine_names

from .conftest import ROOT, SHARED, needs_shared

REGISTERS_DIR = SHARED / "registers"

# file → (register that imports it, records, rejected records)
IMPORTED = {
    "cn/china_eu_agreement.csv": ("agreement.china_eu", 265, 0),
    "cn/china_eu_agreement_supplement.csv": ("agreement.china_eu", 6, 0),
    "eu/eambrosia_export_2020-08_defra-prototype.json": ("eu.eambrosia", 3546, 1),
    "eu/eambrosia_api-v1_modified-2020-01_to_2022-03.json": ("eu.eambrosia", 641, 0),
    "eu/eu_wine_pdo_candiago2022_PDO_EU_id.csv": ("eu.eambrosia", 1177, 0),
    "eu/eambrosia_china_gis.csv": ("eu.eambrosia", 109, 0),
    "jp/maff_gi_registered_confirmed.csv": ("jp.maff", 89, 0),
    "jp/maff_gi_designated_foreign_confirmed.csv": ("jp.maff_designated", 10, 0),
    "jp/nta_liquor_gi_confirmed.csv": ("jp.nta", 26, 0),
    "jp/eu_japan_epa_annex14b_confirmed.csv": ("agreement.eu_japan", 58, 0),
    "th/dip_thai_gi_confirmed.csv": ("th.dip", 38, 0),
    "th/dip_thai_gi_supplement.csv": ("th.dip", 11, 0),
    "th/thai_gi_cross_border_confirmed.csv": ("th.dip", 17, 0),
    "us/ttb_ava_attributes.csv": ("us.ava", 269, 0),
    "us/us_gi_in_eu_confirmed.csv": ("eu.eambrosia", 2, 0),
    "us/cfr27_part12_distinctive_designations_partial.csv": ("us.wine_names", 61, 0),
    "us/uspto_geographic_certification_marks_confirmed.csv": ("us.uspto", 10, 0),
}
# file → (the reader's table function, the bundled dataset it feeds)
TABLES = {
    "eu/eambrosia_api_productCategories_id_map.csv": (eambrosia.read_category_map, "eu_api_category_ids.csv"),
    "us/us_semigeneric_wine_names.csv": (wine_names.semigeneric_names, "us_semigeneric_wine_names.csv"),
    "cn/china_eu_agreement_second_batch_facts.csv": (china_eu.batch_facts, "agreements/china_eu/facts.csv"),
    "th/dip_thai_gi_counts.csv": (dip.published_counts, "register_sizes.csv"),
}


@needs_shared
def test_every_shared_file_has_a_reader():
    on_disk = {p.relative_to(REGISTERS_DIR).as_posix() for p in REGISTERS_DIR.rglob("*")
               if p.is_file() and p.name != "PROVENANCE.md"}
    assert on_disk == set(IMPORTED) | set(TABLES)


@needs_shared
@pytest.mark.parametrize("rel", sorted(IMPORTED))
def test_shared_file_imports(rel):
    register, records, rejected = IMPORTED[rel]
    result = registry.module(register).load(str(REGISTERS_DIR / rel))
    assert (len(result.records), len(result.rejects)) == (records, rejected)
    assert all(gi.register == register and gi.names and gi.source.record for gi in result.records)


@needs_shared
@pytest.mark.parametrize("rel", sorted(TABLES))
def test_shared_table_is_bundled(rel):
    read, dataset = TABLES[rel]
    rows = read(str(REGISTERS_DIR / rel))
    assert rows
    entry = next(e for e in bundled.manifest()["files"] if e["path"] == dataset)
    assert f"shared/registers/{rel}" in entry["sources"]


@needs_shared
def test_bundled_datasets_are_what_the_readers_make(tmp_path, monkeypatch):
    """Rebuilding the bundled GIs from ../shared gives the bytes the manifest records."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import bundled_gis

    for build_table in bundled_gis.TABLES:
        (tmp_path / "agreements/china_eu").mkdir(parents=True, exist_ok=True)
        if build_table is bundled_gis.dip_size:
            (tmp_path / "register_sizes.csv").write_bytes((ROOT / "datasets/register_sizes.csv").read_bytes())
        build_table(SHARED, tmp_path)
    entries = {e["path"]: e for e in bundled_gis.build_all(SHARED, tmp_path)}
    manifest = {e["path"]: e for e in bundled.manifest()["files"]}
    for path in (*entries, "eu_api_category_ids.csv", "us_semigeneric_wine_names.csv", "agreements/china_eu/facts.csv",
                 "register_sizes.csv"):
        assert bundled.sha256_of(tmp_path / path) == manifest[path]["sha256"], path
    for path, entry in entries.items():
        assert entry["source_sha256"] == manifest[path]["source_sha256"]
    sys.modules.pop("bundled_gis", None)


@needs_shared
def test_eu_register_merges_every_snapshot(store):
    """The bundled EU register: the 2020 export, with API v1 records (2022) and the wine table (2021) merged
    in, each record naming its snapshot and every source it was read from."""
    willamette = store.get("eu:PGI-US-02439")         # applied in 2020, registered in 2021 (OJ L 253)
    assert willamette.status == "registered" and willamette.source.snapshot == dt.date(2022, 3, 30)
    assert willamette.protections[0].since == dt.date(2021, 7, 16)
    assert {s.file for s in willamette.other_sources} >= {
        "shared/registers/eu/eambrosia_export_2020-08_defra-prototype.json"}
    wachau = store.get("eu:PDO-AT-A0205")              # the wine table adds categories and municipalities
    assert "Dürnstein" in wachau.places and {c.label for c in wachau.other_classes} >= {"Quality Sparkling Wine"}
    sakar = store.get("eu:PDO-BG-A0013")               # API v1 protects the Cyrillic form and transcribes it
    assert [n.text for n in sakar.names][:1] == ["Сакар"] and "Sakar" in [n.text for n in sakar.names]
    anxi = store.get("eu:PGI-CN-2663")                 # an Annex III name protected from the agreement's entry
    assert (anxi.protections[0].basis, anxi.protections[0].since) == ("agreement", dt.date(2021, 3, 1))
    assert store.get("eu:PDO-FR-A0679").names[0].text == "Seyssel"     # only in the wine table


@needs_shared
def test_thai_cross_border_rows_merge_into_their_gi(store):
    doi_tung = store.get("th.dip:กาแฟดอยตุง")
    assert {p.territory for p in doi_tung.protections} >= {"TH", "EU", "JP"}
    assert "ドイトン・コーヒー" in [n.text for n in doi_tung.names]
    pisco = store.get("th.dip:PISCO")                  # a foreign GI registered in Thailand
    assert pisco.countries == ["PE"] and pisco.protections[0].territory == "TH"


@needs_shared
def test_eu_japan_annex_reads_both_directions():
    result = registry.module("eu_japan").load(str(REGISTERS_DIR / "jp/eu_japan_epa_annex14b_confirmed.csv"))
    kren = next(g for g in result.records if g.native_id == "EU/Steirischer Kren")
    assert ("シュタイリッシャー・クレン", "transcription") in [(n.text, n.role) for n in kren.names]
    assert (kren.protections[0].territory, kren.protections[0].since) == ("JP", dt.date(2019, 2, 1))
    kras = [g.native_id for g in result.records if g.native_id.startswith("EU/Kras")]
    assert kras == ["EU/Kras", "EU/Kras (2)"]          # listed twice in the annex: two entries
    later = next(g for g in result.records if g.native_id == "JP/飛騨牛")
    assert later.protections[0].since is None and later.protections[0].known_by == dt.date(2023, 9, 27)


@needs_shared
def test_register_sizes_come_from_published_counts():
    counts = dip.published_counts(str(REGISTERS_DIR / "th/dip_thai_gi_counts.csv"))
    assert counts[-1] == {"as_of": "2025-12-15", "count": "244", "as_of_text": "2025-12-15",
                          "source_url": "https://mgronline.com/business/detail/9680000121687"}
    sizes = {(r["register"], r["territory"]): r for r in bundled.read_table("register_sizes.csv")}
    assert sizes[("th.dip", "TH")]["published"] == "244"


def test_registers_json_shows_coverage_and_freshness(store):
    rows = {r["register"]: r for r in json.loads(json.dumps(store.registers()))}
    assert rows["jp.maff"]["published"][0]["published"] == 164 and rows["jp.maff"]["records"] == 89
    assert rows["eu.eambrosia"]["stale"] is True and rows["eu.eambrosia"]["snapshot_median"] == "2020-07-24"
    coverage = store.coverage("JP")
    assert coverage["partial"] and coverage["territories"] == ["JP"]
    maff = next(h for h in coverage["registers"] if h["register"] == "jp.maff")
    assert maff["missing"].startswith("jp.maff 89 of at least 164")
