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


def rank(kind: str) -> int:
    """The kind's place among kinds (0 strongest), from legal_kinds.csv."""
    return int(_kinds()[kind]["rank"])


def score_range(kind: str) -> tuple[float, float]:
    row = _kinds()[kind]
    return float(row["min_score"]), float(row["max_score"])


def kinds() -> tuple[str, ...]:
    return tuple(sorted(_kinds(), key=rank))


def lower(level: str) -> str:
    """One severity level down (high → medium → low)."""
    return SEVERITIES[min(SEVERITIES.index(level) + 1, len(SEVERITIES) - 1)]


def _law(p: Protection, register: str | None) -> dict[str, str] | None:
    """The row of legal_territories.csv for a protection: its territory, basis and the register giving it."""
    register = p.register or register or ""
    for row in _territories():
        if row["territory"] == p.territory and row["basis"] == p.basis and register.startswith(row["register"]):
            return row
    return None


def hooks(kind: str, protections: list[Protection], register: str, class_common: str | None) -> list[str]:
    """The legal hooks of a kind under the protections in scope, most specific first, no repeats. Each
    protection is cited under the law of its territory, basis and register (an AVA under 27 CFR, a
    certification mark under the Lanham Act, an agreement name under the agreement)."""
    row = _kinds().get(kind)
    if row is None:
        return []
    ground = bool(row["eu"] or row["china_eu"])             # the kind is a ground of protection at all
    out: list[str] = []
    for p in protections:
        law = _law(p, register)
        if law is None:
            out.append(p.instrument or p.territory)
            continue
        if law["eu"] == "1" and row["eu"]:
            out.append(f"Reg. (EU) 2024/1143 {row['eu']}")
        if law["china_eu"] == "1" and row["china_eu"]:
            out.append(f"China–EU agreement {row['china_eu']}")
        elif law["eu"] != "1" and ground:
            out.append(law["instrument"])
    trips = row["trips_wine_spirit"] if class_common in WINE_AND_SPIRITS else row["trips_other"]
    if trips:
        out.append(f"TRIPS {trips}")
    return list(dict.fromkeys(h for h in out if h))


def prior_marks(p: Protection, register: str | None) -> str:
    """The provision on earlier trade marks of the territory and basis of a protection."""
    law = _law(p, register)
    return law["prior_marks"] if law and law["prior_marks"] else "TRIPS Art. 24.5"


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
        """The protections in force in scope on the date, and those pending (applied, published, starting
        later, or of unknown start on that date): :func:`gimatch.timeline.state` decides."""
        from . import timeline

        in_force, pending = [], []
        for p in protections:
            if self.territory and p.territory != self.territory:
                continue
            s = timeline.state(p, self.on)
            if s in (timeline.IN_FORCE, timeline.UNDATED):
                in_force.append(p)
            elif s in (timeline.PENDING, timeline.LATER, timeline.UNKNOWN):
                pending.append(p)
        return in_force, pending

    def prior_right(self, protections: list[Protection], register: str | None = None) -> str | None:
        """A note when the trademark was filed before the GI's earliest protection in the territory checked
        (every territory when none is given), whatever its basis, citing that territory's provision on
        earlier trade marks. A protection of unknown start that may predate the filing is said to."""
        from . import timeline

        if not self.filed:
            return None
        notes = []
        by_territory: dict[str, list[Protection]] = {}
        for p in protections:
            if p.status == "protected" and (not self.territory or p.territory == self.territory):
                by_territory.setdefault(p.territory, []).append(p)
        for territory, ps in sorted(by_territory.items()):
            first, certain, p = timeline.earliest(ps)
            if first is None or self.filed >= first:
                continue
            lower = min((q.since or q.not_before for q in ps if q.since or q.not_before), default=None)
            when = f"from {first}" if certain else f"in force by {first}, start unknown"
            basis = f"{p.basis}{', Annex ' + p.annex if p.annex else ''}"
            if certain or (lower and self.filed < lower):
                notes.append(f"prior right: filed {self.filed}, before protection in {territory} ({basis}, {when}); "
                             f"coexistence may apply: {prior_marks(p, register)}")
            else:
                notes.append(f"possible prior right: filed {self.filed}; protection in {territory} ({basis}) is "
                             f"{when}: check its start; {prior_marks(p, register)}")
        return "; ".join(notes) or None
