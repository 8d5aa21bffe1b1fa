"""Hostile and broken input: each case gets a clear error (exit 2, the file, line and field named) or a
correct read, never a traceback, a wrong exit code or silently wrong data."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import gimatch
from gimatch.cli import cli
from gimatch.errors import InputError, UsageError
from gimatch.output import open_output, printable, safe_cell
from gimatch.registers.us import ava, uspto

from .conftest import ROOT


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), obj={}, env=env)


# 1. an interrupted first build of the default store is never used as complete

def test_a_killed_first_build_leaves_no_store(tmp_path):
    target = tmp_path / "default.db"
    code = "import gimatch; gimatch.open()"
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "GIMATCH_DB": str(target)}, cwd=ROOT)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not target.exists()                         # only a temporary build file, never the store's name
    store = gimatch.open(target)                        # the next use builds it whole
    assert store.check("龙井茶").conflicts


def test_an_incomplete_store_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("delete from meta where key = 'complete'")
    conn.commit()
    conn.close()
    result = run("--db", str(db_path), "check", "龙井茶")
    assert result.exit_code == 2 and "interrupted" in result.output


# 2. CSV cells a spreadsheet would run are neutralised

def test_csv_formula_cells_are_neutralised(db_path, tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text('id,name\n=cmd|"/c calc"!A1,Parma ham\n2,@SUM(1+1)\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run("--db", str(db_path), "screen", str(rows), "--out", str(out), "--format", "csv").exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "'=cmd" in text and "'@SUM" in text and "\n=" not in text and ",=" not in text
    assert [safe_cell(v) for v in ("=1", "+1", "-1", "@a", "\tx", "\rx", "ok")] == \
        ["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "ok"]


# 3. --out: atomic over a regular file, in place into a FIFO, the usual mode

def test_out_is_atomic_and_keeps_fifos_and_modes(tmp_path):
    regular = tmp_path / "r.txt"
    with open_output(str(regular)) as fh:
        fh.write("one")
    assert regular.read_text() == "one" and stat.S_IMODE(regular.stat().st_mode) == 0o666 & ~_umask()
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    with open_output(str(fifo)) as fh:
        fh.write("through")
    assert reader.communicate(timeout=10)[0] == b"through" and stat.S_ISFIFO(fifo.stat().st_mode)
    link = tmp_path / "link"
    link.symlink_to(regular)
    with open_output(str(link)) as fh:
        fh.write("two")
    assert link.is_symlink() and regular.read_text() == "two"
    with pytest.raises(InputError, match="does not exist"):
        with open_output(str(tmp_path / "missing" / "x.txt")):
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# 4. HTML: linear, bounded

def test_html_with_many_tables_is_read_in_linear_time(tmp_path):
    from gimatch.registers.tables import _html_tables

    page = "<html><body>" + "".join(f"<p>t{i}</p><table><tr><td>a</td></tr></table>" for i in range(3000)) + "</body></html>"
    start = time.process_time()
    tables = _html_tables(page, "many.html")
    assert len(tables) == 3000 and tables[-1][1].endswith("t2999")
    assert time.process_time() - start < 20          # quadratic took minutes; a generous bound for shared machines


def test_html_spans_beyond_the_bounds_are_refused():
    from gimatch.registers.tables import _html_tables

    page = "<table>" + ("<tr>" + '<td colspan="999" rowspan="999">x</td>' * 400 + "</tr>") * 30 + "</table>"
    with pytest.raises(InputError, match="more than 500,000 cells"):
        _html_tables(page, "span.html")


# 5. one error boundary: exit 2 for every input or system error, 3 for a defect

def test_deeply_nested_json_is_an_input_error(db_path, tmp_path):
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    for args in (("import", "eu", str(nested)), ("import", "us.ava", str(nested)), ("eval", str(nested))):
        result = run("--db", str(db_path), *args)
        assert result.exit_code == 2 and "nested" in result.output, args
    lines = tmp_path / "rows.jsonl"
    lines.write_text('{"id": 1, "name": "Feta"}\n{"id": 2, "name": ' + "[" * 50_000 + "]" * 50_000 + "}\n")
    result = run("--db", str(db_path), "screen", str(lines), "--out", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1 and "unreadable JSON" in result.output


def test_values_of_the_wrong_type_are_rejected_by_record(tmp_path):
    geo = tmp_path / "ava.geojson"
    geo.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"cfr_index": "9.1", "name": 123, "is_current": True}, "geometry": None}]}))
    result = ava.load(str(geo))
    assert not result.records and result.rejects


def test_ava_rows_with_huge_names_surrogates_or_extra_cells(tmp_path):
    header = "ava_id,name,cfr_index,created,valid_start,valid_end,is_current,petitioner\n"
    rows = [f"a,{'x' * 100_000},9.1,2000-01-01,,,true,p\n", "b,Bad\udcffname,9.2,2000-01-01,,,true,p\n",
            "c,Good Valley,9.3,2000-01-01,,,true,p,extra,cells\n", "d,Fine Hills,9.4,2000-01-01,,,true,p\n"]
    path = tmp_path / "ava.csv"
    path.write_bytes((header + "".join(rows)).encode("utf-8", "surrogatepass"))
    with pytest.raises(InputError):                      # a lone surrogate is not UTF-8: the file is refused by line
        ava.load(str(path))
    path.write_text(header + rows[0] + rows[2] + rows[3], encoding="utf-8")
    result = ava.load(str(path))
    assert [g.native_id for g in result.records] == ["9.4"]
    reasons = {r.where: r.reason for r in result.rejects}
    assert any("at most 500 characters" in r for r in reasons.values())
    assert any("cells under a header" in r for r in reasons.values())


def test_csv_header_of_a_megabyte_and_cr_line_endings(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("mark_text," + "x" * 2_000_000 + "\nFoo,bar\n")
    with pytest.raises(InputError, match="line"):
        uspto.load(str(big))
    old_mac = tmp_path / "cr.csv"
    old_mac.write_text("mark_text,goods\rIDAHO,potatoes\rDARJEELING,tea\r", encoding="utf-8", newline="")
    assert [g.native_id for g in uspto.load(str(old_mac)).records] == ["IDAHO", "DARJEELING"]


def test_store_errors_exit_2(db_path, tmp_path):
    assert "not a regular file" in run("--db", "/dev/null", "check", "Feta").output
    garbage = tmp_path / "bad.db"
    garbage.write_bytes(b"garbage" * 100)
    assert run("--db", str(garbage), "check", "Feta").exit_code == 2
    conn = sqlite3.connect(db_path)
    conn.execute("begin exclusive")
    try:
        env = {"GIMATCH_BUSY_TIMEOUT": "0.2"}
        result = run("--db", str(db_path), "check", "Feta", env=env)
        assert result.exit_code == 2 and "locked" in result.output
    finally:
        conn.rollback()
        conn.close()


def test_a_defect_is_exit_3_with_the_traceback_only_under_debug(db_path, monkeypatch):
    from gimatch import conflicts

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(conflicts, "check", broken)
    quiet = run("--db", str(db_path), "check", "Feta")
    assert quiet.exit_code == 3 and "internal error" in quiet.output and "Traceback" not in quiet.output
    loud = run("--debug", "--db", str(db_path), "check", "Feta")
    assert loud.exit_code == 1 and isinstance(loud.exception, KeyError)      # raised for the traceback


def test_out_in_a_missing_folder(db_path, tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("id,name\n1,Feta\n")
    result = run("--db", str(db_path), "screen", str(rows), "--out", str(tmp_path / "nope" / "o.jsonl"))
    assert result.exit_code == 2 and "does not exist" in result.output


# 6. no silently wrong data

def test_a_csv_cut_off_mid_row_does_not_store_the_partial_row(tmp_path):
    path = tmp_path / "marks.csv"
    path.write_text("mark_text,goods,owner\nDARJEELING,tea,Tea Board of India\nIDAHO,potatoes,Idaho Potato Commissio",
                    encoding="utf-8")
    result = uspto.load(str(path))
    assert [g.native_id for g in result.records] == ["DARJEELING"]
    assert "cut off" in result.rejects[0].reason and result.rejects[0].where == "line 3"


def test_mojibake_is_refused_and_good_text_is_not(tmp_path):
    from gimatch.text import mojibake

    assert mojibake.find("FelsÅ‘-MagyarorszÃ¡g") == "Å‘" and mojibake.find("Itâ€™s") == "â€™"
    assert mojibake.find("CAFÉ®") is None and mojibake.find("Pâté\u00a0de campagne") is None
    header = "ava_id,name,cfr_index,created,valid_start,valid_end,is_current,petitioner\n"
    path = tmp_path / "ava.csv"
    path.write_text(header + "a,FelsÅ‘ Valley,9.1,2000-01-01,,,true,p\nb,CAFÉ® Hills,9.2,2000-01-01,,,true,p\n",
                    encoding="utf-8")
    result = ava.load(str(path))
    assert [g.names[0].text for g in result.records] == ["CAFÉ® Hills"]
    assert "mojibake" in result.rejects[0].reason and result.rejects[0].field.endswith("text")


@pytest.mark.parametrize("hidden", ["\x00", "\x1b[31m", "\u202e", "\x07"])
def test_control_and_bidi_characters_are_not_stored(tmp_path, hidden):
    header = "ava_id,name,cfr_index,created,valid_start,valid_end,is_current,petitioner\n"
    path = tmp_path / "ava.csv"
    path.write_text(header + f"a,Evil{hidden}Valley,9.1,2000-01-01,,,true,p\n", encoding="utf-8")
    result = ava.load(str(path))
    assert not result.records and "hidden character" in result.rejects[0].reason


# 7. terminal escapes are shown, not obeyed

def test_terminal_escapes_are_shown_as_text(db_path):
    assert printable("a\x1b[2Jb\u202ec\nd") == "a\\x1b[2Jb\\u202ec\nd"
    result = run("--db", str(db_path), "check", "Feta\x1b[2J\x07")
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output


# 8. a mistyped --db is refused; only import creates a store

def test_only_import_creates_a_store(tmp_path):
    missing = tmp_path / "typo.db"
    assert run("--db", str(missing), "check", "Feta").exit_code == 2 and not missing.exists()
    fixture = ROOT / "tests/data/registers/us_uspto_case_files.xml"
    assert run("--db", str(missing), "import", "us.uspto", str(fixture)).exit_code == 0 and missing.exists()


# 9. smaller

def test_eval_on_a_file_that_is_not_a_case_file(db_path, tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}')
    result = run("--db", str(db_path), "eval", str(other))
    assert result.exit_code == 2 and "not a case file" in result.output


def test_screen_jsonl_refuses_names_that_are_not_text(db_path, tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": 1, "name": ["Feta"]}\n{"id": 2, "name": {"a": 1}}\n{"id": 3, "name": 7}\n')
    out = tmp_path / "o.jsonl"
    run("--db", str(db_path), "screen", str(rows), "--out", str(out))
    assert [json.loads(line)["skipped"].startswith("the name is not text") for line in out.read_text().splitlines()] \
        == [True, True, True]


def test_model_errors_name_the_field_and_the_reason():
    from gimatch.model import Name
    from gimatch.registers import model_error

    with pytest.raises(ValueError) as caught:
        Name(text="x" * 600, script="Latin")
    assert model_error(caught.value) == ("text", "String should have at most 500 characters")


# The library and the CLI

def test_dates_as_strings_and_an_open_store(db_path):
    store = gimatch.open(db_path)
    assert store.check("Feta", filed="2015-01-01", territory="CN").conflicts[0].prior_right
    assert store.check("Feta", date="2020-01-01", territory="CN").pending
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        store.check("Feta", date="last year")
    assert next(gimatch.screen([{"id": 1, "name": "Feta"}], store=store))["conflicts"]


@pytest.mark.parametrize("given, classes", [("33", {"wine", "spirits"}), ("第33类", {"wine"}), ("Nice 29", {"dairy"}),
                                            ("25", {"other_goods"}), ("clothing", {"other_goods"}),
                                            ("葡萄酒", {"wine"}), ("cheese", {"cheese"}),
                                            ("Class 1.3. Cheeses", {"cheese"})])
def test_class_accepts_what_users_type(given, classes):
    from gimatch.classes import goods_classes

    assert classes <= goods_classes(given)


def test_unrelated_goods_lower_severity_and_unknown_goods_list_the_forms(db_path):
    shirt = json.loads(run("--db", str(db_path), "check", "Champagne", "--class", "25", "--json").output)
    assert shirt["conflicts"][0]["class_relation"] == "unrelated" and shirt["conflicts"][0]["severity"] == "medium"
    bad = run("--db", str(db_path), "check", "Champagne", "--class", "spaceships")
    assert bad.exit_code == 2 and "Nice class" in bad.output
