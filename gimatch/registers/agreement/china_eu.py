"""The China–EU agreement on geographical indications (in force 2021-03-01): the names of Annexes III
(Chinese GIs protected in the EU) and IV (EU GIs protected in China), the second batches V and VI, the
priority list VII, the 2012 "10+10" pilot and the June 2017 public-comment lists.

Format ``list-csv``: one row per name with annex (``III``, ``IV``, ``V``, ``VI``, ``VII``, ``pilot-10+10``,
``2017-list``, or ``III|V`` when a source does not say which), party (CN or EU), name_original,
name_zh, transliteration, translation_en, product_type, country_province (``FR``, ``CN/Zhejiang``),
source_url (`` ; ``-separated) and confidence (``confirmed`` / ``partial``).

The supplement of names found later has the same layout with name_as_source, source_date and
relation_to_existing_csv (a name new to the list, or a row that corroborates or narrows a listed one).
Facts about a whole batch (announcement numbers, counts, periods) are read by :func:`batch_facts`.

Id: annex and the name as listed (``agreement.china_eu:III/安吉白茶``). Annexes III and IV are protected
from 2021-03-01 in the other party's territory; V, VI and VII are pending (published for opposition on
2022-12-02); the pilot names were registered directly, each on a date the list does not give, between the
applications of July 2007 and the pilot's completion on 2012-11-30; the 2017 lists carry no protection.
"""

from __future__ import annotations

import datetime as dt

from ...classes import goods_class
from ...errors import InputError
from ...model import GI, Dates, Name, ProductClass, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, read_table

REGISTER = RegisterInfo(
    name="agreement.china_eu",
    prefix="agreement.china_eu",
    title="China–EU agreement on GIs: Annexes III–VII, the 10+10 pilot, the 2017 lists",
    territory="CN+EU",
    formats=("list-csv",),
    url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:22020A1204(01)",
    aliases=("china_eu",),
)
LABELS = {"annex": "annex", "party": "party", "name_original": "name", "name_zh": "zh", "transliteration": "latin",
          "translation_en": "en", "product_type": "product", "country_province": "where", "source_url": "url",
          "confidence": "confidence", "name_as_source": "name", "source_date": "source_date",
          "relation_to_existing_csv": "relation"}
FACT_LABELS = {"fact": "fact", "value": "value", "as_of": "as_of", "source_url": "url"}
ANNEXES = ("III", "IV", "V", "VI", "VII", "III|V", "V|VII", "pilot-10+10", "2017-list")
IN_FORCE = dt.date(2021, 3, 1)
INSTRUMENT = "EU–China agreement on geographical indications (OJ L 408I, 4.12.2020)"
OPPOSITION = {"V": "OJ C 459, 2.12.2022", "VI": "CNIPA notice of 2.12.2022"}
PUBLISHED = dt.date(2022, 12, 2)
PILOT_LODGED = dt.date(2007, 7, 1)        # the 10+10 applications were lodged in July 2007 ...
PILOT_COMPLETED = dt.date(2012, 11, 30)   # ... and the last names registered on each side by 30 Nov 2012


def load(path: str) -> LoadResult:
    """Read a list of agreement names."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("annex", "party", "name"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape="list-csv", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="annex")


def batch_facts(path: str) -> list[dict[str, str]]:
    """Facts about the agreement's batches (``china_eu_agreement_second_batch_facts.csv``): fact, value,
    as_of and source_url per row, without the list's free-text notes."""
    data = read_bytes(path)
    table = read_table(data, str(path), FACT_LABELS, required=("fact", "value", "url"),
                       register=f"{REGISTER.name} facts")
    out = []
    for where, row in table.whole_rows():
        if not table.get(row, "fact") or not table.get(row, "value"):
            raise InputError("a fact needs its text and value", path=str(path), where=where, field="fact")
        out.append({f: table.get(row, f) for f in ("fact", "value", "as_of", "url")})
    return out


def _protection(annex: str, party: str) -> tuple[str, list[Protection], Dates]:
    territory = "EU" if party == "CN" else "CN"
    if annex in ("III", "IV"):
        return "registered", [Protection(territory=territory, basis="agreement", instrument=INSTRUMENT, annex=annex,
                                         since=IN_FORCE)], Dates(protected=IN_FORCE)
    if annex == "pilot-10+10":
        return "registered", [Protection(territory=territory, basis="registration",
                                         instrument="10+10 pilot, direct registration", not_before=PILOT_LODGED,
                                         known_by=PILOT_COMPLETED)], Dates(applied=PILOT_LODGED)
    if annex == "2017-list":
        return "published", [], Dates()
    notice = OPPOSITION.get(annex.split("|")[-1] if annex != "V|VII" else "V")
    return "published", [Protection(territory=territory, basis="agreement", instrument=INSTRUMENT, annex=annex,
                                    status="pending")], Dates(published=PUBLISHED if notice else None)


def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    annex, party = get("annex"), get("party")
    if annex not in ANNEXES:
        raise InputError(f"unknown annex {annex!r} (one of {', '.join(ANNEXES)})", where=where, field="annex")
    if party not in ("CN", "EU"):
        raise InputError(f"party must be CN or EU, not {party!r}", where=where, field="party")
    names: list[Name] = []
    for text, role, field in ((get("name"), "protected", "name_original"), (get("zh"), "variant", "name_zh"),
                              (get("latin"), "transcription", "transliteration"),
                              (get("en"), "translation", "translation_en")):
        for part in (p.strip() for p in text.split(" / ")):
            if part and part not in {n.text for n in names}:
                script = dominant_script(part)
                names.append(Name(text=part, script=script, role=role if names else "protected", source=field,
                                  lang={"Han": "zh", "Hangul": "ko"}.get(script, "en" if role == "translation" else None)))
    if not names:
        raise InputError("no name in any column", where=where, field="name_original")
    key = names[0].text
    status, protections, dates = _protection(annex, party)
    where_ = get("where")
    countries = ["CN"] if party == "CN" else [c for c in where_.split("/") if len(c) == 2]
    countries = ["GB" if c == "UK" else c for c in countries]
    places = [where_.split("/", 1)[1]] if where_.startswith("CN/") else []
    product = get("product")
    urls = [u.strip() for u in get("url").split(" ; ") if u.strip()]
    source.url = urls[0] if urls else None
    source.other_urls = urls[1:]
    return GI(id=f"{REGISTER.prefix}:{annex}/{key}", register=REGISTER.name, native_id=f"{annex}/{key}", names=names,
              gi_type="agreement name", countries=countries,
              product_class=ProductClass(scheme="agreement.product_type", label=product, common=goods_class(product))
              if product else None,
              status=status, dates=dates, protections=protections, places=places,
              native={k: v for k, v in row.items() if v and k not in ("source_url", "notes")}, source=source)
