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
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

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


def read_rows(path: str, field: str = "name") -> Iterator[Row]:
    """Rows of a CSV or JSONL file, streamed. A file without a ``field`` column (``name``; ``text`` for
    scan) is refused."""
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
            yield from _jsonl(fh, path, field)
        else:
            yield from _csv(fh, path, field)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason}); save the file as UTF-8", path=path) from None
    finally:
        fh.close()


def _csv(fh: io.TextIOBase, path: str, field: str) -> Iterator[Row]:
    reader = csv.DictReader(fh)
    header = [h.strip() for h in reader.fieldnames or []]
    if field not in header:
        raise InputError(f"no '{field}' column (header: {', '.join(header) or 'empty'}); the file needs id and {field}",
                         path=path, where="line 1", field=field)
    reader.fieldnames = header
    try:
        for values in reader:
            yield Row(f"line {reader.line_num}", values)
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", path=path, where=f"line {reader.line_num}") from None


def _jsonl(fh: io.TextIOBase, path: str, field: str) -> Iterator[Row]:
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
        if n == 1 and isinstance(values, dict) and field not in values:
            raise InputError(f"the first record has no '{field}'; the file needs id and {field}", path=path,
                             where="line 1", field=field)
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
           date: dt.date | str | None = None, limit: int | None = 20, skipped: list | None = None,
           workers: int = 1) -> Iterator[dict]:
    """Screen rows against a store (default: the default store); yields one record per row, in order.
    Blank rows are passed over; rows that cannot be screened (no name, a repeated id, a bad date or
    territory, an over-long name) yield a record with ``skipped`` and are appended to ``skipped`` as
    (where, id, reason) when a list is given. ``workers`` > 1 checks the names in that many processes;
    the records are the same, in the same order."""
    from . import DEFAULT_THRESHOLD, Store
    from .batch import SeenIds, run
    from .dates import as_date

    options = {"threshold": DEFAULT_THRESHOLD if threshold is None else threshold, "territory": territory,
               "date": as_date(date, "date"), "limit": limit}
    store = store if store is not None else Store()
    with SeenIds() as seen:
        yield from run(_prepare(rows, seen), _screen_chunk, store=store, options=options, workers=workers,
                       skipped=skipped)


def _prepare(rows: Iterable[dict | Row], seen) -> Iterator[tuple[str, str, str, dict, str | None]]:
    """(where, id, name, values, reason to skip or None) per non-blank row, repeated ids found in order."""
    for n, item in enumerate(rows, 1):
        row = item if isinstance(item, Row) else Row(f"row {n}", item)
        prepared = prepare_row(row, seen.add)
        if prepared is not None:
            yield prepared


def prepare_row(row: Row, first: Callable[[str], bool]) -> tuple[str, str, str, dict, str | None] | None:
    """One row ready to screen: (where, id, name, values, reason to skip or None), or None for a blank row.
    ``first(id)`` says whether the id is met for the first time (a later row with it is skipped)."""
    values = {str(k).strip().lower(): v for k, v in row.values.items() if k is not None}
    if not any(str(v or "").strip() for v in values.values()):
        return None
    row_id = str(values.get("id") or "").strip() or row.where
    raw_name = values.get("name")
    name = raw_name.strip() if isinstance(raw_name, str) else ""
    reason = values.get("_error")
    if reason is None and raw_name is not None and not isinstance(raw_name, str):
        reason = f"the name is not text but {type(raw_name).__name__} {str(raw_name)[:40]}"
    if reason is None:
        reason = _check_row(name)
    if not first(row_id) and reason is None:
        reason = f"duplicate id {row_id!r}: only its first row is screened"
    return row.where, row_id, name, {k: v for k, v in values.items() if k in COLUMNS}, reason


def _screen_chunk(store, options: dict, items: list[tuple]) -> list[tuple[str, dict]]:
    return [_screen_one(store, options, item) for item in items]


def _screen_one(store, options: dict, item: tuple) -> tuple[str, dict]:
    where, row_id, name, values, reason = item
    record = {"id": row_id, "name": name, "conflicts": [], "pending": []}
    try:
        if reason is None:
            row_territory = str(values.get("territory") or "").strip().upper() or options["territory"]
            if row_territory and row_territory not in TERRITORIES:
                raise UsageError(f"territory {row_territory!r} is not one of {', '.join(TERRITORIES)}")
            data = _checked(store, options, name, row_territory, _date(values.get("filed"), "filed"),
                            str(values.get("class") or "").strip() or None)
            record["conflicts"], record["pending"] = data["conflicts"], data["pending"]
            record["coverage"] = {"partial": data["coverage"]["partial"],
                                  "territories": data["coverage"]["territories"]}
    except GimatchError as exc:
        reason = str(exc)
    if reason:
        record["skipped"] = reason
    return where, record


RECENT = 4096      # results kept per process: a register repeats a mark across classes and owners


def _checked(store, options: dict, name: str, territory: str | None, filed, product_class: str | None) -> dict:
    """The JSON of ``check`` for one row; a row asking what a recent row asked gets the same answer without
    matching again (each record its own copy of it)."""
    recent = options.setdefault("recent", OrderedDict())
    key = (name, territory, filed, product_class)
    result = recent.get(key)
    if result is None:
        result = recent[key] = store.check(name, threshold=options["threshold"], limit=options["limit"],
                                           territory=territory, date=options["date"], filed=filed,
                                           product_class=product_class)
        if len(recent) > RECENT:
            recent.popitem(last=False)
    else:
        recent.move_to_end(key)
    return result.to_json_dict()


def _check_row(name: str) -> str | None:
    if not name:
        return "no name"
    if len(name) > MAX_NAME_CHARS:
        return f"name is {len(name)} characters long; gimatch takes at most {MAX_NAME_CHARS}"
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
