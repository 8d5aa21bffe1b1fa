"""Builders of the bundled GI datasets (datasets/gis/*.jsonl) from the compiled fact lists in
shared/registers, restructured into gimatch's model. Every record keeps its row's source URL;
the lists' free-text notes are not copied."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from gimatch.model import GI, Dates, Name, ProductClass, Protection, Source
from gimatch.registers.eu.eambrosia import make_names, product_class
from gimatch.text.fold import dominant_script

SNAPSHOT = {"eu": "2026-08-04", "jp.maff": "2025-11-17", "jp.nta": "2025-11-17", "th.dip": "2025-12-15",
            "jp.maff_designated": "2025-11-17"}
UPSTREAM = {  # source tags of eambrosia_china_gis.csv → where the facts were read
    "defra2020": "https://github.com/DEFRA/geographical-indications-register-prototype",
    "api2022": "https://github.com/victorsole/eAmbrosia",
    "foodatlas2026": "https://github.com/GHajaymore/Food-Atlas",
}
JP_CLASS_KEYWORDS = (("野菜", "vegetables"), ("果実加工", "fruit"), ("果実", "fruit"), ("生鮮肉", "fresh_meat"),
                     ("畜産加工", "meat_products"), ("魚", "fish_seafood"), ("貝", "fish_seafood"),
                     ("生糸", "handicrafts"), ("畳表", "handicrafts"), ("農産加工", "plant_products"),
                     ("農産物", "plant_products"))
NTA_CLASSES = {"清酒": "rice_wine", "蒸留酒": "spirits", "ぶどう酒": "wine", "その他の酒類": "alcoholic_beverages"}


def _rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), 2):
            yield i, {k: (v or "").strip() for k, v in row.items()}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text or "") else None


def _source(shared: Path, path: Path, line: int, url: str, snapshot: str) -> Source:
    return Source(file=f"shared/{path.relative_to(shared).as_posix()}", record=f"line {line}",
                  snapshot=dt.date.fromisoformat(snapshot), url=url.split(" ; ")[0] or None)


def _name(text: str, role: str = "protected", source: str | None = None, lang: str | None = None) -> Name:
    return Name(text=text, script=dominant_script(text), role=role, source=source, lang=lang)


def eu_china(shared: Path) -> list[GI]:
    path = shared / "registers/eu/eambrosia_china_gis.csv"
    out = []
    for line, r in _rows(path):
        latin = [x.strip() for x in r["name_latin"].split("|") if x.strip()]
        names = make_names([r["name_zh"]] + latin, source="name_zh/name_latin", chinese=True)
        for n in names:
            n.lang = "zh" if n.script == "Han" else None
        ptype = {"Food": "food", "Wine": "wine", "Spirit drink": "spirit"}.get(r["product_type"], r["product_type"])
        pc = product_class("Wine" if ptype == "wine" else r["category"], ptype)
        registered = _date(r["eu_registration_date"])
        agreement = "agreement" in r["batch"].lower()
        protection = Protection(territory="EU", basis="agreement" if agreement else "registration",
                                instrument=("EU–China agreement, OJ L 408I, 4.12.2020" if agreement
                                            else r["legal_instrument"] or None),
                                annex="III" if agreement else None, since=registered, status="protected")
        tags = [t.strip() for t in r["sources"].split(";") if t.strip()]
        out.append(GI(id=f"eu:{r['file_number']}", register="eu.eambrosia", native_id=r["file_number"],
                      other_ids={"giIdentifier": r["giIdentifier"]} if r["giIdentifier"] else {},
                      names=names, gi_type=r["gi_type"], countries=["CN"], product_class=pc, status="registered",
                      dates=Dates(registered=registered, protected=_date(r["api_euProtectionDate"]) or registered),
                      legal_instrument=r["legal_instrument"] or None, protections=[protection],
                      source=_source(shared, path, line, UPSTREAM.get(tags[0], "") if tags else "", SNAPSHOT["eu"])))
    return out


def _jp_class(text: str, scheme: str) -> ProductClass | None:
    if not text:
        return None
    m = re.match(r"第(\d+)類", text)
    common = next((c for k, c in JP_CLASS_KEYWORDS if k in text), None)
    year = "2022" if scheme.startswith("2022") else "2015"
    return ProductClass(scheme=f"jp.maff.{year}", code=m.group(1) if m else None, label=text, common=common)


def jp_maff(shared: Path) -> list[GI]:
    path = shared / "registers/jp/maff_gi_registered_confirmed.csv"
    out = []
    for line, r in _rows(path):
        names = [_name(t, lang="ja", source="name_ja") for t in r["name_ja"].split(" / ") if t]
        names += [_name(t, "transcription", "name_kana", "ja") for t in r["name_kana"].split(" / ") if t]
        latin_role = "transcription" if names else "protected"  # a few rows are known only by a Latin name
        names += [_name(t, latin_role, "name_latin") for t in r["name_latin"].split(" / ") if t]
        native = r["reg_no"] or r["name_ja"] or r["name_latin"]
        registered = _date(r["reg_date"])
        out.append(GI(id=f"jp.maff:{native}", register="jp.maff", native_id=native, names=names, gi_type="GI",
                      countries=["JP"], product_class=_jp_class(r["class_text"], r["class_scheme"]),
                      status="registered", dates=Dates(registered=registered, protected=registered),
                      protections=[Protection(territory="JP", basis="registration", instrument="GI Act (Act No. 84 of 2014)",
                                              since=registered, status="protected")],
                      source=_source(shared, path, line, r["source_url"], SNAPSHOT["jp.maff"])))
    return out


def jp_maff_designated(shared: Path) -> list[GI]:
    path = shared / "registers/jp/maff_gi_designated_foreign_confirmed.csv"
    out = []
    for line, r in _rows(path):
        names = [_name(r["name"], source="name")]
        if r["name_katakana"]:
            names.append(_name(r["name_katakana"], "transcription", "name_katakana", "ja"))
        since = _date(r["designation_date"])
        out.append(GI(id=f"jp.maff_designated:{r['designation_no']}", register="jp.maff_designated",
                      native_id=r["designation_no"], names=names, gi_type="GI",
                      product_class=_jp_class(r["class_2022_scheme"].split(";")[0].strip(), "2022"),
                      status="registered", dates=Dates(protected=since),
                      protections=[Protection(territory="JP", basis="agreement", instrument="EU–Japan EPA, Annex 14-B",
                                              annex="14-B", since=since, status="protected")],
                      source=_source(shared, path, line, r["source_url"], SNAPSHOT["jp.maff_designated"])))
    return out


def jp_nta(shared: Path) -> list[GI]:
    path = shared / "registers/jp/nta_liquor_gi_confirmed.csv"
    out = []
    for line, r in _rows(path):
        names = [_name(r["name_ja"], lang="ja", source="name_ja")]
        names += [_name(t.strip(), "transcription", "name_latin") for t in r["name_latin"].split(" / ") if t.strip()]
        category = r["liquor_category_ja"]
        native = f"{r['name_ja']}/{category}" if category else r["name_ja"]
        since = _date(r["designation_date"])
        pc = ProductClass(scheme="jp.nta", label=f"{category} ({r['liquor_category_en']})",
                          common=NTA_CLASSES.get(category)) if category else None
        out.append(GI(id=f"jp.nta:{native}", register="jp.nta", native_id=native, names=names, gi_type="GI",
                      countries=["JP"], product_class=pc, status="registered", dates=Dates(protected=since),
                      protections=[Protection(territory="JP", basis="registration",
                                              instrument="Liquor Business Association Act Art. 86-6", since=since,
                                              status="protected")],
                      source=_source(shared, path, line, r["source_url"], SNAPSHOT["jp.nta"])))
    return out


def th_dip(shared: Path) -> list[GI]:
    path = shared / "registers/th/dip_thai_gi_confirmed.csv"
    out = []
    for line, r in _rows(path):
        names = [_name(r["name_th"], lang="th", source="name_th")] if r["name_th"] else []
        if r["name_en"]:
            names.append(_name(r["name_en"], "transcription" if names else "protected", "name_en"))
        native = r["reg_no"] or r["name_th"] or r["name_en"]
        registered = _date(r["reg_date"])
        kind = r["product_type"].split(" ")[0]
        common = {"หัตถกรรม": "handicrafts"}.get(kind)
        pc = ProductClass(scheme="th.dip", label=r["product_type"], common=common) if r["product_type"] else None
        out.append(GI(id=f"th.dip:{native}", register="th.dip", native_id=native, names=names, gi_type="GI",
                      countries=["TH"], product_class=pc, status="registered",
                      dates=Dates(registered=registered, protected=registered),
                      protections=[Protection(territory="TH", basis="registration",
                                              instrument="Protection of Geographical Indications Act B.E. 2546",
                                              since=registered, status="protected")],
                      source=_source(shared, path, line, r["source_url"], SNAPSHOT["th.dip"])))
    return out


BUILDERS = {  # dataset file → (register, builder, licence, description)
    "gis/eu_china.jsonl": ("eu.eambrosia", eu_china, "CC-BY-4.0 (© European Union, eAmbrosia)",
                           "Chinese GIs in the EU register: the 10+10 pilot and the agreement's first list"),
    "gis/jp_maff.jsonl": ("jp.maff", jp_maff, "CC-BY-4.0-compatible (Government of Japan Standard Terms of Use 2.0)",
                          "Japan, MAFF GI register (confirmed rows)"),
    "gis/jp_maff_designated.jsonl": ("jp.maff_designated", jp_maff_designated,
                                     "CC-BY-4.0-compatible (Government of Japan Standard Terms of Use 2.0)",
                                     "Japan, MAFF designated foreign GIs (confirmed rows)"),
    "gis/jp_nta.jsonl": ("jp.nta", jp_nta, "CC-BY-4.0-compatible (Government of Japan Standard Terms of Use 2.0)",
                         "Japan, NTA liquor GIs (confirmed rows)"),
    "gis/th_dip.jsonl": ("th.dip", th_dip, "facts only (no licence stated by the sources)",
                         "Thailand, DIP GI register (confirmed rows)"),
}


def build_all(shared: Path, datasets: Path) -> list[dict]:
    (datasets / "gis").mkdir(exist_ok=True)
    entries = []
    for rel, (register, builder, licence, description) in BUILDERS.items():
        records = builder(shared)
        ids = [gi.id for gi in records]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise SystemExit(f"{rel}: duplicate ids {duplicates}: give those rows a distinguishing native id")
        lines = [gi.model_dump_json(exclude_defaults=True) for gi in records]
        (datasets / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        sources = sorted({gi.source.file for gi in records})
        entries.append({"path": rel, "register": register, "description": description, "licence": licence,
                        "snapshot": SNAPSHOT[register.split(".")[0] if register == "eu.eambrosia" else register],
                        "sources": sources})
    return entries
