"""gimatch.spark in Spark local mode (``make test-spark``): the same lines as ``gimatch screen``, byte for byte."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

import gimatch
from gimatch.cli import cli

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    import os
    import sys

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable           # the executors' Python: this environment's
    session = (SparkSession.builder.master("local[2]").appName("gimatch-test")
               .config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("spark") / "store.db"
    gimatch.open(path).index()
    return path


ROWS = ("id,name,territory\n1,Parma ham,\n2,Sunshine Valley apple juice,\n3,帕尔玛火腿,CN\n1,Champagne,\n"
        "4,,\n5,Roquefort-type cheese,EU\n6,シャブリ,\n7,Tieh Kuan Yin,\n8,Champagen,XX\n")


def test_spark_lines_are_the_lines_of_gimatch_screen(spark, store_path, tmp_path):
    from gimatch.spark import screen_dataframe, screen_lines

    src = tmp_path / "rows.csv"
    src.write_text(ROWS, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["--db", str(store_path), "screen", str(src), "--out", str(out)], obj={})
    assert result.exit_code == 1, result.output
    df = spark.read.csv(str(src), header=True)               # positions follow the file; the window spreads rows
    lines = screen_lines(screen_dataframe(df, store=str(store_path)))
    assert "\n".join(lines) + "\n" == out.read_text(encoding="utf-8")


def test_spark_ships_the_index_once_per_worker(spark, store_path, tmp_path):
    from gimatch.spark import screen_dataframe

    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    shutil.copy(str(store_path) + ".index", str(copy) + ".index")
    rows = spark.createDataFrame([(str(i), name) for i, name in enumerate(["Feta", "Rioja", "water"] * 50)],
                                 ["id", "name"])
    result = screen_dataframe(rows, store=str(copy)).collect()
    assert len(result) == 150 and sum(r["hits"] for r in result) == 100
