"""The in-memory name index behind ``check``: exact keys, place keys, tokens and fuzzy choices,
loaded from the store's precomputed keys (nothing is romanized at query time for stored names)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from . import identity
from .model import Protection
from .text.anatomy import STOPWORDS
from .text.keys import ROMANIZATION_KINDS

_TOKEN_KINDS = frozenset({"fold", "stem", "legacy", "japanese"}) | ROMANIZATION_KINDS


@dataclass
class IndexedGI:
    id: str
    register: str
    native_id: str
    gi_type: str | None
    countries: list[str]
    class_label: str | None
    class_common: str | None
    status: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    protections: list[tuple] = field(default_factory=list)  # raw rows; models are built for hits only

    def protection_models(self) -> list[Protection]:
        """The record's protections, each naming this record's register."""
        return [Protection(territory=t, basis=b, instrument=i, annex=a, since=s, status=st, known_by=k, not_before=n,
                           register=self.register)
                for t, b, i, a, s, st, k, n in self.protections]


Ref = tuple[int, int, str]  # (gi position, name position, key kind)


def trigrams(word: str) -> list[str]:
    """Letter trigrams of a word, with its first and last letters marked ('^ca', 'os$')."""
    padded = f"^{word}$"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


@dataclass
class NameIndex:
    gis: list[IndexedGI]
    by_key: dict[str, list[Ref]]
    by_place: dict[str, list[tuple[int, int, frozenset[str]]]]
    by_token: dict[str, list[tuple[int, int]]]
    name_tokens: dict[tuple[int, int], frozenset[str]]
    idf: dict[str, float]
    fuzzy_choices: list[str]
    fuzzy_refs: list[list[Ref]]
    by_suffix: dict[str, list[int]]
    by_gram: dict[str, list[int]]
    group_of: list[int] = field(default_factory=list)     # per GI position: its group (one GI across registers)
    members: dict[int, list[int]] = field(default_factory=dict)
    pos: dict[str, int] = field(default_factory=dict)

    def position(self, gi_id: str) -> int:
        return self.pos[gi_id]

    def group_members(self, i: int) -> list[int]:
        """The positions of the records of the GI record ``i`` belongs to, home register first."""
        return self.members[self.group_of[i]]

    @classmethod
    def from_store(cls, store) -> "NameIndex":
        db = store.db
        gis: list[IndexedGI] = []
        pos: dict[str, int] = {}
        links: list[frozenset[str]] = []
        for row in db.execute("select id, register, native_id, gi_type, countries, class_label, class_common, status, "
                              "links from gis order by id"):
            pos[row[0]] = len(gis)
            gis.append(IndexedGI(row[0], row[1], row[2], row[3], json.loads(row[4] or "[]"), row[5], row[6], row[7]))
            links.append(frozenset(json.loads(row[8] or "[]")))
        by_place: dict[str, list] = {}
        for gi_id, idx, text, role, place_key, concepts in db.execute(
                "select gi_id, idx, text, role, place_key, concepts from names order by gi_id, idx"):
            g = gis[pos[gi_id]]
            g.names.append(text)
            g.roles.append(role)
            if place_key:
                by_place.setdefault(place_key, []).append((pos[gi_id], idx, frozenset(json.loads(concepts or "[]"))))
        for gi_id, *row in db.execute("select gi_id, territory, basis, instrument, annex, since, status, known_by, "
                                      "not_before from protections"):
            gis[pos[gi_id]].protections.append(tuple(row))
        by_key: dict[str, list[Ref]] = {}
        tokens: dict[tuple[int, int], set[str]] = {}
        fuzzy: dict[str, list[Ref]] = {}
        for key, kind, gi_id, idx in db.execute("select key, kind, gi_id, name_idx from keys"):
            ref = (pos[gi_id], idx, kind)
            by_key.setdefault(key, []).append(ref)
            if kind in _TOKEN_KINDS and key.isascii():
                if " " in key or kind == "fold" or kind in ROMANIZATION_KINDS:
                    tokens.setdefault((ref[0], idx), set()).update(t for t in key.split() if t not in STOPWORDS)
                if " " not in key and len(key) >= 4:
                    fuzzy.setdefault(key, []).append(ref)
            elif kind == "joined" and key.isascii() and len(key) >= 4:
                fuzzy.setdefault(key, []).append(ref)
        by_token: dict[str, list[tuple[int, int]]] = {}
        for ref, toks in tokens.items():
            for t in toks:
                by_token.setdefault(t, []).append(ref)
        n = max(len(tokens), 1)
        idf = {t: math.log((n + 1) / (len(refs) + 0.5)) for t, refs in by_token.items()}
        choices = list(fuzzy)
        by_suffix: dict[str, list[int]] = {}
        for i, choice in enumerate(choices):
            if len(choice) >= 6:
                by_suffix.setdefault(choice[-4:], []).append(i)
        by_gram: dict[str, list[int]] = {}
        for i, choice in enumerate(choices):
            for gram in set(trigrams(choice)):
                by_gram.setdefault(gram, []).append(i)
        cards = [identity.Card(g.id, g.register, tuple(g.countries), frozenset(identity.name_key(n) for n in g.names),
                               links[i]) for i, g in enumerate(gis)]
        group_of = identity.groups(cards)
        members: dict[int, list[int]] = {}
        for i, group in enumerate(group_of):
            members.setdefault(group, []).append(i)
        for group in members.values():
            group.sort(key=lambda i: (identity.home_rank(gis[i].register, gis[i].countries), gis[i].id))
        return cls(gis=gis, by_key=by_key, by_place=by_place, by_token=by_token,
                   name_tokens={k: frozenset(v) for k, v in tokens.items()}, idf=idf,
                   fuzzy_choices=choices, fuzzy_refs=[fuzzy[c] for c in choices], by_suffix=by_suffix,
                   by_gram=by_gram, group_of=group_of, members=members, pos=pos)

    def similar_choices(self, target: str, min_shared: int = 2) -> list[int]:
        """Fuzzy choices sharing at least ``min_shared`` trigrams with ``target`` (the blocking step
        that spares comparing a query with every stored name)."""
        counts: dict[int, int] = {}
        for gram in set(trigrams(target)):
            for i in self.by_gram.get(gram, ()):
                counts[i] = counts.get(i, 0) + 1
        return [i for i, n in counts.items() if n >= min_shared]

    def token_idf(self, token: str) -> float:
        return self.idf.get(token, math.log(len(self.name_tokens) + 1))
