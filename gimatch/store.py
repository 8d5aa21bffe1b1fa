"""The gimatch store: one SQLite file (through sqlite-utils) holding GIs, their names and match
keys, protections, procedures, classes, import history and rejected records.

Imports are atomic (one transaction: a failing import leaves the store as it was) and
idempotent (a record whose content is unchanged is not rewritten). A new store is filled with
the bundled datasets. The default store lives in the user's cache directory.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import bundled, identity
from .errors import InputError, StoreError
from .model import GI, Reject, merge_records
from .registers import LoadResult

SCHEMA_VERSION = "6"
ENV_DB = "GIMATCH_DB"
BUSY_TIMEOUT_S = 10.0     # how long a reader waits for a writer's lock before "database is locked"
                          # ($GIMATCH_BUSY_TIMEOUT, seconds, to change it)


def busy_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("GIMATCH_BUSY_TIMEOUT", BUSY_TIMEOUT_S)))
    except ValueError:
        raise StoreError(f"GIMATCH_BUSY_TIMEOUT must be a number of seconds, not "
                         f"{os.environ['GIMATCH_BUSY_TIMEOUT']!r}") from None


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
    return hashlib.sha256(gi.model_dump_json(exclude={"source", "other_sources"}).encode()).hexdigest()


class Store:
    """A gimatch store. Open with :func:`gimatch.open`.

    A new store is built in a temporary file beside ``path`` and renamed into place once complete,
    so an interrupted build never leaves a store that looks whole. ``create=False`` refuses a path
    where no store exists (a mistyped ``--db``) instead of creating one.
    """

    def __init__(self, path: str | Path | None = None, *, create: bool = True,
                 notice: Callable[[str], None] | None = None):
        self.path = Path(path) if path is not None else default_path()
        self._index = None
        self._coverage: dict = {}
        self._memo: dict = {}
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{self.path}: not a regular file; give a store file with --db")
        if not self.path.exists() or self.path.stat().st_size == 0:
            if not create:
                raise StoreError(f"{self.path}: no gimatch store there (check the --db path; `gimatch import` "
                                 "creates a store, and without --db the default store is used)")
            self._build(notice)
        self.db = self._connect(self.path)
        self._check_version(notice)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(str(path), timeout=busy_timeout())
            conn.execute("pragma foreign_keys = on")
            conn.execute("pragma recursive_triggers = on")     # a replaced row's delete trigger keeps the FTS in step
            return conn
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from None

    def _check_version(self, notice) -> None:
        try:
            version, complete = self._meta("schema_version"), self._meta("complete")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise StoreError(f"{self.path}: the store is locked by another gimatch (an import?); waited "
                                 f"{busy_timeout():g} s, try again when it has finished") from None
            raise StoreError(f"{self.path}: the store cannot be read ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a gimatch store ({exc})") from None
        if version is None:
            raise StoreError(f"{self.path}: not a gimatch store (no schema version); give another --db")
        if version != SCHEMA_VERSION or complete != "1":
            why = (f"store schema {version}, this gimatch needs {SCHEMA_VERSION}" if version != SCHEMA_VERSION
                   else "its first build was interrupted")
            if self.path == default_path() and self._only_bundled():
                self.db.close()
                self.path.unlink()
                self._build(notice)
                self.db = self._connect(self.path)
                return
            raise StoreError(f"{self.path}: {why}; delete the file and import again")
        if self._meta("datasets") != bundled.fingerprint():
            if self._only_bundled():              # nothing of the user's in it: built again, whole
                self.db.close()
                self.path.unlink()
                self._build(notice)
                self.db = self._connect(self.path)
                return
            if notice:
                notice(f"updating the bundled datasets in {self.path}")
            self._load_bundled()
            self.db.execute("update meta set value = ? where key = 'datasets'", [bundled.fingerprint()])
            self.db.commit()
        if self._meta("analysis") != analysis_stamp():
            self._analyse_again(notice)

    def _analyse_again(self, notice) -> None:
        """Every stored record's names analysed and keyed again, in one transaction, when the name analysis
        (gimatch.text and the datasets it reads) is not the one that wrote them: an upgrade reads a user's
        imports as a new import would."""
        from .text.anatomy import anatomy
        from .text.keys import name_keys, phonetic_keys

        conn = self.db
        try:
            conn.execute("begin immediate")              # another process opening the store waits, then finds
            if self._meta("analysis") == analysis_stamp():          # the work done
                conn.execute("rollback")
                return
            if notice:
                count = conn.execute("select count(*) from gis").fetchone()[0]
                notice(f"analysing the names of the {count:,} records in {self.path} again for this gimatch (once)")
            for (record,) in conn.execute("select record from gis"):
                self._write_names(conn, GI.model_validate_json(record), anatomy, name_keys, phonetic_keys)
            conn.execute("insert or replace into meta values ('analysis', ?)", [analysis_stamp()])
            conn.execute("commit")
        except BaseException:
            conn.execute("rollback")
            raise

    def _only_bundled(self) -> bool:
        try:
            row = self.db.execute("select count(*) from imports where file not like 'datasets/%'").fetchone()
        except sqlite3.Error:
            return True
        return not row[0]

    def _build(self, notice) -> None:
        """Create the store with the bundled datasets in a temporary file, then rename it into place."""
        if notice:
            notice(f"building the gimatch store {self.path} from the bundled datasets (once)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_builds(self.path)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.build-{os.getpid()}-",
                                   suffix=".tmp")
        os.close(fd)
        try:
            self.db = self._connect(Path(tmp))
            self._create()
            self._load_bundled()
            self.db.execute("insert into meta values ('complete', '1')")
            self.db.commit()
            self.db.close()
            os.replace(tmp, self.path)
        except BaseException:
            try:
                self.db.close()
            finally:
                Path(tmp).unlink(missing_ok=True)
            raise

    # --- schema -------------------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        if not self.db.execute("select 1 from sqlite_master where type = 'table' and name = 'meta'").fetchone():
            return None
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    def _create(self) -> None:
        import sqlite_utils          # the schema's builder, needed only here (it loads pandas when installed)

        db = sqlite_utils.Database(self.db)
        db["meta"].create({"key": str, "value": str}, pk="key")
        db["gis"].create({"id": str, "register": str, "native_id": str, "gi_type": str, "countries": str,
                          "class_scheme": str, "class_code": str, "class_label": str, "class_common": str,
                          "status": str, "registered": str, "protected": str, "legal_instrument": str,
                          "snapshot": str, "source_file": str, "content_hash": str, "import_id": int,
                          "record": str, "links": str}, pk="id")
        db["names"].create({"gi_id": str, "idx": int, "text": str, "script": str, "lang": str, "role": str,
                            "source": str, "folded": str, "place": str, "place_key": str, "concepts": str,
                            "place_stem": str},
                           pk=("gi_id", "idx"), foreign_keys=[("gi_id", "gis", "id")])
        db["keys"].create({"key": str, "kind": str, "gi_id": str, "name_idx": int})
        db["protections"].create({"gi_id": str, "territory": str, "basis": str, "instrument": str,
                                  "annex": str, "since": str, "status": str, "known_by": str, "not_before": str})
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
        db["names"].create_index(["place_stem"])
        db["protections"].create_index(["gi_id"])
        db["procedures"].create_index(["gi_id"])
        db["gis"].create_index(["register"])
        db["names"].enable_fts(["text", "folded"], create_triggers=True)
        db["classes"].insert_all(bundled.read_table("classes.csv"))
        db["meta"].insert_all([{"key": "schema_version", "value": SCHEMA_VERSION},
                               {"key": "datasets", "value": bundled.fingerprint()},
                               {"key": "analysis", "value": analysis_stamp()}])

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

    def import_file(self, register: str, path: str, *, strict: bool = False, index: bool = True,
                    progress: Callable[[Iterable], Iterable] | None = None) -> ImportSummary:
        """Read a register file and write it to the store in one transaction, one record at a time for the
        readers that stream (eu.eambrosia). ``index=False`` leaves the persisted index to the first query
        (for loading several files in a row: the index is then built once)."""
        from . import registry

        name = registry.resolve(register)
        result = registry.module(name).load(path)
        if strict and result.rejects:
            first = result.rejects[0]
            raise InputError(f"{len(result.rejects)} record(s) rejected under --strict; first: {first.reason}",
                             path=str(path), where=first.where, field=first.field)
        summary = self.write(name, result, progress=progress)
        if index:
            self.index()                         # the index of the new state, persisted for the next process
        return summary

    def write(self, register: str, result: LoadResult, *, progress=None) -> ImportSummary:
        """Write a reader's result atomically; unchanged records are left alone."""
        from .text.anatomy import anatomy
        from .text.keys import name_keys, phonetic_keys

        summary = ImportSummary(register=register, file=result.path, shape=result.shape, snapshot=result.snapshot,
                                read=result.read, imported=0, updated=0, unchanged=0, rejected=len(result.rejects),
                                note=result.note)
        conn = self.db
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
                old = conn.execute("select content_hash, snapshot, record from gis where id = ?", [gi.id]).fetchone()
                incoming = _iso(gi.source.snapshot)
                if old:
                    gi = merge_records(GI.model_validate_json(old[2]), gi)
                digest = content_hash(gi)
                if old and old[0] == digest:
                    summary.unchanged += 1
                    if old[1] and incoming and old[1] > incoming:
                        summary.kept_newer += 1
                    continue
                self._write_gi(conn, gi, digest, import_id, anatomy, name_keys, phonetic_keys)
                conn.execute("insert into changes values (?,?,?)", [import_id, gi.id, "updated" if old else "new"])
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
        self._coverage = {}
        self._memo = {}
        return summary

    @staticmethod
    def _write_gi(conn, gi: GI, digest: str, import_id: int, anatomy, name_keys, phonetic_keys) -> None:
        for table in ("protections", "procedures"):
            conn.execute(f"delete from {table} where gi_id = ?", [gi.id])
        pc = gi.product_class
        conn.execute(
            "insert or replace into gis values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [gi.id, gi.register, gi.native_id, gi.gi_type, json.dumps(gi.countries),
             pc.scheme if pc else None, pc.code if pc else None, pc.label if pc else None, pc.common if pc else None,
             gi.status, _iso(gi.dates.registered), _iso(gi.dates.protected), gi.legal_instrument,
             _iso(gi.source.snapshot), gi.source.file, digest, import_id, gi.model_dump_json(),
             json.dumps(sorted(identity.links_of(gi.register, gi.native_id, gi.other_ids)))])
        Store._write_names(conn, gi, anatomy, name_keys, phonetic_keys)
        conn.executemany("insert into protections values (?,?,?,?,?,?,?,?,?)",
                         [[gi.id, p.territory, p.basis, p.instrument, p.annex, _iso(p.since), p.status,
                           _iso(p.known_by), _iso(p.not_before)] for p in gi.protections])
        conn.executemany("insert into procedures values (?,?,?,?,?,?,?)",
                         [[gi.id, p.native_id, p.kind, p.status, _iso(p.applied), _iso(p.published),
                           _iso(p.registered)] for p in gi.procedures])

    @staticmethod
    def _write_names(conn, gi: GI, anatomy, name_keys, phonetic_keys) -> None:
        """A record's names as gimatch analyses them (place, product concepts) and their keys."""
        from .text.anatomy import place_stem, places_by_romanization
        from .text.language import COUNTRY_LANGS
        from .text.phonetic import language_of

        for table in ("names", "keys"):
            conn.execute(f"delete from {table} where gi_id = ?", [gi.id])
        pc = gi.product_class
        japanese = "JP" in gi.countries or None
        chinese = bool(set(gi.countries) & {"CN", "TW", "HK", "MO"})
        lang = language_of(gi.countries)
        langs = tuple(x for c in gi.countries for x in COUNTRY_LANGS.get(c, ())) or None
        key_rows = []
        anats = [anatomy(name.text, japanese=japanese, langs=langs) for name in gi.names]
        split = places_by_romanization([(n.text, n.script, a) for n, a in zip(gi.names, anats)]) if chinese else {}
        for idx, (name, anat) in enumerate(zip(gi.names, anats)):
            place, place_key, stem_of, named_by = split.get(idx, (anat.place, anat.place_key, anat.stem_of, idx))
            said_in = name.lang if name.lang and name.script == "Latin" else lang
            conn.execute("insert into names values (?,?,?,?,?,?,?,?,?,?,?,?)",
                         [gi.id, idx, name.text, name.script, name.lang, name.role, name.source, anat.folded,
                          place, place_key, json.dumps(sorted(anats[named_by].concepts_of(pc.common if pc else None))),
                          " ".join(filter(None, dict.fromkeys((place_stem(stem_of), place_stem(stem_of, said_in)))))])
            key_rows.extend([k.key, k.kind, gi.id, idx] for k in name_keys(name.text, japanese=japanese,
                                                                          chinese_gi=chinese))
            key_rows.extend([k.key, k.kind, gi.id, idx] for k in phonetic_keys(   # stops marked: see the index
                name.text, lang=said_in, japanese=japanese,
                country=gi.countries[0] if gi.countries else None, marked=True))
        conn.executemany("insert into keys values (?,?,?,?)", key_rows)

    # --- reading ------------------------------------------------------------------------------

    def get(self, gi_id: str) -> GI | None:
        row = self.db.execute("select record from gis where id = ?", [gi_id]).fetchone()
        return GI.model_validate_json(row[0]) if row else None

    def registers(self) -> list[dict]:
        """Every register gimatch knows, with its records and names in the store, the newest and the median
        snapshot date of its records, the source of the last import (0 records for a register nothing was
        imported from), its published size where known and whether its data is over a year old."""
        from . import registry
        from .coverage import is_stale, published_sizes

        counts = {row[0]: row[1:] for row in self.db.execute(
            "select g.register, count(distinct g.id), count(n.idx), max(g.snapshot) from gis g "
            "left join names n on n.gi_id = g.id group by g.register").fetchall()}
        snapshots: dict[str, list[str]] = {}
        for register, snapshot in self.db.execute("select register, snapshot from gis where snapshot is not null "
                                                  "order by snapshot"):
            snapshots.setdefault(register, []).append(snapshot)
        out = []
        for register in sorted(set(registry.REGISTERS) | set(counts)):
            records, names, snapshot = counts.get(register, (0, 0, None))
            dated = snapshots.get(register, [])
            median = dated[len(dated) // 2] if dated else None
            src = self.db.execute("select file from imports where register = ? order by id desc limit 1",
                                  [register]).fetchone()
            title = registry.module(register).REGISTER.title if register in registry.REGISTERS else None
            published = [{"territory": r["territory"], "published": int(r["published"]), "as_of": r["as_of"],
                          "minimum": r["minimum"] == "true", "source": r["source"]}
                         for r in published_sizes() if r["register"] == register]
            out.append({"register": register, "title": title, "records": records, "names": names,
                        "snapshot": snapshot, "source": src[0] if src else None, "snapshot_median": median,
                        "stale": is_stale(median), "published": published})
        return out

    def records(self, register: str) -> list[GI]:
        """Every record of one register, by id."""
        return [GI.model_validate_json(r[0]) for r in self.db.execute(
            "select record from gis where register = ? order by id", [register]).fetchall()]

    def ids_in_register(self, register: str) -> list[str]:
        return [r[0] for r in self.db.execute("select id from gis where register = ?", [register]).fetchall()]

    def common_class(self, gi_id: str) -> str | None:
        row = self.db.execute("select class_common from gis where id = ?", [gi_id]).fetchone()
        return row[0] if row else None

    def memo(self, key: str, compute: Callable):
        """A value computed once per state of the store (dropped by every import)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def ids_with_keys(self, keys: list[str], kinds: tuple[str, ...] = ("fold", "joined")) -> list[str]:
        """Ids of the records with a name whose match key (of those kinds) is one of ``keys``."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        kind_marks = ",".join("?" * len(kinds))
        return [r[0] for r in self.db.execute(
            f"select distinct gi_id from keys where key in ({marks}) and kind in ({kind_marks}) order by gi_id",
            [*keys, *kinds]).fetchall()]

    def holdings(self, territory: str) -> list[dict]:
        """Per register: the records with a protection (in force or pending) in ``territory``, and the
        median snapshot date of those records (counted in SQL, by register and snapshot; kept with the
        index, for the state it was built for, once the index is loaded)."""
        if self._index is not None and territory in self._index.holdings:
            return self._index.holdings[territory]
        counts: dict[str, list[tuple[str | None, int]]] = {}
        for register, snapshot, n in self.db.execute(
                "select register, snapshot, count(*) from gis where id in "
                "(select gi_id from protections where territory = ?) group by register, snapshot order by register, "
                "snapshot", [territory]):
            counts.setdefault(register, []).append((snapshot, n))
        out = []
        for register, groups in counts.items():
            dated = [(snap, n) for snap, n in groups if snap]
            middle, snapshot = sum(n for _, n in dated) // 2, None
            for snap, n in dated:                    # the median: the dated record at the middle, in date order
                if middle < n:
                    snapshot = snap
                    break
                middle -= n
            out.append({"register": register, "records": sum(n for _, n in groups), "snapshot": snapshot})
        return out

    def rejects(self, import_id: int | None = None) -> list[Reject]:
        sql = "select location, field, reason from rejects"
        args: list = []
        if import_id is not None:
            sql += " where import_id = ?"
            args.append(import_id)
        return [Reject(where=w, field=f, reason=r) for w, f, r in self.db.execute(sql, args).fetchall()]

    def coverage(self, territory: str | None = None) -> dict:
        """What the store holds of the registers protecting in ``territory`` (all territories when None),
        against their published sizes: the ``coverage`` object of a check."""
        from .coverage import coverage
        from .legal import TERRITORIES

        if territory not in self._coverage:
            self._coverage[territory] = coverage(self, [territory] if territory else list(TERRITORIES))
        return self._coverage[territory]

    def state(self) -> str:
        """What the store holds, as a short token: its bundled datasets, every import, and the code that
        analyses names. Anything computed from the store (the persisted index) is valid for one state."""
        from . import __version__

        imports = self.db.execute("select id, sha256, imported, updated from imports order by id").fetchall()
        token = json.dumps([SCHEMA_VERSION, __version__, code_stamp(), self._meta("datasets"), imports])
        return hashlib.sha256(token.encode()).hexdigest()[:16]

    def index_path(self) -> Path:
        """The persisted index of this store: a file beside it, written after an import or on first use."""
        return self.path.with_name(self.path.name + ".index")

    def index(self):
        """The name index used by check, scan and screen: loaded from the persisted index file when it is of
        the store's state, else built from the tables and persisted (dropped on import)."""
        if self._index is None:
            from .index import NameIndex

            self._index = NameIndex.load(self.index_path(), self.state())
            if self._index is None:
                self._index = NameIndex.from_store(self)
                self._index.save(self.index_path(), self.state())
            gc.freeze()                  # the index lives as long as the process: the collector need not walk it
        return self._index

    def scan(self, text: str, *, territory: str | None = None, date=None) -> dict:
        """The protected names ``text`` mentions (see :mod:`gimatch.scanning`): the ``scan --json`` object."""
        return self.scanner().scan(text, territory=territory, date=date)

    def scan_many(self, texts, *, territory: str | None = None, date=None) -> list[dict]:
        """:meth:`scan` of each of ``texts``, in order, in one pass over them all (faster for many texts)."""
        return self.scanner().scan_many(texts, territory=territory, date=date)

    def scanner(self):
        """The :class:`gimatch.scanning.Scanner` of this store's state (its automaton built once)."""
        from .scanning import Scanner

        return self.memo("scanner", lambda: Scanner(self.index()))

    def check(self, name: str, **options):
        """Conflicts of a name with the GIs in this store; see :func:`gimatch.check`."""
        from .conflicts import check

        return check(self, name, **options)


@functools.lru_cache(maxsize=1)
def analysis_stamp() -> str:
    """What the stored names' analysis and keys were computed by: the code of gimatch.text and of the store's
    writing, and the bundled datasets (the lexicon, the sound rules). A store written by another is analysed
    again when opened."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(bundled.fingerprint().encode())
    for path in [*sorted((package / "text").rglob("*.py")), package / "store.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """The package's code as it is installed (a digest of every module): an index or lexicon computed by
    other code is not reused, and the same code on another machine (a Spark executor) reuses it."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _remove_stale_builds(path: Path) -> None:
    """Temporary build files of processes that no longer run (a build killed by a signal)."""
    for tmp in path.parent.glob(f".{path.name}.build-*.tmp"):
        try:
            pid = int(tmp.name.split(".build-", 1)[1].split("-", 1)[0])
            os.kill(pid, 0)
        except (ValueError, IndexError):
            continue
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except PermissionError:
            continue


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
