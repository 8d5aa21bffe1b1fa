"""Japan, foreign GIs designated by MAFF (指定; GI Act Art. 23), mostly EU GIs under the EU–Japan EPA.

Format ``table``: CSV with the columns designation_no (指定番号), pre_designation_notice_no, country_ja,
name (the original-script name), name_katakana (MAFF's katakana, for reference only), class_2022_scheme,
class_2015_scheme (the same product in both class schemes, ``;``-separated when there are several),
designation_date, source_url. Id: the designation number (``jp.maff_designated:1``).
"""

from __future__ import annotations

from ...errors import InputError
from ...model import GI, Dates, Name, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, parse_any_date, read_table
from . import maff_class

REGISTER = RegisterInfo(
    name="jp.maff_designated",
    prefix="jp.maff_designated",
    title="Japan, MAFF designated foreign GIs (指定産品)",
    territory="JP",
    formats=("table",),
    url="https://www.maff.go.jp/j/shokusan/gi_act/designation2/index.html",
)
LABELS = {"designation_no": "no", "指定番号": "no", "pre_designation_notice_no": "notice_no", "country_ja": "country",
          "name": "name", "名称": "name", "name_katakana": "kana", "class_2022_scheme": "class_2022",
          "class_2015_scheme": "class_2015", "designation_date": "date", "指定日": "date", "source_url": "url"}
COUNTRIES = {"オーストリア": "AT", "ベルギー": "BE", "ブルガリア": "BG", "キプロス": "CY", "チェコ": "CZ", "ドイツ": "DE",
             "デンマーク": "DK", "スペイン": "ES", "フランス": "FR", "ギリシャ": "GR", "クロアチア": "HR", "ハンガリー": "HU",
             "アイルランド": "IE", "イタリア": "IT", "リトアニア": "LT", "ルクセンブルク": "LU", "オランダ": "NL",
             "ポーランド": "PL", "ポルトガル": "PT", "ルーマニア": "RO", "スウェーデン": "SE", "スロベニア": "SI",
             "スロバキア": "SK", "英国": "GB", "イギリス": "GB"}
INSTRUMENT = "GI Act Art. 23 (designation); EU–Japan EPA Annex 14-B"


def load(path: str) -> LoadResult:
    """Read the list of designated foreign GIs."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("no", "name", "date"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape="table", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="no")


def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    number = get("no")
    if not number.isdigit():
        raise InputError(f"not a designation number: {number!r}", where=where, field="designation_no")
    names = [Name(text=get("name"), script=dominant_script(get("name")), source="name")]
    if get("kana"):
        names.append(Name(text=get("kana"), script="Kana", lang="ja", role="transcription", source="name_katakana"))
    country = get("country")
    if country and country not in COUNTRIES:
        raise InputError(f"unknown country {country!r}", where=where, field="country_ja")
    since = parse_any_date(get("date"), where=where, field_name="designation_date")
    classes = [maff_class(t, "2022") for t in get("class_2022").split(";") if t.strip()]
    classes += [maff_class(t, "2015") for t in get("class_2015").split(";") if t.strip()]
    source.url = (get("url").split(" ; ")[0] or None) if get("url") else None
    return GI(id=f"{REGISTER.prefix}:{number}", register=REGISTER.name, native_id=number, names=names, gi_type="GI",
              countries=[COUNTRIES[country]] if country else [], product_class=classes[0] if classes else None,
              other_classes=classes[1:], status="registered", dates=Dates(protected=since),
              protections=[Protection(territory="JP", basis="agreement", instrument=INSTRUMENT, annex="14-B",
                                      since=since)],
              native={k: v for k, v in row.items() if v and k not in ("source_url", "notes")}, source=source)
