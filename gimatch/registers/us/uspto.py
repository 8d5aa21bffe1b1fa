"""United States, geographic certification and collective marks at the USPTO (Lanham Act §4).

Formats, told apart from the content:

- ``case-file-xml``: the USPTO trademark case-file XML (the daily and annual bulk files,
  ``<trademark-applications-daily>`` … ``<case-file>``, or a single ``<case-file>``): serial-number,
  registration-number, case-file-header (mark-identification, filing-date and registration-date as
  YYYYMMDD, certification-mark-in, collective-*-in, cancellation-date), case-file-statements (type-code
  ``GS…`` for goods; the statement that speaks of certifying is the certification statement),
  classifications (international-code, us-code ``A`` goods / ``B`` services) and case-file-owners
  (party-name). Parsed with no DTD, no entities and no network. Only certification and collective marks
  are taken; other marks are refused by line.
- ``table``: a CSV list of marks (mark_text, goods, owner, mark_kind, us_registration_no, region_certified,
  source_url), the layout of the confirmed list in ``shared/registers/us``.

Id: the registration number, else the serial number, else (lists without numbers) the mark text.
"""

from __future__ import annotations

import datetime as dt
import re

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Name, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, decode, parse_xml, read_table

REGISTER = RegisterInfo(
    name="us.uspto",
    prefix="us.uspto",
    title="United States, USPTO certification and collective marks",
    territory="US",
    formats=("case-file-xml", "table"),
    url="https://www.uspto.gov/ip-policy/trademark-policy/geographical-indications",
)
INSTRUMENT = "Lanham Act §4 (15 U.S.C. 1054)"
LABELS = {"mark_text": "mark", "goods": "goods", "owner": "owner", "mark_kind": "kind",
          "us_registration_no": "reg_no", "dates": "dates", "region_certified": "region", "source_url": "url",
          "source_url_2": "url2"}
KINDS = {"certification-mark-in": "certification mark", "collective-trademark-in": "collective mark",
         "collective-service-mark-in": "collective mark", "collective-membership-mark-in": "collective membership mark"}


