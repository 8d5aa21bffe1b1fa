"""Thailand, GI register of the Department of Intellectual Property (Protection of Geographical
Indications Act B.E. 2546).

Format ``table``: CSV with reg_no (ทะเบียนเลขที่, ``สช 50100020``), name_th, name_en and name_en_source,
province_th, province_en, product_type (สินค้าเกษตรกรรม / หัตถกรรม / อุตสาหกรรม), reg_date (ISO, or only
``YYYY-MM`` / ``YYYY`` when the source gives no day), reg_date_be (``27 กันยายน 2550``), applicant,
eu_registration, source_url; the Thai labels are read too. Buddhist-era dates are converted (BE − 543)
and checked against the ISO date and against the year in the registration number. Id: the registration
number, or the Thai name where a list gives no number (``th.dip:สช 50100020``).

Format ``supplement``: CSV with name_th, province_th, product_type, status_in_source (registered, or an
application under examination or published), date_or_period (free text: the registration is attested by
that date; a day, a month or a year) and source_url.

Format ``cross-border``: CSV with direction (``TH_in_EU``, ``TH_in_JP``, ``TH_in_other``, ``JP_in_TH``,
``foreign_in_TH``), name_origin_script, name_as_registered, origin_country, registry, registry_ref, date and
source_url. Foreign GIs registered by DIP become records of their own; a Thai GI registered abroad becomes
its record (keyed by its Thai name, so the store merges it with the register's row) carrying the foreign
protection.

The register's published size is read from DIP's counts (``dip_thai_gi_counts.csv``) by
:func:`published_counts`.
"""

from __future__ import annotations

import datetime as dt
import re

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Name, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, parse_any_date, read_table

REGISTER = RegisterInfo(
    name="th.dip",
    prefix="th.dip",
    title="Thailand, DIP GI register (สิ่งบ่งชี้ทางภูมิศาสตร์)",
    territory="TH",
    formats=("table",),
    url="https://www.ipthailand.go.th",
)
LABELS = {"reg_no": "reg_no", "ทะเบียนเลขที่": "reg_no", "name_th": "name_th", "ชื่อสินค้า": "name_th",
          "name_en": "name_en", "name_en_source": "name_en_source", "province_th": "province_th", "จังหวัด": "province_th",
          "province_en": "province_en", "product_type": "type", "ประเภทสินค้า": "type", "reg_date": "date",
          "reg_date_be": "date_be", "วันที่ประกาศขึ้นทะเบียน": "date_be", "applicant": "applicant",
          "ผู้ขอขึ้นทะเบียน": "applicant", "eu_registration": "eu", "source_url": "url", "source_url_2": "url2",
          "status_in_source": "status", "date_or_period": "period", "direction": "direction",
          "name_origin_script": "origin_name", "name_as_registered": "registered_name", "origin_country": "country",
          "registry": "registry", "registry_ref": "registry_ref", "date": "date", "confidence": "confidence"}
REG_NO = re.compile(r"^สช\s*(\d{2})(\d)(\d{5})$")
INSTRUMENT = "Protection of Geographical Indications Act B.E. 2546 (2003)"
ENGLISH_GLOSS = re.compile(r"\s*\(([^()]*)\)\s*$")   # what an English rendering's closing brackets say the product is
                                                   # (Pla Meng Surat Thani (stinging catfish)): no part of the name


