"""One dated protection timeline per GI and territory.

A GI's records in every register the store holds (its EU register entry, its agreement annex entries, its
direct registration in China, its Japanese designation, its AVA) give dated events: applied, published,
listed, protected (with the basis and instrument), ended. The state of a protection on a date is decided
here and only here, so that ``check --date/--filed``, ``agreement asof``, ``agreement status --date``,
``show`` and the reports cannot disagree.

A protection whose start the sources do not give is never dated by guess: it counts as in force from the
date the sources show it in force (``known_by``), and as absent before the date they show nothing yet
(``not_before``); between the two its state is ``unknown``.

>>> import datetime as dt
>>> from gimatch.model import Protection
>>> p = Protection(territory="CN", not_before=dt.date(2007, 7, 1), known_by=dt.date(2012, 11, 30))
>>> [state(p, dt.date(y, 1, 1)) for y in (2005, 2010, 2015)]
['later', 'unknown', 'in force']
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import asdict, dataclass, field

from . import bundled
from .model import GI, Protection

IN_FORCE, LATER, PENDING, UNKNOWN, ENDED, UNDATED = "in force", "later", "pending", "unknown", "ended", "undated"


def state(p: Protection, on: dt.date) -> str:
    """The state of one protection on a date: in force, later (starts after the date), pending (applied or
    published, not granted), unknown (started between not_before and known_by), ended, or undated (in force,
    its start given by no source and bounded by none)."""
    if p.status == "ended":
        return ENDED
    if p.status == "pending":
        return PENDING
    if p.since:
        return IN_FORCE if p.since <= on else LATER
    if p.known_by and p.known_by <= on:
        return IN_FORCE
    if p.not_before and on < p.not_before:
        return LATER
    return UNKNOWN if (p.known_by or p.not_before) else UNDATED


def start(p: Protection) -> tuple[dt.date | None, bool]:
    """The protection's first day as far as known, and whether it is certain (False: in force by that date)."""
    return (p.since, True) if p.since else (p.known_by, False)


@dataclass(frozen=True)
class Event:
    """A dated fact of a GI's timeline."""

    date: dt.date | None
    kind: str                 # applied, published, listed, protected, in force by, ended, transition
    territory: str | None
    basis: str | None = None
    instrument: str | None = None
    annex: str | None = None
    record: str | None = None
    source: str | None = None  # a public reference: an Official Journal, a notice, a URL

    def to_json(self) -> dict:
        return {**asdict(self), "date": self.date.isoformat() if self.date else None}


@functools.lru_cache(maxsize=1)
def _milestones() -> tuple[dict[str, str], ...]:
    return bundled.read_table("agreements/china_eu/milestones.csv")


def _register_url(gi: GI) -> str | None:
    from .registry import REGISTERS, module

    return module(gi.register).REGISTER.url if gi.register in REGISTERS else None


def public_source(gi: GI) -> str:
    """The public reference for a record's facts: its source URL, else its register's page and its id."""
    if gi.source.url:
        return gi.source.url
    url = _register_url(gi)
    return f"{url} ({gi.native_id})" if url else gi.native_id


def events(gi: GI) -> list[Event]:
    """The dated events one record gives."""
    from .registry import REGISTERS, module

    home = module(gi.register).REGISTER.territory.split("+")[0] if gi.register in REGISTERS else None
    src = public_source(gi)
    out: list[Event] = []
    for kind, date in (("applied", gi.dates.applied), ("published", gi.dates.published)):
        if date:
            out.append(Event(date, kind, home, record=gi.id, source=src))
    for p in gi.protections:
        first, certain = start(p)
        if p.status == "pending":
            continue
        kind = "protected" if certain or first is None else "in force by"
        out.append(Event(first, kind, p.territory, p.basis, p.instrument, p.annex, gi.id,
                         p.instrument if p.instrument and "Official Journal" in p.instrument else src))
        if p.not_before and not certain:
            out.append(Event(p.not_before, "no protection before", p.territory, p.basis, p.instrument, p.annex,
                             gi.id, src))
    if gi.register == "agreement.china_eu":
        annex = gi.native_id.split("/", 1)[0]
        out += [Event(dt.date.fromisoformat(m["date"]), m["event"], m["territory"], "agreement", m["instrument"],
                      annex, gi.id, m["source"]) for m in _milestones() if m["annex"] == annex]
    if gi.status == "removed":
        ended = [p.registered for p in gi.procedures if p.kind == "cancellation" and p.registered]
        out.append(Event(min(ended) if ended else None, "ended", home, record=gi.id, source=src))
    return out


