"""Screening beyond one machine: a Spark DataFrame of names screened on the executors (the optional ``spark``
extra: ``pip install 'gimatch[spark]'``).

The store and its persisted index are shipped to the executors once (``SparkContext.addFile``); each Python
worker opens them on first use and keeps them. Rows keep their position in the input, repeated ids are
found over the whole input (the first one is screened, as ``gimatch screen`` does), and each row gives the
JSON line ``gimatch screen`` writes for it, so :func:`screen_lines` in position order is that file, byte for
byte.

On a cluster::

    from pyspark.sql import SparkSession
    from gimatch.spark import screen_dataframe

    spark = SparkSession.builder.getOrCreate()
    names = spark.read.csv("hdfs:///marks.csv", header=True)          # id, name[, class, filed, territory]
    result = screen_dataframe(names, store="/data/gimatch.db", territory="EU")
    result.write.parquet("hdfs:///marks_screened")                    # position, id, line, hits

The store path must be readable on the driver; gimatch (with the same version) must be installed on every
executor (``--py-files`` of a wheel, or the cluster's image).
"""

from __future__ import annotations

import json
import os

from .screening import COLUMNS

_EXECUTOR: dict = {}
OUTPUT_SCHEMA = "position long, id string, line string, hits int"


def screen_dataframe(df, *, store: str, threshold: float | None = None, territory: str | None = None,
                     date: str | None = None, limit: int | None = 20):
    """Screen a DataFrame with columns ``id`` and ``name`` (and optionally ``class``, ``filed``, ``territory``)
    against the store at ``store``. Returns a DataFrame of (position, id, line, hits): the row's place in the
    input, its id, the JSON line ``gimatch screen`` writes for it, and whether it has conflicts."""
    from pyspark import SparkFiles  # noqa: F401  (checked here: the extra is installed)
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from .store import Store

    opened = Store(store, create=False)
    opened.index()                                   # persisted beside the store, shipped with it
    spark = df.sparkSession
    spark.sparkContext.addFile(str(opened.path))
    spark.sparkContext.addFile(str(opened.index_path()))
    store_name = opened.path.name
    options = {"threshold": threshold, "territory": territory, "date": date, "limit": limit}

    columns = [c for c in COLUMNS if c in df.columns]
    positioned = df.select(*columns).withColumn("position", F.monotonically_increasing_id())
    given = F.trim(F.col("id").cast("string"))
    key = F.when(given.isNull() | (given == ""), F.concat(F.lit("\u0000"), F.col("position").cast("string"))) \
        .otherwise(given)                            # rows without an id are never repeats of each other
    first = Window.partitionBy(key).orderBy("position")
    marked = positioned.withColumn("_repeat", F.row_number().over(first) > 1)

    def run(batches):
        import pandas as pd

        screen = _executor_screen(store_name, options)
        for batch in batches:
            out = [screen(row) for row in batch.to_dict("records")]
            yield pd.DataFrame(out, columns=["position", "id", "line", "hits"])

    return marked.mapInPandas(run, schema=OUTPUT_SCHEMA)


def screen_lines(result) -> list[str]:
    """The JSON lines of a :func:`screen_dataframe` result in input order: the file ``gimatch screen`` writes."""
    return [row["line"] for row in result.orderBy("position").select("line").collect()]


def _executor_screen(store_name: str, options: dict):
    """This Python worker's screening function: the shipped store opened once, then one record per row."""
    from pyspark import SparkFiles

    from .screening import Row, _screen_one, prepare_row
    from .store import Store

    if "store" not in _EXECUTOR:
        os.environ.setdefault("GIMATCH_BUSY_TIMEOUT", "30")   # executors of one machine read one shipped file
        path = SparkFiles.get(store_name)
        _EXECUTOR["store"] = Store(path, create=False)
        _EXECUTOR["store"].index().materialize()
    store = _EXECUTOR["store"]
    from . import DEFAULT_THRESHOLD
    from .dates import as_date

    settings = {"threshold": DEFAULT_THRESHOLD if options["threshold"] is None else options["threshold"],
                "territory": options["territory"], "date": as_date(options["date"], "date"), "limit": options["limit"]}

    def screen(row: dict) -> dict:
        where = f"row {row['position'] + 1}"
        values = {k: row.get(k) for k in COLUMNS if row.get(k) is not None}
        item = prepare_row(Row(where, values), lambda _id: not row.get("_repeat")) or \
            (where, where, "", {}, "no name")
        _, record = _screen_one(store, settings, item)
        return {"position": int(row["position"]), "id": item[1], "line": json.dumps(record, ensure_ascii=False),
                "hits": int(bool(record["conflicts"]))}

    return screen
