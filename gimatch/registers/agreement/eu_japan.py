"""The EU–Japan Economic Partnership Agreement (in force 2019-02-01), Annex 14-B: EU GIs protected in
Japan (with the annex's katakana, for information only) and Japanese GIs protected in the EU (with
the annex's Latin transcription), including the additions of 2021, 2022 and 2023.

Format ``list-csv``: one row per name with side (``EU_GI_protected_in_JP`` / ``JP_GI_protected_in_EU``),
country, name_protected (``/`` separates alternatives), name_ja, name_latin, category_en, description,
list_event (which version or amendment of the annex the row comes from), source_url.

Id: side and name (``agreement.eu_japan:EU/Steirischer Kren``, ``agreement.eu_japan:JP/夕張メロン``); a name
the annex lists twice (two products of one place) gets ``(2)`` on its second entry.
A name of the original annex is protected from 2019-02-01; a name of a later list from the date that
list took effect where the row names it, else it is shown in force from the date of the list that
attests it, its start unknown.

More information: https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:22018A1227(01)
"""

from __future__ import annotations

import datetime as dt
import re

from ...classes import goods_class
from ...errors import InputError
from ...model import GI, Name, ProductClass, Protection, Source
from ...text.fold import dominant_script
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, read_table

REGISTER = RegisterInfo(
    name="agreement.eu_japan",
    prefix="agreement.eu_japan",
    title="EU–Japan EPA, Annex 14-B: EU GIs protected in Japan and Japanese GIs protected in the EU",
    territory="EU+JP",
    formats=("list-csv",),
    url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:22018A1227(01)",
    aliases=("eu_japan",),
)
LABELS = {"side": "side", "country": "country", "name_protected": "name", "name_ja": "ja", "name_latin": "latin",
          "category_en": "category", "description": "description", "list_event": "event", "source_url": "url"}
SIDES = {"EU_GI_protected_in_JP": ("EU", "JP"), "JP_GI_protected_in_EU": ("JP", "EU")}
INSTRUMENT = "EU–Japan EPA, Annex 14-B (OJ L 330, 27.12.2018)"
# What each list version says of the start of protection: (pattern in list_event, since, not_before,
# known_by, instrument). The original annex protects from entry into force; a name added by a decision is not
# protected before the decision and is shown in force from it; a later reproduction only attests the name.
LIST_EVENTS = (
    (re.compile(r"original text|48 Japanese GIs", re.I), dt.date(2019, 2, 1), None, None, INSTRUMENT),
    (re.compile(r"1/2023|2023/1313", re.I), None, dt.date(2023, 9, 27), dt.date(2023, 9, 27),
     "EU–Japan EPA Joint Committee Decision No 1/2023 (27.9.2023) amending Annex 14-B"),
    (re.compile(r"reproduced 2021", re.I), None, None, dt.date(2021, 12, 31), INSTRUMENT),
)


def load(path: str) -> LoadResult:
    """Read a list of Annex 14-B names."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("side", "name", "event"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape="list-csv", snapshot=None)
    seen: dict[str, int] = {}
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source, seen),
                   id_field="side")


def _protection(event: str, territory: str, where: str) -> Protection:
    for pattern, since, not_before, known_by, instrument in LIST_EVENTS:
        if pattern.search(event):
            return Protection(territory=territory, basis="agreement", instrument=instrument, annex="14-B",
                              since=since, not_before=not_before, known_by=known_by)
    raise InputError(f"a list version gimatch does not know: {event!r}", where=where, field="list_event")


def _record(table: Table, row: dict, where: str, source: Source, seen: dict[str, int]) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    side = SIDES.get(get("side"))
    if side is None:
        raise InputError(f"side must be one of {', '.join(SIDES)}, not {get('side')!r}", where=where, field="side")
    home, territory = side
    names: list[Name] = []
    for text, role, lang, field in ((get("name"), "protected", None, "name_protected"),
                                    (get("ja"), "transcription", "ja", "name_ja"),
                                    (get("latin"), "transcription", None, "name_latin")):
        for part in (p.strip() for p in text.split(" / ")):
            if part and part not in {n.text for n in names}:
                script = dominant_script(part)
                names.append(Name(text=part, script=script, role=role, source=field,
                                  lang=lang or ("ja" if script in ("Han", "Kana") else None)))
    if not names:
        raise InputError("no name", where=where, field="name_protected")
    country = get("country").upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise InputError(f"not a country code: {country!r}", where=where, field="country")
    goods = " ".join(x for x in (get("description"), get("category")) if x)
    urls = [u.strip() for u in get("url").split(" ; ") if u.strip()]
    source.url = urls[0] if urls else None
    source.other_urls = urls[1:]
    key = f"{home}/{names[0].text}"
    seen[key] = seen.get(key, 0) + 1          # the annex lists some names twice (two products of one place)
    native_id = key if seen[key] == 1 else f"{key} ({seen[key]})"
    return GI(id=f"{REGISTER.prefix}:{native_id}", register=REGISTER.name, native_id=native_id, names=names,
              gi_type="agreement name", countries=[country] if country else (["JP"] if home == "JP" else []),
              product_class=ProductClass(scheme="eu_japan.category", label=goods, common=goods_class(goods))
              if goods else None,
              status="registered", protections=[_protection(get("event"), territory, where)],
              native={k: v for k, v in row.items() if v and k not in ("source_url", "notes")}, source=source)
