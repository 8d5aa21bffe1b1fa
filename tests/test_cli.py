"""The CLI contract: exit codes, --json on stdout, errors on stderr."""

from __future__ import annotations

import json

from click.testing import CliRunner

from gimatch.cli import cli

from .conftest import EU_EXPORT, needs_shared


def run(*args):
    return CliRunner().invoke(cli, list(args), obj={}, catch_exceptions=False)


@needs_shared
def test_acceptance_parma_ham(tmp_path):
    db = str(tmp_path / "x.db")
    imported = run("import", "eu", str(EU_EXPORT), "--db", db)         # import creates the store
    assert imported.exit_code == 0 and "read 3715" in imported.output
    result = run("check", "Parma ham", "--json", "--db", db)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["conflicts"][0]["gi"] == "eu:PDO-IT-0067"


def test_no_conflict_exits_0(db_path):
    result = run("--db", str(db_path), "check", "Happy Panda jasmine tea", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["conflicts"] == []


def test_a_mistyped_db_path_is_refused_not_created(tmp_path, monkeypatch):
    missing = tmp_path / "typo.db"
    result = run("--db", str(missing), "check", "Feta")
    assert result.exit_code == 2 and "no gimatch store there" in result.stderr and not missing.exists()
    monkeypatch.setenv("GIMATCH_DB", str(tmp_path / "default.db"))       # the default store is built on first use
    built = run("check", "Feta", "--json")
    assert built.exit_code == 1 and (tmp_path / "default.db").is_file()


def test_usage_and_input_errors_exit_2(db_path, tmp_path):
    db = str(db_path)
    empty = run("--db", db, "check", "!!!")
    assert empty.exit_code == 2 and "empty" in empty.stderr
    missing = run("--db", db, "import", "eu", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    unknown = run("--db", db, "import", "mars", "x.json")
    assert unknown.exit_code == 2 and "unknown register" in unknown.stderr


def test_registers_json_and_show(db_path):
    db = str(db_path)
    rows = json.loads(run("--db", db, "registers", "--json").stdout)
    assert all(set(r) >= {"register", "title", "records", "names", "snapshot", "source", "snapshot_median", "stale",
                          "published"} for r in rows)
    shown = json.loads(run("--db", db, "show", "eu:PGI-CN-2668", "--json").stdout)
    assert shown["names"][0]["text"] == "普洱茶" and shown["source"]["url"]
    assert run("--db", db, "show", "eu:NOPE").exit_code == 2


def test_normalize_json():
    data = json.loads(run("normalize", "安吉白茶", "--json").stdout)
    assert {"anji bai cha", "anjibaicha"} & {k["key"] for k in data["keys"]}
    assert data["scripts"] == ["Han"] and data["language_hint"] == "zh"


@needs_shared
def test_import_ava_reports_current_avas(tmp_path):
    db = str(tmp_path / "ava.db")
    result = run("import", "us.ava", str(EU_EXPORT.parent.parent / "us/ttb_ava_attributes.csv"), "--db", db)
    assert result.exit_code == 0 and "269 current AVAs" in result.output
    registers = {r["register"]: r for r in json.loads(run("registers", "--json", "--db", db).stdout)}
    assert registers["us.ava"]["records"] == 269


def test_default_store_covers_five_territories(db_path):
    rows = json.loads(run("registers", "--json", "--db", str(db_path)).stdout)
    with_records = [r["register"] for r in rows if r["records"]]
    assert len(with_records) >= 8 and {r.split(".")[0] for r in with_records} >= {"cn", "eu", "jp", "th", "us"}
    assert {r["register"] for r in rows} >= {"cn.agri_gis", "cn.gi_marks", "us.ava"}    # known, nothing imported


def test_show_chinese_agreement_name(db_path):
    result = run("show", "agreement.china_eu:III/郫县豆瓣", "--db", str(db_path))
    assert result.exit_code == 0
    for expected in ("郫县豆瓣", "Pixian Dou Ban", "eu file number: PGI-CN-2667", "annex III since 2021-03-01",
                     "shared/registers/cn/china_eu_agreement.csv", "https://"):
        assert expected in result.output
    as_json = json.loads(run("show", "agreement.china_eu:III/郫县豆瓣", "--json", "--db", str(db_path)).stdout)
    assert as_json["other_ids"] == {"eu_file_number": "PGI-CN-2667"}


def test_python_m_gimatch_runs_the_command_line():
    """Where the console script is not on the PATH, ``python -m gimatch`` is the same command line."""
    import subprocess
    import sys

    from gimatch import __version__

    done = subprocess.run([sys.executable, "-m", "gimatch", "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and __version__ in done.stdout
    bad = subprocess.run([sys.executable, "-m", "gimatch", "no-such-command"], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
