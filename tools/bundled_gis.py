"""Builders of the bundled GI datasets (datasets/gis/*.jsonl, datasets/agreements/…) from the compiled
fact lists in shared/registers. The registers' own readers read the lists (they are in the readers'
``table`` layouts); every record keeps its row's source URL; the lists' free-text notes are not copied."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from gimatch.bundled import sha256_of
from gimatch.classes import goods_class
from gimatch.model import GI, Dates, ProductClass, Protection, Source, merge_records
from gimatch.registers import make_names
from gimatch.registers.agreement import china_eu, eu_japan
from gimatch.registers.eu import eambrosia
from gimatch.registers.jp import maff, maff_designated, nta
from gimatch.registers.th import dip
from gimatch.registers.us import ava, uspto, wine_names
from gimatch.text.fold import fold

TOOLS = Path(__file__).resolve().parent
# Records of the shared files the readers refuse, on purpose, with the reason written in the manifest.
KNOWN_REJECTS = {
    ("registers/eu/eambrosia_export_2020-08_defra-prototype.json", "PGI-HU-A1507-AM04"),  # an amendment file of a GI
}                                                                                      # that no file holds
REJECTED: list[dict] = []
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


def _read(module, shared: Path, rel: str, snapshot: str | None = None) -> list[GI]:
    """A file read by its register's reader; sources point at the shared file (its sha256 is in the
    manifest), and ``snapshot`` is the date the list was compiled when the file does not state one."""
    result = module.load(str(shared / rel))
    for reject in result.rejects:
        if (rel, reject.where) not in KNOWN_REJECTS:
            raise SystemExit(f"{rel}: {reject.where}: {reject.reason}; fix the reader or list it in KNOWN_REJECTS")
        REJECTED.append({"file": f"shared/{rel}", "where": reject.where, "reason": reject.reason})
    records = list(result.records)
    for gi in records:
        gi.source.file = f"shared/{rel}"
        gi.source.sha256 = None
        if snapshot:
            gi.source.snapshot = dt.date.fromisoformat(snapshot)
    return records


EU_FILES = (  # oldest snapshot first; each GI keeps its newest known state (gimatch.model.merge_records)
    "registers/eu/eambrosia_export_2020-08_defra-prototype.json",
    "registers/eu/eu_wine_pdo_candiago2022_PDO_EU_id.csv",
    "registers/eu/eambrosia_api-v1_modified-2020-01_to_2022-03.json",
    "registers/eu/eambrosia_china_gis.csv",
    "registers/us/us_gi_in_eu_confirmed.csv",
)


def _merged(module, shared: Path, files: tuple[str, ...]) -> list[GI]:
    """Records of several files of one register merged by id, as the store merges them on import."""
    merged: dict[str, GI] = {}
    for rel in files:
        for gi in _read(module, shared, rel):
            merged[gi.id] = merge_records(merged[gi.id], gi) if gi.id in merged else gi
    return sorted(merged.values(), key=lambda gi: gi.id)


def eu_register(shared: Path) -> list[GI]:
    return _merged(eambrosia, shared, EU_FILES)


def eu_china(shared: Path) -> list[GI]:
    return _read(eambrosia, shared, "registers/eu/eambrosia_china_gis.csv")


def agreement_china_eu(shared: Path) -> list[GI]:
    """The agreement lists, each Chinese name linked to its EU file number where the EU list has it
    (same Chinese characters, or the same transcription once folded)."""
    records = _lists(china_eu, shared, ("registers/cn/china_eu_agreement.csv", "2026-08-04"),
                     ("registers/cn/china_eu_agreement_supplement.csv", "2026-11-29"))
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


def _place_products(text: str) -> set[tuple[str, frozenset[str]]]:
    """(place, products) of a name: its place key, and the place without its landscape word (Mount Wuyi, 武夷山:
    wuyi)."""
    from gimatch.text.anatomy import anatomy, place_core

    a = anatomy(text)
    if not a.place_key or not a.concepts:
        return set()
    return {(key, frozenset(a.concepts)) for key in (a.place_key, place_core(a.place)) if key}


def _product_words(text: str) -> str:
    """A name less its place, as written (武夷山大红袍, Wuyishan Da Hong Pao: 大红袍, da hong pao)."""
    from gimatch.text.anatomy import anatomy
    from gimatch.text.fold import fold

    folded, place = fold(text), anatomy(text).place
    return "".join(folded.replace(place, "", 1).split()) if place and place in folded else ""


def _link_translations(records: list[GI], eu_records: list[GI]) -> None:
    """A Chinese name the list gives only in translation ('Wuchang Rice', 'Fenghuang Single Cluster') is linked
    to the EU entry with the same place, its landscape word aside, and product ('Wuchang Da Mi', 凤凰单丛), when
    exactly one entry has them, or one of several writes the product as the name does (Mount Wuyi Da Hong Pao
    meets two oolongs of Wuyi, and 武夷山大红袍 is the one that says da hong pao); the method is recorded."""
    keys: dict[tuple, set[str]] = {}
    written: dict[str, set[str]] = {}
    for eu in eu_records:
        for n in eu.names:
            for k in _place_products(n.text):
                keys.setdefault(k, set()).add(eu.native_id)
            written.setdefault(eu.native_id, set()).add(_product_words(n.text))
    taken = {gi.other_ids.get("eu_file_number") for gi in records}
    for gi in records:
        if "CN" not in gi.countries or gi.other_ids.get("eu_file_number"):
            continue
        found = {number for n in gi.names for k in _place_products(n.text) for number in keys.get(k, ())}
        if len(found) > 1:
            mine = {_product_words(n.text) for n in gi.names} - {""}
            found = {number for number in found if written[number] & mine}
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


PILOT = (dt.date(2007, 7, 1), dt.date(2012, 11, 30))   # the 10+10 applications were lodged in July 2007; completed


def _month_bounds(month: str) -> tuple[dt.date, dt.date]:
    first = dt.date.fromisoformat(f"{month}-01")
    return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def cn_direct_registrations(shared: Path) -> list[GI]:
    """Foreign GIs approved as GI products in China (tools/curated/cn_direct_registrations.csv): the exact
    notice date where a page states it, else the month or year as bounds, else the pilot's bounds."""
    path = TOOLS / "curated/cn_direct_registrations.csv"
    out = []
    for line, r in _rows(path):
        names = make_names([r["name"]], source="name")
        names += [n.model_copy(update={"role": "transcription" if n.role == "protected" else n.role, "lang": "zh"})
                  for n in make_names([r["name_zh"]], source="name_zh", chinese=True)] if r["name_zh"] else []
        since = dt.date.fromisoformat(r["date"]) if r["date"] else None
        if since:
            not_before = known_by = None
        elif r["month"]:
            not_before, known_by = _month_bounds(r["month"])
        elif r["year"]:
            not_before, known_by = dt.date(int(r["year"]), 1, 1), dt.date(int(r["year"]), 12, 31)
        elif r["in_force_by"]:
            not_before, known_by = None, dt.date.fromisoformat(r["in_force_by"])
        else:
            not_before, known_by = PILOT
        instrument = r["announcement"] or f"AQSIQ approval as a GI product ({r['route']})"
        native = f"AQSIQ-{r['year'] or ('pilot' if 'pilot' in r['route'] else 'before-' + r['in_force_by'][:4])}-" \
                 f"{r['name_zh'] or r['name']}"
        out.append(GI(id=f"cn.gi_products:{native}", register="cn.gi_products", native_id=native, names=names,
                      gi_type="GI product", countries=[r["country"]],
                      product_class=ProductClass(scheme="cn.aqsiq", label=r["product_type"],
                                                 common=goods_class(r["product_type"])),
                      status="registered", legal_instrument=instrument, dates=Dates(registered=since),
                      protections=[Protection(territory="CN", basis="registration", instrument=instrument, since=since,
                                              not_before=not_before, known_by=known_by)],
                      native={k: r[k] for k in ("route", "date", "month", "year", "in_force_by", "announcement")
                              if r[k]},
                      source=Source(file="tools/curated/cn_direct_registrations.csv", record=f"line {line}",
                                    snapshot=dt.date(2026, 11, 29), url=r["source"],
                                    other_urls=[r["source_2"]] if r["source_2"] else [])))
    return out


