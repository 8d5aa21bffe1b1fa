"""Screening at register scale (run by hand or by `make bench`); prints a table, asserts nothing.

Two stores: the bundled one (the EU register and the other bundled registers, "EU") and the same with nine
times as many made-up GIs added ("10x": distinct invented names of one to four syllable-words, in the
classes and countries of the real ones). Workloads of 10k, 100k and 1M rows mix perturbed register names
(a typo, case and accents, one more word) and made-up brands, half and half.

For each store and size: `gimatch screen` as a user runs it (a subprocess) with 1 and 2 workers, its CPU time
per row (user + system of every process), rows per second of wall time, and peak memory of the main process
(with 2 workers, each worker holds about as much again);
beside it, the brute-force baseline measured in the same run: rapidfuzz `process.cdist` (WRatio, cutoff 85)
of the same rows against every stored name with the same number of cores. Then the time a process takes to
load the persisted index, and one `gimatch check` CLI call (CPU and wall) on each store.

    GIMATCH_SCALE_SIZES=10000,100000 python benchmarks/scale.py      # sizes (default 10k, 100k, 1M)
    GIMATCH_SCALE_BASELINE_MAX=100000                                 # largest size the baseline runs on
"""

from __future__ import annotations

import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(x) for x in os.environ.get("GIMATCH_SCALE_SIZES", "10000,100000,1000000").split(",")]
SIZES_10X = [int(x) for x in os.environ.get("GIMATCH_SCALE_SIZES_10X", "10000,100000").split(",")]
BASELINE_MAX = int(os.environ.get("GIMATCH_SCALE_BASELINE_MAX", "100000"))
BASELINE_MAX_10X = int(os.environ.get("GIMATCH_SCALE_BASELINE_MAX_10X", "10000"))
STORES = os.environ.get("GIMATCH_SCALE_STORES", "EU,10x").split(",")
SYLLABLES = ["ka", "lo", "mi", "ra", "ton", "ver", "sel", "bri", "no", "ta", "dor", "lux", "vin", "mar", "zen",
             "pel", "quo", "sun", "ber", "fi", "gra", "nel", "tu", "os", "be", "lin", "cor", "da", "ri", "sa"]
GIMATCH = str(Path(sys.executable).with_name("gimatch"))


def made_up(rng: random.Random, syllables: list[str] = SYLLABLES) -> str:
    words = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title() for _ in range(rng.randint(1, 3))]
    return " ".join(words)


def register_syllables(names: list[str]) -> list[str]:
    """The syllables of the real names (a consonant cluster and its vowels), so made-up GIs sound as varied
    as real ones, unlike the brands of the workload."""
    import re

    found = sorted({s for n in names for s in re.findall(r"[^aeiouy\W\d]*[aeiouy]+", unicodedata.normalize(
        "NFKD", n.casefold()).encode("ascii", "ignore").decode()) if 2 <= len(s) <= 4})
    return found


def tenfold(path: Path) -> Path:
    """The bundled store with nine made-up GIs per real one, written through the store's own import path."""
    import gimatch
    from gimatch.model import GI, Name, Protection, Source
    from gimatch.registers import LoadResult

    store = gimatch.open(path)
    real = [gi for gi in store.records("eu.eambrosia") if gi.status == "registered"]
    syllables = register_syllables([n.text for gi in real for n in gi.names if n.script == "Latin"])
    rng = random.Random(10)
    seen = {n.text.casefold() for gi in real for n in gi.names}
    records = []
    for i in range(9 * len(store.ids_in_register("eu.eambrosia")) + 9 * 900):
        model = rng.choice(real)
        name = made_up(rng, syllables)
        while name.casefold() in seen:
            name = made_up(rng, syllables)
        seen.add(name.casefold())
        native = f"{model.gi_type or 'PGI'}-ZZ-{i:06d}"
        records.append(GI(id=f"eu:{native}", register="eu.eambrosia", native_id=native,
                          names=[Name(text=name, script="Latin")], gi_type=model.gi_type, countries=model.countries,
                          product_class=model.product_class, status="registered",
                          protections=[Protection(territory="EU", instrument="made up for the benchmark",
                                                  since=model.dates.registered)],
                          source=Source(file="benchmarks/scale.py", record=str(i))))
    store.write("eu.eambrosia", LoadResult(path="benchmarks/scale.py", sha256="made-up", shape="made-up",
                                           snapshot=None, records=records, read=len(records)))
    store.index()
    return path


