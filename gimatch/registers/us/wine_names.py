"""United States, foreign wine names on TTB's lists (27 CFR part 12): names that are also distinctive
designations of specific grape wines (§12.31, "List of approved names by country"). On a US label such a
name may only describe wine of that origin (27 CFR 4.24(c)); it is not generic.

Format ``part12-csv``: CSV with country (ISO code), name (as printed, without accents), cfr_section,
list_complete_in_source and source_url. Id: country and name (``us.wine_names:DE/Deidesheimer``).

The same module reads the semi-generic list (26 U.S.C. 5388(c), 27 CFR 4.24(b): names US law lets US wine
use with a true-origin qualifier) into gimatch's table of names generic in the US, with
:func:`semigeneric_names`; those names are not protected in the US and are never records.

More information: https://www.ecfr.gov/current/title-27/chapter-I/subchapter-A/part-12
"""

from __future__ import annotations

import re

from ...errors import InputError
from ...model import GI, Name, ProductClass, Protection, Source
from .. import LoadResult, RegisterInfo, collect, file_sha256, read_bytes
from ..tables import Table, read_table

REGISTER = RegisterInfo(
    name="us.wine_names",
    prefix="us.wine_names",
    title="United States, foreign distinctive wine designations (27 CFR 12.31)",
    territory="US",
    formats=("part12-csv",),
    url="https://www.ecfr.gov/current/title-27/chapter-I/subchapter-A/part-12",
)
LABELS = {"country": "country", "name": "name", "cfr_section": "section", "list_complete_in_source": "complete",
          "source_url": "url"}
INSTRUMENT = "27 CFR 12.31 and 4.24(c) (foreign non-generic distinctive designations)"


def load(path: str) -> LoadResult:
    """Read a list of 27 CFR 12.31 names."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("country", "name", "section"), register=REGISTER.name)
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape="part12-csv", snapshot=None)
    incomplete = {table.get(row, "country") for _, row in table.whole_rows() if table.get(row, "complete").lower() == "false"}
    if incomplete:
        result.note = f"the list is cut off for {', '.join(sorted(incomplete))} in its source"
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="name")


def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    country, text = get("country").upper(), " ".join(get("name").split())
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise InputError(f"not a country code: {get('country')!r}", where=where, field="country")
    if not text:
        raise InputError("no name", where=where, field="name")
    names = [Name(text=text, script="Latin", source="name")]
    bracketed = re.fullmatch(r"(.+?)\s*\((.+)\)", text)       # 'Bernkasteler Doctor (Doktor)': a spelling variant
    if bracketed:
        base = bracketed.group(1)
        variant = re.sub(r"\S+$", bracketed.group(2), base)
        names = [Name(text=base, script="Latin", source="name"), Name(text=variant, script="Latin", role="variant",
                                                                      source="name")]
    source.url = get("url") or None
    return GI(id=f"{REGISTER.prefix}:{country}/{text}", register=REGISTER.name, native_id=f"{country}/{text}",
              names=names, gi_type="distinctive designation", countries=[country],
              product_class=ProductClass(scheme="us.ttb", label="wine", common="wine"), status="registered",
              legal_instrument=INSTRUMENT,
              protections=[Protection(territory="US", basis="registration", instrument=INSTRUMENT)],
              native={k: v for k, v in row.items() if v and k != "source_url"}, source=source)


SEMIGENERIC_LABELS = {"name": "name", "eu_origin_hint": "origin_hint", "statutory_basis": "basis",
                      "in_26usc5388_list": "in_statute_list", "source_url": "url"}


def semigeneric_names(path: str) -> list[dict[str, str]]:
    """The semi-generic wine names list as rows of ``datasets/us_semigeneric_wine_names.csv``: name,
    origin_hint, basis, in_statute_list, source_url (the list's free-text notes are not kept)."""
    data = read_bytes(path)
    table = read_table(data, str(path), SEMIGENERIC_LABELS, required=("name", "basis"),
                       register="US semi-generic wine names")
    out = []
    for where, row in table.whole_rows():
        if not table.get(row, "name"):
            raise InputError("no name", path=str(path), where=where, field="name")
        out.append({f: table.get(row, f) for f in ("name", "origin_hint", "basis", "in_statute_list", "url")})
    return out
