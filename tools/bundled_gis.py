"""Builders of the bundled GI datasets (datasets/gis/*.jsonl, datasets/agreements/…) from the compiled
fact lists in shared/registers. The registers' own readers read the lists (they are in the readers'
``table`` layouts); every record keeps its row's source URL; the lists' free-text notes are not copied."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from gimatch.classes import goods_class
from gimatch.model import GI, Dates, Name, ProductClass, Protection, Source
from gimatch.registers import make_names
from gimatch.registers.agreement import china_eu
from gimatch.registers.eu.eambrosia import product_class
from gimatch.registers.jp import maff, maff_designated, nta
from gimatch.registers.th import dip
from gimatch.registers.us import uspto
from gimatch.text.fold import dominant_script, fold

TOOLS = Path(__file__).resolve().parent
UPSTREAM = {  # source tags of eambrosia_china_gis.csv → where the facts were read
    "defra2020": "https://github.com/DEFRA/geographical-indications-register-prototype",
    "api2022": "https://github.com/victorsole/eAmbrosia",
    "foodatlas2026": "https://github.com/GHajaymore/Food-Atlas",
}
JP = "CC-BY-4.0-compatible (Government of Japan Standard Terms of Use 2.0)"


def _rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for i, row in enumerate(csv.DictReader(lines), 2):
            yield i, {k: (v or "").strip() for k, v in row.items()}


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _read(module, shared: Path, rel: str, snapshot: str) -> list[GI]:
    """A compiled list read by its register's reader; sources point at the shared file."""
    result = module.load(str(shared / rel))
    if result.rejects:
        raise SystemExit(f"{rel}: {len(result.rejects)} rows rejected, first: {result.rejects[0]}")
    for gi in result.records:
        gi.source.file = f"shared/{rel}"
        gi.source.sha256 = None
        gi.source.snapshot = dt.date.fromisoformat(snapshot)
    return result.records


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
                      source=Source(file="shared/registers/eu/eambrosia_china_gis.csv", record=f"line {line}",
                                    snapshot=dt.date(2026, 8, 4), url=UPSTREAM.get(tags[0]) if tags else None,
                                    other_urls=[UPSTREAM[t] for t in tags[1:] if t in UPSTREAM])))
    return out


def agreement_china_eu(shared: Path) -> list[GI]:
    """The agreement lists, each Chinese name linked to its EU file number where the EU list has it
    (same Chinese characters, or the same transcription once folded)."""
    records = _read(china_eu, shared, "registers/cn/china_eu_agreement.csv", "2026-08-04")
    eu = {}
    for gi in eu_china(shared):
        for n in gi.names:
            eu.setdefault(fold(n.text).replace(" ", ""), gi.native_id)
    for gi in records:
        if "CN" not in gi.countries:
            continue
        for n in gi.names:
            if n.role != "translation" and (number := eu.get(fold(n.text).replace(" ", ""))):
                gi.other_ids["eu_file_number"] = number
                break
    eu_records = eu_china(shared)
    _link_translations(records, eu_records)
    return _complete_annex_iii(records, eu_records)


def _place_product(text: str) -> tuple[str, frozenset[str]] | None:
    from gimatch.text.anatomy import anatomy

    a = anatomy(text)
    return (a.place_key, frozenset(a.concepts)) if a.place_key and a.concepts else None


def _link_translations(records: list[GI], eu_records: list[GI]) -> None:
    """A Chinese name the list gives only in translation ('Wuchang Rice') is linked to the EU entry with the
    same place and product ('Wuchang Da Mi'), when exactly one entry has them; the method is recorded."""
    keys: dict[tuple, set[str]] = {}
    for eu in eu_records:
        for n in eu.names:
            if (k := _place_product(n.text)):
                keys.setdefault(k, set()).add(eu.native_id)
    taken = {gi.other_ids.get("eu_file_number") for gi in records}
    for gi in records:
        if "CN" not in gi.countries or gi.other_ids.get("eu_file_number"):
            continue
        found = {number for n in gi.names if (k := _place_product(n.text)) for number in keys.get(k, ())}
        if len(found) == 1 and (number := found.pop()) not in taken:
            gi.other_ids["eu_file_number"] = number
            gi.native["eu_link"] = "same place and product as the EU entry (translated name)"
            taken.add(number)


