"""The China–EU agreement tracker: every annex entry with its names, links and dated timeline, status as of
any date, as-of questions for any GI in the store, diffs between list snapshots, gaps, conflicts around the
lists, and the figures of the briefing reports.

An annex holds one entry per GI: the list's rows that are the same GI (the Chinese name, its English
translation, a Korean form, a variant) are names of that entry. Protection comes from
:mod:`gimatch.timeline`, which reads every record of the GI the store holds (the EU register entry, the annex
entries, a direct registration in China), so a name protected on any basis counts as protected. "Dropped"
describes a list entry (a 2017 name not in the final annexes), never a protection.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from . import bundled, identity, timeline
from .dates import as_date
from .errors import UsageError
from .model import GI
from .text.fold import fold, joined

REGISTER = "agreement.china_eu"
SIGNED = dt.date(2020, 9, 14)
ANNEX_ORDER = ("III", "IV", "V", "VI", "VII", "III|V", "V|VII", "pilot-10+10", "2017-list")
TERRITORIES = ("CN", "EU", "JP", "TH", "US")
LINKABLE = frozenset({"identical", "variant", "transliteration", "translation", "partial", "contains", "fuzzy"})


@functools.lru_cache(maxsize=1)
def _annexes() -> dict[str, dict[str, str]]:
    return {r["annex"]: r for r in bundled.read_table("agreements/china_eu/annexes.csv")}


@functools.lru_cache(maxsize=1)
def _milestones() -> tuple[dict[str, str], ...]:
    return bundled.read_table("agreements/china_eu/milestones.csv")


@functools.lru_cache(maxsize=1)
def _transitions() -> dict[str, dict[str, str]]:
    return {joined(fold(r["name"])): r for r in bundled.read_table("agreements/china_eu/transitions.csv")}


def official_size(annex: str) -> int | None:
    size = _annexes().get(annex, {}).get("official_size")
    return int(size) if size else None


def listed_on(annex: str) -> dt.date | None:
    """The first day the list existed (its first publication, signature or application), None if unknown."""
    dates = [dt.date.fromisoformat(m["date"]) for m in _milestones() if m["annex"] == annex]
    return min(dates) if dates else None


@dataclass
class Entry:
    """One GI of one annex: the list's records for it, its EU register record, and the other records of the
    same GI in the store (a direct registration in China)."""

    records: list[GI]
    annex: str
    party: str
    eu_record: str | None = None
    related: list[GI] = field(default_factory=list)

    @property
    def gi(self) -> GI:
        return self.records[0]

    @property
    def name(self) -> str:
        return self.gi.names[0].text

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(n.text for gi in self.records for n in gi.names))

    @property
    def territory(self) -> str:
        """Where the annex protects the entry: the other party's territory."""
        return "EU" if self.party == "CN" else "CN"

    @property
    def dropped(self) -> bool:
        return any(gi.native.get("dropped") == "1" for gi in self.records)

    def answer(self, on: dt.date, territory: str | None = None) -> timeline.Answer:
        return timeline.answer(self.records + self.related, territory or self.territory, on)

    def state(self, on: dt.date) -> str:
        """protected / pending / unknown / not protected / dropped in the other party's territory on a date."""
        if self.dropped:
            return "dropped"
        return self.answer(on).status

    def events(self) -> list[timeline.Event]:
        out = {(e.date, e.kind, e.territory, e.instrument): e for gi in self.records + self.related
               for e in timeline.events(gi)}
        for name in self.names:
            if (t := _transitions().get(joined(fold(name)))):
                out[(None, "transition", t["territory"], None)] = timeline.Event(
                    None, "transition", t["territory"], "agreement", "transition period (length not seen)",
                    self.annex, self.gi.id, t["source"])
                break
        if self.dropped:
            out[(None, "dropped", None, None)] = timeline.Event(None, "dropped", None, None,
                                                                "in the 2017 list, not in the final annexes",
                                                                self.annex, self.gi.id, timeline.public_source(self.gi))
        return sorted(out.values(), key=lambda e: (e.date or dt.date.max, e.kind))


def _records(store) -> list[GI]:
    records = store.records(REGISTER)
    if not records:
        raise UsageError("the store holds no China–EU agreement lists")
    return records


