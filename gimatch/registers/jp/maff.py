"""Japan, MAFF register of GIs (特定農林水産物等登録簿; GI Act, Act No. 84 of 2014).

Formats, told apart from the content:

- ``notice-html``: one registration's published notice page (``maff.go.jp/j/shokusan/gi_act/register/<n>.html``)
  with its numbered fields: 1 登録番号 (``第24号``), 2 登録年月日 (``平成28年12月7日``), 3–4 the application
  number and date, 5 the producer group, 9 区分, 10 名称 (``連島ごぼう(ツラジマゴボウ)、 TURAJIMA GOBOU``), 11 生産地.
- ``table``: a list of registrations as CSV with the columns reg_no, name_ja, name_kana, name_latin,
  class_text, class_scheme, production_area, producer_group, reg_date, reg_date_ja, application_no,
  application_date, source_url (the layout of the confirmed list in ``shared/registers/jp``).

Era dates are converted to ISO; a row whose ISO and era dates disagree is refused. The class is stored
as (scheme 2015 or 2022, number, text), never the number alone. Id: the registration number
(``jp.maff:24``), or the name where a list gives no number.
"""

from __future__ import annotations

import re

from lxml import html

from ...errors import InputError
from ...model import GI, Dates, Name, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, decode, parse_any_date, read_table
from . import japanese_names, maff_class

REGISTER = RegisterInfo(
    name="jp.maff",
    prefix="jp.maff",
    title="Japan, MAFF GI register (特定農林水産物等登録簿)",
    territory="JP",
    formats=("notice-html", "table"),
    url="https://www.maff.go.jp/j/shokusan/gi_act/register/",
)
INSTRUMENT = "GI Act (Act No. 84 of 2014)"
LABELS = {"reg_no": "reg_no", "name_ja": "name_ja", "name_kana": "name_kana", "name_latin": "name_latin",
          "class_text": "class_text", "class_scheme": "class_scheme", "production_area": "area",
          "producer_group": "group", "reg_date": "reg_date", "reg_date_ja": "reg_date_ja",
          "application_no": "application_no", "application_date": "application_date", "source_url": "url",
          "source_url_2": "url2", "name_latin_source": "latin_source"}
NOTICE_FIELDS = {"登録番号": "reg_no", "登録年月日": "reg_date", "登録の申請番号": "application_no",
                 "登録の申請の番号": "application_no", "登録の申請の年月日": "application_date",
                 "登録の申請年月日": "application_date", "区分": "class_text", "名称": "names", "生産地": "area",
                 "登録生産者団体": "group"}
_NUMBERED = re.compile(r"^\s*(\d{1,2})[\s.．、)）]*(.+?)\s*$")


def load(path: str) -> LoadResult:
    """Read a registration notice page or a table of registrations."""
    data = read_bytes(path)
    digest = file_sha256(data)
    text, _ = decode(data, str(path))
    if re.match(r"\s*(<!doctype html|<html)", text[:300], re.I) and "登録番号" in text:
        return _notice_page(text, str(path), digest)
    table = read_table(data, str(path), LABELS, required=("name_ja", "reg_no", "reg_date"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=digest, shape="table", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _from_table(table, row, where, source), id_field="reg_no")


def _gi(native: str, names: list[Name], class_text: str, scheme: str | None, registered, area: str, group: str,
        fields: dict, source: Source) -> GI:
    return GI(id=f"{REGISTER.prefix}:{native}", register=REGISTER.name, native_id=native, names=names, gi_type="GI",
              countries=["JP"], product_class=maff_class(class_text, scheme), status="registered",
              dates=Dates(registered=registered, protected=registered), legal_instrument=INSTRUMENT,
              protections=[Protection(territory="JP", basis="registration", instrument=INSTRUMENT, since=registered)],
              places=[area] if area else [], holder=group or None, native={k: v for k, v in fields.items() if v},
              source=source)


def _from_table(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    reg_no = get("reg_no")
    if reg_no and not reg_no.isdigit():
        raise InputError(f"not a registration number: {reg_no!r}", where=where, field="reg_no")
    names = [Name(text=t, script=dominant_script(t), lang="ja", source="name_ja") for t in get("name_ja").split(" / ") if t]
    names += [Name(text=t, script=dominant_script(t), lang="ja", role="transcription", source="name_kana")
              for t in get("name_kana").split(" / ") if t]
    latin_role = "transcription" if names else "protected"       # a few rows are known only by a Latin name
    names += [Name(text=t, script=dominant_script(t), role=latin_role, source="name_latin")
              for t in get("name_latin").split(" / ") if t]
    if not names:
        raise InputError("no name", where=where, field="name_ja")
    registered = parse_any_date(get("reg_date"), where=where, field_name="reg_date")
    era = parse_any_date(get("reg_date_ja"), where=where, field_name="reg_date_ja")
    if registered and era and registered != era:
        raise InputError(f"reg_date {registered} and reg_date_ja {get('reg_date_ja')} ({era}) disagree",
                         where=where, field="reg_date_ja")
    native = reg_no or get("name_ja") or get("name_latin")
    source.url = get("url") or None
    source.other_urls = [u for u in (get("url2"),) if u]
    fields = {k: v for k, v in row.items() if k not in ("source_url", "source_url_2", "notes")}
    return _gi(native, names, get("class_text"), get("class_scheme"), registered or era, get("area"), get("group"),
               fields, source)


def _notice_fields(doc) -> dict[str, str]:
    """The numbered fields of a notice page, from table rows or from lines of text."""
    lines: list[tuple[str, str]] = []
    for tr in doc.iter("tr"):
        cells = [" ".join(c.text_content().split()) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if len(cells) >= 2:
            lines.append((cells[0], " ".join(cells[1:])))
    if not lines:
        for el in doc.iter("p", "li", "dt", "div"):
            text = " ".join(el.text_content().split())
            m = re.match(r"^(\d{1,2}\s*\S+?)\s+(.+)$", text)
            if m and not any(c.tag in ("p", "li", "div") for c in el):
                lines.append((m.group(1), m.group(2)))
    out: dict[str, str] = {}
    for head, value in lines:
        m = _NUMBERED.match(head)
        head = m.group(2) if m else head
        head = re.sub(r"^特定農林水産物等の", "", head.strip())
        key = NOTICE_FIELDS.get(head)
        if key and key not in out:
            out[key] = value.strip()
    return out


def _notice_page(text: str, path: str, digest: str) -> LoadResult:
    doc = html.document_fromstring(text, parser=html.HTMLParser(no_network=True, remove_comments=True))
    fields = _notice_fields(doc)
    where = "notice page"
    for need in ("reg_no", "reg_date", "names"):
        if need not in fields:
            label = next(k for k, v in NOTICE_FIELDS.items() if v == need)
            raise InputError(f"not a MAFF registration notice: no field {label}", path=path, where=where, field=label)
    m = re.fullmatch(r"第?\s*(\d+)\s*号?", fields["reg_no"])
    if not m:
        raise InputError(f"not a registration number: {fields['reg_no']!r}", path=path, where=where, field="登録番号")
    registered = parse_any_date(fields["reg_date"], where=where, field_name="登録年月日")
    names = japanese_names(fields["names"], "名称")
    gi = _gi(m.group(1), names, fields.get("class_text", ""), None, registered, fields.get("area", ""),
             fields.get("group", ""), fields, Source(file=path, record=where, sha256=digest, snapshot=registered))
    return LoadResult(path=path, sha256=digest, shape="notice-html", snapshot=registered, records=[gi], read=1)