def _lists(module, shared: Path, *files: tuple[str, str | None]) -> list[GI]:
    """Compiled lists of one register, each with the date it was compiled, merged by id."""
    merged: dict[str, GI] = {}
    for rel, snapshot in files:
        for gi in _read(module, shared, rel, snapshot):
            merged[gi.id] = merge_records(merged[gi.id], gi) if gi.id in merged else gi
    return list(merged.values())


FACTS = "facts only (no licence stated by the sources)"
BUILDERS = {  # dataset file → (register, builder, licence, description, snapshot)
    "gis/eu_eambrosia.jsonl": ("eu.eambrosia", eu_register, "CC-BY-4.0 (© European Union, eAmbrosia; wine PDO "
                               "table: Candiago et al. 2022, CC0)",
                               "EU register (eAmbrosia): the 2020 search export merged with the API v1 records "
                               "modified 2020–2022, the wine PDO table of 2021 and the compiled Chinese and US "
                               "entries; each GI in its newest known state, with its snapshot date", "2026-08-04"),
    "gis/us_ava.jsonl": ("us.ava", lambda s: _read(ava, s, "registers/us/ttb_ava_attributes.csv", "2024-02-29"),
                         "CC0-1.0 (UC Davis AVA Digitizing Project)",
                         "United States, the 269 current American viticultural areas (27 CFR part 9)", "2024-02-29"),
    "agreements/china_eu/names.jsonl": ("agreement.china_eu", agreement_china_eu,
                                        "facts with citations (sources per row)",
                                        "China–EU agreement: Annexes III–VII, the 10+10 pilot, the 2017 lists",
                                        "2026-11-29"),
    "gis/agreement_eu_japan.jsonl": ("agreement.eu_japan",
                                     lambda s: _read(eu_japan, s, "registers/jp/eu_japan_epa_annex14b_confirmed.csv",
                                                     "2023-09-27"),
                                     "facts with citations (EU Official Journal content: © European Union)",
                                     "EU–Japan EPA Annex 14-B (confirmed rows, both directions)", "2023-09-27"),
    "gis/cn_gi_products.jsonl": ("cn.gi_products", cn_direct_registrations, "Apache-2.0 (facts)",
                                 "Foreign GIs China approved as GI products: six direct registrations (2009–2015) and "
                                 "the ten EU names of the 10+10 pilot (2011–2012)", "2026-11-29"),
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
    "gis/th_dip.jsonl": ("th.dip", lambda s: _lists(dip, s, ("registers/th/dip_thai_gi_confirmed.csv", "2025-12-15"),
                                                    ("registers/th/dip_thai_gi_supplement.csv", "2026-11-29"),
                                                    ("registers/th/thai_gi_cross_border_confirmed.csv",
                                                     "2026-11-29")),
                         FACTS, "Thailand, DIP GI register (confirmed rows, the supplement of later finds, Thai GIs "
                         "registered abroad and foreign GIs registered in Thailand)", "2026-11-29"),
    "gis/us_uspto.jsonl": ("us.uspto", lambda s: _read(uspto, s,
                                                       "registers/us/uspto_geographic_certification_marks_confirmed.csv",
                                                       "2026-08-04"),
                           "facts only (USPTO and cited pages)", "United States, geographic certification marks "
                           "(confirmed examples, no registration numbers)", "2026-08-04"),
    "gis/us_wine_names.jsonl": ("us.wine_names", lambda s: _read(wine_names, s,
                                                                 "registers/us/cfr27_part12_distinctive_designations_partial.csv",
                                                                 "2008-01-01"),
                                "facts (US regulations, public domain)",
                                "United States, foreign distinctive wine designations of 27 CFR 12.31 (2008 edition; "
                                "Germany complete, France cut off in the source)", "2008-01-01"),
}