def load(path: str) -> LoadResult:
    """Read USPTO case-file XML or a table of marks."""
    data = read_bytes(path)
    digest = file_sha256(data)
    if data.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")[:1] == b"<":      # after a byte-order mark
        return _from_xml(data, str(path), digest)
    table = read_table(data, str(path), LABELS, required=("mark", "goods"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=digest, shape="table", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _from_row(table, row, where, source),
                   id_field="mark_text")


def _gi(native_id: str, mark: str, goods: str, us_class: str | None, kind: str, owner: str | None, filed, registered,
        cancelled, fields: dict, source: Source, countries: list[str]) -> GI:
    names = [Name(text=mark, script=dominant_script(mark), source="mark")]
    status = "removed" if cancelled else ("registered" if registered else "applied")
    label = " ".join(x for x in (f"class {us_class}" if us_class else "", goods) if x)
    return GI(id=f"{REGISTER.prefix}:{native_id}", register=REGISTER.name, native_id=native_id, names=names,
              gi_type=kind, countries=countries, product_class=native_class("us.uspto", label, code=us_class, goods=goods),
              status=status, dates=Dates(applied=filed, registered=registered, protected=registered),
              legal_instrument=INSTRUMENT,
              protections=[Protection(territory="US", basis="registration", instrument=INSTRUMENT,
                                      since=registered or filed,
                                      status="ended" if cancelled else ("protected" if registered else "pending"))],
              holder=owner or None, native={k: v for k, v in fields.items() if v}, source=source)


def _from_row(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    mark = get("mark")
    if not mark:
        raise InputError("no mark text", where=where, field="mark_text")
    reg_no = re.sub(r"[\s,]", "", get("reg_no"))
    if reg_no and not reg_no.isdigit():
        raise InputError(f"not a registration number: {reg_no!r}", where=where, field="us_registration_no")
    kind = "collective mark" if "collective" in get("kind").lower() else "certification mark"
    source.url = get("url") or None
    source.other_urls = [u for u in (get("url2"),) if u.startswith("http")]
    fields = {k: v for k, v in row.items() if k not in ("source_url", "source_url_2", "notes")}
    foreign = "foreign" in get("kind").lower()           # a foreign GI as a US mark: its origin is not recorded here
    gi = _gi(reg_no or mark, mark, get("goods"), None, kind, get("owner"), None, None, None, fields, source,
             [] if foreign else ["US"])
    gi.status, gi.protections[0].status = "registered", "protected"    # the list holds registered marks only
    gi.places = [get("region")] if get("region") else []
    return gi


def _text(el, path: str) -> str:
    found = el.find(path)
    return " ".join((found.text or "").split()) if found is not None else ""


def _date(value: str, where: str, field: str) -> dt.date | None:
    if not value or set(value) == {"0"}:
        return None
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise InputError(f"the date {value!r} does not exist or is not YYYYMMDD", where=where, field=field) from None


def _from_xml(data: bytes, path: str, digest: str) -> LoadResult:
    decode(data, path)                                  # encoding and mojibake checks
    root = parse_xml(data, path)
    cases = [root] if root.tag == "case-file" else list(root.iter("case-file"))
    if not cases:
        raise InputError(f"not a USPTO case-file XML document (root <{root.tag}>, no <case-file>)", path=path)
    result = LoadResult(path=path, sha256=digest, shape="case-file-xml", snapshot=None)
    rows = [(f"line {case.sourceline} (serial {_text(case, 'serial-number') or '?'})", case) for case in cases]
    collect(result, rows, lambda case, where, source: _from_case(case, where, source), id_field="registration-number")
    dates = [_date(t.text or "", "file", "transaction-date") for t in root.iter("transaction-date")]
    dates = [d for d in dates if d]
    if dates:
        result.snapshot = max(dates)
    return result


def _from_case(case, where: str, source: Source) -> GI:
    serial = _text(case, "serial-number")
    reg_no = _text(case, "registration-number").lstrip("0")
    header = case.find("case-file-header")
    if header is None:
        raise InputError("no <case-file-header>", where=where, field="case-file-header")
    kinds = [label for tag, label in KINDS.items() if _text(header, tag).upper() == "T"]
    if not kinds:
        raise InputError("not a certification or collective mark (certification-mark-in and collective-*-in are "
                         "not T)", where=where, field="certification-mark-in")
    mark = _text(header, "mark-identification")
    if not mark:
        raise InputError("no mark text", where=where, field="mark-identification")
    statements = [(_text(s, "type-code"), _text(s, "text")) for s in case.iter("case-file-statement")]
    goods = "; ".join(t for code, t in statements if code.startswith("GS"))
    certification = " ".join(t for code, t in statements if not code.startswith("GS") and "certif" in t.lower())
    us_class = next((_text(c, "us-code") for c in case.iter("classification") if _text(c, "us-code")), None)
    owner = next((_text(o, "party-name") for o in case.iter("case-file-owner") if _text(o, "party-name")), None)
    nationality = next((_text(o, "nationality/country") for o in case.iter("case-file-owner")
                        if _text(o, "nationality/country")), "US")
    fields = {"serial-number": serial, "registration-number": reg_no, "mark-identification": mark,
              "status-code": _text(header, "status-code"), "goods": goods, "certification-statement": certification,
              "us-code": us_class or ""}
    return _gi(reg_no or serial, mark, goods, us_class, kinds[0], owner,
               _date(_text(header, "filing-date"), where, "filing-date"),
               _date(_text(header, "registration-date"), where, "registration-date"),
               _date(_text(header, "cancellation-date"), where, "cancellation-date"), fields, source,
               [nationality if re.fullmatch(r"[A-Z]{2}", nationality) else "US"])
