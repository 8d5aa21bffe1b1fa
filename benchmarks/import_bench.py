"""Importing a large register file (run by hand or by `make bench`); prints a table, asserts nothing.

A file in the shape of the eAmbrosia search export (JSON objects with ``EA_*`` keys) is generated from the real
export: each real row is repeated with a made-up name and file number until the file reaches the size asked for.
`gimatch import eu FILE --no-index` runs on it as a user runs it (a subprocess, into a store holding the bundled
registers), and the table
gives its wall and CPU time, records per second and peak memory (GNU time's maximum resident set). The same
rows as CSV are imported too. A whole-file baseline measured in the same run: `json.load` of the file, which
holds every row at once, the first step of any reader that does not stream.

    GIMATCH_IMPORT_MB=1000 python benchmarks/import_bench.py          # file size in MB (default 100)
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import GIMATCH, SYLLABLES, made_up, timed  # noqa: E402

from gimatch.registers.eu.eambrosia import _EA_KEYS  # noqa: E402

CSV_HEADER = {"file_number": "File number", "name": "Name", "category": "Product category", "type": "Type",
              "country": "Country", "status": "Status", "product_type": "Product type",
              "legal_instrument": "Legal instrument", "applied": "Application date",
              "registered": "Date of registration", "published": "Date of publication"}

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT.parent / "shared/registers/eu/eambrosia_export_2020-08_defra-prototype.json"
TARGET_MB = float(os.environ.get("GIMATCH_IMPORT_MB", "100"))


def generate(json_path: Path, csv_path: Path) -> int:
    """Rows of the real export with made-up names and file numbers, to TARGET_MB; returns the row count."""
    real = [r for r in json.loads(EXPORT.read_text(encoding="utf-8")) if "-" in str(r.get("EA_FileNumber", ""))]
    rng = random.Random(7)
    limit = int(TARGET_MB * 1e6)
    n = 0
    columns = list(_EA_KEYS)
    with json_path.open("w", encoding="utf-8") as out, csv_path.open("w", encoding="utf-8", newline="") as table:
        writer = csv.writer(table, lineterminator="\n")
        writer.writerow([CSV_HEADER[c] for c in columns])
        out.write("[")
        while out.tell() < limit:
            row = dict(rng.choice(real))
            kind = str(row["EA_FileNumber"]).split("-")[0]
            row["EA_FileNumber"] = f"{kind}-ZZ-{n:07d}"
            row["EA_Name"] = f"{made_up(rng, SYLLABLES)} {n:07d}"
            out.write(("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False))
            writer.writerow([row.get(_EA_KEYS[c]) or "" for c in columns])
            n += 1
        out.write("\n]\n")
    return n


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data, table = tmp / "export.json", tmp / "export.csv"
        rows = generate(data, table)
        print(f"{rows:,} records: {data.stat().st_size / 1e6:,.0f} MB as JSON, {table.stat().st_size / 1e6:,.0f} MB as CSV")
        print()
        print("what                                   wall s    CPU s  records/s   peak MB")
        for label, path in (("gimatch import (JSON, streamed)", data), ("gimatch import (CSV, streamed)", table)):
            db = tmp / f"{path.suffix[1:]}.db"
            subprocess.run([sys.executable, "-c", "import gimatch, sys; gimatch.open(sys.argv[1])", str(db)], check=True)
            wall, cpu, peak = timed([GIMATCH, "--db", str(db), "import", "eu", str(path), "--no-index"])
            print(f"{label:<38} {wall:7.1f} {cpu:8.1f} {rows / wall:10,.0f} {peak:9,.0f}", flush=True)
            db.unlink()
        wall, cpu, peak = timed([sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1], 'rb'))", str(data)])
        print(f"{'baseline: json.load of the whole file':<38} {wall:7.1f} {cpu:8.1f} {rows / wall:10,.0f} {peak:9,.0f}")


if __name__ == "__main__":
    main()