def load(path: str) -> LoadResult:
    """Read a list of DIP registrations, the supplement of registrations without numbers, or the list of
    Thai GIs abroad and foreign GIs in Thailand."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=(), register=REGISTER.name)
    fields = set(table.fields.values())
    if "direction" in fields:
        shape, make = "cross-border", _cross_border
    elif "status" in fields and "name_th" in fields:
        shape, make = "supplement", _supplement
    elif "name_th" in fields:
        shape, make = "table", _record
    else:
        raise InputError(f"not a {REGISTER.name} table: no column name_th or direction "
                         f"(header: {', '.join(h for h in table.header if h)})", path=str(path), where="line 1")
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape=shape, snapshot=None)
    rows = _by_gi(table) if shape == "cross-border" else table.rows
    return collect(result, rows, lambda row, where, source: make(table, row, where, source), id_field="reg_no")


def _by_gi(table: Table) -> list[tuple[str, list[dict]]]:
    """Cross-border rows grouped by the GI they concern (one GI registered in several territories)."""
    groups: dict[str, tuple[str, list[dict]]] = {}
    for where, row in table.whole_rows():
        key = table.get(row, "origin_name") or table.get(row, "registered_name") or where
        groups.setdefault(key, (where, []))[1].append(row)
    return list(groups.values())


def published_counts(path: str) -> list[dict[str, str]]:
    """DIP's own counts of registered Thai GIs (``dip_thai_gi_counts.csv``): as_of (the date when the source
    gives a day), count (the figure's leading number) and source_url, in the file's order."""
    data = read_bytes(path)
    table = read_table(data, str(path), {"as_of": "as_of", "count_th_gi": "count", "source_url": "url",
                                         "provinces": "provinces"},
                       required=("as_of", "count"), register=f"{REGISTER.name} counts")
    out = []
    for where, row in table.whole_rows():
        count = re.match(r"\D*(\d[\d,]*)", table.get(row, "count"))
        if not count:
            raise InputError(f"no number in {table.get(row, 'count')!r}", path=str(path), where=where,
                             field="count_th_gi")
        day = re.search(r"\d{4}-\d{2}-\d{2}", table.get(row, "as_of"))
        out.append({"as_of": day.group() if day else "", "count": count.group(1).replace(",", ""),
                    "as_of_text": table.get(row, "as_of"), "source_url": table.get(row, "url")})
    return out


_PERIOD_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PERIOD_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PERIOD_YEAR = re.compile(r"^(\d{4})\b")


def attested_by(text: str) -> dt.date | None:
    """The date by which a period text shows a fact: its last full date, else the end of the month or
    year it names ('2020 (news dated … = 2020-06-02)' → 2020-06-02; '2021-04' → 2021-04-30; 'undated' → None)."""
    days = _PERIOD_DAY.findall(text or "")
    if days:
        y, m, d = days[-1]
        return dt.date(int(y), int(m), int(d))
    text = (text or "").strip()
    if (m := _PERIOD_MONTH.match(text)):
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
    if (m := _PERIOD_YEAR.match(text)):
        return dt.date(int(m.group(1)), 12, 31)
    return None


def _supplement(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    name = get("name_th")
    if not name:
        raise InputError("no name", where=where, field="name_th")
    reported = get("status").lower()
    status = "registered" if reported.startswith("registered") else "published" if "published" in reported else "applied"
    known_by = attested_by(get("period"))
    urls = [u.strip() for u in get("url").split(" ; ") if u.strip()]
    source.url = urls[0] if urls else None
    source.other_urls = urls[1:]
    protection = Protection(territory="TH", basis="registration", instrument=INSTRUMENT,
                            known_by=known_by if status == "registered" else None,
                            status="protected" if status == "registered" else "pending")
    return GI(id=f"{REGISTER.prefix}:{name}", register=REGISTER.name, native_id=name,
              names=[Name(text=name, script=dominant_script(name), lang="th", source="name_th")], gi_type="GI",
              countries=["TH"], product_class=native_class("th.dip", get("type")), status=status,
              legal_instrument=INSTRUMENT, protections=[protection],
              places=[p for p in (get("province_th"),) if p],
              native={k: v for k, v in row.items() if v and k not in ("source_url", "notes")}, source=source)


_DIRECTIONS = {"TH_in_EU": "EU", "TH_in_JP": "JP", "TH_in_other": None, "JP_in_TH": "TH", "foreign_in_TH": "TH"}


def _cross_border(table: Table, rows: list[dict], where: str, source: Source) -> GI:
    names: list[Name] = []
    protections: list[Protection] = []
    urls: list[str] = []
    for row in rows:
        get = lambda f: table.get(row, f)  # noqa: E731
        direction = get("direction")
        if direction not in _DIRECTIONS:
            raise InputError(f"direction must be one of {', '.join(_DIRECTIONS)}, not {direction!r}", where=where,
                             field="direction")
        territory = _DIRECTIONS[direction] or (get("registry").split() or [""])[0].upper()
        if not re.fullmatch(r"[A-Z]{2}", territory):
            raise InputError(f"not a territory: {get('registry')!r}", where=where, field="registry")
        country = get("country").upper() or "TH"
        for text in (t.strip() for t in (get("origin_name"), *get("registered_name").split(" / ")) if t.strip()):
            if text not in {n.text for n in names}:
                script = dominant_script(text)
                role = "protected" if not names else "transcription"
                names.append(Name(text=text, script=script, role=role, source="name_origin_script/name_as_registered",
                                  lang={"Thai": "th", "Kana": "ja", "Han": "ja" if country == "JP" else "zh"}.get(script)))
        period = get("date")
        day = (parse_any_date(period, where=where, field_name="date")
               if re.fullmatch(r"\d{4}-\d{2}-\d{2}", period) else None)
        instrument = (INSTRUMENT if territory == "TH" else get("registry_ref") or get("registry")) or None
        protections.append(Protection(territory=territory, basis="registration", instrument=instrument, since=day,
                                      known_by=None if day else attested_by(period)))
        urls += [u.strip() for u in (get("url"), *get("url2").split(" ; "))
                 if u.strip().startswith("http") and u.strip() not in urls]
    if not names:
        raise InputError("no name", where=where, field="name_origin_script")
    source.url = urls[0] if urls else None
    source.other_urls = urls[1:]
    first = rows[0]
    eu = re.search(r"P[DG][OI]-TH-\d+", " ".join(table.get(r, "registry_ref") for r in rows))
    return GI(id=f"{REGISTER.prefix}:{names[0].text}", register=REGISTER.name, native_id=names[0].text,
              other_ids={"eu_file_number": eu.group()} if eu else {}, names=names, gi_type="GI",
              countries=[table.get(first, "country").upper() or "TH"], status="registered", protections=protections,
              native={k: v for k, v in first.items() if v and k not in ("source_url", "source_url_2", "notes")},
              source=source)
def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    reg_no = " ".join(get("reg_no").split())
    m = REG_NO.match(reg_no) if reg_no else None
    if reg_no and not m:
        raise InputError(f"not a DIP registration number (สช + 8 digits): {reg_no!r}", where=where, field="reg_no")
    date_text = get("date")
    registered = None if re.fullmatch(r"\d{4}(-\d{2})?", date_text) else parse_any_date(
        date_text, where=where, field_name="reg_date")
    be = parse_any_date(get("date_be"), where=where, field_name="reg_date_be", buddhist=True)
    if registered and be and registered != be:
        raise InputError(f"reg_date {registered} and reg_date_be {get('date_be')!r} ({be}) disagree", where=where,
                         field="reg_date_be")
    registered = registered or be
    if m and registered and int(m.group(1)) != (registered.year + 543) % 100:
        raise InputError(f"the number {reg_no} carries BE year {m.group(1)}, the registration date is "
                         f"{registered} (BE {registered.year + 543})", where=where, field="reg_no")
    names = [Name(text=get("name_th"), script=dominant_script(get("name_th")), lang="th", source="name_th")
             ] if get("name_th") else []
    english_role = "translation" if "descriptive" in get("name_en_source").lower() else "transcription"
    names += [Name(text=t, script=dominant_script(t), role=english_role if names else "protected", source="name_en")
              for t in (ENGLISH_GLOSS.sub("", x).strip() for x in get("name_en").split(" / ")) if t]
    if not names:
        raise InputError("no name", where=where, field="name_th")
    native_id = reg_no or get("name_th") or get("name_en")
    eu = re.search(r"P[DG][OI]-TH-\d+", get("eu"))
    source.url = get("url") or None
    source.other_urls = [u for u in (get("url2"),) if u]
    return GI(id=f"{REGISTER.prefix}:{native_id}", register=REGISTER.name, native_id=native_id,
              other_ids={"eu_file_number": eu.group()} if eu else {}, names=names, gi_type="GI", countries=["TH"],
              product_class=native_class("th.dip", get("type")), status="registered",
              dates=Dates(registered=registered, protected=registered), legal_instrument=INSTRUMENT,
              protections=[Protection(territory="TH", basis="registration", instrument=INSTRUMENT, since=registered)],
              places=[p for p in (get("province_th"), get("province_en")) if p], holder=get("applicant") or None,
              native={k: v for k, v in row.items() if v and k not in ("source_url", "source_url_2", "notes")},
              source=source)
