"""EU register of geographical indications (eAmbrosia): food, wine, spirit drinks, aromatised wine.

Reads every shape the register's data comes in, detected from the content:

- ``api-v1``: the JSON array of ``GET …/eambrosia-api/api/v1/geographical-indications``
  (``giIdentifier``, ``fileNumber``, ``protectedNames``, ``transcriptions``, ``productCategories``, …);
- ``filter-api``: rows of the newer register's ``gi-applications/filter`` search
  (``fileName``, ``protectedName`` joined by " / ", ``countryId``, …), bare or as ``{"count", "results"}``;
- ``export-json``: the search export's columns as JSON objects with ``EA_*`` keys;
- ``export-csv``: the search export as CSV (File number, Name, Product category, Type, Country,
  Status, dates as DD/MM/YYYY);
- ``wine-pdo-csv``: the EU wine PDO table of Candiago et al. (2022), read from eAmbrosia (Country, PDOid,
  PDOnam, Registration, Category_of_wine_product, varieties, Municip_nam, PDOinfo, begin_lifes): adds the
  grapevine-product categories, grape varieties and municipalities to the register's wine records;
- ``facts-csv``: compiled fact tables of EU register entries with their source per row
  (``file_number``/``eu_file_number``, names, type, class, status, dates, legal instrument), such as the
  table of every Chinese GI in the register and the table of US GIs in the register.

A record read from several files is merged by the store (:func:`gimatch.model.merge_records`): each
field keeps its newest known state, and each record names the snapshot it was read from.

File numbers are opaque strings. ``-AMnn`` and ``-CANCEL`` files are procedures on their base GI.

More information: https://ec.europa.eu/agriculture/eambrosia/geographical-indications-register/

A parsed record (``gimatch show eu:PDO-IT-0067``)::

    id eu:PDO-IT-0067 · PDO · IT · Class 1.2. Meat products … · registered 1996-06-21
    names: Prosciutto di Parma
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from typing import Any, Callable, Iterable, Iterator

from ...errors import InputError
from ...model import GI, Dates, Procedure, ProductClass, Protection, Reject, Source
from .. import (CHUNK, LoadResult, Records, RegisterInfo, decode_utf8, json_records, make_names, model_error,
               open_checked, parse_date, read_bytes, split_names)
from ... import bundled
from ...classes import common_class
from ..tables import csv_dicts, csv_stream

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


def _instrument_rule(text: str | None) -> dict[str, str] | None:
    """The row of datasets/eu_instruments.csv whose pattern the legal instrument (or the way a source names
    it) contains: an agreement that protects from its entry into force, not from the record's own date."""
    if not text:
        return None
    return next((r for r in bundled.read_table("eu_instruments.csv") if r["pattern"] in text), None)


def read_category_map(path: str) -> list[dict[str, str]]:
    """The API v1 category ids of eAmbrosia (``eambrosia_api_productCategories_id_map.csv``) as rows of
    ``datasets/eu_api_category_ids.csv``: id, scheme, code, label, each id with the label the 2020 export
    gives the same GIs. Ids never observed fall back on the reader's rule for spirits (190 + the category
    number of Reg. (EU) 2019/787)."""
    text = decode_utf8(read_bytes(path), str(path))
    header, located = csv_dicts(text, str(path))
    need = {"api_category_id", "api_productType", "label_2020_export"}
    if not need <= set(header):
        raise InputError(f"not the eAmbrosia category map: no column {', '.join(sorted(need))}", path=str(path),
                         where="line 1")
    rows = []
    for where, row in located:
        if isinstance(row, InputError):
            raise row
        label, ptype = row["label_2020_export"].strip(), row["api_productType"].strip().upper()
        pc = product_class(label, "aromatised" if _NUMBERED_LABEL.match(label) and ptype == "FOOD" else ptype)
        if pc is None:
            raise InputError(f"no class for {label!r}", path=str(path), where=where,
                             field="label_2020_export")
        rows.append({"id": row["api_category_id"].strip(), "scheme": pc.scheme, "code": pc.code or "",
                     "label": label})
    return rows


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
    rule = _instrument_rule(instrument)
    if status == "registered" and rule:
        return [Protection(territory="EU", basis=rule["basis"], instrument=instrument, annex=rule["annex"] or None,
                           since=dt.date.fromisoformat(rule["in_force"]), status="protected")]
    if status == "registered":
        return [Protection(territory="EU", basis="registration", instrument=instrument, since=since, status="protected")]
    if status in ("applied", "published"):
        return [Protection(territory="EU", basis="registration", instrument=None, since=None, status="pending")]
    return []


