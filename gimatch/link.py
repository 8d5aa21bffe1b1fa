"""Cross-register linking: which records of two registers are the same GI (the agreement's Chinese names
and the EU register's PGI-CN entries; Thai DIP records and the EU's PGI-TH entries; AVAs and PDO-US).

Each record of the left register is checked, by each of its names, against the right register's
records; a pair needs a name-level kind (identical, variant, transliteration, translation) and, when
both records give countries, a shared country. Each left record keeps its best right record.
Pairs the data already states (an ``eu_file_number`` or other id naming the other record) measure
precision and recall.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from . import registry
from .errors import UsageError
from .model import GI

LINK_KINDS = ("identical", "variant", "transliteration", "translation")


@dataclass
class Link:
    left: str
    right: str
    score: float
    kind: str
    left_name: str
    right_name: str
    evidence: str
    known: bool | None          # True: the data states this pair; False: it states another; None: it says nothing


def _records(store, register: str) -> list[GI]:
    rows = store.db.execute("select record from gis where register = ? order by id", [register]).fetchall()
    return [GI.model_validate_json(r[0]) for r in rows]


def _stated(gi: GI, by_native: dict[str, str], naming: dict[str, set[str]]) -> set[str]:
    """Ids of records of the other register that ``gi``'s own ids name (or that name ``gi``)."""
    return {by_native[v] for v in gi.other_ids.values() if v in by_native} | naming.get(gi.native_id, set())


def link(store, left: str, right: str, *, threshold: float = 80.0) -> tuple[list[Link], dict]:
    """The links from ``left`` to ``right`` records and their measured precision and recall."""
    left, right = registry.resolve(left), registry.resolve(right)
    if left == right:
        raise UsageError("link needs two different registers")
    lefts, rights = _records(store, left), {g.id: g for g in _records(store, right)}
    if not lefts or not rights:
        empty = left if not lefts else right
        raise UsageError(f"the store holds no {empty} records; import that register first")
    by_native = {o.native_id: o.id for o in rights.values()}
    naming: dict[str, set[str]] = {}          # a native id of the left register → right records naming it
    for o in rights.values():
        for v in o.other_ids.values():
            naming.setdefault(v, set()).add(o.id)
    links: list[Link] = []
    known_pairs = 0
    for gi in lefts:
        stated = _stated(gi, by_native, naming)
        known_pairs += len(stated)
        best = None
        for name in gi.names:
            try:
                result = store.check(name.text, threshold=threshold, limit=50)
            except UsageError:
                continue
            for c in result.conflicts + result.pending:
                ids = [c.gi, *c.linked]
                target = next((i for i in ids if i in rights), None)
                if target is None or c.kind not in LINK_KINDS:
                    continue
                if gi.countries and rights[target].countries and not set(gi.countries) & set(rights[target].countries):
                    continue
                if best is None or c.score > best.score:
                    best = Link(gi.id, target, c.score, c.kind, name.text, c.matched_name,
                                c.evidence[0].key_kind if c.evidence else "", None)
        if best:
            best.known = (best.right in stated) if stated else None
            links.append(best)
    judged = [lk for lk in links if lk.known is not None]
    metrics = {"left": left, "right": right, "left_records": len(lefts), "links": len(links),
               "known_pairs": known_pairs, "known_found": sum(1 for lk in judged if lk.known),
               "precision": round(sum(lk.known for lk in judged) / len(judged), 3) if judged else None,
               "recall": round(sum(lk.known for lk in judged) / known_pairs, 3) if known_pairs else None}
    return links, metrics


def to_json(links: list[Link], metrics: dict) -> str:
    return json.dumps({"metrics": metrics, "links": [asdict(lk) for lk in links]}, ensure_ascii=False, indent=2)
