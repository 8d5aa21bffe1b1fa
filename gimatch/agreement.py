"""The China–EU agreement tracker: every listed name with its events, status as of any date, links to
the registers, diffs between list snapshots, gaps, conflicts around the lists, and briefing reports.

A name's events come from its list (``datasets/agreements/china_eu/milestones.csv``: the dates that apply
to a whole annex), its own record (the EU register's registration of a pilot name), and the transition
list; its status on a date is derived from them, never stored.
"""

from __future__ import annotations

import datetime as dt
import json
import functools
from dataclasses import asdict, dataclass, field

from . import bundled
from .errors import UsageError
from .model import GI
from .text.fold import fold, joined

REGISTER = "agreement.china_eu"
SIGNED = dt.date(2020, 9, 14)
ANNEX_ORDER = ("III", "IV", "V", "VI", "VII", "III|V", "V|VII", "pilot-10+10", "2017-list")


@dataclass
class Event:
    kind: str                 # listed, published, protected, registered, transition, dropped
    date: dt.date | None
    territory: str | None
    instrument: str
    source: str


@dataclass
class Entry:
    """One listed name: its record, events and links."""

    gi: GI
    annex: str
    party: str
    events: list[Event] = field(default_factory=list)
    eu_record: str | None = None

    @property
    def name(self) -> str:
        return self.gi.names[0].text

    def state(self, territory: str | None, on: dt.date) -> tuple[str, Event | None]:
        """protected / pending / dropped / unknown on a date, with the event that decides it."""
        relevant = [e for e in self.events if territory is None or e.territory in (None, territory)]
        done = [e for e in relevant if e.kind in ("protected", "registered") and e.date and e.date <= on]
        if done:
            return "protected", min(done, key=lambda e: e.date)
        if any(e.kind == "dropped" for e in relevant):
            return "dropped", next(e for e in relevant if e.kind == "dropped")
        waiting = [e for e in relevant if e.kind in ("listed", "published") and (e.date is None or e.date <= on)]
        if waiting or any(e.kind in ("protected", "registered") for e in relevant):
            return "pending", (waiting or [None])[0]
        return "unknown", None


@functools.lru_cache(maxsize=1)
def _milestones() -> tuple[dict[str, str], ...]:
    return bundled.read_table("agreements/china_eu/milestones.csv")


@functools.lru_cache(maxsize=1)
def _transitions() -> dict[str, dict[str, str]]:
    return {joined(fold(r["name"])): r for r in bundled.read_table("agreements/china_eu/transitions.csv")}


def entries(store) -> list[Entry]:
    """Every listed name in the store, with events and its EU register record where one is linked."""
    rows = store.db.execute("select record from gis where register = ? order by id", [REGISTER]).fetchall()
    records = [GI.model_validate_json(r[0]) for r in rows]
    if not records:
        raise UsageError("the store holds no China–EU agreement lists")
    eu = store.db.execute("select id, countries from gis where register = 'eu.eambrosia'").fetchall()
    eu_ids = {r[0] for r in eu}
    eu_countries = {c for r in eu for c in json.loads(r[1] or "[]")}
    final = {joined(fold(n.text)) for g in records if not g.native_id.startswith(("2017-list/", "pilot-10+10/"))
             for n in g.names}
    out = []
    links = _eu_links(store, records, eu_ids, eu_countries)
    for gi in records:
        annex = gi.native_id.split("/", 1)[0]
        entry = Entry(gi=gi, annex=annex, party=gi.native.get("party", "CN" if "CN" in gi.countries else "EU"),
                      eu_record=links.get(gi.id))
        entry.events.append(Event("listed", None, None, f"{annex} ({gi.native.get('confidence', 'confirmed')})",
                                  gi.source.url or gi.source.file))
        if gi.native.get("listed_as"):
            entry.events.append(Event("listed", None, None, f"also listed as {gi.native['listed_as']}",
                                      gi.source.url or gi.source.file))
        for m in _milestones():
            if m["annex"] == annex and (m["territory"] != ("CN" if entry.party == "CN" else "EU")):
                entry.events.append(Event(m["event"], dt.date.fromisoformat(m["date"]), m["territory"],
                                          m["instrument"], m["source"]))
        if annex == "2017-list" and not final & {joined(fold(n.text)) for n in gi.names}:
            entry.events.append(Event("dropped", None, None, "in the 2017 list, not in the final annexes",
                                      gi.source.url or gi.source.file))
        if entry.eu_record and annex == "pilot-10+10":
            eu = store.get(entry.eu_record)
            if eu and eu.dates.registered:
                entry.events.append(Event("registered", eu.dates.registered, "EU", eu.legal_instrument or "",
                                          entry.eu_record))
        for n in gi.names:
            if (t := _transitions().get(joined(fold(n.text)))):
                entry.events.append(Event("transition", None, t["territory"], "transition period (length not seen)",
                                          t["source"]))
                break
        entry.events.sort(key=lambda e: (e.date or dt.date.min, e.kind))
        out.append(entry)
    return out