_OJ_L = re.compile(r"Official Journal L\s*\w+,?\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _registered_on(instrument: str | None, protection_date: dt.date | None) -> dt.date | None:
    """When an API v1 record was registered. Its ``euProtectionDate`` is the application date for some
    GIs (Willamette Valley: 2018, registered 2021) and the date of publication for comment for the
    China–EU agreement names, so a registering act in the Official Journal L series dates the
    registration when the record names one, an agreement's entry into force dates its names, and the
    protection date counts only where the record names no act (wines protected as existing names). An
    act of a later amendment gives a later date; the store keeps the earliest registration any source
    states (:func:`gimatch.model.merge_records`)."""
    rule = _instrument_rule(instrument)
    if rule:
        return dt.date.fromisoformat(rule["in_force"])
    m = _OJ_L.search(instrument or "")
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return protection_date


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
    registered = _registered_on(instrument, protected) if status == "registered" else None
    gi = GI(
        id=f"eu:{base}", register=REGISTER.name, native_id=base,
        other_ids={"giIdentifier": row["giIdentifier"]} if row.get("giIdentifier") else {},
        names=name_list, gi_type=_gi_type(row.get("giType"), base.split("-")[0]), countries=countries,
        product_class=_class_from_ids(ids, ptype, where), status=status,
        dates=Dates(protected=protected, registered=registered),
        legal_instrument=instrument, protections=_protections(status, registered, instrument), source=source,
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


def _json_shape(sample: Any, path: str) -> tuple[str, Callable]:
    """The JSON shape from the register's key set in its first record."""
    if not isinstance(sample, dict):
        raise InputError("not an eAmbrosia file: expected a JSON array of register records (objects)", path=path)
    keys = set(sample)
    if {"fileNumber", "protectedNames"} <= keys:
        return "api-v1", _from_api_v1
    if {"fileName", "protectedName"} <= keys:
        return "filter-api", _from_filter_api
    if {"EA_FileNumber", "EA_Name"} <= keys:
        return "export-json", lambda row, where, src: _from_export(row, where, src, _EA_KEYS)
    raise InputError("not an eAmbrosia file: records have none of the register's key sets "
                     f"(found {', '.join(sorted(keys)[:8])})", path=path, where="record 1")


_END = object()
MAX_LEADING = 1000      # records that are no objects before the first one, the most a file may open with


class _Rows:
    """One pass over the file: its shape, its parser and its located rows, read as they come."""

    def __init__(self, path: str):
        self.path = str(path)
        self.text = None
        self.stream = open_checked(path)
        try:
            head = self.stream.peek(CHUNK).lstrip()[:1]
            if head in (b"[", b"{"):
                items = json_records(self.stream, self.path)
                before = []                      # records before the first object, rejected one by one
                first = next(items, _END)
                while first is not _END and not isinstance(first, dict) and len(before) < MAX_LEADING:
                    before.append(first)
                    first = next(items, _END)
                if first is _END and not before:
                    raise InputError("not an eAmbrosia file: expected a JSON array of register records",
                                     path=self.path)
                self.shape, self.parse = _json_shape(first, self.path)
                rows = itertools.chain(before, [first], items)
                self.located = ((f"record {i}", row) for i, row in enumerate(rows, 1))
            else:
                self.text = io.TextIOWrapper(self.stream, encoding="utf-8", newline="")   # kept open until finish
                self.shape, self.located, self.parse = _csv_shape(self.text, self.path)
        except BaseException:
            self.close()
            raise

    def finish(self) -> str:
        """The file's digest, the file read to its end and closed."""
        try:
            return self.stream.raw.finish()
        finally:
            self.close()

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> _Rows:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _parsed(rows: _Rows, digest: str) -> Iterator[tuple[str, Any, Any, Reject | None]]:
    """(where, base, (record or procedure, row), reject) for every row of one pass; a rejected object row
    comes with (None, row)."""
    for where, row in rows.located:
        if isinstance(row, InputError):
            yield where, None, None, Reject(where=where, field=row.field, reason=row.reason)
            continue
        if not isinstance(row, dict):
            yield where, None, None, Reject(where=where, reason="not an object")
            continue
        source = Source(file=rows.path, record=where, sha256=digest)
        try:
            base, item = rows.parse(row, where, source)
        except InputError as exc:
            yield where, None, (None, row), Reject(where=where, field=exc.field, reason=exc.reason)
            continue
        except (ValueError, TypeError, AttributeError) as exc:   # a value of the wrong type or shape
            field, reason = model_error(exc) if isinstance(exc, ValueError) else (None, f"a value of the wrong type ({exc})")
            yield where, None, (None, row), Reject(where=where, field=field, reason=reason)
            continue
        yield where, base, (item, row), None


def load(path: str) -> LoadResult:
    """Read one eAmbrosia file in any of its shapes.

    The file is read twice, one record at a time, so that a register file of any size is imported in
    bounded memory: the first pass counts the records, finds the rejects, the procedures of each GI and
    the snapshot; the records themselves are read again when the store writes them."""
    with _Rows(path) as rows:
        return _first_pass(rows)


def _first_pass(rows: _Rows) -> LoadResult:
    """Counts, rejects, the procedures of each GI, the snapshot and the digest; the records left on disk."""
    result = LoadResult(path=rows.path, sha256="", shape=rows.shape, snapshot=None)
    bases: set[str] = set()
    procedures: dict[str, list[Procedure]] = {}
    stated: dt.date | None = None
    dated: dt.date | None = None
    modified = ""
    for where, base, parsed, reject in _parsed(rows, ""):
        result.read += 1
        item, row = parsed or (None, None)
        if rows.shape == "api-v1" and row is not None:       # every object row dates the file, rejected or not
            stamp = str(row.get("modificationDate") or "")[:10]
            modified = max(modified, stamp) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp) else modified
        if reject:
            result.rejects.append(reject)
            continue
        if isinstance(item, Procedure):
            procedures.setdefault(base, []).append(item)
            dates = (item.registered, item.published, item.applied)
        elif base in bases:
            result.rejects.append(Reject(where=where, field="file number", reason=f"duplicate file number {base}"))
            continue
        else:
            bases.add(base)
            stated = max(filter(None, (stated, item.source.snapshot)), default=None)
            dates = (item.dates.registered, item.dates.published, item.dates.applied)
        dated = max(filter(None, (dated, *dates)), default=None)
    result.sha256 = rows.finish()
    for base in [b for b in procedures if b not in bases]:
        for p in procedures.pop(base):
            result.rejects.append(Reject(where=p.native_id, field="file number",
                                         reason=f"procedure file whose base GI {base} is not in this file"))
    if stated:
        result.snapshot = stated
    elif rows.shape == "api-v1":
        result.snapshot = dt.date.fromisoformat(modified) if modified else None
    else:
        result.snapshot = dated
    result.records = Records(len(bases), lambda: _records(result, procedures))
    return result


def _records(result: LoadResult, procedures: dict[str, list[Procedure]]) -> Iterator[GI]:
    """The second pass: each GI of the file, as the first pass found it, with its procedures and the file's
    snapshot."""
    with _Rows(result.path) as rows:
        seen: set[str] = set()
        for _, base, parsed, reject in _parsed(rows, result.sha256):
            if reject or isinstance(parsed[0], Procedure) or base in seen:
                continue
            seen.add(base)
            gi: GI = parsed[0]
            procs = procedures.get(base)
            if procs:
                gi.procedures = sorted(procs, key=lambda p: p.native_id)
                if any(p.kind == "cancellation" and p.status == "registered" for p in procs):
                    gi.status = "removed"
                    gi.protections = []
            gi.source.snapshot = gi.source.snapshot or result.snapshot
            yield gi
        digest = rows.finish()
    if digest != result.sha256:
        raise InputError("the file changed between the two readings of it (counted, then read record by record); "
                         "import it again once it is complete", path=result.path)


def _csv_shape(text: Iterable[str], path: str) -> tuple[str, Iterator[tuple[str, dict]], Callable]:
    """The CSV shape from its header: the search export, the wine PDO table or a compiled fact table."""
    header, located = csv_stream(text, path)
    if {"PDOid", "PDOnam"} <= set(header):
        return "wine-pdo-csv", located, _from_wine_pdo
    if {"name_zh", "name_latin"} <= set(header) and "file_number" in header:
        return "facts-csv", located, _from_china_facts
    if {"eu_file_number", "ttb_ava_id"} <= set(header):
        return "facts-csv", located, _from_us_facts
    keymap = _header_map(header)
    missing = [k for k in ("file_number", "name", "status") if k not in keymap]
    if missing:
        raise InputError("not an eAmbrosia export: missing columns " + ", ".join(missing) +
                         f" (header: {', '.join(header)})", path=path, where="line 1")
    return "export-csv", located, lambda row, where, src: _from_export(row, where, src, keymap)


def _cell(row: dict, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _stated(row: dict, key: str) -> str:
    """A cell of the wine PDO table, '' where the table writes 'na' (not stated)."""
    value = _cell(row, key)
    return "" if value == "na" else value


def _from_wine_pdo(row: dict[str, Any], where: str, source: Source) -> tuple[str, GI]:
    base, suffix = _base_and_suffix(_cell(row, "PDOid"), where, "PDOid")
    if suffix:
        raise InputError(f"a procedure file number {base}-{suffix} in a list of PDOs", where=where, field="PDOid")
    names = split_names(_cell(row, "PDOnam"))
    if not names:
        raise InputError("no name", where=where, field="PDOnam")
    countries = _countries([_cell(row, "Country")], where, "Country")
    registered = parse_date(_stated(row, "Registration"), where=where, field_name="Registration")
    read_on = parse_date(_cell(row, "begin_lifes"), where=where, field_name="begin_lifes")
    categories = [c.strip() for c in _cell(row, "Category_of_wine_product").split("/") if c.strip()]
    varieties = [v for v in (_stated(row, "Varieties_OIV"), _stated(row, "Varieties_Other")) if v]
    places = [m.strip() for m in _stated(row, "Municip_nam").split("/") if m.strip()]
    detail = _cell(row, "PDOinfo")
    page = re.search(r"/details/(\d+)$", detail)
    source.snapshot = read_on
    source.url = "https://doi.org/10.6084/m9.figshare.c.5877659.v1"
    source.other_urls = [detail] if detail.startswith("http") else []
    native = {"categories": " / ".join(categories)} if categories else {}
    if varieties:
        native["varieties"] = " / ".join(varieties)
    gi = GI(id=f"eu:{base}", register=REGISTER.name, native_id=base,
            other_ids={"eu_public_register_id": page.group(1)} if page else {},
            names=make_names(names, source="PDOnam"), gi_type="PDO", countries=countries,
            product_class=ProductClass(scheme="eu.wine", label="Wine", common="wine"),
            other_classes=[ProductClass(scheme="eu.wine.category", label=c, common="wine") for c in categories],
            status="registered", dates=Dates(registered=registered, protected=registered),
            protections=_protections("registered", registered, None), places=places, native=native, source=source)
    return base, gi


# Source tags of the compiled table of Chinese GIs in the EU register (shared/registers/eu/PROVENANCE.md):
# the public copy each fact was read from, and the date that copy shows the register.
_FACT_SOURCES = {
    "defra2020": ("https://github.com/DEFRA/geographical-indications-register-prototype", dt.date(2020, 7, 24)),
    "api2022": ("https://github.com/victorsole/eAmbrosia", dt.date(2022, 3, 30)),
    "foodatlas2026": ("https://github.com/GHajaymore/Food-Atlas", dt.date(2026, 8, 4)),
}


def _from_china_facts(row: dict[str, Any], where: str, source: Source) -> tuple[str, GI]:
    base, _ = _base_and_suffix(_cell(row, "file_number"), where, "file_number")
    latin = [x.strip() for x in _cell(row, "name_latin").split("|") if x.strip()]
    names = make_names([_cell(row, "name_zh"), *latin], source="name_zh/name_latin", chinese=True)
    if not names:
        raise InputError("no name", where=where, field="name_zh")
    for n in names:
        n.lang = "zh" if n.script == "Han" else None
    ptype = {"Food": "food", "Wine": "wine", "Spirit drink": "spirit"}.get(_cell(row, "product_type"),
                                                                          _cell(row, "product_type"))
    status = _status(_cell(row, "status"), where, "status")
    instrument = _cell(row, "legal_instrument") or None
    rule = _instrument_rule(instrument or _cell(row, "batch"))     # the table names the agreement in its batch
    instrument = instrument or (rule["instrument"] if rule else None)
    registered = parse_date(_cell(row, "eu_registration_date"), where=where, field_name="eu_registration_date")
    published = parse_date(_cell(row, "api_euProtectionDate"), where=where, field_name="api_euProtectionDate")
    tags = [t.strip() for t in _cell(row, "sources").split(";") if t.strip() in _FACT_SOURCES]
    if tags:
        source.url = _FACT_SOURCES[tags[-1]][0]
        source.other_urls = [_FACT_SOURCES[t][0] for t in tags[:-1]]
        source.snapshot = max(_FACT_SOURCES[t][1] for t in tags)
    gi = GI(id=f"eu:{base}", register=REGISTER.name, native_id=base,
            other_ids={"giIdentifier": _cell(row, "giIdentifier")} if _cell(row, "giIdentifier") else {},
            names=names, gi_type=_cell(row, "gi_type") or base.split("-")[0], countries=["CN"],
            product_class=product_class("Wine" if ptype == "wine" else _cell(row, "category"), ptype),
            status=status, dates=Dates(registered=registered, protected=published or registered),
            legal_instrument=instrument, protections=_protections(status, registered, instrument),
            native={"batch": _cell(row, "batch")} if _cell(row, "batch") else {}, source=source)
    return base, gi


_ISO_IN_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")


def _from_us_facts(row: dict[str, Any], where: str, source: Source) -> tuple[str, GI]:
    base, _ = _base_and_suffix(_cell(row, "eu_file_number"), where, "eu_file_number")
    name = _cell(row, "name")
    if not name:
        raise InputError("no name", where=where, field="name")
    status = _status(_cell(row, "status").split("(")[0], where, "status")
    instrument = _cell(row, "eu_legal_instrument") or None
    date = _ISO_IN_TEXT.search(_cell(row, "eu_registration_or_protection_date"))
    since = _registered_on(instrument, dt.date.fromisoformat(date.group()) if date else None)
    countries = ["US"]
    gi = GI(id=f"eu:{base}", register=REGISTER.name, native_id=base,
            other_ids={"ttb_ava_id": _cell(row, "ttb_ava_id")} if _cell(row, "ttb_ava_id") else {},
            names=make_names([name], source="name"), gi_type=_cell(row, "gi_type") or base.split("-")[0],
            countries=countries, product_class=product_class(_cell(row, "product_type") or None,
                                                             _cell(row, "product_type")),
            status=status, dates=Dates(protected=since), legal_instrument=instrument,
            protections=_protections(status, since, instrument), source=source)
    return base, gi