@dataclass
class Answer:
    """Was a GI protected in a territory on a date, on what basis, since when."""

    territory: str
    date: dt.date
    status: str                        # protected, pending, not protected, unknown, ended
    protected: bool | None
    basis: str | None = None           # registration or agreement
    since: dt.date | None = None
    known_by: dt.date | None = None
    instrument: str | None = None
    annex: str | None = None
    record: str | None = None
    bases: list[dict] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"territory": self.territory, "date": self.date.isoformat(), "status": self.status,
                "protected": self.protected, "basis": self.basis,
                "since": self.since.isoformat() if self.since else None,
                "known_by": self.known_by.isoformat() if self.known_by else None, "instrument": self.instrument,
                "annex": self.annex, "record": self.record, "bases": self.bases,
                "timeline": [e.to_json() for e in self.timeline]}


def answer(records: list[GI], territory: str, on: dt.date) -> Answer:
    """The protection of one GI (its records in every register) in a territory on a date."""
    pairs = _explained([(gi, p) for gi in records for p in gi.protections if p.territory == territory])
    timeline = sorted((e for gi in records for e in events(gi) if e.territory in (territory, None)),
                      key=lambda e: (e.date or dt.date.max, e.kind))
    states = [(state(p, on), gi, p) for gi, p in pairs]
    in_force = [(gi, p) for s, gi, p in states if s in (IN_FORCE, UNDATED)]
    result = Answer(territory=territory, date=on, status="not protected", protected=False, timeline=timeline)
    if in_force:
        def order(pair):
            first, certain = start(pair[1])
            return (not certain, first or dt.date.max)
        in_force.sort(key=order)
        gi, p = in_force[0]
        first, certain = start(p)
        result.status, result.protected = "protected", True
        result.basis, result.instrument, result.annex, result.record = p.basis, p.instrument, p.annex, gi.id
        result.since, result.known_by = (first, None) if certain else (None, first)
        result.bases = [{"basis": q.basis, "annex": q.annex, "instrument": q.instrument, "record": g.id,
                         "since": q.since.isoformat() if q.since else None,
                         "known_by": q.known_by.isoformat() if q.known_by and not q.since else None}
                        for g, q in in_force]
        return result
    found = {s for s, _, _ in states}
    if UNKNOWN in found:
        result.status, result.protected = "unknown", None
    elif PENDING in found or LATER in found:
        result.status = "pending" if any(e.kind in ("applied", "published", "listed") and e.date and e.date <= on
                                         for e in timeline) or PENDING in found else "not protected"
    if ENDED in found or any(e.kind == "ended" and e.date and e.date <= on for e in timeline):
        result.status = "ended"
    return result


def _explained(pairs: list[tuple[GI, Protection]]) -> list[tuple[GI, Protection]]:
    """Drop a protection known only by bounds when another of the same basis has a dated start within them:
    both describe one registration (the pilot list's "registered by 2012-11-30" and the EU register's
    "registered 2011-05-11"), and the dated one is the better account."""
    dated = [p for _, p in pairs if p.since and p.status == "protected"]

    def explains(d: Protection, p: Protection) -> bool:
        return (d.basis == p.basis and (not p.not_before or d.since >= p.not_before)
                and (not p.known_by or d.since <= p.known_by))
    return [(gi, p) for gi, p in pairs
            if p.since or p.status != "protected" or not any(explains(d, p) for d in dated)]


def earliest(protections: list[Protection]) -> tuple[dt.date | None, bool, Protection | None]:
    """The earliest start among protections (granted ones), whether it is certain, and that protection."""
    granted = [p for p in protections if p.status == "protected" and start(p)[0]]
    if not granted:
        return None, False, None
    p = min(granted, key=lambda q: start(q)[0])
    return start(p)[0], start(p)[1], p