def workload(store_path: Path, n: int, out: Path) -> None:
    import gimatch

    store = gimatch.open(store_path)
    names = [n_.text for gi in store.records("eu.eambrosia") if gi.status == "registered"
             for n_ in gi.names if n_.script == "Latin" and len(n_.text) >= 6]
    rng = random.Random(n)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name"])
        for i in range(n):
            if i % 2:
                w.writerow([i, made_up(rng) + rng.choice(["", " Foods", " Wines", " & Co"])])
                continue
            text, op = rng.choice(names), rng.randrange(4)
            if op == 0:
                k = rng.randrange(len(text))
                text = text[:k] + rng.choice("aeiourstln") + text[k + 1:]
            elif op == 1:
                text = "".join(c for c in unicodedata.normalize("NFD", text.upper()) if not unicodedata.combining(c))
            elif op == 2:
                text = f"{text} {rng.choice(['Premium', 'Original', 'Selection'])}"
            w.writerow([i, text])


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s of the command and every process it starts, peak MB of its main process: GNU time's
    maximum resident set, which a fork of this large benchmark process does not inflate)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with tempfile.NamedTemporaryFile("r") as report:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *cmd], capture_output=True, text=True)
        peak = int(report.read().split()[-1]) / 1024
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


BASELINE = """
import csv, sys, numpy as np, gimatch
from rapidfuzz import fuzz, process, utils
store = gimatch.open(sys.argv[1])
names = [n.text for r in store.registers() for gi in store.records(r["register"]) for n in gi.names]
rows = [r["name"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))]
hits = 0
for start in range(0, len(rows), 1000):
    m = process.cdist(rows[start:start + 1000], names, scorer=fuzz.WRatio, processor=utils.default_process,
                      score_cutoff=85, dtype=np.uint8, workers=int(sys.argv[3]))
    hits += int((m.max(axis=1) > 0).sum())
print(hits)
"""


LATENCY = """
import csv, sys, time, random, gimatch
store = gimatch.open(sys.argv[1]); store.index()
names = [n.text for gi in store.records("eu.eambrosia") for n in gi.names][:5000]
rng = random.Random(3)
queries = [rng.choice(names) + rng.choice(["", " Premium", "s"]) for _ in range(1000)]
for q in queries[:50]:
    store.check(q)
times = []
for q in queries:
    t = time.process_time(); store.check(q); times.append((time.process_time() - t) * 1000)
times.sort()
print(f"p50 {times[len(times) // 2]:.1f} ms, p95 {times[int(len(times) * .95)]:.1f} ms CPU")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        import gimatch

        stores = {}
        if "EU" in STORES:
            stores["EU"] = tmp / "eu.db"
            gimatch.open(stores["EU"]).index()
        if "10x" in STORES:
            t0 = time.perf_counter()
            stores["10x"] = tenfold(tmp / "tenfold.db")
            print(f"10x store built in {time.perf_counter() - t0:.0f} s")
        print()
        print("store  rows       workers  wall s    CPU s   CPU ms/row  rows/s   peak MB   baseline: wall s  CPU s  ratio")
        for label, db in stores.items():
            for n in (SIZES if label == "EU" else SIZES_10X):
                rows = tmp / f"rows-{n}.csv"
                workload(db, n, rows)
                for workers in (1, 2):
                    out = tmp / "out.jsonl"
                    wall, cpu, peak = timed([GIMATCH, "--db", str(db), "screen", str(rows), "--out", str(out),
                                             "--workers", str(workers)])
                    base = ""
                    if n <= (BASELINE_MAX if label == "EU" else BASELINE_MAX_10X):
                        bwall, bcpu, _ = timed([sys.executable, "-c", BASELINE, str(db), str(rows), str(workers)])
                        base = f"{bwall:14.1f} {bcpu:7.1f}  {bwall / wall:5.1f}x"
                    print(f"{label:<6} {n:<10,} {workers:<8} {wall:7.1f} {cpu:8.1f} {cpu / n * 1000:10.3f} "
                          f"{n / wall:8,.0f} {peak:8,.0f}   {base}", flush=True)
        print()
        for label, db in stores.items():
            load = subprocess.run([sys.executable, "-c",
                                   "import time, gimatch; s = gimatch.open(__import__('sys').argv[1]); "
                                   "t = time.process_time(); s.index(); print(time.process_time() - t)", str(db)],
                                  capture_output=True, text=True)
            walls, cpus = [], []
            for _ in range(5):
                wall, cpu, _ = timed([GIMATCH, "--db", str(db), "check", "Parma ham", "--json"])
                walls.append(wall)
                cpus.append(cpu)
            size = Path(str(db) + ".index").stat().st_size / 1e6
            lat = subprocess.run([sys.executable, "-c", LATENCY, str(db)], capture_output=True, text=True).stdout.strip()
            print(f"{label}: index load {float(load.stdout.strip()) * 1000:.0f} ms CPU ({size:.1f} MB file); "
                  f"`gimatch check \"Parma ham\" --json`: CPU {sorted(cpus)[2]:.2f} s, wall {sorted(walls)[2]:.2f} s "
                  f"(median of 5); check in one process over 1,000 workload names: {lat}")


if __name__ == "__main__":
    main()