def entries(store) -> list[Entry]:
    """Every annex entry in the store: the list's records grouped into one entry per GI per annex, each
    with its EU register record and the store's other records of the same GI (computed once per store state)."""
    return store.memo("agreement.entries", lambda: _entries(store))


def _entries(store) -> list[Entry]:
    records = _records(store)
    final = {joined(fold(n.text)) for g in records if not g.native_id.startswith(("2017-list/", "pilot-10+10/"))
             for n in g.names}
    links = _eu_links(store, records)
    grouped: dict[tuple[str, str], list[GI]] = {}
    for gi in records:
        annex = gi.native_id.split("/", 1)[0]
        if annex == "2017-list" and not final & {joined(fold(n.text)) for n in gi.names}:
            gi.native["dropped"] = "1"
        grouped.setdefault((annex, links.get(gi.id) or gi.id), []).append(gi)
    out = []
    for (annex, key), group in grouped.items():
        group.sort(key=lambda gi: (gi.native.get("confidence") != "confirmed", gi.id))
        first = group[0]
        party = first.native.get("party", "CN" if "CN" in first.countries else "EU")
        eu_record = key if key.startswith("eu:") else None
        seeds = [eu_record] if eu_record and store.get(eu_record) else [gi.id for gi in group]
        related = list({gi.id: gi for seed in seeds for gi in identity.records_of(store, seed)
                        if gi.register != REGISTER}.values())
        out.append(Entry(records=group, annex=annex, party=party, eu_record=eu_record, related=related))
    order = {a: i for i, a in enumerate(ANNEX_ORDER)}
    out.sort(key=lambda e: (order.get(e.annex, 99), e.gi.id))
    return out


def _eu_links(store, records: list[GI]) -> dict[str, str]:
    """Agreement record → the EU register record of its GI: the EU file number the list states, else the
    record the matcher finds for a name of the list (same country, a name-level or translated match, and
    a comparable product where only part of a name matches)."""
    eu_ids = set(store.ids_in_register("eu.eambrosia"))
    out = {}
    for gi in records:
        number = gi.other_ids.get("eu_file_number")
        if number and f"eu:{number}" in eu_ids:
            out[gi.id] = f"eu:{number}"
        elif eu_ids and (hit := _best_eu_hit(store, gi)):
            out[gi.id] = hit
    return out


def _best_eu_hit(store, gi: GI) -> str | None:
    from .text.lexicon import classes_comparable

    mine = gi.product_class.common if gi.product_class else None
    best = None
    for name in gi.names:
        try:
            result = store.check(name.text, limit=10, threshold=74)
        except UsageError:
            continue
        for c in result.conflicts + result.pending:
            eu = next((i for i in (c.gi, *c.linked) if i.startswith("eu:")), None)
            if eu is None or c.kind not in LINKABLE or not set(c.country) & set(gi.countries):
                continue
            theirs = store.common_class(eu)
            if mine and theirs and not classes_comparable(mine, theirs):
                continue
            if c.kind in ("partial", "contains", "fuzzy") and not (mine and theirs):   # part of a name: with the product
                continue
            if _products_differ(gi, store.get(eu)):     # Jinhua ham is not Jinhua pig, black tea not green tea
                continue
            if best is None or c.score > best[1]:
                best = (eu, c.score)
    return best[0] if best else None


def _products_differ(a: GI, b: GI) -> bool:
    """True when every pair of the two records' names names different products."""
    from .text.anatomy import anatomy
    from .text.lexicon import concepts_agree

    verdicts = {concepts_agree(anatomy(x.text).concepts, anatomy(y.text).concepts) for x in a.names for y in b.names}
    return verdicts == {False}


def find(store, name: str) -> list[Entry]:
    """The entries a name refers to (any listed form, case and accents folded)."""
    key = joined(fold(name))
    found = [e for e in entries(store) if key in {joined(fold(n)) for n in e.names}
             or key in {joined(fold(gi.native_id.split("/", 1)[1])) for gi in e.records}]
    if not found:
        raise UsageError(f"no agreement name {name!r}; `gimatch agreement status` lists them")
    return found


