"""Thailand, GI register of the Department of Intellectual Property (Protection of Geographical
Indications Act B.E. 2546).

Format ``table``: CSV with reg_no (ทะเบียนเลขที่, ``สช 50100020``), name_th, name_en and name_en_source,
province_th, province_en, product_type (สินค้าเกษตรกรรม / หัตถกรรม / อุตสาหกรรม), reg_date (ISO, or only
``YYYY-MM`` / ``YYYY`` when the source gives no day), reg_date_be (``27 กันยายน 2550``), applicant,
eu_registration, source_url; the Thai labels are read too. Buddhist-era dates are converted (BE − 543)
and checked against the ISO date and against the year in the registration number. Id: the registration
number, or the Thai name where a list gives no number (``th.dip:สช 50100020``).
"""

from __future__ import annotations

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
          "ผู้ขอขึ้นทะเบียน": "applicant", "eu_registration": "eu", "source_url": "url", "source_url_2": "url2"}
REG_NO = re.compile(r"^สช\s*(\d{2})(\d)(\d{5})$")
INSTRUMENT = "Protection of Geographical Indications Act B.E. 2546 (2003)"


def load(path: str) -> LoadResult:
    """Read a list of DIP registrations."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("name_th",), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape="table", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="reg_no")


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
              for t in (x.strip() for x in get("name_en").split(" / ")) if t]
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