def _eu_links(store, records: list[GI], eu_ids: set[str], eu_countries: set[str]) -> dict[str, str]:
    """Agreement entry → EU register record: the EU file number the list states, else (EU names, when the
    store holds EU register records of their country) the record the matcher finds for the same country."""
    out = {}
    for gi in records:
        number = gi.other_ids.get("eu_file_number")
        if number and f"eu:{number}" in eu_ids:
            out[gi.id] = f"eu:{number}"
        elif "CN" not in gi.countries and set(gi.countries) & eu_countries and (hit := _best_eu_hit(store, gi)):
            out[gi.id] = hit
    return out


LINKABLE = frozenset({"identical", "variant", "transliteration", "translation", "partial", "contains"})


def _best_eu_hit(store, gi: GI) -> str | None:
    """The EU register record an EU name of the lists refers to: a name-level hit (the list often gives an
    English form: 'Finnish vodka' for 'Vodka of Finland') of the same country and a comparable product."""
    from .text.lexicon import classes_comparable

    mine = gi.product_class.common if gi.product_class else None
    best = None
    for name in gi.names:
        if name.script != "Latin":
            continue
        result = store.check(name.text, limit=10, threshold=74)
        for c in result.conflicts + result.pending:
            if c.register != "eu.eambrosia" or c.kind not in LINKABLE or not set(c.country) & set(gi.countries):
                continue
            theirs = _common_class(store, c.gi)
            if mine and theirs and not classes_comparable(mine, theirs):
                continue
            if c.kind in ("partial", "contains") and not (mine and theirs):   # a part of a name: only with the product
                continue
            if best is None or c.score > best[1]:
                best = (c.gi, c.score)
    return best[0] if best else None


def _common_class(store, gi_id: str) -> str | None:
    row = store.db.execute("select class_common from gis where id = ?", [gi_id]).fetchone()
    return row[0] if row else None


def find(store, name: str) -> list[Entry]:
    """The entries a name refers to (any listed form, case and accents folded)."""
    key = joined(fold(name))
    found = [e for e in entries(store) if key in {joined(fold(n.text)) for n in e.gi.names}
             or key == joined(fold(e.gi.native_id.split("/", 1)[1]))]
    if not found:
        raise UsageError(f"no agreement name {name!r}; `gimatch agreement status` lists them")
    return found


def status(store, on: dt.date | None = None) -> dict:
    """Per annex: names, linked to an EU register record, protected, pending, dropped, unknown, as of a date."""
    on = on or dt.date.today()
    annexes: dict[str, dict] = {}
    for e in entries(store):
        a = annexes.setdefault(e.annex, {"names": 0, "linked_eu": 0, "protected": 0, "pending": 0, "dropped": 0,
                                         "unknown": 0})
        a["names"] += 1
        a["linked_eu"] += e.eu_record is not None
        a[e.state(None, on)[0]] += 1
    ordered = {k: annexes[k] for k in ANNEX_ORDER if k in annexes}
    return {"date": on.isoformat(), "annexes": ordered}


def describe(entry: Entry, on: dt.date) -> dict:
    state, _ = entry.state(None, on)
    return {"id": entry.gi.id, "annex": entry.annex, "party": entry.party, "names": [n.text for n in entry.gi.names],
            "eu_record": entry.eu_record, "status": state, "countries": entry.gi.countries,
            "places": entry.gi.places, "product": entry.gi.product_class.label if entry.gi.product_class else None,
            "confidence": entry.gi.native.get("confidence"),
            "sources": [u for u in [entry.gi.source.url, *entry.gi.source.other_urls] if u] or [entry.gi.source.file],
            "events": [{**asdict(ev), "date": ev.date.isoformat() if ev.date else None} for ev in entry.events]}


def asof(store, name: str, territory: str, on: dt.date) -> dict:
    """Was the name protected in the territory on the date, on what basis, since when."""
    if territory not in ("EU", "CN"):
        raise UsageError("territory must be EU or CN")
    best = None
    for entry in find(store, name):
        state, event = entry.state(territory, on)
        if best is None or (state == "protected") > (best[1] == "protected"):
            best = (entry, state, event)
    entry, state, event = best
    priority = None          # eAmbrosia's euProtectionDate for Annex III names: their publication for comment
    if entry.eu_record and territory == "EU":
        eu = store.get(entry.eu_record)
        if eu and eu.dates.protected and entry.annex == "III" and eu.dates.protected < agreement_in_force():
            priority = eu.dates.protected.isoformat()
    return {"name": name, "id": entry.gi.id, "territory": territory, "date": on.isoformat(),
            "protected": state == "protected", "status": state,
            "basis": (f"agreement, Annex {entry.annex}" if entry.annex in ("III", "IV") else
                      "direct registration (10+10 pilot)" if entry.annex == "pilot-10+10" else None)
            if state == "protected" else None,
            "since": event.date.isoformat() if state == "protected" and event and event.date else None,
            "instrument": event.instrument if event else None, "eu_record": entry.eu_record,
            "priority_date": priority}


