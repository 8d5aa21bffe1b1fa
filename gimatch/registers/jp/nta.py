"""Japan, GIs for liquor (酒類の地理的表示) designated by the Commissioner of the National Tax Agency.

Format ``table``: CSV with name_ja (名称), name_latin (the official Latin name of NTA's English list),
liquor_category_ja (酒類区分: 蒸留酒, 清酒, ぶどう酒, その他の酒類), liquor_category_en, area_ja, area_en,
designation_date, designation_date_ja, source_url. Designations are not numbered and one name can be
designated for two categories (山梨, 山形), so the id is (name, category): ``jp.nta:山梨/ぶどう酒``; a row
whose category the list does not know keeps the bare name (``jp.nta:大阪``).
"""

from __future__ import annotations

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Name, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, parse_any_date, read_table

REGISTER = RegisterInfo(
    name="jp.nta",
    prefix="jp.nta",
    title="Japan, NTA liquor GIs (酒類の地理的表示)",
    territory="JP",
    formats=("table",),
    url="https://www.nta.go.jp/taxes/sake/hyoji/chiri/ichiran.htm",
)
LABELS = {"name_ja": "name", "名称": "name", "name_latin": "latin", "liquor_category_ja": "category", "酒類区分": "category",
          "liquor_category_en": "category_en", "area_ja": "area", "産地の範囲": "area", "area_en": "area_en",
          "designation_date": "date", "指定した日": "date", "designation_date_ja": "date_ja", "source_url": "url",
          "source_url_2": "url2"}
CATEGORIES = ("蒸留酒", "清酒", "ぶどう酒", "その他の酒類")
INSTRUMENT = "Liquor Business Association Act Art. 86-6"


def load(path: str) -> LoadResult:
    """Read the list of liquor GIs."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("name", "category"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape="table", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="name_ja")


def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    name, category = get("name"), get("category")
    if not name:
        raise InputError("no name", where=where, field="name_ja")
    if category and category not in CATEGORIES:
        raise InputError(f"not an NTA liquor category: {category!r} (one of {', '.join(CATEGORIES)})",
                         where=where, field="liquor_category_ja")
    since = parse_any_date(get("date"), where=where, field_name="designation_date")
    era = parse_any_date(get("date_ja"), where=where, field_name="designation_date_ja")
    if since and era and since != era:
        raise InputError(f"designation_date {since} and designation_date_ja ({era}) disagree", where=where,
                         field="designation_date_ja")
    names = [Name(text=name, script=dominant_script(name), lang="ja", source="name_ja")]
    names += [Name(text=t.strip(), script=dominant_script(t), role="transcription", source="name_latin")
              for t in get("latin").split(" / ") if t.strip()]
    native_id = f"{name}/{category}" if category else name      # a list may not know the category yet
    label = f"{category} ({get('category_en')})" if get("category_en") else category
    source.url = get("url") or None
    source.other_urls = [u for u in (get("url2"),) if u]
    return GI(id=f"{REGISTER.prefix}:{native_id}", register=REGISTER.name, native_id=native_id, names=names,
              gi_type="GI", countries=["JP"], product_class=native_class("jp.nta", label), status="registered",
              dates=Dates(protected=since or era), legal_instrument=INSTRUMENT,
              protections=[Protection(territory="JP", basis="registration", instrument=INSTRUMENT, since=since or era)],
              places=[get("area")] if get("area") else [],
              native={k: v for k, v in row.items() if v and k not in ("source_url", "source_url_2", "notes")},
              source=source)