def _complete_annex_iii(records: list[GI], eu_records: list[GI]) -> list[GI]:
    """Annex III is the EU register's 'first list' of Chinese GIs: a III|V name linked to one of them is in
    Annex III, and an Annex III entry of the EU register missing from the compiled list is added from it."""
    linked = {gi.other_ids.get("eu_file_number"): gi for gi in records if gi.other_ids.get("eu_file_number")}
    out = []
    for gi in records:
        number = gi.other_ids.get("eu_file_number")
        eu = next((e for e in eu_records if e.native_id == number), None)
        annex = gi.native_id.split("/", 1)[0]
        if annex in ("III|V", "2017-list") and eu is not None and eu.protections[0].annex == "III":
            gi = gi.model_copy(update={"id": gi.id.replace(f"{annex}/", "III/", 1),
                                       "native_id": gi.native_id.replace(f"{annex}/", "III/", 1),
                                       "native": {**gi.native, "annex": "III", "listed_as": annex,
                                                  "annex_from": f"EU register {number}"},
                                       "status": "registered", "dates": Dates(protected=china_eu.IN_FORCE),
                                       "protections": [Protection(territory="EU", basis="agreement",
                                                                  instrument=china_eu.INSTRUMENT, annex="III",
                                                                  since=china_eu.IN_FORCE)]})
        out.append(gi)
    for eu in eu_records:
        if eu.protections[0].annex != "III" or eu.native_id in linked:
            continue
        key = next(n.text for n in eu.names if n.script == "Han")
        out.append(GI(id=f"agreement.china_eu:III/{key}", register="agreement.china_eu", native_id=f"III/{key}",
                      other_ids={"eu_file_number": eu.native_id}, names=eu.names, gi_type="agreement name",
                      countries=["CN"], product_class=eu.product_class, status="registered",
                      dates=Dates(protected=china_eu.IN_FORCE),
                      protections=[Protection(territory="EU", basis="agreement", instrument=china_eu.INSTRUMENT,
                                              annex="III", since=china_eu.IN_FORCE)],
                      native={"annex": "III", "party": "CN", "annex_from": f"EU register {eu.native_id}",
                              "confidence": "confirmed"},
                      source=eu.source.model_copy(update={"file": "shared/registers/eu/eambrosia_china_gis.csv"})))
    return out


def cn_direct_registrations(shared: Path) -> list[GI]:
    path = TOOLS / "curated/cn_direct_registrations.csv"
    out = []
    for line, r in _rows(path):
        names = [Name(text=r["name_zh"], script="Han", lang="zh", source="name_zh"),
                 Name(text=r["name"], script=dominant_script(r["name"]), role="transcription", source="name")]
        native = f"AQSIQ-{r['year']}-{r['name_zh']}"
        instrument = f"AQSIQ approval as a GI product, {r['year']} (announcement number not recorded)"
        out.append(GI(id=f"cn.gi_products:{native}", register="cn.gi_products", native_id=native, names=names,
                      gi_type="GI product", countries=[r["country"]],
                      product_class=ProductClass(scheme="cn.aqsiq", label=r["product_type"],
                                                 common=goods_class(r["product_type"])),
                      status="registered", legal_instrument=instrument,
                      protections=[Protection(territory="CN", basis="registration", instrument=instrument)],
                      native={"year": r["year"], "name": r["name"]},
                      source=Source(file="tools/curated/cn_direct_registrations.csv", record=f"line {line}",
                                    snapshot=dt.date(2026, 11, 28), url=None)))
    return out


