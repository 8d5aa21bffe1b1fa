"""EU register of geographical indications (eAmbrosia): food, wine, spirit drinks, aromatised wine.

Reads every shape the register's data comes in, detected from the content:

- ``api-v1``: the JSON array of ``GET …/eambrosia-api/api/v1/geographical-indications``
  (``giIdentifier``, ``fileNumber``, ``protectedNames``, ``transcriptions``, ``productCategories``, …);
- ``filter-api``: rows of the newer register's ``gi-applications/filter`` search
  (``fileName``, ``protectedName`` joined by " / ", ``countryId``, …), bare or as ``{"count", "results"}``;
- ``export-json``: the search export's columns as JSON objects with ``EA_*`` keys;
- ``export-csv``: the search export as CSV (File number, Name, Product category, Type, Country,
  Status, dates as DD/MM/YYYY).

File numbers are opaque strings. ``-AMnn`` and ``-CANCEL`` files are procedures on their base GI.

More information: https://ec.europa.eu/agriculture/eambrosia/geographical-indications-register/

A parsed record (``gimatch show eu:PDO-IT-0067``)::

    id eu:PDO-IT-0067 · PDO · IT · Class 1.2. Meat products … · registered 1996-06-21
    names: Prosciutto di Parma
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any, Callable

from ...errors import InputError
from ...model import GI, Dates, Procedure, ProductClass, Protection, Reject, Source
from .. import LoadResult, RegisterInfo, decode_utf8, file_sha256, make_names, parse_date, parse_json, read_bytes, split_names
from ... import bundled
from ...classes import common_class

REGISTER = RegisterInfo(
    name="eu.eambrosia",
    prefix="eu",
    title="EU register of geographical indications (eAmbrosia)",
    territory="EU",
    formats=("api-v1", "filter-api", "export-json", "export-csv"),
    url="https://ec.europa.eu/agriculture/eambrosia/geographical-indications-register/",
    aliases=("eu",),
)

FILE_NUMBER = re.compile(r"^(?P<base>(?P<type>PDO|PGI|TSG)-(?P<cc>[A-Z]{2}(?:\([A-Z]{2}\))?(?:\+[A-Z]{2}(?:\([A-Z]{2}\))?)*)-"
                         r"(?P<seq>[A-Z]?\d+))(?:-(?P<suffix>AM\d+(?: Minor)?|CANCEL))?$")
COUNTRIES = {
    "Andorra": "AD", "Armenia": "AM", "Austria": "AT", "Belgium": "BE", "Brazil": "BR", "Bulgaria": "BG",
    "Cambodia": "KH", "China": "CN", "Colombia": "CO", "Croatia": "HR", "Cyprus": "CY", "Czechia": "CZ",
    "Czech Republic": "CZ", "Denmark": "DK", "Dominican Republic": "DO", "Estonia": "EE", "Finland": "FI",
    "France": "FR", "Germany": "DE", "Greece": "GR", "Guatemala": "GT", "Guinea": "GN", "Guyana": "GY",
    "Hungary": "HU", "Iceland": "IS", "India": "IN", "Indonesia": "ID", "Ireland": "IE", "Italia": "IT",
    "Italy": "IT", "Japan": "JP", "Kenya": "KE", "Latvia": "LV", "Lithuania": "LT", "Luxembourg": "LU",
    "Malta": "MT", "Mexico": "MX", "Mongolia": "MN", "Montenegro": "ME", "Morocco": "MA", "Netherlands": "NL",
    "North Macedonia": "MK", "Norway": "NO", "Peru": "PE", "Poland": "PL", "Portugal": "PT", "Romania": "RO",
    "Russian Federation": "RU", "Serbia": "RS", "Slovakia": "SK", "Slovenia": "SI", "South Africa": "ZA",
    "Spain": "ES", "Sri Lanka": "LK", "Sweden": "SE", "Switzerland": "CH", "Thailand": "TH",
    "Trinidad and Tobago": "TT", "Turkey": "TR", "Türkiye": "TR", "Ukraine": "UA", "United Kingdom": "GB",
    "United States": "US", "Viet nam": "VN", "Vietnam": "VN", "Bosnia and Herzegovina": "BA",
    "Cameroon": "CM", "Niger": "NE", "Georgia": "GE", "Moldova": "MD", "Chile": "CL", "Ecuador": "EC",
}
_TYPE_LONG = re.compile(r"\((PDO|PGI|GI|TSG)\)\s*$")
_STATUS = {"registered": "registered", "applied": "applied", "applied for": "applied", "published": "published",
           "in consultation": "published", "rejected": "rejected"}
_CLASS_LABEL = re.compile(r"^Class (\d+\.\d+)\.?\s")
_NUMBERED_LABEL = re.compile(r"^(\d+[a-z]?)\.\s")
_EXPORT_COLUMNS = {  # canonical → accepted header spellings (folded: lower case, no spaces)
    "file_number": ("filenumber",), "name": ("name", "protectedname", "names"),
    "category": ("productcategory", "productcategory(obsolete)", "category"),
    "type": ("type", "gitype"), "country": ("country", "countries"), "status": ("status",),
    "product_type": ("producttype",), "legal_instrument": ("legalinstrument",),
    "applied": ("applicationdate",), "registered": ("dateofregistration", "registrationdate"),
    "published": ("dateofpublication", "publicationdate"),
}
_EA_KEYS = {"file_number": "EA_FileNumber", "name": "EA_Name", "category": "EA_ProductCategory", "type": "EA_Type",
            "country": "EA_Country", "status": "EA_Status", "product_type": "EA_ProductType",
            "legal_instrument": "EA_LegalInstrument", "applied": "EA_ApplicationDate",
            "registered": "EA_DateRegistration", "published": "EA_DatePublication"}


def _api_category_ids() -> dict[int, dict[str, str]]:
    return {int(r["id"]): r for r in bundled.read_table("eu_api_category_ids.csv")}


def product_class(label: str | None, product_type: str | None) -> ProductClass | None:
    """The class of a record from its export label (verbatim) and product type."""
    if not label:
        return None
    label = label.strip()
    kind = (product_type or "").lower()
    m = _CLASS_LABEL.match(label + " ")
    if m:
        code = m.group(1)
        return ProductClass(scheme="eu.food", code=code, label=label, common=common_class(["eu.food"], code))
    if label.lower() == "wine" or kind == "wine":
        return ProductClass(scheme="eu.wine", label=label, common="wine")
    m = _NUMBERED_LABEL.match(label)
    if "aromatised" in kind:
        return ProductClass(scheme="eu.aromatised", code=m.group(1) if m else None, label=label, common="aromatised_wine")
    if "spirit" in kind or m:
        return ProductClass(scheme="eu.spirit", code=m.group(1) if m else None, label=label, common="spirits")
    return ProductClass(scheme="eu", label=label, common=None)


def _class_from_ids(ids: list[int], product_type: str, where: str) -> ProductClass | None:
    if not ids:
        return None
    cid = ids[0]
    row = _api_category_ids().get(cid)
    if row:
        return ProductClass(scheme=row["scheme"], code=row["code"] or None, label=row["label"],
                            common=common_class([row["scheme"]], row["code"]))
    if 190 < cid < 250:
        return ProductClass(scheme="eu.spirit", code=str(cid - 190), label=f"Spirit drink category {cid - 190} (API id {cid})",
                            common="spirits")
    return ProductClass(scheme="eu.api", code=str(cid), label=f"API category id {cid}",
                        common="wine" if product_type.upper() == "WINE" else None)


def _base_and_suffix(file_number: str, where: str, field: str) -> tuple[str, str | None]:
    fn = " ".join(str(file_number or "").split()).upper().replace("-AM01 MINOR", "-AM01 Minor")
    fn = re.sub(r"(-AM\d+) MINOR$", r"\1 Minor", fn)
    m = FILE_NUMBER.match(fn)
    if not m:
        raise InputError(f"not an eAmbrosia file number: {file_number!r}", where=where, field=field)
    return m.group("base"), m.group("suffix")


def _protections(status: str, since: dt.date | None, instrument: str | None) -> list[Protection]:
    if status == "registered":
        return [Protection(territory="EU", basis="registration", instrument=instrument, since=since, status="protected")]
    if status in ("applied", "published"):
        return [Protection(territory="EU", basis="registration", instrument=None, since=None, status="pending")]
    return []


def _status(value: Any, where: str, field: str) -> str:
    status = _STATUS.get(str(value or "").strip().lower())
    if not status:
        raise InputError(f"unknown status {value!r}", where=where, field=field)
    return status


def _countries(names: list[str], where: str, field: str) -> list[str]:
    out = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        if re.fullmatch(r"[A-Za-z]{2}", name):
            out.append(name.upper())
        elif name in COUNTRIES:
            out.append(COUNTRIES[name])
        else:
            raise InputError(f"unknown country {name!r}", where=where, field=field)
    return out


def _gi_type(value: str | None, file_type: str) -> str:
    m = _TYPE_LONG.search(value or "")
    if m:
        return m.group(1)
    value = (value or "").strip().upper()
    return value if value in ("PDO", "PGI", "GI", "TSG") else file_type


# --- the four shapes -------------------------------------------------------------------------

def _from_export(row: dict[str, Any], where: str, source: Source, keymap: dict[str, str]) -> tuple[str, GI | Procedure]:
    def get(key: str) -> str:
        col = keymap.get(key)
        value = row.get(col) if col else None
        return "" if value is None else str(value).strip()

    base, suffix = _base_and_suffix(get("file_number"), where, keymap["file_number"])
    status = _status(get("status"), where, keymap.get("status", "status"))
    dates = Dates(applied=parse_date(get("applied"), where=where, field_name=keymap.get("applied", "applied")),
                  published=parse_date(get("published"), where=where, field_name=keymap.get("published", "published")),
                  registered=parse_date(get("registered"), where=where, field_name=keymap.get("registered", "registered")))
    if suffix:
        kind = "cancellation" if suffix == "CANCEL" else ("minor amendment" if "Minor" in suffix else "amendment")
        return base, Procedure(native_id=f"{base}-{suffix}", kind=kind, status=status, applied=dates.applied,
                               published=dates.published, registered=dates.registered)
    names_raw = get("name")
    if not names_raw:
        raise InputError("no name", where=where, field=keymap["name"])
    countries = _countries(get("country").split(","), where, keymap.get("country", "country"))
    file_type = base.split("-")[0]
    instrument = get("legal_instrument") or None
    dates.protected = dates.registered if status == "registered" else None
    gi = GI(
        id=f"eu:{base}", register=REGISTER.name, native_id=base,
        names=make_names(split_names(names_raw), source=keymap["name"], chinese="CN" in countries),
        gi_type=_gi_type(get("type"), file_type), countries=countries,
        product_class=product_class(get("category"), get("product_type")),
        status=status, dates=dates, legal_instrument=instrument,
        protections=_protections(status, dates.registered, instrument), source=source,
    )
    return base, gi


def _from_api_v1(row: dict[str, Any], where: str, source: Source) -> tuple[str, GI | Procedure]:
    base, suffix = _base_and_suffix(row.get("fileNumber"), where, "fileNumber")
    status = _status(row.get("status"), where, "status")
    if row.get("removedFlag"):
        status = "removed"
    protected = parse_date(row.get("euProtectionDate"), where=where, field_name="euProtectionDate")
    if suffix:
        kind = "cancellation" if suffix == "CANCEL" else "amendment"
        return base, Procedure(native_id=f"{base}-{suffix}", kind=kind, status=status, registered=protected)
    names = row.get("protectedNames")
    if not isinstance(names, list) or not any(isinstance(n, str) and n.strip() for n in names):
        raise InputError("no protected name", where=where, field="protectedNames")
    countries = _countries(list(row.get("countries") or []), where, "countries")
    name_list = make_names([n for n in names if isinstance(n, str)], source="protectedNames", chinese="CN" in countries)
    for extra in make_names([t for t in row.get("transcriptions") or [] if isinstance(t, str)],
                            role="transcription", source="transcriptions"):
        if extra.text not in {n.text for n in name_list}:
            name_list.append(extra)
    legal = row.get("legalInstrument") or {}
    instrument = legal.get("text") if isinstance(legal, dict) else None
    ptype = str(row.get("productType") or "")
    ids = [i for i in row.get("productCategories") or [] if isinstance(i, int)]
    gi = GI(
        id=f"eu:{base}", register=REGISTER.name, native_id=base,
        other_ids={"giIdentifier": row["giIdentifier"]} if row.get("giIdentifier") else {},
        names=name_list, gi_type=_gi_type(row.get("giType"), base.split("-")[0]), countries=countries,
        product_class=_class_from_ids(ids, ptype, where), status=status,
        dates=Dates(protected=protected, registered=protected if status == "registered" else None),
        legal_instrument=instrument, protections=_protections(status, protected, instrument), source=source,
    )
    return base, gi


def _from_filter_api(row: dict[str, Any], where: str, source: Source) -> tuple[str, GI | Procedure]:
    base, suffix = _base_and_suffix(row.get("fileName"), where, "fileName")
    status = _status(row.get("status"), where, "status")
    registered = parse_date(row.get("registrationDate"), where=where, field_name="registrationDate")
    if suffix:
        kind = "cancellation" if suffix == "CANCEL" else "amendment"
        return base, Procedure(native_id=f"{base}-{suffix}", kind=kind, status=status, registered=registered)
    joined = str(row.get("protectedName") or "").strip()
    if not joined:
        raise InputError("no name", where=where, field="protectedName")
    countries = _countries(str(row.get("countryId") or "").split(","), where, "countryId")
    ptype = str(row.get("qualityProductType") or "")
    other = {k: str(row[k]) for k in ("id", "appUniqueId") if row.get(k) not in (None, "")}
    gi = GI(
        id=f"eu:{base}", register=REGISTER.name, native_id=base, other_ids=other,
        names=make_names(split_names(joined), source="protectedName", chinese="CN" in countries),
        gi_type=_gi_type(row.get("geographicalIndicatorTypeCode"), base.split("-")[0]), countries=countries,
        product_class=product_class(row.get("productCategory") or ("Wine" if ptype.lower() == "wine" else None), ptype),
        status=status, dates=Dates(registered=registered, protected=registered if status == "registered" else None),
        protections=_protections(status, registered, None), source=source,
    )
    return base, gi


# --- shape detection and loading -----------------------------------------------------------------

def _header_map(header: list[str]) -> dict[str, str]:
    folded = {re.sub(r"\s+", "", h.strip().lower()): h for h in header}
    out = {}
    for key, spellings in _EXPORT_COLUMNS.items():
        for s in spellings:
            if s in folded:
                out[key] = folded[s]
                break
    return out


def _detect(data: Any, path: str) -> tuple[str, list[dict], Callable]:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        data = data["results"]
    if not isinstance(data, list) or not data:
        raise InputError("not an eAmbrosia file: expected a JSON array of register records", path=path)
    sample = next((r for r in data if isinstance(r, dict)), None)
    if sample is None:
        raise InputError("not an eAmbrosia file: the array holds no objects", path=path, where="record 1")
    keys = set(sample)
    if {"fileNumber", "protectedNames"} <= keys:
        return "api-v1", data, _from_api_v1
    if {"fileName", "protectedName"} <= keys:
        return "filter-api", data, _from_filter_api
    if {"EA_FileNumber", "EA_Name"} <= keys:
        return "export-json", data, lambda row, where, src: _from_export(row, where, src, _EA_KEYS)
    raise InputError("not an eAmbrosia file: records have none of the register's key sets "
                     f"(found {', '.join(sorted(keys)[:8])})", path=path, where="record 1")


def _snapshot(records: list[GI], procedures: list[Procedure], rows: list[dict], shape: str) -> dt.date | None:
    if shape == "api-v1":
        stamps = [str(r.get("modificationDate") or "")[:10] for r in rows if isinstance(r, dict)]
        stamps = [s for s in stamps if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s)]
        return dt.date.fromisoformat(max(stamps)) if stamps else None
    dates = [d for gi in records for d in (gi.dates.registered, gi.dates.published, gi.dates.applied) if d]
    dates += [d for p in procedures for d in (p.registered, p.published, p.applied) if d]
    return max(dates) if dates else None


def load(path: str) -> LoadResult:
    """Read one eAmbrosia file in any of its shapes."""
    raw = read_bytes(path)
    digest = file_sha256(raw)
    text = decode_utf8(raw, str(path))
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        shape, rows, parse = _detect(parse_json(text, str(path)), str(path))
        located = [(f"record {i}", row) for i, row in enumerate(rows, 1)]
    else:
        reader = csv.DictReader(io.StringIO(text))
        keymap = _header_map(reader.fieldnames or [])
        missing = [k for k in ("file_number", "name", "status") if k not in keymap]
        if missing:
            raise InputError("not an eAmbrosia export: missing columns " + ", ".join(missing) +
                             f" (header: {', '.join(reader.fieldnames or [])})", path=str(path), where="line 1")
        shape = "export-csv"
        try:
            located = [(f"line {reader.line_num}", row) for row in reader]
        except csv.Error as exc:
            raise InputError(f"unreadable CSV: {exc}", path=str(path), where=f"line {reader.line_num}") from None
        rows = [row for _, row in located]
        parse = lambda row, where, src: _from_export(row, where, src, keymap)  # noqa: E731

    result = LoadResult(path=str(path), sha256=digest, shape=shape, snapshot=None)
    gis: dict[str, GI] = {}
    procedures: dict[str, list[Procedure]] = {}
    for where, row in located:
        result.read += 1
        if not isinstance(row, dict):
            result.rejects.append(Reject(where=where, reason="not an object"))
            continue
        source = Source(file=str(path), record=where, sha256=digest)
        try:
            base, item = parse(row, where, source)
        except InputError as exc:
            result.rejects.append(Reject(where=where, field=exc.field, reason=exc.reason))
            continue
        except ValueError as exc:
            result.rejects.append(Reject(where=where, reason=str(exc).splitlines()[0]))
            continue
        if isinstance(item, Procedure):
            procedures.setdefault(base, []).append(item)
        elif base in gis:
            result.rejects.append(Reject(where=where, field="file number", reason=f"duplicate file number {base}"))
        else:
            gis[base] = item
    for base, procs in procedures.items():
        gi = gis.get(base)
        if gi is None:
            for p in procs:
                result.rejects.append(Reject(where=p.native_id, field="file number",
                                             reason=f"procedure file whose base GI {base} is not in this file"))
            continue
        gi.procedures = sorted(procs, key=lambda p: p.native_id)
        if any(p.kind == "cancellation" and p.status == "registered" for p in procs):
            gi.status = "removed"
            gi.protections = []
    result.snapshot = _snapshot(list(gis.values()), [p for ps in procedures.values() for p in ps], rows, shape)
    for gi in gis.values():
        gi.source.snapshot = result.snapshot
    result.records = list(gis.values())
    return result
