"""Large register files are read one record at a time: JSON and CSV parsed incrementally, the file read twice
(a first pass for counts, rejects, procedures and the snapshot), and the import still atomic."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from gimatch.errors import InputError
from gimatch.registers import MAX_JSON_DEPTH, Records, json_records, open_checked
from gimatch.registers.eu import eambrosia
from gimatch.registers.tables import CUT_OFF, csv_dicts, csv_stream

from .conftest import EU_EXPORT, needs_shared


def _items(tmp_path, data: bytes):
    path = tmp_path / "f.json"
    path.write_bytes(data)
    with open_checked(path) as stream:
        return list(json_records(stream, str(path)))


def test_json_records_bare_or_under_results(tmp_path):
    doc = [{"a": 1, "b": [1, 2.5, {"c": None}]}, {"d": "é"}, 3]
    assert _items(tmp_path, json.dumps(doc).encode()) == doc
    wrapped = {"count": 2, "facets": [{"x": 1}], "results": doc, "next": [{"y": 2}]}
    assert _items(tmp_path, b"\xef\xbb\xbf" + json.dumps(wrapped).encode()) == doc
    assert _items(tmp_path, b'{"count": 0}') == []


@pytest.mark.parametrize("data, message, where", [
    (b'[{"a": 1}, {"b": ', "malformed or truncated JSON", "record 2"),
    (b'[{"a": 1}, {"b": 2}] x', "malformed or truncated JSON", "after record 2"),
    (b"[" * (MAX_JSON_DEPTH + 5) + b"]" * (MAX_JSON_DEPTH + 5), "nested too deeply", "record 1"),
    (b'[{"a": "\xe9"}]', "not UTF-8", "line 1"),
    (b"  \n ", "empty", None),
])
def test_json_records_errors_name_the_record(tmp_path, data, message, where):
    with pytest.raises(InputError) as err:
        _items(tmp_path, data)
    assert message in err.value.reason and err.value.where == where


def test_utf8_is_checked_across_chunks(tmp_path):
    from gimatch.registers import CHUNK, CheckedFile

    path = tmp_path / "f.csv"
    path.write_bytes(b"a" * (CHUNK - 1) + "é".encode() + b"\n")           # a character split by the chunk edge
    assert CheckedFile(path).finish() == __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    for data, offset, line in ((b"x\ny\xc3", 3, 2), (b"a" * CHUNK + b"\n\xc3\xa9\xff", CHUNK + 3, 2)):
        path.write_bytes(data)
        with pytest.raises(InputError) as err:
            CheckedFile(path).finish()
        assert f"at offset {offset})" in err.value.reason and err.value.where == f"line {line}"


def test_csv_stream_is_csv_dicts_row_by_row():
    text = 'a,b\n1,"x\ny"\n\n2,3,4\n5,6'
    header, rows = csv_stream(iter(text.splitlines(keepends=True)), "t.csv")
    streamed = list(rows)
    whole = csv_dicts(text, "t.csv")[1]
    assert header == ["a", "b"] and [(w, str(r)) for w, r in streamed] == [(w, str(r)) for w, r in whole]
    assert streamed[0] == ("line 2", {"a": "1", "b": "x\ny"})
    assert [w for w, _ in streamed] == ["line 2", "line 5", "line 6"]
    assert "cells under a header" in streamed[1][1].reason and streamed[2][1].reason == CUT_OFF


@needs_shared
def test_the_export_streams_the_same_records_as_a_whole_read():
    result = eambrosia.load(str(EU_EXPORT))
    assert isinstance(result.records, Records) and len(result.records) == 3546
    first, second = list(result.records), list(result.records)       # each iteration reads the file again
    assert [g.model_dump() for g in first] == [g.model_dump() for g in second]
    assert result.sha256 == first[0].source.sha256 and result.snapshot.isoformat() == "2020-07-24"


def _export(tmp_path, n: int, name: str = "big.json"):
    rows = [{"EA_FileNumber": f"PGI-ZZ-{i:06d}", "EA_Name": f"Made Up Name {i}", "EA_Status": "Registered",
             "EA_Type": "Protected Geographical Indication (PGI)", "EA_Country": "Italia",
             "EA_ProductType": "Food", "EA_ProductCategory": "Class 1.3. Cheeses",
             "EA_DateRegistration": "01/02/2003"} for i in range(n)]
    rows.append({"EA_FileNumber": "PGI-ZZ-000001-AM01", "EA_Name": "Made Up Name 1", "EA_Status": "Applied"})
    path = tmp_path / name
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def test_reading_holds_one_record_at_a_time(tmp_path):
    """Reading 4,000 records takes far less memory than holding them as the reader makes them."""
    path = _export(tmp_path, 4_000)
    tracemalloc.start()
    result = eambrosia.load(str(path))
    count = sum(1 for _ in result.records)
    streamed = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    tracemalloc.start()
    held = list(eambrosia.load(str(path)).records)
    whole = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == len(held) == 4_000 and held[1].procedures[0].native_id == "PGI-ZZ-000001-AM01"
    assert streamed < whole / 4, (streamed, whole)


def test_a_file_changed_between_passes_stores_nothing(store, tmp_path, monkeypatch):
    path = _export(tmp_path, 50)
    before = store.db.execute("select count(*) from gis").fetchone()[0]
    result = eambrosia.load(str(path))
    path.write_text(path.read_text(encoding="utf-8").replace("Made Up Name 7", "Made Up Name 8"), encoding="utf-8")
    with pytest.raises(InputError, match="changed between the two readings"):
        store.write("eu.eambrosia", result)
    assert store.db.execute("select count(*) from gis").fetchone()[0] == before


def test_import_without_index_then_the_first_query_builds_it(store, tmp_path):
    path = _export(tmp_path, 30)
    summary = store.import_file("eu", str(path), index=False)
    assert (summary.read, summary.imported, summary.rejected) == (31, 30, 0)
    assert store.check("Made Up Name 12").conflicts[0].gi == "eu:PGI-ZZ-000012"


def test_records_before_the_first_object_are_rejected_one_by_one(tmp_path):
    row = {"EA_FileNumber": "PDO-IT-0067", "EA_Name": "Prosciutto di Parma", "EA_Status": "Registered"}
    path = tmp_path / "f.json"
    path.write_text(json.dumps([None, 3, row]), encoding="utf-8")
    result = eambrosia.load(str(path))
    assert [r.where for r in result.rejects] == ["record 1", "record 2"] and len(result.records) == 1


def test_a_repeated_row_gets_its_own_copy_of_the_answer(store):
    from gimatch.screening import screen

    rows = [{"id": "1", "name": "Champagne"}, {"id": "2", "name": "Champagne"}]
    records = screen(rows, store=store)
    first = next(records)
    first["conflicts"].clear()
    assert next(records)["conflicts"]
