"""Derive the grape varieties wine labels name (datasets/grape_varieties.csv) from the bundled EU wine PDOs.

Each PDO of the EU wine PDO table lists the varieties its specification allows (the table's Varieties_OIV, with
the OIV's colour code after the name: Nebbiolo N, Grüner Veltliner B, and Varieties_Other), which the register's
reader keeps in the record's ``varieties``. A variety becomes a row when MIN_PDOS PDOs list it, less one whose name
is the whole name of a GI (Prosecco, the variety's old name, is the GI) or opens on a word of the name of a GI of
another product (Pecorino, a variety and a cheese): a word of a label that names a variety says which grape, not
which place (Langhe Nebbiolo). Each row says how many PDOs list it, their countries (whose languages say how a
label there writes it) and one of them. gimatch.text.lexicon reads the first word of each (nebbiolo, pinot) in
its letters and, in the scripts written by sound, by its sounds; a first word heard as a GI's (Tocai as Tokaj)
is still read as a name (gimatch.match.base.windows). Run by tools/build_datasets.py after the bundled GIs are
built.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from derive_lexicon import bundled_records

from gimatch.text.fold import fold

MIN_PDOS = 2
GRAPE_PRODUCTS = frozenset({"wine", "aromatised_wine", "spirits"})   # what a variety's grapes make (grappa too)
OIV_COLOUR = re.compile(r"\s+(?:B|N|Rs|Rg|G|Gr|R)$")   # the colour the OIV writes after a variety: blanc, noir...


def derive(datasets: Path) -> list[dict[str, str]]:
    records = bundled_records(datasets)
    gi_names = {fold(n.text) for gi in records for n in gi.names}
    other_products = {w for gi in records if gi.product_class and gi.product_class.common not in GRAPE_PRODUCTS
                      for n in gi.names for w in fold(n.text).split()}
    listed: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for gi in records:
        for part in re.split(r"\s*/\s*", gi.native.get("varieties", "")):
            name = OIV_COLOUR.sub("", part.strip())
            if name:
                listed[fold(name)].add(gi.native_id or gi.id)
                countries[fold(name)].update(gi.countries)
                spelled.setdefault(fold(name), name)
    return [{"variety": spelled[key], "pdos": str(len(ids)), "countries": " ".join(sorted(countries[key])),
             "example": min(ids)}
            for key, ids in sorted(listed.items())
            if len(ids) >= MIN_PDOS and key not in gi_names and key.split()[0] not in other_products]


def write(datasets: Path) -> Path:
    path = datasets / "grape_varieties.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Grape varieties the bundled EU wine PDOs allow, derived by tools/derive_varieties.py (see its\n"
                 "# docstring). pdos: how many PDOs list the variety; countries: theirs; example: one of them.\n")
        writer = csv.DictWriter(fh, fieldnames=["variety", "pdos", "countries", "example"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(derive(datasets))
    return path


if __name__ == "__main__":
    print(write(Path(__file__).resolve().parent.parent / "datasets"))
