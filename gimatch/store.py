"""The gimatch store: one SQLite file (through sqlite-utils) holding GIs, their names and match
keys, protections, procedures, classes, import history and rejected records.

Imports are atomic (one transaction: a failing import leaves the store as it was) and
idempotent (a record whose content is unchanged is not rewritten). A new store is filled with
the bundled datasets. The default store lives in the user's cache directory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from . import bundled
from .errors import InputError, StoreError
from .model import GI, Reject
from .registers import LoadResult

SCHEMA_VERSION = "1"
ENV_DB = "GIMATCH_DB"


def default_path() -> Path:
    """$GIMATCH_DB, else gimatch.db in the user's cache directory."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB])
    import platformdirs

    return Path(platformdirs.user_cache_dir("gimatch")) / "gimatch.db"


@dataclass
class ImportSummary:
    """The one-line outcome of an import."""

    register: str
    file: str
    shape: str
    snapshot: dt.date | None
    read: int
    imported: int
    updated: int
    unchanged: int
    rejected: int
    kept_newer: int = 0
    note: str | None = None

    def line(self) -> str:
        extra = f" ({self.kept_newer} kept: the store has a newer snapshot)" if self.kept_newer else ""
        note = f"; {self.note}" if self.note else ""
        return (f"{self.register}: read {self.read}, imported {self.imported}, updated {self.updated}, "
                f"unchanged {self.unchanged}{extra}, rejected {self.rejected}{note}")


def content_hash(gi: GI) -> str:
    return hashlib.sha256(gi.model_dump_json(exclude={"source"}).encode()).hexdigest()