def build_all(shared: Path, datasets: Path) -> list[dict]:
    entries = []
    for rel, (register, builder, licence, description, snapshot) in BUILDERS.items():
        REJECTED.clear()
        records = builder(shared)
        ids = [gi.id for gi in records]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise SystemExit(f"{rel}: duplicate ids {duplicates}: give those rows a distinguishing native id")
        lines = [gi.model_dump_json(exclude_defaults=True) for gi in records]
        (datasets / rel).parent.mkdir(parents=True, exist_ok=True)
        (datasets / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        sources = sorted({s.file for gi in records for s in (gi.source, *gi.other_sources)})
        entries.append({"path": rel, "register": register, "description": description, "licence": licence,
                        "snapshot": snapshot, "sources": sources,
                        "source_sha256": {f: sha256_of(shared / f.removeprefix("shared/")) for f in sources
                                          if f.startswith("shared/")},
                        **({"rejected": list({(r["file"], r["where"]): r for r in REJECTED}.values())}
                           if REJECTED else {})})
    return entries


def _write_csv(path: Path, comment: str, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(comment)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def semigeneric_wine_names(shared: Path, datasets: Path) -> None:
    """datasets/us_semigeneric_wine_names.csv: the names US law treats as semi-generic for wine."""
    rows = wine_names.semigeneric_names(str(shared / "registers/us/us_semigeneric_wine_names.csv"))
    _write_csv(datasets / "us_semigeneric_wine_names.csv",
               "# Wine names US law treats as semi-generic (usable on US wine with a true-origin qualifier).\n"
               "# Restructured from shared/registers/us/us_semigeneric_wine_names.csv; notes not copied.\n",
               ["name", "origin_hint", "basis", "in_statute_list", "source_url"],
               [[r["name"], r["origin_hint"], r["basis"], r["in_statute_list"], r["url"]] for r in rows])


def eu_category_ids(shared: Path, datasets: Path) -> None:
    """datasets/eu_api_category_ids.csv: eAmbrosia's API v1 class ids (food, wine, aromatised wine)."""
    rows = eambrosia.read_category_map(str(shared / "registers/eu/eambrosia_api_productCategories_id_map.csv"))
    _write_csv(datasets / "eu_api_category_ids.csv",
               "# eAmbrosia API v1 productCategories ids → class, from the ids observed by joining API v1 records\n"
               "# to the 2020 export (shared/registers/eu/eambrosia_api_productCategories_id_map.csv). Spirit ids\n"
               "# are read as 190 + the category number of Reg. (EU) 2019/787 Annex I by the reader.\n",
               ["id", "scheme", "code", "label"], [[r["id"], r["scheme"], r["code"], r["label"]] for r in rows])


def china_eu_facts(shared: Path, datasets: Path) -> None:
    """datasets/agreements/china_eu/facts.csv: facts about the agreement's second batch, with sources."""
    rows = china_eu.batch_facts(str(shared / "registers/cn/china_eu_agreement_second_batch_facts.csv"))
    _write_csv(datasets / "agreements/china_eu/facts.csv",
               "# Facts about the China–EU agreement's batches (announcements, counts, periods), each with its\n"
               "# source. Restructured from shared/registers/cn/china_eu_agreement_second_batch_facts.csv.\n",
               ["fact", "value", "as_of", "source_url"], [[r["fact"], r["value"], r["as_of"], r["url"]] for r in rows])


def dip_size(shared: Path, datasets: Path) -> None:
    """The th.dip row of datasets/register_sizes.csv: DIP's newest dated count of Thai GIs."""
    counts = [c for c in dip.published_counts(str(shared / "registers/th/dip_thai_gi_counts.csv")) if c["as_of"]]
    newest = max(counts, key=lambda c: c["as_of"])
    path = datasets / "register_sizes.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    columns = lines[header].strip().split(",")
    rows = list(csv.DictReader(lines[header:]))
    for row in rows:
        if row["register"] == "th.dip":
            row.update(published=newest["count"], as_of=newest["as_of"], source=newest["source_url"])
    _write_csv(path, "".join(lines[:header]), columns, [[row[c] for c in columns] for row in rows])


TABLES = (semigeneric_wine_names, eu_category_ids, china_eu_facts, dip_size)   # tables derived from shared files
