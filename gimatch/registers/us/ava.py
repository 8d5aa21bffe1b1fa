"""United States, American viticultural areas (AVAs; TTB, 27 CFR part 9 subpart C).

Formats, told apart from the content:

- ``attributes-csv``: the attribute table of the UC Davis AVA Digitizing Project (one row per boundary
  version: ava_id, name, aka, is_current or valid_end, created, removed, state, county, within, contains,
  petitioner, cfr_author, cfr_index, cfr_revision_history, valid_start, valid_end);
- ``geojson``: the same properties on GeoJSON features (one Feature, or a FeatureCollection); the
  geometry is not kept.

One record per AVA, keyed by its CFR section (``us.ava:9.23`` is Napa Valley). The current boundary
(``valid_end`` empty) gives the record; superseded boundary versions are counted on it.
"""

from __future__ import annotations

import re

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Name, Protection, Reject, Source
from .. import LoadResult, RegisterInfo, decode_utf8, file_sha256, model_error, parse_date, parse_json, read_bytes
from ..tables import csv_dicts

REGISTER = RegisterInfo(
    name="us.ava",
    prefix="us.ava",
    title="United States, American viticultural areas (TTB, 27 CFR part 9)",
    territory="US",
    formats=("attributes-csv", "geojson"),
    url="https://www.ttb.gov/wine/american-viticultural-area-ava",
    aliases=("ava",),
)
REQUIRED = ("ava_id", "name", "cfr_index", "created")
_CFR = re.compile(r"^9\.\d+$")
TEXT_FIELDS = ("name", "aka", "cfr_index", "petitioner", "state", "county", "created", "removed")


def load(path: str) -> LoadResult:
    """Read the AVA attribute table (CSV) or AVA GeoJSON."""
    data = read_bytes(path)
    text = decode_utf8(data, str(path))
    if text.lstrip().startswith("{"):
        shape, rows = "geojson", _geojson_rows(parse_json(text, str(path)), str(path))
    else:
        header, rows = csv_dicts(text, str(path))
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(f"not an AVA attribute table: no column {', '.join(missing)} "
                             f"(header: {', '.join(header)})", path=str(path), where="line 1")
        shape = "attributes-csv"
    result = LoadResult(path=str(path), sha256=file_sha256(data), shape=shape, snapshot=None)
    current: dict[str, tuple[str, dict]] = {}
    versions: dict[str, int] = {}
    for where, row in rows:
        result.read += 1
        if isinstance(row, InputError):
            result.rejects.append(Reject(where=where, field=row.field, reason=row.reason))
            continue
        wrong = next((k for k in TEXT_FIELDS if row.get(k) is not None and not isinstance(row[k], str)), None)
        if wrong:
            result.rejects.append(Reject(where=where, field=wrong, reason=f"not text but {type(row[wrong]).__name__} "
                                                                          f"{str(row[wrong])[:40]}"))
            continue
        row = {k: ("" if v is None or v == "None" else str(v).strip()) for k, v in row.items()}
        cfr = row.get("cfr_index", "")
        if not _CFR.match(cfr):
            result.rejects.append(Reject(where=where, field="cfr_index", reason=f"not a 27 CFR part 9 section: {cfr!r}"))
            continue
        versions[cfr] = versions.get(cfr, 0) + 1
        is_current = row.get("is_current", "").lower() == "true" if "is_current" in row else not row.get("valid_end")
        if is_current:
            if cfr in current:
                result.rejects.append(Reject(where=where, field="cfr_index",
                                             reason=f"two current boundaries for §{cfr} ({current[cfr][0]})"))
                continue
            current[cfr] = (where, row)
    for cfr, (where, row) in current.items():
        try:
            result.records.append(_record(row, where, versions[cfr], Source(file=str(path), record=where,
                                                                           sha256=result.sha256)))
        except InputError as exc:
            result.rejects.append(Reject(where=where, field=exc.field, reason=exc.reason))
        except ValueError as exc:               # the model refused a value (an over-long or garbled name)
            field, reason = model_error(exc)
            result.rejects.append(Reject(where=where, field=field, reason=reason))
    dates = [gi.dates.registered for gi in result.records if gi.dates.registered]
    result.snapshot = max(dates) if dates else None
    for gi in result.records:
        gi.source.snapshot = result.snapshot
    superseded = sum(versions.values()) - len(current)
    result.note = f"{len(result.records)} current AVAs, {superseded} superseded boundary versions counted on them"
    return result


def _geojson_rows(doc, path: str) -> list[tuple[str, dict]]:
    if not isinstance(doc, dict) or doc.get("type") not in ("Feature", "FeatureCollection"):
        raise InputError("not GeoJSON: expected a Feature or a FeatureCollection", path=path)
    features = [doc] if doc["type"] == "Feature" else doc.get("features") or []
    out = []
    for i, feature in enumerate(features, 1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict) or "cfr_index" not in props:
            raise InputError("a feature without AVA properties (cfr_index, name, …)", path=path, where=f"feature {i}")
        out.append((f"feature {i}", props))
    return out


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


def _record(row: dict, where: str, versions: int, source: Source) -> GI:
    name = row.get("name", "")
    if not name:
        raise InputError("no name", where=where, field="name")
    created = parse_date(row.get("created"), where=where, field_name="created")
    removed = parse_date(row.get("removed"), where=where, field_name="removed")
    names = [Name(text=name, script="Latin", lang="en", source="name")]
    aka = row.get("aka", "")
    if aka and len(aka.split()) <= 4 and not re.search(r"[,;\"“]", aka):    # aka is free text: only a bare name
        names.append(Name(text=aka, script="Latin", role="variant", source="aka"))
    instrument = f"27 CFR {row['cfr_index']}"
    native = {k: v for k, v in row.items() if v and k not in ("source_file",)}
    native["boundary_versions"] = str(versions)
    return GI(id=f"{REGISTER.prefix}:{row['cfr_index']}", register=REGISTER.name, native_id=row["cfr_index"],
              other_ids={"ava_id": row.get("ava_id") or row["cfr_index"]}, names=names, gi_type="AVA", countries=["US"],
              product_class=native_class("us.ttb", "American viticultural area (wine)"),
              status="removed" if removed else "registered",
              dates=Dates(registered=created, protected=created), legal_instrument=instrument,
              protections=[Protection(territory="US", basis="registration", instrument=instrument, since=created,
                                      status="ended" if removed else "protected")],
              places=_split(row.get("state", "")) + _split(row.get("county", "")),
              holder=row.get("petitioner") or None, native=native, source=source)
