"""The store: bundled data on creation, atomic and idempotent imports, rejects kept."""

from __future__ import annotations

import json

import pytest

import gimatch
from gimatch.errors import InputError, StoreError

from gimatch import bundled

from .conftest import EU_EXPORT, needs_shared

BUNDLED_FILES = sum(1 for e in bundled.manifest()["files"] if e["kind"] == "gis")


def rows_in(store, table):
    return store.db.execute(f"select count(*) from {table}").fetchone()[0]


def table_counts(store):
    return {t: rows_in(store, t) for t in ("gis", "names", "keys", "protections", "procedures")}


def test_new_store_holds_the_bundled_datasets(store):
    registers = {r["register"]: r for r in store.registers()}
    counts = {name: r["records"] for name, r in registers.items() if r["records"]}
    assert counts["eu.eambrosia"] >= 3500 and counts["us.ava"] == 269
    assert {name.split(".")[0] for name in counts} >= {"cn", "eu", "jp", "th", "us"}
    # one record per confirmed row of the compiled lists (rows without a number keep a name as native id)
    assert [registers[r]["records"] for r in ("jp.maff", "jp.maff_designated", "jp.nta")] == [89, 10, 26]
    longjing = store.get("eu:PDO-CN-0621")
    assert longjing.names[0].text == "龙井茶" and longjing.source.url


@needs_shared
def test_import_is_idempotent(store):
    first = store.import_file("eu", str(EU_EXPORT))
    assert (first.read, first.rejected) == (3715, 1)
    assert first.imported + first.updated + first.unchanged == 3546 and first.imported == 0   # all bundled already
    assert first.kept_newer > 1000            # the bundled records merged with newer API v1 records stay as they are
    before = table_counts(store)
    again = store.import_file("eu", str(EU_EXPORT))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 3546)
    assert table_counts(store) == before
    assert rows_in(store, "imports") == BUNDLED_FILES + 2 and rows_in(store, "rejects") == 2


def test_newer_snapshot_updates_and_records_changes(store, tmp_path):
    def write(name, stamp):
        rows = [{"giIdentifier": "EUGI1", "fileNumber": "PDO-IT-9990", "protectedNames": [name], "countries": ["IT"],
                 "giType": "PDO", "productType": "FOOD", "productCategories": [143], "status": "registered",
                 "euProtectionDate": "1996-06-21", "modificationDate": f"{stamp}T00:00:00.000Z", "removedFlag": False}]
        path = tmp_path / f"{stamp}.json"
        path.write_text(json.dumps(rows), encoding="utf-8")
        return str(path)

    assert store.import_file("eu", write("Prosciutto di Parma", "2022-01-01")).imported == 1
    summary = store.import_file("eu", write("Prosciutto di Parma / Parma", "2022-02-01"))
    assert (summary.imported, summary.updated) == (0, 1)
    assert [n.text for n in store.get("eu:PDO-IT-9990").names] == ["Prosciutto di Parma / Parma"]
    older = store.import_file("eu", write("Prosciutto", "2021-01-01"))
    assert (older.updated, older.kept_newer) == (0, 1)
    assert store.db.execute("select change from changes where gi_id='eu:PDO-IT-9990' order by rowid").fetchall() == [
        ("new",), ("updated",)]


def test_failing_import_leaves_store_unchanged(store, tmp_path, monkeypatch):
    before = table_counts(store)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"fileNumber": "PDO-IT-0067", "protectedNames": ["Parma"', encoding="utf-8")
    with pytest.raises(InputError):
        store.import_file("eu", str(bad))
    assert table_counts(store) == before

    good = tmp_path / "good.json"
    good.write_text(json.dumps([{"fileNumber": "PDO-IT-9990", "protectedNames": ["Prosciutto di Parma"],
                                 "countries": ["IT"], "giType": "PDO", "productType": "FOOD", "status": "registered"}]),
                    encoding="utf-8")
    from gimatch import store as store_module

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(store_module.Store, "_write_gi", staticmethod(boom))
    with pytest.raises(RuntimeError):
        store.import_file("eu", str(good))
    assert table_counts(store) == before and rows_in(store, "imports") == BUNDLED_FILES


def test_strict_fails_on_a_rejected_record(store, tmp_path):
    path = tmp_path / "one_bad.json"
    path.write_text(json.dumps([{"fileNumber": "PDO-IT-0067", "protectedNames": ["Prosciutto di Parma"],
                                 "countries": ["IT"], "status": "registered"},
                                {"fileNumber": "NOT-A-NUMBER", "protectedNames": ["x"], "status": "registered"}]),
                    encoding="utf-8")
    with pytest.raises(InputError, match="record 2"):
        store.import_file("eu", str(path), strict=True)
    summary = store.import_file("eu", str(path))
    assert summary.rejected == 1 and store.rejects()[-1].field == "fileNumber"


def test_not_a_store_is_refused(tmp_path):
    path = tmp_path / "other.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        gimatch.open(path)


def test_unknown_register_is_a_usage_error(store):
    with pytest.raises(gimatch.UsageError, match="unknown register"):
        store.import_file("xx.nowhere", "x.json")


@needs_shared
def test_names_written_by_another_analysis_are_analysed_again_when_the_store_opens(store):
    """A user's import keeps matching as a new import would after an upgrade: the names and keys of every
    record are written again, once, when the analysis that wrote them is not this gimatch's."""
    store.import_file("eu", str(EU_EXPORT))
    before = table_counts(store)
    keys = store.db.execute("select key, kind, gi_id, name_idx from keys order by 1, 2, 3, 4").fetchall()
    store.db.execute("update meta set value = 'an older gimatch' where key = 'analysis'")
    store.db.execute("update names set concepts = '[]'")
    store.db.execute("delete from keys where kind like 'phon%'")
    store.db.commit()
    from gimatch.store import Store

    notices = []
    again = Store(store.path, notice=notices.append)
    assert table_counts(again) == before and len(notices) == 1 and "again" in notices[0]
    assert again.db.execute("select key, kind, gi_id, name_idx from keys order by 1, 2, 3, 4").fetchall() == keys
    assert again.db.execute("select count(*) from names where concepts != '[]'").fetchone()[0] > 2000
    Store(store.path, notice=notices.append)
    assert len(notices) == 1                                                    # once