def status(store, on: dt.date | str | None = None) -> dict:
    """Per annex, as of a date: the entries (one per GI), those linked to an EU register record, their states
    (protected, pending, unknown, not protected, dropped), the annex's official size and how many of its
    slots are known. A list that did not exist on the date is left out."""
    on = as_date(on, "on") or dt.date.today()
    annexes: dict[str, dict] = {}
    for e in entries(store):
        first = listed_on(e.annex)
        if first and first > on:
            continue
        a = annexes.setdefault(e.annex, {"names": 0, "linked_eu": 0, "protected": 0, "pending": 0, "dropped": 0,
                                         "unknown": 0, "not protected": 0, "official_size": official_size(e.annex)})
        a["names"] += 1
        a["linked_eu"] += e.eu_record is not None
        a[e.state(on)] += 1
    for a in annexes.values():
        size = a["official_size"]
        a["known"] = min(a["names"], size) if size else a["names"]
        a["unidentified"] = max(size - a["names"], 0) if size else None
        a["unresolved"] = max(a["names"] - size, 0) if size else 0
    return {"date": on.isoformat(), "annexes": {k: annexes[k] for k in ANNEX_ORDER if k in annexes}}


def describe(entry: Entry, on: dt.date | str) -> dict:
    """One annex entry as of a date: its records, state, protection start and dated events."""
    on = as_date(on, "on")
    answer = entry.answer(on)
    return {"id": entry.gi.id, "annex": entry.annex, "party": entry.party, "names": entry.names,
            "records": [gi.id for gi in entry.records], "eu_record": entry.eu_record,
            "related": [gi.id for gi in entry.related], "status": entry.state(on),
            "protected_in": entry.territory, "since": answer.since.isoformat() if answer.since else None,
            "basis": answer.basis, "countries": entry.gi.countries, "places": entry.gi.places,
            "product": entry.gi.product_class.label if entry.gi.product_class else None,
            "confidence": entry.gi.native.get("confidence"),
            "sources": list(dict.fromkeys(u for gi in entry.records for u in [gi.source.url, *gi.source.other_urls] if u)),
            "events": [ev.to_json() for ev in entry.events()]}


def asof(store, name: str, territory: str, on: dt.date | str) -> dict:
    """Was the GI named ``name`` (any GI in the store) protected in the territory on the date, on what
    basis, since when; with every basis in force and the dated timeline behind the answer."""
    if territory not in TERRITORIES:
        raise UsageError(f"territory must be one of {', '.join(TERRITORIES)}")
    on = as_date(on, "on")
    if on is None:
        raise UsageError("asof needs a date")
    groups = identity.records_named(store, name)
    if not groups:
        groups = [g for g in (_by_matcher(store, name),) if g]
    if not groups:
        raise UsageError(f"no GI named {name!r} in the store; `gimatch check {name!r}` shows near names")
    answers = [(g, timeline.answer(g, territory, on)) for g in groups]
    records, answer = max(answers, key=lambda ga: (ga[1].protected is True, ga[1].status == "pending"))
    eu = next((gi for gi in records if gi.register == "eu.eambrosia"), None)
    priority = eu.dates.protected.isoformat() if (eu and territory == "EU" and eu.dates.protected and answer.since
                                                  and eu.dates.protected < answer.since) else None
    basis = (f"{answer.basis}, Annex {answer.annex}" if answer.basis == "agreement" and answer.annex else
             f"{answer.basis}, {_register_title(answer.record)}" if answer.basis else None)
    return {"name": name, "id": records[0].id, "territory": territory, "date": on.isoformat(),
            "protected": answer.protected, "status": answer.status, "basis": basis, "basis_kind": answer.basis,
            "since": answer.since.isoformat() if answer.since else None,
            "known_by": answer.known_by.isoformat() if answer.known_by else None,
            "instrument": answer.instrument, "record": answer.record, "eu_record": eu.id if eu else None,
            "priority_date": priority, "records": [gi.id for gi in records], "bases": answer.bases,
            "timeline": [e.to_json() for e in answer.timeline],
            "homonyms": [g[0].id for g in groups if g is not records]}


