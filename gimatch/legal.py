"""Where, when and on what legal ground a hit counts: protections in scope for a territory and date,
the legal hooks and severity of each kind, prior rights, and the names that are generic somewhere.

The tables are data (``datasets/legal_kinds.csv``, ``datasets/legal_territories.csv``,
``datasets/us_semigeneric_wine_names.csv``); this module only reads and applies them.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from . import bundled
from .model import Protection
from .text.fold import fold

TERRITORIES = ("CN", "EU", "JP", "TH", "US")
SEVERITIES = ("high", "medium", "low")
WINE_AND_SPIRITS = frozenset({"wine", "spirits", "aromatised_wine", "alcoholic_beverages", "rice_wine"})


@functools.lru_cache(maxsize=1)
def _kinds() -> dict[str, dict[str, str]]:
    return {r["kind"]: r for r in bundled.read_table("legal_kinds.csv")}


@functools.lru_cache(maxsize=1)
def _territories() -> tuple[dict[str, str], ...]:
    return bundled.read_table("legal_territories.csv")


@functools.lru_cache(maxsize=None)
def generic_in(territory: str) -> dict[str, str]:
    """Names generic in one territory only (joined folded form → why): the territory rows of
    generic_terms.csv and, for the US, the semi-generic wine names."""
    out = {fold(r["term"]).replace(" ", ""): f"generic in {territory}: {r['reason']}"
           for r in bundled.read_table("generic_terms.csv") if r["territory"] == territory}
    if territory == "US":
        out.update({fold(r["name"]).replace(" ", ""): f"a semi-generic wine name in the US ({r['basis']})"
                    for r in bundled.read_table("us_semigeneric_wine_names.csv")})
    return out


def severity(kind: str) -> str:
    return _kinds().get(kind, {}).get("severity") or "low"


def lower(level: str) -> str:
    """One severity level down (high → medium → low)."""
    return SEVERITIES[min(SEVERITIES.index(level) + 1, len(SEVERITIES) - 1)]


def _instrument(p: Protection, register: str) -> tuple[str, bool]:
    for row in _territories():
        if row["territory"] == p.territory and row["basis"] == p.basis and register.startswith(row["register"]):
            return row["instrument"], row["china_eu"] == "1"
    return p.instrument or p.territory, False


def hooks(kind: str, protections: list[Protection], register: str, class_common: str | None) -> list[str]:
    """The legal hooks of a kind under the protections in scope, most specific first, no repeats."""
    row = _kinds().get(kind)
    if row is None:
        return []
    out: list[str] = []
    for p in protections:
        instrument, china_eu = _instrument(p, register)
        if p.territory == "EU" and row["eu"]:
            out.append(f"Reg. (EU) 2024/1143 {row['eu']}")
        elif p.territory != "EU" and row["eu"] and not china_eu:    # a ground the territory's own law knows
            out.append(instrument)
        if china_eu and row["china_eu"]:
            out.append(f"China–EU agreement {row['china_eu']}")
    trips = row["trips_wine_spirit"] if class_common in WINE_AND_SPIRITS else row["trips_other"]
    if trips:
        out.append(f"TRIPS {trips}")
    return list(dict.fromkeys(h for h in out if h))


@dataclass
class Scope:
    """The territory and date a check answers for, and the trademark's filing date if any."""

    territory: str | None = None
    date: dt.date | None = None
    filed: dt.date | None = None

    @property
    def on(self) -> dt.date:
        return self.date or dt.date.today()

    def split(self, protections: list[Protection]) -> tuple[list[Protection], list[Protection]]:
        """The protections in force in scope on the date, and those pending (applied, published, or in
        force only later)."""
        in_force, pending = [], []
        for p in protections:
            if self.territory and p.territory != self.territory:
                continue
            if p.status == "protected" and (p.since is None or p.since <= self.on):
                in_force.append(p)
            elif p.status == "pending" or (p.status == "protected" and p.since and p.since > self.on):
                pending.append(p)
        return in_force, pending

    def prior_right(self, in_force: list[Protection]) -> str | None:
        """A note when the trademark was filed before the GI's protection in that territory."""
        dated = [p for p in in_force if p.since]
        if not self.filed or not dated or any(self.filed >= p.since for p in dated):
            return None
        first = min(dated, key=lambda p: p.since)
        return (f"prior right: filed {self.filed}, before protection in {first.territory} from {first.since}; "
                "coexistence may apply (TRIPS Art. 24.5; China–EU agreement Art. 6)")
