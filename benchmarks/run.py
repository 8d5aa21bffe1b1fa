"""gimatch benchmarks (run by hand or `make bench`); prints figures, asserts nothing.

0. computing every name's keys and anatomy for the 3,715-record EU export (the work an import does per
   name; target under 3 s);
1. importing the 2020 EU export (3,715 rows) into a fresh store;
2. `check` median and p95 per query, in one process, over the queries of shared/eval/dev_checks.json,
   beside a brute-force rapidfuzz.process.extract (WRatio, default_process) over all stored names,
   measured in the same run;
3. wall time of one `gimatch check` CLI call (process start included).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

import gimatch

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXPORT = SHARED / "registers/eu/eambrosia_export_2020-08_defra-prototype.json"
CASES = SHARED / "eval/dev_checks.json"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def main() -> None:
    if not EXPORT.is_file():
        sys.exit(f"benchmarks need {SHARED} beside the checkout")
    from gimatch.registers.eu import eambrosia
    from gimatch.text.anatomy import anatomy
    from gimatch.text.keys import name_keys

    records = eambrosia.load(str(EXPORT)).records
    anatomy("warm up"), name_keys("warm up")        # load the dictionaries (pinyin, unidic, pythainlp) first
    t0 = time.perf_counter()
    n_names = n_keys = 0
    for gi in records:
        japanese = "JP" in gi.countries or None
        for name in gi.names:
            anatomy(name.text, japanese=japanese)
            n_keys += len(name_keys(name.text, japanese=japanese))
            n_names += 1
    t_keys = time.perf_counter() - t0
    print(f"0. keys and anatomy for {len(records)} EU records ({n_names} names, {n_keys} keys): {t_keys:.2f} s "
          f"({t_keys / 3:.0%} of the 3 s budget; {n_names / t_keys:,.0f} names/s)")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = gimatch.open(db)  # bundled data first, as a user's default store
        t0 = time.perf_counter()
        summary = store.import_file("eu", str(EXPORT))
        t_import = time.perf_counter() - t0
        print(f"1. import of the EU export: {t_import:.2f} s ({summary.line()})")

        cases = json.loads(CASES.read_text(encoding="utf-8"))
        queries = [c["q"] for c in cases["positives"]] + cases["negatives"] + cases["generic"]
        t0 = time.perf_counter()
        store.index()
        t_index = time.perf_counter() - t0
        names = [row[0] for row in store.db.execute("select text from names")]
        gimatch_ms, brute_ms = [], []
        for _ in range(5):
            for q in queries:
                t0 = time.perf_counter()
                store.check(q)
                gimatch_ms.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                process.extract(q, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=20)
                brute_ms.append((time.perf_counter() - t0) * 1000)
        print(f"2. check over {len(queries)} queries x 5 ({len(names)} stored names; index built once in "
              f"{t_index * 1000:.0f} ms):")
        print(f"   gimatch      median {statistics.median(gimatch_ms):6.2f} ms   p95 {pct(gimatch_ms, .95):6.2f} ms")
        print(f"   brute force  median {statistics.median(brute_ms):6.2f} ms   p95 {pct(brute_ms, .95):6.2f} ms"
              f"   (rapidfuzz.process.extract, WRatio)")
        print(f"   ratio brute/gimatch: median {statistics.median(brute_ms) / statistics.median(gimatch_ms):.1f}x, "
              f"p95 {pct(brute_ms, .95) / pct(gimatch_ms, .95):.1f}x")

        exe = Path(sys.executable).with_name("gimatch")
        walls = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([str(exe), "--db", str(db), "check", "Parma ham", "--json"], capture_output=True)
            walls.append(time.perf_counter() - t0)
        print(f"3. one CLI call `gimatch check \"Parma ham\" --json`: median {statistics.median(walls):.2f} s, "
              f"max {max(walls):.2f} s over 5 calls")


if __name__ == "__main__":
    main()