def agreement_in_force() -> dt.date:
    return next(dt.date.fromisoformat(m["date"]) for m in _milestones() if m["annex"] == "III")


def gaps(store, listed: list[Entry] | None = None) -> list[dict]:
    """The work list: names missing characters, a transcription, a link to the EU register, or a source
    (of ``listed``, the store's entries when not given)."""
    out = []
    for e in listed if listed is not None else entries(store):
        missing = []
        scripts = {n.script for n in e.gi.names}
        if e.party == "CN" and "Han" not in scripts:
            missing.append("Chinese characters")
        if e.party == "CN" and not any(n.role in ("transcription",) or (n.script == "Latin" and n.role == "protected")
                                       for n in e.gi.names):
            missing.append("Latin transcription")
        if e.annex not in ("2017-list",) and e.eu_record is None:
            missing.append("EU register link")
        if not e.gi.source.url:
            missing.append("source URL")
        if e.gi.native.get("confidence") == "partial":
            missing.append("confirmation (partial)")
        if missing:
            out.append({"id": e.gi.id, "annex": e.annex, "name": e.name, "missing": missing})
    return out


def validate(path: str) -> list[dict]:
    """Problems of a lists file: rows the reader refuses (unknown annex, a name twice in one annex), and
    names whose characters and transcription disagree (the pinyin of the characters is not the
    transcription)."""
    from .registers.agreement import china_eu
    from .text.keys import name_keys
    from .text.romanize import pinyin

    result = china_eu.load(path)
    problems = [{"where": r.where, "field": r.field, "reason": r.reason} for r in result.rejects]
    for gi in result.records:
        han = next((n.text for n in gi.names if n.script == "Han"), None)
        latin = next((n.text for n in gi.names if n.role == "transcription"), None)
        if han and latin and "CN" in gi.countries:
            readings = {joined(k.key) for k in name_keys(latin)}       # legacy spellings read back (Moutai = Maotai)
            if joined(fold(pinyin(han))) not in readings | {joined(fold(latin))}:
                problems.append({"where": gi.source.record, "field": "transliteration",
                                 "reason": f"{latin!r} is not the pinyin of {han!r} ({pinyin(han)!r})"})
    for m in _milestones():
        if m["event"] == "protected" and m["annex"] in ("III", "IV") and dt.date.fromisoformat(m["date"]) < SIGNED:
            problems.append({"where": f"milestones {m['annex']}", "field": "date",
                             "reason": f"agreement protection dated {m['date']}, before the signature ({SIGNED})"})
    return problems


def diff(old_path: str, new_path: str) -> dict:
    """Names added, removed and changed (field by field) between two snapshots of the lists."""
    from .registers.agreement import china_eu

    old = {g.id: g for g in china_eu.load(old_path).records}
    new = {g.id: g for g in china_eu.load(new_path).records}
    changed = []
    for gid in sorted(old.keys() & new.keys()):
        a, b = old[gid].native, new[gid].native
        fields = {k: {"old": a.get(k), "new": b.get(k)} for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)}
        if old[gid].source.url != new[gid].source.url:
            fields["source_url"] = {"old": old[gid].source.url, "new": new[gid].source.url}
        if fields:
            changed.append({"id": gid, "fields": fields})
    return {"added": sorted(new.keys() - old.keys()), "removed": sorted(old.keys() - new.keys()), "changed": changed}


def conflicts(store, *, threshold: float = 70.0) -> list[dict]:
    """Each annex name checked against all registers: conflicts with GIs that are not the name itself
    (homonyms of other countries are coexistence), the check before proposing or accepting a batch."""
    out = []
    for e in entries(store):
        if e.annex == "2017-list":
            continue
        own = {e.gi.id, e.eu_record}
        origin = e.gi.countries[0] if e.gi.countries else None
        found = {}
        for n in e.gi.names:
            if n.role == "translation":
                continue
            try:
                result = store.check(n.text, threshold=threshold, origin=origin, limit=10)
            except UsageError:
                continue
            for c in result.conflicts + result.coexistence:
                if own & {c.gi, *c.linked} or c.gi in found:
                    continue
                found[c.gi] = {"gi": c.gi, "names": c.names, "kind": c.kind, "score": c.score, "country": c.country,
                               "severity": c.severity, "why": c.why}
        if found:
            out.append({"id": e.gi.id, "annex": e.annex, "name": e.name,
                        "conflicts": sorted(found.values(), key=lambda c: -c["score"])})
    return out