def _register_title(gi_id: str | None) -> str:
    from .registry import REGISTERS, module

    register = gi_id.split(":", 1)[0] if gi_id else ""
    register = {"eu": "eu.eambrosia"}.get(register, register)
    return module(register).REGISTER.title if register in REGISTERS else register


def _by_matcher(store, name: str) -> list[GI]:
    """Records of the GI the matcher finds for a name in another script or spelling (identical, variant,
    transliteration), with their linked records."""
    try:
        result = store.check(name, limit=3, threshold=95)
    except UsageError:
        return []
    top = next((c for c in result.conflicts + result.pending
                if c.kind in ("identical", "variant", "transliteration")), None)
    return identity.records_of(store, top.gi) if top else []


def gaps(store, listed: list[Entry] | None = None) -> list[dict]:
    """The work list: entries missing characters, a transcription, a link to the EU register, a source or
    a confirmation, and each annex's slots no source identifies yet."""
    listed = listed if listed is not None else entries(store)
    out = []
    for e in listed:
        missing = []
        scripts = {n.script for gi in e.records for n in gi.names}
        if e.party == "CN" and "Han" not in scripts:
            missing.append("Chinese characters")
        if e.party == "CN" and not any(n.role == "transcription" or (n.script == "Latin" and n.role == "protected")
                                       for gi in e.records for n in gi.names):
            missing.append("Latin transcription")
        if e.annex != "2017-list" and e.eu_record is None:
            missing.append("EU register link")
        if not any(gi.source.url for gi in e.records):
            missing.append("source URL")
        if all(gi.native.get("confidence") == "partial" for gi in e.records):
            missing.append("confirmation (partial)")
        if missing:
            out.append({"id": e.gi.id, "annex": e.annex, "name": e.name, "missing": missing})
    counts: dict[str, int] = {}
    for e in listed:
        counts[e.annex] = counts.get(e.annex, 0) + 1
    for annex, n in counts.items():
        size = official_size(annex)
        if size and n < size:
            out.append({"id": f"{REGISTER}:{annex}/…", "annex": annex, "name": f"{size - n} unidentified names",
                        "missing": [f"{size - n} of the annex's {size} names not yet known"]})
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
    return problems


def diff(old_path: str, new_path: str) -> dict:
    """Names added, removed, moved between annexes and changed (field by field) between two snapshots of the
    lists. A name found in another annex of the other snapshot is a move, not a removal and an addition."""
    from .registers.agreement import china_eu

    old = {g.id: g for g in china_eu.load(old_path).records}
    new = {g.id: g for g in china_eu.load(new_path).records}
    name_of = lambda gid: gid.split("/", 1)[1]  # noqa: E731
    added, removed = sorted(new.keys() - old.keys()), sorted(old.keys() - new.keys())
    moved = []
    for gid in list(removed):
        target = next((n for n in added if name_of(n) == name_of(gid)), None)
        if target:
            moved.append({"name": name_of(gid), "from": gid.split(":", 1)[1].split("/", 1)[0],
                          "to": target.split(":", 1)[1].split("/", 1)[0], "old_id": gid, "new_id": target})
            removed.remove(gid)
            added.remove(target)
    changed = []
    for gid in sorted(old.keys() & new.keys()):
        a, b = old[gid].native, new[gid].native
        fields = {k: {"old": a.get(k), "new": b.get(k)} for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)}
        if old[gid].source.url != new[gid].source.url:
            fields["source_url"] = {"old": old[gid].source.url, "new": new[gid].source.url}
        if fields:
            changed.append({"id": gid, "fields": fields})
    return {"added": added, "removed": removed, "moved": moved, "changed": changed}


def conflicts(store, *, threshold: float = 70.0) -> list[dict]:
    """Each annex entry checked against all registers: conflicts with GIs that are not the entry's own GI
    (homonyms of other countries are coexistence), the check before proposing or accepting a batch."""
    out = []
    for e in entries(store):
        if e.annex == "2017-list":
            continue
        own = {gi.id for gi in e.records + e.related} | {e.eu_record}
        origin = e.gi.countries[0] if e.gi.countries else None
        found = {}
        for n in (n for gi in e.records for n in gi.names):
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
