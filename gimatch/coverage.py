"""How much of each register the store holds, and how fresh it is: the records against the register's
published size (``datasets/register_sizes.csv``) and the date the records were read.

A check says where its answer rests on partial data: "no conflict" in a territory means little when the
store holds 89 of about 164 registrations there.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import asdict, dataclass

from . import bundled

STALE_AFTER = dt.timedelta(days=365)


@functools.lru_cache(maxsize=1)
def published_sizes() -> tuple[dict[str, str], ...]:
    return bundled.read_table("register_sizes.csv")


@dataclass
class Holding:
    """What the store holds of one register for one territory."""

    register: str
    territory: str
    records: int
    published: int | None
    as_of: str | None
    minimum: bool
    snapshot: str | None          # the date most of these records were read (the median snapshot)
    stale: bool
    what: str | None = None
    source: str | None = None
    shared: bool = False          # the register protects names in several territories (an agreement's lists)

    @property
    def partial(self) -> bool:
        return self.published is None or self.minimum or self.records < self.published

    def missing(self) -> str:
        size = ("(published size unknown)" if self.published is None else
                f"of {'at least ' if self.minimum else 'about '}{self.published:,} ({self.as_of})")
        name = f"{self.register} in {self.territory}" if self.shared else self.register
        return f"{name} {self.records:,} {size}" + (f", data of {self.snapshot}" if self.stale else "")

    def to_json(self) -> dict:
        return {**asdict(self), "partial": self.partial, "missing": self.missing()}


def is_stale(snapshot: str | None, today: dt.date | None = None) -> bool:
    return bool(snapshot) and dt.date.fromisoformat(snapshot) < (today or dt.date.today()) - STALE_AFTER


def holdings(store, territory: str) -> list[Holding]:
    """Every register that protects names in ``territory``: what the store holds and the published size."""
    from .registry import REGISTERS, module

    home = {name for name in REGISTERS if territory in module(name).REGISTER.territory.split("+")}
    held = {row["register"]: row for row in store.holdings(territory) if row["register"] in home}
    sizes = {r["register"]: r for r in published_sizes() if r["territory"] == territory}
    out = []
    for register in sorted(held.keys() | sizes.keys()):
        row, size = held.get(register, {}), sizes.get(register, {})
        snapshot = row.get("snapshot")
        out.append(Holding(register=register, territory=territory, records=row.get("records", 0),
                           published=int(size["published"]) if size.get("published") else None,
                           as_of=size.get("as_of") or None, minimum=size.get("minimum") == "true",
                           snapshot=snapshot, stale=is_stale(snapshot), what=size.get("what") or None,
                           source=size.get("source") or None,
                           shared="+" in module(register).REGISTER.territory if register in REGISTERS else False))
    return out


def coverage(store, territories) -> dict:
    """The ``coverage`` object of a check: partial (any register in scope partial), the territories
    whose data is partial, and per register what the store holds of it."""
    registers = [h for t in territories for h in holdings(store, t)]
    partial = sorted({h.territory for h in registers if h.partial})
    return {"partial": bool(partial), "territories": partial, "registers": [h.to_json() for h in registers]}


def summary(cov: dict, territory: str | None) -> str | None:
    """One line naming what is missing, for the end of a table."""
    if not cov["partial"]:
        return None
    where = territory or ", ".join(cov["territories"])
    gaps = [h["missing"] for h in cov["registers"] if h["partial"] and (territory or h["records"] < (h["published"] or 0))]
    return f"The store's data is partial in {where}: " + "; ".join(gaps[:6]) + ("; …" if len(gaps) > 6 else "")
