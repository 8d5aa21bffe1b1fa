"""Batch screening: many names (trademark applications, label texts, a partner's list) checked in one
pass, streamed row by row so memory stays flat however long the file is.

Input rows have ``id`` and ``name`` and optionally ``class`` (a common class or product word),
``filed`` (YYYY-MM-DD) and ``territory`` (CN, EU, JP, TH, US). Each row gives one record
``{"id", "name", "conflicts", "pending"}`` — the conflicts are the objects of ``check --json`` — or, for
a row that cannot be screened, ``{"id", "name", "conflicts": [], "pending": [], "skipped": reason}``. A
screened row's ``coverage`` (``{"partial", "territories"}``) names the territories in its scope where the
store's data is partial (see :mod:`gimatch.coverage`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import GimatchError, InputError, UsageError
from .legal import TERRITORIES
from .text.fold import MAX_NAME_CHARS

COLUMNS = ("id", "name", "class", "filed", "territory")
CSV_FIELDS = ("id", "name", "result", "gi", "register", "native_id", "matched_name", "kind", "score", "severity",
              "territories", "since", "legal_hooks", "linked", "prior_right", "why", "partial_data")


@dataclass
class Row:
    """One input row, with where it came from."""

    where: str
    values: dict


def read_rows(path: str) -> Iterator[Row]:
    """Rows of a CSV or JSONL file, streamed. A file without a ``name`` column is refused."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path=path)
    fh = p.open("r", encoding="utf-8-sig", newline="")
    try:
        first = fh.readline()
        while first and not first.strip():
            first = fh.readline()
        fh.seek(0)
        if first.lstrip().startswith("{"):
            yield from _jsonl(fh, path)
        else:
            yield from _csv(fh, path)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason}); save the file as UTF-8", path=path) from None
    finally:
        fh.close()


def _csv(fh: io.TextIOBase, path: str) -> Iterator[Row]:
    reader = csv.DictReader(fh)
    header = [h.strip() for h in reader.fieldnames or []]
    if "name" not in header:
        raise InputError(f"no 'name' column (header: {', '.join(header) or 'empty'}); screening needs id and name",
                         path=path, where="line 1", field="name")
    reader.fieldnames = header
    try:
        for values in reader:
            yield Row(f"line {reader.line_num}", values)
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", path=path, where=f"line {reader.line_num}") from None


def _jsonl(fh: io.TextIOBase, path: str) -> Iterator[Row]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            yield Row(f"line {n}", {})
            continue
        try:
            values = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(f"line {n}", {"_error": f"malformed JSON: {exc.msg}"})
            continue
        except (RecursionError, ValueError):
            yield Row(f"line {n}", {"_error": "unreadable JSON (nested too deeply, or a number too long)"})
            continue
        if n == 1 and isinstance(values, dict) and "name" not in values:
            raise InputError("the first record has no 'name'; screening needs id and name", path=path,
                             where="line 1", field="name")
        yield Row(f"line {n}", values if isinstance(values, dict) else {"_error": "not a JSON object"})


def _date(value, field: str) -> dt.date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{field} {text!r} is not a date (YYYY-MM-DD)") from None


def screen(rows: Iterable[dict | Row], *, store=None, threshold: float | None = None, territory: str | None = None,
           date: dt.date | None = None, limit: int | None = 20, skipped: list | None = None) -> Iterator[dict]:
    """Screen rows against a store (default: the default store); yields one record per row, in order.
    Blank rows are passed over; rows that cannot be screened (no name, a repeated id, a bad date or
    territory, an over-long name) yield a record with ``skipped`` and are appended to ``skipped`` as
    (where, id, reason) when a list is given."""
    from . import DEFAULT_THRESHOLD, Store
    from .dates import as_date

    date = as_date(date, "date")
    store = store if store is not None else Store()
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    seen: set[str] = set()
    for n, item in enumerate(rows, 1):
        row = item if isinstance(item, Row) else Row(f"row {n}", item)
        values = {str(k).strip().lower(): v for k, v in row.values.items() if k is not None}
        if not any(str(v or "").strip() for v in values.values()):
            continue
        row_id = str(values.get("id") or "").strip() or row.where
        raw_name = values.get("name")
        name = raw_name.strip() if isinstance(raw_name, str) else ""
        if raw_name is not None and not isinstance(raw_name, str) and "_error" not in values:
            values["_error"] = f"the name is not text but {type(raw_name).__name__} {str(raw_name)[:40]}"
        record = {"id": row_id, "name": name, "conflicts": [], "pending": []}
        try:
            reason = values.get("_error") or _check_row(row_id, name, seen)
            if reason is None:
                row_territory = str(values.get("territory") or "").strip().upper() or territory
                if row_territory and row_territory not in TERRITORIES:
                    raise UsageError(f"territory {row_territory!r} is not one of {', '.join(TERRITORIES)}")
                result = store.check(name, threshold=threshold, limit=limit, territory=row_territory, date=date,
                                     filed=_date(values.get("filed"), "filed"),
                                     product_class=str(values.get("class") or "").strip() or None)
                data = result.to_json_dict()
                record["conflicts"], record["pending"] = data["conflicts"], data["pending"]
                record["coverage"] = {"partial": data["coverage"]["partial"],
                                      "territories": data["coverage"]["territories"]}
        except GimatchError as exc:
            reason = str(exc)
        if reason:
            record["skipped"] = reason
            if skipped is not None:
                skipped.append((row.where, row_id, reason))
        seen.add(row_id)
        yield record


def _check_row(row_id: str, name: str, seen: set[str]) -> str | None:
    if not name:
        return "no name"
    if len(name) > MAX_NAME_CHARS:
        return f"name is {len(name)} characters long; gimatch takes at most {MAX_NAME_CHARS}"
    if row_id in seen:
        return f"duplicate id {row_id!r}: only its first row is screened"
    return None


def csv_rows(record: dict) -> Iterator[dict]:
    """The flat audit rows of one screening record: one per conflict or pending GI, or one saying the row
    was screened with no conflict or skipped (and why), so that every input row is accounted for."""
    if not record["conflicts"] and not record["pending"]:
        skipped = record.get("skipped")
        yield {"id": record["id"], "name": record["name"], "result": "skipped" if skipped else "no conflict",
               "why": skipped or "", "partial_data": " ".join(record.get("coverage", {}).get("territories", []))}
        return
    for result, hits in (("conflict", record["conflicts"]), ("pending", record["pending"])):
        for c in hits:
            yield {"id": record["id"], "name": record["name"], "result": result, "gi": c["gi"],
                   "register": c["register"], "native_id": c["native_id"], "matched_name": c["matched_name"],
                   "kind": c["kind"], "score": c["score"], "severity": c["severity"],
                   "territories": " ".join(sorted({p["territory"] for p in c["protections"]})),
                   "since": " ".join(sorted({p["since"] for p in c["protections"] if p["since"]})),
                   "legal_hooks": "; ".join(c["legal_hooks"]), "linked": " ".join(c["linked"]),
                   "prior_right": c["prior_right"] or "", "why": c["why"],
                   "partial_data": " ".join(record.get("coverage", {}).get("territories", []))}
