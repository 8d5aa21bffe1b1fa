"""Derive the given names and family names of the markets gimatch is used in (datasets/person_names.csv) from the
person providers of the Faker package (MIT licence), which list the first and last names usual in each locale.

A sign of two words, a given name and a family name, with no product word, reads as a person's name (Peter Graves,
Dan Marino; not Jean Chablis, whose second word is no family name): gimatch.conflicts reports a GI's name in it as
a personal name (TRIPS Art. 24.8), below the default threshold. Only Latin-script locales are read; a name is kept
folded (accents off, lower case), with its kind and the locales that list it. Run by tools/build_datasets.py (needs
the ``tools`` extra: pip install -e '.[tools]').
"""

from __future__ import annotations

import csv
import importlib
from pathlib import Path

from gimatch.text.fold import fold

# Latin-script locales of the registers' and the agreements' markets and of the main export markets
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "it_IT", "es_ES", "es_MX",
           "es_AR", "pt_PT", "pt_BR", "nl_NL", "nl_BE", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI",
           "sv_SE", "da_DK", "no_NO", "fi_FI", "et_EE", "lv_LV", "lt_LT", "ga_IE")
KINDS = {"given": ("first_names", "first_names_male", "first_names_female"),
         "family": ("last_names", "last_names_male", "last_names_female")}
MIN_LETTERS = 3      # a name of two letters (Al, Jo) is as often an initial or a word


def person_names() -> dict[tuple[str, str], set[str]]:
    """Each (folded name, kind) with the locales that list it."""
    names: dict[tuple[str, str], set[str]] = {}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for kind, attrs in KINDS.items():
            for attr in attrs:
                for name in getattr(provider, attr, ()):
                    folded = fold(name)
                    if folded.isascii() and folded.isalpha() and len(folded) >= MIN_LETTERS:
                        names.setdefault((folded, kind), set()).add(locale)
    return names


def write(datasets: Path) -> None:
    import faker

    rows = sorted(person_names().items())
    path = datasets / "person_names.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# Given and family names of {len(LOCALES)} Latin-script locales, folded, with the locales that list\n"
                f"# them: the first and last names of the person providers of Faker {faker.VERSION} (MIT licence), as\n"
                "# tools/derive_person_names.py reads them. A sign of a given name and a family name, with no\n"
                "# product word, reads as a person's name.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "kind", "locales"])
        writer.writerows((name, kind, " ".join(sorted(locales))) for (name, kind), locales in rows)
    print(f"wrote {path} ({len(rows)} names)")
