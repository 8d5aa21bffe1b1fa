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


def test_no_derived_product_word_is_a_place_in_the_genitive_or_an_adjective_of_place():
    """Κρήτης, Chiou, schwäbische at the edge of Greek and German names are places (tools/derive_lexicon.py,
    demonym_suffixes.csv)."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from derive_lexicon import _place_form

    assert _place_form("kritis", "el") and _place_form("χιου", "el") and not _place_form("masticha", "el")
    rows = bundled.read_table("product_terms_derived.csv")
    assert rows and not [r["term"] for r in rows if r["lang"] == "el" and _place_form(r["term"], "el")]
    assert not {"schwabische", "nordhessische"} & {r["term"] for r in rows}


def test_a_derived_thai_product_word_has_the_concept_of_the_word_it_opens_with():
    """A Thai compound names its product first (หมูย่าง, roast pork: หมู); the register's glossed English
    renderings give their romanized product words (Ka Min Chan Surat Thani (turmeric))."""
    rows = {r["term"]: r for r in bundled.read_table("product_terms_derived.csv")}
    assert (rows["หมูย่าง"]["concept"], rows["ข้าวหอมมะลิดินภูเขาไฟ"]["concept"]) == ("pork", "fragrant_rice")
    assert rows["ka min chan"]["concept"] == "turmeric" and rows["pla meng"]["concept"] == "catfish"
    assert not [t for t, r in rows.items() if r["lang"] == "th" and r["concept"].startswith("th:") and any(
        t.startswith(c["term"]) for c in bundled.read_table("product_terms.csv") if c["lang"] == "th")]


def test_the_romanized_product_terms_are_what_the_romanizers_give_now():
    """product_terms_romanized.csv is derived again whenever a romanizer changes (ลำพูน's sara am: the RTGS of
    น้ำ words), so the bundled table never lags behind the readings a query gets."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from derive_lexicon import romanized_rows

    rows = bundled.read_table("product_terms.csv") + bundled.read_table("product_terms_derived.csv")
    fields = ("concept", "class", "lang", "term")
    assert [tuple(r[f] for f in fields) for r in romanized_rows(rows)] == \
        [tuple(r[f] for f in fields) for r in bundled.read_table("product_terms_romanized.csv")]


def test_grape_varieties_are_derived_from_the_wine_pdos_and_name_no_gi(monkeypatch):
    """The varieties the bundled wine PDOs allow (tools/derive_varieties.py) as the derivation writes them today,
    each listed by two PDOs or more; not a variety that is a GI's whole name (Prosecco), nor one opening on a
    word of a GI of another product (Pecorino, a cheese)."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from derive_varieties import derive

    rows = bundled.read_table("grape_varieties.csv")
    assert rows == tuple(derive(ROOT / "datasets"))
    by_name = {r["variety"]: r for r in rows}
    assert len(rows) == 1255 and int(by_name["Nebbiolo"]["pdos"]) == 91 and "IT" in by_name["Nebbiolo"]["countries"]
    assert min(int(r["pdos"]) for r in rows) >= 2
    assert "Prosecco" not in by_name and not [v for v in by_name if v.startswith("Pecorino")]


def test_chinese_renderings_are_derived_from_the_dictionarys_foreign_names(monkeypatch):
    """The names CC-CEDICT renders by sound (tools/derive_zh_renderings.py), read in gimatch's sound form (in each
    reading of a name of no stated country: Bordeaux as French too), and not the Chinese names it spells in
    pinyin; each character's heaviest run of sounds is the one the renderings write with it (波 Po; 沃 a v:
    Volvo 沃尔沃)."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from derive_zh_renderings import pairs

    found = {han: {form for _, form in readings} for han, readings in pairs()}
    assert len(found) == 5611 and found["戛纳"] == {"KaN"} and "PoLTo" in found["波尔多"]
    assert "FoLFo" in found["沃尔沃"] and "南宫市" not in found and "陕西" not in found
    rows = bundled.read_table("zh_renderings.csv")
    assert len(rows) == 5848 and min(float(r["weight"]) for r in rows) >= 0.05

    def heaviest(ch: str) -> str:
        return max((r for r in rows if r["character"] == ch), key=lambda r: float(r["weight"]))["sounds"]

    assert heaviest("波") == "Po" and heaviest("沃") == "Fo" and heaviest("米") == "Mi"
