"""The Sino-Korean reading of every CJK unified ideograph (U+4E00–U+9FFF) with one (datasets/ko_hanja_readings.csv),
for reading Chinese GI names as Korean writes them in Hangul (普洱茶 보이차, 五粮液 오량액).

The readings are those of the table of the ``hanja`` package (Sumin Byeon, WTFPL), given as the path to its
``table.yml`` (a YAML mapping of one character to one Hangul syllable); the table is read here, not bundled:

    python tools/derive_hanja_readings.py path/to/hanja/table.yml
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

# Characters whose reading in names differs from the table's: 茶 is 차 in the names of teas (녹차, 보이차), 다
# only in a few old words (다도).
NAME_READING = {"茶": "차"}
_ENTRY = re.compile(r'^"(?:\\u([0-9A-Fa-f]{4})|(.))":\s*"(?:\\u([0-9A-Fa-f]{4})|(.))"\s*$')


def readings(table: Path) -> dict[str, str]:
    """Character → Hangul syllable, for the CJK unified ideographs of the basic block."""
    out: dict[str, str] = {}
    for n, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        m = _ENTRY.match(line.strip())
        if not m:
            raise ValueError(f"{table}: line {n}: not a 'character: reading' entry: {line[:60]!r}")
        char = chr(int(m.group(1), 16)) if m.group(1) else m.group(2)
        reading = chr(int(m.group(3), 16)) if m.group(3) else m.group(4)
        if "\u4e00" <= char <= "\u9fff" and "\uac00" <= reading <= "\ud7a3":
            out[char] = reading
    return out


def write(table: Path, datasets: Path) -> Path:
    path = datasets / "ko_hanja_readings.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# The Sino-Korean reading (one Hangul syllable) of each CJK unified ideograph of U+4E00-U+9FFF, as "
                 "names use it, derived by tools/derive_hanja_readings.py from the table of the hanja package "
                 "(WTFPL).\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["char", "reading"])
        for char, reading in sorted(readings(table).items()):
            writer.writerow([char, NAME_READING.get(char, reading)])
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "datasets"))
