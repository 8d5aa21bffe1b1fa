"""gimatch benchmarks (run by hand or `make bench`); prints figures, asserts nothing.

Store: the bundled data plus the 2020 EU export (3,715 rows), as a user's default store would hold.

0. keys and anatomy for every name of the EU export, read beforehand (the work an import does per name;
   budget 3 s);
1. screening 20,000 names — perturbed register names (typos, case, accents, an added word, a 'style'
   word) and made-up brand names — with `gimatch.screening.screen`, beside a brute-force
   `rapidfuzz.process.cdist` (WRatio, default_process, score_cutoff 85, 1,000 queries per chunk, one
   worker like gimatch) over all stored names, in the same run; each side in its own process, so its
   peak memory (VmHWM) is its own. "Found" = the perturbed name's GI among the hits;
2. `check` median and p95 per query in one process over the queries of shared/eval/dev_checks.json,
   beside rapidfuzz.process.extract (WRatio) over all stored names;
3. peak memory of the screening run (printed with benchmark 1; budget 1 GB);
plus the import of the EU export and the wall time of one CLI call.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXPORT = SHARED / "registers/eu/eambrosia_export_2020-08_defra-prototype.json"
CASES = SHARED / "eval/dev_checks.json"
N_SCREEN = int(__import__("os").environ.get("GIMATCH_BENCH_N", 20_000))
SYLLABLES = ["ka", "lo", "mi", "ra", "ton", "ver", "sel", "bri", "no", "ta", "dor", "lux", "vin", "mar", "zen",
             "pel", "quo", "sun", "ber", "fi"]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss would carry the parent's peak across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _perturb(name: str, rng: random.Random) -> str:
    op = rng.randrange(6)
    chars = list(name)
    i = rng.randrange(len(chars))
    if op == 0 and len(chars) > 5:
        del chars[i]
    elif op == 1:
        chars.insert(i, rng.choice("aeiourstln"))
    elif op == 2:
        chars[i] = rng.choice("aeiourstln")
    elif op == 3:
        return "".join(c for c in unicodedata.normalize("NFD", name.upper()) if not unicodedata.combining(c))
    elif op == 4:
        return f"{name} {rng.choice(['Foods', 'Original', 'Premium', 'Selection'])}"
    else:
        return f"{name}-style"
    return "".join(chars)


def workload(db: str) -> list[tuple[str, str | None]]:
    """(query, the GI it was made from or None), reproducible."""
    import gimatch

    store = gimatch.open(db)
    rows = store.db.execute("select gi_id, text from names n join gis g on g.id = n.gi_id "
                            "where n.script = 'Latin' and length(text) >= 6 and g.register = 'eu.eambrosia' "
                            "and g.status = 'registered' and coalesce(g.gi_type, '') != 'TSG' order by gi_id, idx").fetchall()
    rng = random.Random(20261128)
    out = []
    for _ in range(N_SCREEN // 2):
        gi_id, text = rng.choice(rows)
        out.append((_perturb(text, rng), gi_id))
    for _ in range(N_SCREEN - N_SCREEN // 2):
        brand = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        out.append((brand + rng.choice(["", " Foods", " Wines", " & Co"]), None))
    return out


def run_gimatch(db: str, queue) -> None:
    import gimatch
    from gimatch.screening import screen

    store = gimatch.open(db)
    store.index()
    work = workload(db)
    t0, c0 = time.perf_counter(), time.process_time()
    found = flagged_brands = 0
    for (query, intended), record in zip(work, screen(({"id": str(i), "name": q} for i, (q, _) in enumerate(work)),
                                                      store=store)):
        ids = {i for c in record["conflicts"] + record["pending"] for i in [c["gi"], *c["linked"]]}
        found += intended in ids
        flagged_brands += intended is None and bool(record["conflicts"])
    queue.put((time.perf_counter() - t0, time.process_time() - c0, found, flagged_brands, peak_mb()))


def run_cdist(db: str, queue) -> None:
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    import gimatch

    store = gimatch.open(db)
    rows = store.db.execute("select gi_id, text from names").fetchall()
    names = [t for _, t in rows]
    owner = [g for g, _ in rows]
    work = workload(db)
    t0, c0 = time.perf_counter(), time.process_time()
    found = flagged_brands = 0
    for start in range(0, len(work), 1000):
        chunk = work[start:start + 1000]
        scores = process.cdist([q for q, _ in chunk], names, scorer=fuzz.WRatio, processor=utils.default_process,
                               score_cutoff=85, dtype=np.uint8, workers=1)
        for (query, intended), row in zip(chunk, scores):
            hits = {owner[j] for j in np.nonzero(row)[0]}
            found += intended in hits
            flagged_brands += intended is None and bool(hits)
    queue.put((time.perf_counter() - t0, time.process_time() - c0, found, flagged_brands, peak_mb()))


def in_child(fn, db: str):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=fn, args=(db, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    if not EXPORT.is_file():
        sys.exit(f"benchmarks need {SHARED} beside the checkout")
    import gimatch
    from gimatch.registers.eu import eambrosia
    from gimatch.text.anatomy import anatomy
    from gimatch.text.keys import name_keys
    from rapidfuzz import fuzz, process, utils

    records = list(eambrosia.load(str(EXPORT)).records)   # read first: reading the export is the import's figure
    anatomy("warm up"), name_keys("warm up")        # load the dictionaries (pinyin, unidic, pythainlp) first
    t0, c0 = time.perf_counter(), time.process_time()
    n_names = n_keys = 0
    for gi in records:
        japanese = "JP" in gi.countries or None
        for name in gi.names:
            anatomy(name.text, japanese=japanese)
            n_keys += len(name_keys(name.text, japanese=japanese))
            n_names += 1
    t_keys, c_keys = time.perf_counter() - t0, time.process_time() - c0
    print(f"0. keys and anatomy for {len(records)} EU records ({n_names} names, {n_keys} keys): {t_keys:.2f} s wall, "
          f"{c_keys:.2f} s CPU ({t_keys / 3:.0%} of the 3 s budget; {n_names / t_keys:,.0f} names/s)")

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        store = gimatch.open(db)
        t0 = time.perf_counter()
        summary = store.import_file("eu", str(EXPORT))
        print(f"   import of the EU export: {time.perf_counter() - t0:.2f} s ({summary.line()})")
        names = [row[0] for row in store.db.execute("select text from names")]

        g_time, g_cpu, g_found, g_brands, g_mb = in_child(run_gimatch, db)
        b_time, b_cpu, b_found, b_brands, b_mb = in_child(run_cdist, db)
        half = N_SCREEN // 2
        print(f"1. screening {N_SCREEN:,} names ({half:,} perturbed register names, {N_SCREEN - half:,} made-up "
              f"brands) against {len(names):,} stored names:")
        for label, wall, cpu, found, brands in (("gimatch     ", g_time, g_cpu, g_found, g_brands),
                                                ("cdist WRatio", b_time, b_cpu, b_found, b_brands)):
            print(f"   {label} {wall:7.1f} s (CPU {cpu:7.1f} s)  {wall / N_SCREEN * 1000:5.2f} ms/name  "
                  f"found {found:,}/{half:,} ({found / half:.1%})  brands flagged {brands:,}")
        print(f"   ratio cdist/gimatch: {b_time / g_time:.1f}x wall, {b_cpu / g_cpu:.1f}x CPU; "
              f"found {g_found - b_found:+,} names vs cdist")
        print(f"3. peak memory (VmHWM): gimatch screening {g_mb:,.0f} MB, cdist baseline {b_mb:,.0f} MB "
              f"(budget 1,024 MB; no queries × names matrix is built)")

        cases = json.loads(CASES.read_text(encoding="utf-8"))
        queries = [c["q"] for c in cases["positives"]] + cases["negatives"] + cases["generic"]
        store.index()
        gimatch_ms, brute_ms, gimatch_cpu, brute_cpu = [], [], [], []
        for _ in range(5):
            for q in queries:
                t0, c0 = time.perf_counter(), time.process_time()
                store.check(q)
                gimatch_ms.append((time.perf_counter() - t0) * 1000)
                gimatch_cpu.append((time.process_time() - c0) * 1000)
                t0, c0 = time.perf_counter(), time.process_time()
                process.extract(q, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=20)
                brute_ms.append((time.perf_counter() - t0) * 1000)
                brute_cpu.append((time.process_time() - c0) * 1000)
        print(f"2. check over {len(queries)} queries x 5 in one process:")
        print(f"   gimatch      median {statistics.median(gimatch_ms):6.2f} ms   p95 {pct(gimatch_ms, .95):6.2f} ms"
              f"   CPU median {statistics.median(gimatch_cpu):6.2f} ms   p95 {pct(gimatch_cpu, .95):6.2f} ms")
        print(f"   brute force  median {statistics.median(brute_ms):6.2f} ms   p95 {pct(brute_ms, .95):6.2f} ms"
              f"   CPU median {statistics.median(brute_cpu):6.2f} ms   p95 {pct(brute_cpu, .95):6.2f} ms"
              f"   (rapidfuzz.process.extract, WRatio)")
        print(f"   ratio brute/gimatch: median {statistics.median(brute_ms) / statistics.median(gimatch_ms):.1f}x, "
              f"p95 {pct(brute_ms, .95) / pct(gimatch_ms, .95):.1f}x")

        exe = Path(sys.executable).with_name("gimatch")
        walls = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([str(exe), "--db", db, "check", "Parma ham", "--json"], capture_output=True)
            walls.append(time.perf_counter() - t0)
        print(f"   one CLI call `gimatch check \"Parma ham\" --json`: median {statistics.median(walls):.2f} s, "
              f"max {max(walls):.2f} s over 5 calls")


if __name__ == "__main__":
    main()