class Store:
    """A gimatch store. Open with :func:`gimatch.open`."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        new = not self.path.exists() or self.path.stat().st_size == 0
        if new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite_utils.Database(self.path)
            version = self._meta("schema_version") if not new else None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a gimatch store ({exc})") from None
        if not new and version is None:
            raise StoreError(f"{self.path}: not a gimatch store (no schema version); give another --db")
        if not new and version != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {version}, this gimatch needs {SCHEMA_VERSION}; "
                             "delete the file to rebuild it")
        self._index = None
        if new:
            self._create()
            self._load_bundled()

    # --- schema -------------------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        if "meta" not in self.db.table_names():
            return None
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    def _create(self) -> None:
        db = self.db
        db["meta"].create({"key": str, "value": str}, pk="key")
        db["gis"].create({"id": str, "register": str, "native_id": str, "gi_type": str, "countries": str,
                          "class_scheme": str, "class_code": str, "class_label": str, "class_common": str,
                          "status": str, "registered": str, "protected": str, "legal_instrument": str,
                          "snapshot": str, "source_file": str, "content_hash": str, "import_id": int,
                          "record": str}, pk="id")
        db["names"].create({"gi_id": str, "idx": int, "text": str, "script": str, "lang": str, "role": str,
                            "source": str, "folded": str, "place_key": str, "concepts": str},
                           pk=("gi_id", "idx"), foreign_keys=[("gi_id", "gis", "id")])
        db["keys"].create({"key": str, "kind": str, "gi_id": str, "name_idx": int})
        db["protections"].create({"gi_id": str, "territory": str, "basis": str, "instrument": str,
                                  "annex": str, "since": str, "status": str})
        db["procedures"].create({"gi_id": str, "native_id": str, "kind": str, "status": str,
                                 "applied": str, "published": str, "registered": str})
        db["classes"].create({"id": str, "label_en": str, "label_zh": str, "broader": str}, pk="id")
        db["imports"].create({"id": int, "register": str, "file": str, "sha256": str, "shape": str,
                              "snapshot": str, "imported_at": str, "read": int, "imported": int, "updated": int,
                              "unchanged": int, "rejected": int}, pk="id")
        db["rejects"].create({"import_id": int, "register": str, "file": str, "location": str, "field": str,
                              "reason": str})
        db["changes"].create({"import_id": int, "gi_id": str, "change": str})
        db["keys"].create_index(["key"])
        db["keys"].create_index(["gi_id"])
        db["names"].create_index(["place_key"])
        db["protections"].create_index(["gi_id"])
        db["procedures"].create_index(["gi_id"])
        db["gis"].create_index(["register"])
        db["names"].enable_fts(["text", "folded"], create_triggers=True)
        db["classes"].insert_all(bundled.read_table("classes.csv"))
        db["meta"].insert_all([{"key": "schema_version", "value": SCHEMA_VERSION},
                               {"key": "datasets", "value": json.dumps(bundled.manifest().get("version"))}])

    def _load_bundled(self) -> None:
        for entry in bundled.manifest().get("files", []):
            if entry.get("kind") != "gis":
                continue
            path = bundled.datasets_dir() / entry["path"]
            records = []
            for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    try:
                        records.append(GI.model_validate_json(line))
                    except ValueError as exc:
                        raise StoreError(f"bundled dataset {entry['path']} line {lineno}: {exc}") from None
            result = LoadResult(path=f"datasets/{entry['path']}", sha256=entry["sha256"], shape="gimatch-jsonl",
                                snapshot=dt.date.fromisoformat(entry["snapshot"]), records=records, read=len(records))
            self.write(entry["register"], result)

    # --- writing ------------------------------------------------------------------------------

    def import_file(self, register: str, path: str, *, strict: bool = False,
                    progress: Callable[[Iterable], Iterable] | None = None) -> ImportSummary:
        """Read a register file and write it to the store in one transaction."""
        from . import registry

        name = registry.resolve(register)
        result = registry.module(name).load(path)
        if strict and result.rejects:
            first = result.rejects[0]
            raise InputError(f"{len(result.rejects)} record(s) rejected under --strict; first: {first.reason}",
                             path=str(path), where=first.where, field=first.field)
        return self.write(name, result, progress=progress)

    def write(self, register: str, result: LoadResult, *, progress=None) -> ImportSummary:
        """Write a reader's result atomically; unchanged records are left alone."""
        from .text.anatomy import anatomy
        from .text.keys import name_keys

        summary = ImportSummary(register=register, file=result.path, shape=result.shape, snapshot=result.snapshot,
                                read=result.read, imported=0, updated=0, unchanged=0, rejected=len(result.rejects),
                                note=result.note)
        conn = self.db.conn
        existing = {row[0]: (row[1], row[2]) for row in conn.execute("select id, content_hash, snapshot from gis")}
        records = progress(result.records) if progress else result.records
        try:
            conn.execute("begin")
            cur = conn.execute(
                "insert into imports (register, file, sha256, shape, snapshot, imported_at, read, imported, updated, "
                "unchanged, rejected) values (?,?,?,?,?,?,?,?,?,?,?)",
                [register, result.path, result.sha256, result.shape, _iso(result.snapshot),
                 dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), result.read, 0, 0, 0,
                 len(result.rejects)])
            import_id = cur.lastrowid
            for gi in records:
                digest = content_hash(gi)
                old = existing.get(gi.id)
                if old and old[0] == digest:
                    summary.unchanged += 1
                    continue
                if old and old[1] and gi.source.snapshot and old[1] > gi.source.snapshot.isoformat():
                    summary.unchanged += 1
                    summary.kept_newer += 1
                    continue
                self._write_gi(conn, gi, digest, import_id, anatomy, name_keys)
                conn.execute("insert into changes values (?,?,?)", [import_id, gi.id, "updated" if old else "new"])
                existing[gi.id] = (digest, _iso(gi.source.snapshot))
                if old:
                    summary.updated += 1
                else:
                    summary.imported += 1
            conn.executemany("insert into rejects values (?,?,?,?,?,?)",
                             [[import_id, register, result.path, r.where, r.field, r.reason] for r in result.rejects])
            conn.execute("update imports set imported=?, updated=?, unchanged=? where id=?",
                         [summary.imported, summary.updated, summary.unchanged, import_id])
            conn.execute("commit")
        except BaseException:
            conn.execute("rollback")
            raise
        self._index = None
        return summary

    @staticmethod
    def _write_gi(conn, gi: GI, digest: str, import_id: int, anatomy, name_keys) -> None:
        for table in ("names", "keys", "protections", "procedures"):
            conn.execute(f"delete from {table} where gi_id = ?", [gi.id])
        pc = gi.product_class
        conn.execute(
            "insert or replace into gis values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [gi.id, gi.register, gi.native_id, gi.gi_type, json.dumps(gi.countries),
             pc.scheme if pc else None, pc.code if pc else None, pc.label if pc else None, pc.common if pc else None,
             gi.status, _iso(gi.dates.registered), _iso(gi.dates.protected), gi.legal_instrument,
             _iso(gi.source.snapshot), gi.source.file, digest, import_id, gi.model_dump_json()])
        japanese = "JP" in gi.countries or None
        key_rows = []
        for idx, name in enumerate(gi.names):
            anat = anatomy(name.text, japanese=japanese)
            conn.execute("insert into names values (?,?,?,?,?,?,?,?,?,?)",
                         [gi.id, idx, name.text, name.script, name.lang, name.role, name.source, anat.folded,
                          anat.place_key, json.dumps(sorted(anat.concepts))])
            key_rows.extend([k.key, k.kind, gi.id, idx] for k in name_keys(name.text, japanese=japanese))
        conn.executemany("insert into keys values (?,?,?,?)", key_rows)
        conn.executemany("insert into protections values (?,?,?,?,?,?,?)",
                         [[gi.id, p.territory, p.basis, p.instrument, p.annex, _iso(p.since), p.status]
                          for p in gi.protections])
        conn.executemany("insert into procedures values (?,?,?,?,?,?,?)",
                         [[gi.id, p.native_id, p.kind, p.status, _iso(p.applied), _iso(p.published),
                           _iso(p.registered)] for p in gi.procedures])

    # --- reading ------------------------------------------------------------------------------

    def get(self, gi_id: str) -> GI | None:
        row = self.db.execute("select record from gis where id = ?", [gi_id]).fetchone()
        return GI.model_validate_json(row[0]) if row else None

    def registers(self) -> list[dict]:
        """Every register gimatch knows, with its records and names in the store, newest snapshot and
        the source of the last import (0 records for a register nothing was imported from)."""
        from . import registry

        counts = {row[0]: row[1:] for row in self.db.execute(
            "select g.register, count(distinct g.id), count(n.idx), max(g.snapshot) from gis g "
            "left join names n on n.gi_id = g.id group by g.register").fetchall()}
        out = []
        for register in sorted(set(registry.REGISTERS) | set(counts)):
            records, names, snapshot = counts.get(register, (0, 0, None))
            src = self.db.execute("select file from imports where register = ? order by id desc limit 1",
                                  [register]).fetchone()
            title = registry.module(register).REGISTER.title if register in registry.REGISTERS else None
            out.append({"register": register, "title": title, "records": records, "names": names,
                        "snapshot": snapshot, "source": src[0] if src else None})
        return out

    def rejects(self, import_id: int | None = None) -> list[Reject]:
        sql = "select location, field, reason from rejects"
        args: list = []
        if import_id is not None:
            sql += " where import_id = ?"
            args.append(import_id)
        return [Reject(where=w, field=f, reason=r) for w, f, r in self.db.execute(sql, args).fetchall()]

    def index(self):
        """The in-memory name index used by check (built on first use, dropped on import)."""
        if self._index is None:
            from .index import NameIndex

            self._index = NameIndex.from_store(self)
        return self._index

    def check(self, name: str, **options):
        """Conflicts of a name with the GIs in this store; see :func:`gimatch.check`."""
        from .conflicts import check

        return check(self, name, **options)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
