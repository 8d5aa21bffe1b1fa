"""Batch screening (CLI and library) and cross-register linking."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

import gimatch
from gimatch.cli import cli
from gimatch.errors import InputError

from .conftest import SHARED, needs_shared

ROWS = """id,name,class,filed,territory
1,Parma ham,ham,2019-01-01,EU
2,Happy Panda jasmine tea,tea,,
3,Cambozola,cheese,,
,,,,
4,Pixian Dou Ban,,2020-13-01,EU
3,duplicate id,,,
5,Pixian Dou Ban,,2020-01-01,EU
6,Champagne,,,XX
7,{long},,,
""".format(long="x" * 10_000)


def run(*args):
    return CliRunner().invoke(cli, list(args), obj={}, catch_exceptions=False)


@needs_shared
def test_screen_jsonl_one_line_per_row_and_reproducible(eu_store, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(ROWS, encoding="utf-8")
    outs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}.jsonl"
        result = run("screen", str(src), "--out", str(out), "--db", str(eu_store.path))
        assert result.exit_code == 1
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]                                   # byte for byte
    records = [json.loads(line) for line in outs[0].decode().splitlines()]
    assert [r["id"] for r in records] == ["1", "2", "3", "4", "3", "5", "6", "7"]   # the blank row is passed over
    by_id = {r["id"]: r for r in records if "skipped" not in r}
    assert by_id["1"]["conflicts"][0]["gi"] == "eu:PDO-IT-0067" and by_id["2"]["conflicts"] == []
    assert by_id["3"]["conflicts"][0]["kind"] == "evocation"
    assert by_id["5"]["conflicts"][0]["prior_right"]              # filed 2020, protected in the EU from 2021
    skipped = [r["skipped"] for r in records if "skipped" in r]
    assert len(skipped) == 4 and "not a date" in skipped[0] and "duplicate id" in skipped[1]
    assert "territory 'XX'" in skipped[2] and "10000 characters" in skipped[3]
    assert "skipped line 6 (id 4)" in result.stderr


@needs_shared
def test_screen_csv_audit_table(eu_store, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "name": "Roquefort-type cheese"}\n\n{"id": "b", "name": "Sunshine Valley"}\n',
                   encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run("screen", str(src), "--out", str(out), "--format", "csv", "--db", str(eu_store.path)).exit_code == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["id"] for r in rows} == {"a", "b"}                       # every input row accounted for
    assert [r["result"] for r in rows if r["id"] == "b"] == ["no conflict"]
    assert rows[0]["native_id"] == "PDO-FR-0131" and rows[0]["kind"] == "style/type" and rows[0]["severity"] == "high"


def test_screen_refuses_a_file_without_names(tmp_path, db_path):
    src = tmp_path / "in.csv"
    src.write_text("id,label\n1,Parma ham\n", encoding="utf-8")
    result = run("screen", str(src), "--out", str(tmp_path / "o.jsonl"), "--db", str(db_path))
    assert result.exit_code == 2 and "no 'name' column" in result.stderr and "line 1" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_library_screen_streams_dicts(db_path):
    rows = ({"id": str(i), "name": name} for i, name in enumerate(["安吉白茶", "Happy Panda", "Kobe beef"]))
    records = list(gimatch.screen(rows, db=db_path))
    assert [bool(r["conflicts"]) for r in records] == [True, False, True]


def test_read_rows_names_the_file(tmp_path):
    import pytest

    from gimatch.screening import read_rows

    with pytest.raises(InputError, match="no such file"):
        list(read_rows(str(tmp_path / "missing.csv")))


@needs_shared
def test_link_thai_register_to_the_eu_register(eu_store_copy):
    from gimatch.link import link

    eu_store = eu_store_copy
    eu_store.import_file("th.dip", str(SHARED / "registers/th/dip_thai_gi_confirmed.csv"))
    links, metrics = link(eu_store, "th.dip", "eu")
    assert {(lk.left, lk.right) for lk in links} >= {("th.dip:กาแฟดอยตุง", "eu:PGI-TH-0814")}
    assert metrics["known_pairs"] == 4 and metrics["precision"] == 1.0 and metrics["recall"] == 1.0


@needs_shared
def test_link_avas_to_the_eu_register(eu_store_copy):
    from gimatch.link import link

    eu_store = eu_store_copy
    eu_store.import_file("us.ava", str(SHARED / "registers/us/ttb_ava_attributes.csv"))
    links, _ = link(eu_store, "us.ava", "eu")
    with (SHARED / "registers/us/us_gi_in_eu_confirmed.csv").open(encoding="utf-8") as fh:
        truth = {(r["ttb_ava_id"], "eu:" + r["eu_file_number"]) for r in csv.DictReader(fh)}
    ava_ids = {g.id: g.other_ids["ava_id"] for g in map(eu_store.get, {lk.left for lk in links})}
    found = {(ava_ids[lk.left], lk.right) for lk in links}
    assert found == truth                                        # precision and recall 1.0 on the known pairs


def test_screen_with_two_workers_writes_the_same_bytes(db_path, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Parma ham\n2,Sunshine Valley\n1,Feta\n3,\n4,帕尔玛火腿\n5,Champagen\n", encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert run("screen", str(src), "--out", str(out), "--workers", workers, "--db", str(db_path)).exit_code == 1
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0].splitlines()) == 6