BUILDERS = {  # dataset file → (register, builder, licence, description, snapshot)
    "gis/eu_china.jsonl": ("eu.eambrosia", eu_china, "CC-BY-4.0 (© European Union, eAmbrosia)",
                           "Chinese GIs in the EU register: the 10+10 pilot and the agreement's first list",
                           "2026-08-04"),
    "agreements/china_eu/names.jsonl": ("agreement.china_eu", agreement_china_eu,
                                        "facts with citations (sources per row)",
                                        "China–EU agreement: Annexes III–VII, the 10+10 pilot, the 2017 lists",
                                        "2026-08-04"),
    "gis/cn_gi_products.jsonl": ("cn.gi_products", cn_direct_registrations, "Apache-2.0 (facts)",
                                 "Foreign GIs protected in China by direct registration (2009–2015)", "2026-11-28"),
    "gis/jp_maff.jsonl": ("jp.maff", lambda s: _read(maff, s, "registers/jp/maff_gi_registered_confirmed.csv",
                                                     "2025-11-17"), JP, "Japan, MAFF GI register (confirmed rows)",
                          "2025-11-17"),
    "gis/jp_maff_designated.jsonl": ("jp.maff_designated",
                                     lambda s: _read(maff_designated, s,
                                                     "registers/jp/maff_gi_designated_foreign_confirmed.csv",
                                                     "2025-11-17"),
                                     JP, "Japan, MAFF designated foreign GIs (confirmed rows)", "2025-11-17"),
    "gis/jp_nta.jsonl": ("jp.nta", lambda s: _read(nta, s, "registers/jp/nta_liquor_gi_confirmed.csv", "2025-11-17"),
                         JP, "Japan, NTA liquor GIs (confirmed rows)", "2025-11-17"),
    "gis/th_dip.jsonl": ("th.dip", lambda s: _read(dip, s, "registers/th/dip_thai_gi_confirmed.csv", "2025-12-15"),
                         "facts only (no licence stated by the sources)", "Thailand, DIP GI register (confirmed rows)",
                         "2025-12-15"),
    "gis/us_uspto.jsonl": ("us.uspto", lambda s: _read(uspto, s,
                                                       "registers/us/uspto_geographic_certification_marks_confirmed.csv",
                                                       "2026-08-04"),
                           "facts only (USPTO and cited pages)", "United States, geographic certification marks "
                           "(confirmed examples, no registration numbers)", "2026-08-04"),
}


def build_all(shared: Path, datasets: Path) -> list[dict]:
    entries = []
    for rel, (register, builder, licence, description, snapshot) in BUILDERS.items():
        records = builder(shared)
        ids = [gi.id for gi in records]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise SystemExit(f"{rel}: duplicate ids {duplicates}: give those rows a distinguishing native id")
        lines = [gi.model_dump_json(exclude_defaults=True) for gi in records]
        (datasets / rel).parent.mkdir(parents=True, exist_ok=True)
        (datasets / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        sources = sorted({gi.source.file for gi in records})
        entries.append({"path": rel, "register": register, "description": description, "licence": licence,
                        "snapshot": snapshot, "sources": sources})
    return entries


def semigeneric_wine_names(shared: Path, datasets: Path) -> None:
    """datasets/us_semigeneric_wine_names.csv: the names US law treats as semi-generic for wine."""
    rows = [r for _, r in _rows(shared / "registers/us/us_semigeneric_wine_names.csv")]
    with (datasets / "us_semigeneric_wine_names.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Wine names US law treats as semi-generic (usable on US wine with a true-origin qualifier).\n"
                 "# Restructured from shared/registers/us/us_semigeneric_wine_names.csv; notes not copied.\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "origin_hint", "basis", "in_statute_list", "source_url"])
        for r in rows:
            writer.writerow([r["name"], r["eu_origin_hint"], r["statutory_basis"], r["in_26usc5388_list"],
                             r["source_url"]])
