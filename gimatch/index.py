"""The name index behind ``check``, ``scan`` and ``screen``: exact keys, place keys, tokens, fuzzy choices and
sound forms, built from the store's precomputed keys (nothing is romanized at query time for stored names)
and persisted beside the store (``<store>.index``) for the state of the store it was built from, so that
a process loads it instead of building it.

The persisted index is a SQLite file holding each part of the index twice: entry by entry, keyed, and whole.
A process that checks a few names reads only the entries its queries touch (its cost does not grow with the
register); a part read often, or a screen or scan of many rows, is read whole (:meth:`NameIndex.materialize`).
"""

from __future__ import annotations

import gc
import json
import marshal
import math
import os
import pickle
import sqlite3
import sys
import tempfile
from bisect import bisect_left
from collections import Counter
from itertools import chain
from operator import itemgetter
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import identity
from .model import Protection
from .text.anatomy import STOPWORDS, canonical_place, compound_place, place_core, spaceless_place_key
from .text.fold import fold, script_of
from .text.keys import CANTONESE_SOURCE, ROMANIZATION_KINDS
from .text import phonetic
from .text.lexicon import lexicon, prime_lexicon

# The layout of the persisted index and the Python that wrote its values (marshal's format follows Python's
# version): a file of another layout is built again.
INDEX_FORMAT = f"8 py{sys.version_info[0]}.{sys.version_info[1]} marshal{marshal.version}"
HOT = 2000              # lookups in a part read entry by entry, after which the part is read whole
# The sets of stored sound forms a query meets, by name: (the scripts they were read from, None for all; whole
# names only; the fewest consonants). A Latin query meets only what an old romanization can render: whole
# Chinese and Japanese names of four consonants or more.
PHON_VIEWS = {"all": (None, False, 0), "romanized": (frozenset({"han", "kana", CANTONESE_SOURCE}), True, 4)}
_TOKEN_KINDS = frozenset({"fold", "stem", "legacy", "japanese"}) | ROMANIZATION_KINDS


def _of_a_country(word: str) -> bool:
    """Whether a word is a country's adjective (françaises, italiani): it names a country, not a place of its."""
    from .text.stem import stem

    lex = lexicon()
    return any(w in lex.origins or w in lex.country_words for w in (word, stem(word)))


# Endings of Italian and Spanish adjectives that end ordinary words as often as place adjectives (nettarina,
# Montalcino, Trebbiano): an adjective's root is read off the other endings only (-ese, -igiano, -isch, -er, -ski).
WEAK_ENDINGS = frozenset({"ano", "ana", "ani", "ino", "ina", "ini", "eno", "ena"})


def _place_adjectives(gis, name_places):
    """(gi, name, place key, word, root) for each word of a Latin place that is an adjective: a demonym ending
    of the language of the GI's country comes off it."""
    from .text.anatomy import demonym_roots

    for (gi, ni), (place, key) in name_places.items():
        if place.isascii():
            lang = phonetic.language_of(gis[gi].countries)
            for word in place.split():
                for root in demonym_roots(word, lang):
                    yield gi, ni, key, word, root


def _adjective_roots(adjectives, name_concepts) -> dict[str, list[tuple[int, int, frozenset[str]]]]:
    """The names whose place is written as an adjective (``adjectives``: :func:`_place_adjectives`), by the
    adjective's root (five letters or more: kali- of kaliskie says too little), in the language of the GI's
    country."""
    out: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
    for gi, ni, _, word, root in adjectives:
        if len(root) >= 5 and word[len(root):] not in WEAK_ENDINGS and not _of_a_country(word):
            out.setdefault(root, []).append((gi, ni, name_concepts[(gi, ni)]))
    return out


def _chinese_reading(place: str, place_key: str) -> str:
    """The key of a place written in kanji as Chinese reads the same characters (神戸: shenhu, where Japanese
    reads kobe; 松阪: songban), since Chinese writes a Japanese place with its kanji (神户牛肉, 松阪牛); '' where
    the place is not all Han or Chinese reads it as its key does."""
    if not place or not all(script_of(ch) == "Han" for ch in place):
        return ""
    key = spaceless_place_key(fold(place), False)[0]
    return key if key != place_key else ""


def _class_named(group: list[int], gis, name_concepts) -> str | None:
    """The class of the product the names of a GI's records name (但馬牛: beef), where the records give none."""
    from .text.lexicon import class_of_concept

    class_of = class_of_concept()
    classes = {class_of[c] for i in group for ni in range(len(gis[i].names))
               for c in name_concepts.get((i, ni), ()) if c in class_of}
    return classes.pop() if len(classes) == 1 else None


def _places_of_adjectives(gis, adjectives, by_place) -> list[tuple[str, int, int]]:
    """(place key, gi, name) for each name whose place is written as an adjective (``adjectives``: Riojano,
    Veronese, Parmigiano) and the place it is the adjective of, where another name of a GI of the same country
    writes that place out (Rioja, Verona, Parma) and only that one starts with the adjective's root."""
    from .text.anatomy import demonym_root

    countries = {k: {c for gi, _, concepts in refs if concepts for c in gis[gi].countries}
                 for k, refs in by_place.items() if k.isascii() and len(k) >= 4 and demonym_root(k) == k}
    known = sorted(k for k, of in countries.items() if of)
    out = []
    for gi, ni, key, _, root in adjectives:
        if len(root) < 4:
            continue
        at = bisect_left(known, root)
        named = set()
        while at < len(known) and known[at].startswith(root):
            if len(known[at]) <= len(root) + 2 and known[at] != key and countries[known[at]] & set(gis[gi].countries):
                named.add(known[at])
            at += 1
        if len(named) == 1:
            out.append((named.pop(), gi, ni))
    return out


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
        """The record's protections, each naming this record's register (built once per record)."""
        models = self.__dict__.get("_models")
        if models is None:
            models = self.__dict__["_models"] = [
                Protection(territory=t, basis=b, instrument=i, annex=a, since=s, status=st, known_by=k,
                           not_before=n, register=self.register)
                for t, b, i, a, s, st, k, n in self.protections]
        return list(models)


Ref = tuple[int, int, str]  # (gi position, name position, key kind)


class GIList:
    """The indexed records, kept as rows of plain values (quick to persist and to load, or read one by one
    from a persisted index); a record is built as an :class:`IndexedGI` the first time it is asked for."""

    FIELDS = ("id", "register", "native_id", "gi_type", "countries", "class_label", "class_common", "status",
              "names", "roles", "protections")

    def __init__(self, rows):
        self.rows = rows
        self._made: dict[int, IndexedGI] = {}

    @classmethod
    def of(cls, gis: list[IndexedGI]) -> "GIList":
        return cls([tuple(getattr(g, f) for f in cls.FIELDS) for g in gis])

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> IndexedGI:
        made = self._made.get(i)
        if made is None:
            made = self._made[i] = IndexedGI(*self.rows[i])
        return made

    def __iter__(self):
        return (self[i] for i in range(len(self)))


LONG_TARGET = 10    # letters from which a fuzzy target is blocked by four-letter grams (rarer, shorter lists to
                    # count; a typo in a shorter word leaves too few of them)


def trigrams(word: str) -> list[str]:
    """Letter trigrams of a word, with its first and last letters marked ('^ca', 'os$')."""
    return ngrams(word, 3)


def blocking_grams(word: str) -> list[str]:
    """The grams a fuzzy target is blocked by: trigrams, four-letter grams for a long target."""
    return ngrams(word, 4 if len(word) >= LONG_TARGET else 3)


def by_length(strings) -> tuple[list[str], list[int]]:
    """The strings in order of length (then of text), and where each length starts among them (a range of
    lengths is then a range of positions; see :func:`length_range`)."""
    ordered = sorted(sorted(strings), key=len)
    longest = len(ordered[-1]) if ordered else 0
    return ordered, [bisect_left(ordered, n, key=len) for n in range(longest + 2)]


def length_range(starts: list[int], shortest: int, longest: int) -> tuple[int, int]:
    """The positions (from, to) of the strings ``shortest`` to ``longest`` letters long, in :func:`by_length`'s order."""
    last = len(starts) - 1
    return starts[min(shortest, last)], starts[min(longest + 1, last)]


def ratio_lengths(n: int, cutoff: float) -> tuple[int, int]:
    """The lengths a string can have and still be ``cutoff`` % alike (rapidfuzz ratio) with one of ``n``
    letters: the ratio is at most 200 * shorter / (both)."""
    return int(n * cutoff / (200 - cutoff)), math.ceil(n * (200 - cutoff) / cutoff)


def ngrams(word: str, n: int) -> list[str]:
    padded = f"^{word}$"
    return [padded[i:i + n] for i in range(len(padded) - n + 1)]


_MISSING = object()


def _code(key) -> str:
    """An entry's key as the persisted index stores it: the text, the number, or a pair's numbers."""
    return " ".join(map(str, key)) if isinstance(key, tuple) else str(key)


class Section:
    """One part of a persisted index (a dict or a list), read entry by entry from the file and remembered;
    after HOT lookups it is read whole and takes its own place in the index."""

    def __init__(self, owner: "NameIndex", name: str, db: sqlite3.Connection, size: int):
        self._owner, self._name, self._db, self._size = owner, name, db, size
        self._seen: dict = {}
        self._lookups = 0

    def get(self, key, default=None):
        self._lookups += 1
        if self._lookups > HOT:
            whole = self._owner.materialize(self._name)
            if isinstance(whole, list):
                return whole[key] if 0 <= key < len(whole) else default
            return whole.get(key, default)
        value = self._seen.get(key, _MISSING)
        if value is _MISSING:
            row = self._db.execute("select value from entries where section = ? and key = ?",
                                   (self._name, _code(key))).fetchone()
            value = self._seen[key] = marshal.loads(row[0]) if row else None
        return default if value is None else value

    def take(self, keys: list) -> list:
        """The values at ``keys`` (all present), the ones not yet seen read in one step."""
        wanted = [k for k in dict.fromkeys(keys) if k not in self._seen]
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            codes = {_code(k): k for k in part}
            for code, value in self._db.execute(
                    f"select key, value from entries where section = ? and key in ({','.join('?' * len(part))})",
                    (self._name, *codes)):
                self._seen[codes[code]] = marshal.loads(value)
        return [self[k] for k in keys]

    def __getitem__(self, key):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self) -> int:
        return self._size

    def __iter__(self):
        return iter(self._owner.materialize(self._name))

    def items(self):
        return self._owner.materialize(self._name).items()


@dataclass
class NameIndex:
    gis: GIList
    by_key: dict[str, list[Ref]]
    by_place: dict[str, list[tuple[int, int, frozenset[str]]]]
    by_token: dict[str, list[tuple[int, int]]]
    name_tokens: dict[tuple[int, int], tuple[str, ...]]
    idf: dict[str, float]
    fuzzy_choices: list[str]
    fuzzy_refs: list[list[Ref]]
    by_suffix: dict[str, list[int]]       # fuzzy choices of six letters or more by their last four
    by_gram: dict[str, list[int]]
    by_stem6: dict[str, list[int]] = field(default_factory=dict)    # ... and by their first six
    by_stem5: dict[str, list[int]] = field(default_factory=dict)    # choices of five or six letters by their first five
    length_starts: list[int] = field(default_factory=list)    # the first fuzzy choice of each length (they are in order)
    by_place_stem: dict[str, list[tuple[int, int, frozenset[str]]]] = field(default_factory=dict)
    by_place_root: dict[str, list[tuple[int, int, frozenset[str]]]] = field(default_factory=dict)  # a place adjective's
    # roots, each a demonym ending leaves (genov- of Basilico Genovese, ogulin- of Ogulinski): the place it names
    # is the root, or the root and an ending of a few letters (Genova, Kočevje: see match.translation)
    by_place_core: dict[str, list[tuple[int, int, frozenset[str]]]] = field(default_factory=dict)  # a place without
    # its landscape words (amalfi of Costa d'Amalfi, magina of Sierra Mágina)
    native_choices: list[str] = field(default_factory=list)   # non-Latin whole keys (龙井茶, กาแฟดอยตุง)
    native_refs: list[list[Ref]] = field(default_factory=list)
    native_by_gram: dict[str, list[int]] = field(default_factory=dict)
    phon: list[tuple[str, str, int, int, str]] = field(default_factory=list)   # (form, skeleton, gi, name, part)
    phon_marked: list[str] = field(default_factory=list)   # each form of phon with its stops marked voiced or not
                                                           # (gimatch.text.phonetic.STOP_MARKS), as stored
    group_of: list[int] = field(default_factory=list)     # per GI position: its group (one GI across registers)
    members: dict[int, list[int]] = field(default_factory=dict)
    pos: dict[str, int] = field(default_factory=dict)
    name_concepts: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)   # the product each name names
    name_places: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)    # (place, place key) of each
    territories: dict[int, frozenset[str]] = field(default_factory=dict)    # per group: where it is protected
    holdings: dict[str, list[dict]] = field(default_factory=dict)    # per territory: Store.holdings, for coverage

    def phon_candidates(self, skeleton: str, view: str = "all", limit: int = 120, cutoff: float = 50,
                        longest: int | None = None) -> list[int]:
        """Positions in ``phon`` of the stored sound forms of a view (PHON_VIEWS) whose consonant skeleton is the
        query's or close to it: every exact skeleton, then the nearest others (rapidfuzz over the distinct
        skeletons of the view of a length that can reach ``cutoff``, ``longest`` consonants at most). The net is
        wide (a skeleton of three consonants meets those of four that share two: PMH of 波美侯 ~ PMLL of
        Pomerol, where Chinese writes the French r with h and drops the final l): the alignment decides."""
        from rapidfuzz import fuzz, process

        by_skeleton, choices, starts = self._view(view)
        shortest, reach = ratio_lengths(len(skeleton), cutoff)
        lo, hi = length_range(starts, shortest, reach if longest is None else min(reach, longest))
        window = choices[lo:hi]
        out = list(by_skeleton.get(skeleton, ()))
        for other, _, _ in process.extract(skeleton, window, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit):
            if other != skeleton:
                out.extend(by_skeleton[other])
        return out

    def _view(self, name: str) -> tuple[dict[str, list[int]], list[str], list[int]]:
        """A view's positions by skeleton, its skeletons by length, and where each length starts among them. A
        persisted view keeps its skeletons as one text and its positions entry by entry, so that a query reads
        the list it compares with and only the positions of the skeletons it meets."""
        cache = self.__dict__.setdefault("_views", {})
        if name not in cache:
            if "_file" in self.__dict__:
                joined, starts = self._whole(f"view:{name}")
                choices = joined.split("\n") if joined else []
                cache[name] = (Section(self, f"view:{name}", self.__dict__["_file"], len(choices)), choices, starts)
            else:
                by_skeleton = self._skeletons(*PHON_VIEWS[name])
                cache[name] = (by_skeleton, *by_length(by_skeleton))
        return cache[name]

    def _skeletons(self, sources: frozenset[str] | None, whole: bool, min_consonants: int) -> dict[str, list[int]]:
        """The positions of the stored sound forms by skeleton: of forms read from ``sources``, of whole names
        only when ``whole``, with ``min_consonants`` or more."""
        by_skeleton: dict[str, list[int]] = {}
        for i, (_, skeleton, _, _, kind) in enumerate(self.phon):
            part, source = kind.split(":", 1)
            if sources is not None and source not in sources:
                continue
            if (whole and part == "phon-word") or len(skeleton) < min_consonants:
                continue
            by_skeleton.setdefault(skeleton, []).append(i)
        return by_skeleton

    def territories_of(self, i: int) -> frozenset[str]:
        """The territories where the GI of record ``i`` (any of its records) is protected or pending."""
        return self.territories[self.group_of[i]]

    def abroad(self, i: int) -> bool:
        """Whether the GI of record ``i`` is protected (or pending) outside its home territory."""
        home = identity.home_territory(self.gis[i].countries)
        return bool(self.territories_of(i) - {home})

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
        by_stem: dict[str, list] = {}
        name_concepts: dict[tuple[int, int], frozenset[str]] = {}
        name_places: dict[tuple[int, int], tuple[str, str]] = {}
        for gi_id, idx, text, role, place, place_key, concepts, stem in db.execute(
                "select gi_id, idx, text, role, place, place_key, concepts, place_stem from names order by gi_id, idx"):
            g = gis[pos[gi_id]]
            g.names.append(text)
            g.roles.append(role)
            name_places[(pos[gi_id], idx)] = (place or "", place_key or "")
            named = name_concepts[(pos[gi_id], idx)] = frozenset(json.loads(concepts or "[]"))
            if place_key:
                by_place.setdefault(place_key, []).append((pos[gi_id], idx, named))
            if (chinese := _chinese_reading(place or "", place_key or "")):
                by_place.setdefault(chinese, []).append((pos[gi_id], idx, named))
            for said in (stem or "").split():   # as any language reads it, and as the name's own does
                if len(said) >= 3:
                    by_stem.setdefault(said, []).append((pos[gi_id], idx, named))
        by_core: dict[str, list] = {}
        cores = {ref: place_core(place) for ref, (place, _) in name_places.items()}   # Mount Wuyi, 武夷山: wuyi
        for (gi, ni), core in cores.items():
            # an English name's landscape word is part of its name (Long Island, Central Coast), and a country
            # is no place of a GI (France of Île-de-France)
            if core and phonetic.language_of(gis[gi].countries) != "en" and core not in lexicon().country_words:
                by_core.setdefault(core, []).append((gi, ni, name_concepts[(gi, ni)]))
        for (gi, ni), (place, _) in name_places.items():     # Schwarzwaldforelle: schwarzwald
            if (opening := compound_place(place, name_concepts[(gi, ni)])) and \
                    phonetic.language_of(gis[gi].countries) != "en":
                by_core.setdefault(canonical_place([opening]), []).append((gi, ni, name_concepts[(gi, ni)]))
        adjectives = list(_place_adjectives(gis, name_places))
        adjective_places = _places_of_adjectives(gis, adjectives, by_place)
        by_root = _adjective_roots(adjectives, name_concepts)
        for place, gi, ni in adjective_places:
            by_place.setdefault(place, []).append((gi, ni, name_concepts[(gi, ni)]))
        for gi_id, *row in db.execute("select gi_id, territory, basis, instrument, annex, since, status, known_by, "
                                      "not_before from protections"):
            gis[pos[gi_id]].protections.append(tuple(row))
        by_key: dict[str, list[Ref]] = {}
        tokens: dict[tuple[int, int], set[str]] = {}
        fuzzy: dict[str, list[Ref]] = {}
        native: dict[str, list[Ref]] = {}
        phon: list[tuple[str, str, int, int, str]] = []
        phon_marked: list[str] = []

        def add_phon(marked: str, gi: int, ni: int, kind: str) -> None:
            form = phonetic.unmarked(marked)
            if len(skeleton := phonetic.consonants(form)) >= 2:
                phon.append((form, skeleton, gi, ni, kind))
                phon_marked.append(marked)

        for key, kind, gi_id, idx in db.execute("select key, kind, gi_id, name_idx from keys"):
            ref = (pos[gi_id], idx, kind)
            if kind.startswith("phon"):
                add_phon(key, ref[0], idx, kind)     # stored with its stops marked
                continue
            if kind in ("fold", "joined") and not key.isascii() and " " not in key:
                native.setdefault(key, []).append(ref)
            by_key.setdefault(key, []).append(ref)
            if kind in _TOKEN_KINDS and key.isascii():
                if " " in key or kind == "fold" or kind in ROMANIZATION_KINDS:
                    tokens.setdefault((ref[0], idx), set()).update(t for t in key.split() if t not in STOPWORDS)
                if " " not in key and len(key) >= 4:
                    fuzzy.setdefault(key, []).append(ref)
            elif kind == "joined" and key.isascii() and len(key) >= 4:
                fuzzy.setdefault(key, []).append(ref)
        # and by the sounds of that place, or of the adjective's root (帕尔马奶酪: Parma cheese; 纽伦堡: Nürnberg)
        root_places = [(root, gi, ni) for root, refs in by_root.items() for gi, ni, _ in refs]
        for place, gi, ni in dict.fromkeys(adjective_places + root_places):
            add_phon(phonetic.latin(place, phonetic.language_of(gis[gi].countries), marked=True), gi, ni,
                     "phon-place:latin")
        # and by the sounds of its place's exonym, which renderings in other scripts often follow (勃艮第 is
        # Burgundy, not Bourgogne); a Chinese or Japanese place's English name is a romanization of it
        lex = lexicon()
        for alias, place in lex.place_aliases.items():
            lang = lex.exonym_langs.get(alias)
            marked = phonetic.latin(alias, lang, marked=True)
            for gi, ni, _ in by_place.get(place, ()):
                if phonetic.language_of(gis[gi].countries) not in (None, "en", lang):
                    add_phon(marked, gi, ni, "phon-place:latin")
        by_token: dict[str, list[tuple[int, int]]] = {}
        for ref, toks in tokens.items():
            for t in toks:
                by_token.setdefault(t, []).append(ref)
        n = max(len(tokens), 1)
        idf = {t: math.log((n + 1) / (len(refs) + 0.5)) for t, refs in by_token.items()}
        choices, length_starts = by_length(fuzzy)
        by_suffix: dict[str, list[int]] = {}
        by_stem6: dict[str, list[int]] = {}
        by_stem5: dict[str, list[int]] = {}
        for i, choice in enumerate(choices):
            if len(choice) >= 6:
                by_suffix.setdefault(choice[-4:], []).append(i)
                by_stem6.setdefault(choice[:6], []).append(i)
            if 5 <= len(choice) <= 6:
                by_stem5.setdefault(choice[:5], []).append(i)
        by_gram: dict[str, list[int]] = {}         # trigrams and four-letter grams (never the same length)
        for i, choice in enumerate(choices):
            for gram in {*trigrams(choice), *ngrams(choice, 4)}:
                by_gram.setdefault(gram, []).append(i)
        native_choices = list(native)
        native_by_gram: dict[str, list[int]] = {}
        for i, choice in enumerate(native_choices):
            for gram in set(ngrams(choice, 2)):
                native_by_gram.setdefault(gram, []).append(i)
        roots: dict[int, set[tuple[str, frozenset[str]]]] = {}
        for (gi, ni), (_, place_key) in name_places.items():
            for root in {identity.place_root(place_key), identity.place_root(cores[(gi, ni)])} - {""}:
                roots.setdefault(gi, set()).add((root, name_concepts[(gi, ni)]))
        cards = [identity.Card(g.id, g.register, tuple(g.countries), frozenset(identity.name_key(n) for n in g.names),
                               links[i], frozenset(roots.get(i, ())), g.class_common) for i, g in enumerate(gis)]
        group_of = identity.groups(cards)
        members: dict[int, list[int]] = {}
        for i, group in enumerate(group_of):
            members.setdefault(group, []).append(i)
        for group in members.values():
            group.sort(key=lambda i: (identity.home_rank(gis[i].register, gis[i].countries),
                                      identity.latin_only(cards[i].register, cards[i].countries, cards[i].names),
                                      gis[i].id))
            known = next((gis[i].class_common for i in group if gis[i].class_common), None) or \
                _class_named(group, gis, name_concepts)
            for i in group:                  # an annex entry that gives no product has its GI's (IV/Grappa), and
                gis[i].class_common = gis[i].class_common or known     # a record that gives none, its name's
        by_group: dict[int, set[str]] = {}
        for j, g in enumerate(gis):
            by_group.setdefault(group_of[j], set()).update(p[0] for p in g.protections)
        from .legal import TERRITORIES

        return cls(holdings={t: store.holdings(t) for t in TERRITORIES}, gis=GIList.of(gis), territories={k: frozenset(v) for k, v in by_group.items()}, by_key=by_key, by_place=by_place, by_token=by_token,
                   name_tokens={k: tuple(sorted(v)) for k, v in tokens.items()}, idf=idf,
                   fuzzy_choices=choices, fuzzy_refs=[fuzzy[c] for c in choices], by_suffix=by_suffix, by_stem6=by_stem6, by_stem5=by_stem5, length_starts=length_starts,
                   by_gram=by_gram, native_choices=native_choices, native_refs=[native[c] for c in native_choices],
                   native_by_gram=native_by_gram, phon=phon, phon_marked=phon_marked, group_of=group_of,
                   members=members, pos=pos,
                   by_place_stem=by_stem, by_place_root=by_root, by_place_core=by_core, name_concepts=name_concepts, name_places=name_places)

    def _parts(self) -> dict:
        """The parts of the index by name, as plain dicts and lists."""
        parts = {f.name: getattr(self, f.name) for f in fields(self)}
        parts["gis"] = self.gis.rows
        return parts

    def save(self, path: Path, state: str) -> None:
        """Write the index beside its store (a temporary file renamed into place), for the store's state, with
        the compiled lexicon (it depends on the bundled datasets, which are part of the state)."""
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        try:
            db = sqlite3.connect(tmp)
            try:
                db.execute("create table meta (key text primary key, value blob)")
                db.execute("create table entries (section text, key text, value blob, primary key (section, key)) "
                           "without rowid")
                db.execute("create table wholes (section text primary key, value blob)")
                sizes = {}
                for name, part in self._parts().items():
                    entries = part.items() if isinstance(part, dict) else enumerate(part)
                    db.executemany("insert into entries values (?, ?, ?)",
                                   ((name, _code(k), marshal.dumps(v)) for k, v in entries))
                    db.execute("insert into wholes values (?, ?)", (name, marshal.dumps(part)))
                    sizes[name] = len(part)
                for view in PHON_VIEWS:
                    by_skeleton, choices, starts = self._view(view)
                    db.executemany("insert into entries values (?, ?, ?)",
                                   ((f"view:{view}", k, marshal.dumps(v)) for k, v in by_skeleton.items()))
                    db.executemany("insert into wholes values (?, ?)", [
                        (f"view:{view}", marshal.dumps(("\n".join(choices), starts))),
                        (f"view:{view}:positions", marshal.dumps(by_skeleton))])
                db.executemany("insert into meta values (?, ?)", [
                    ("format", INDEX_FORMAT), ("state", state), ("sizes", json.dumps(sizes)),
                    ("lexicon", pickle.dumps(lexicon(), protocol=pickle.HIGHEST_PROTOCOL))])
                db.commit()
            finally:
                db.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error):     # a read-only folder, a full disk: built again in memory next time
            Path(tmp).unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path, state: str) -> "NameIndex | None":
        """The persisted index at ``path`` if it was written for this state of the store, else None. Its parts
        are read when a query needs them (see :class:`Section`)."""
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(db.execute("select key, value from meta"))
            if (meta.get("format"), meta.get("state")) != (INDEX_FORMAT, state):
                db.close()
                return None
            lex = pickle.loads(meta["lexicon"])
            sizes = json.loads(meta["sizes"])
        except (sqlite3.Error, KeyError, ValueError, TypeError, pickle.UnpicklingError, AttributeError, ImportError,
                EOFError):
            return None
        prime_lexicon(lex)               # the compiled lexicon travels with the index: no table is read again
        index = cls.__new__(cls)
        index.__dict__["_file"] = db
        for name in (f.name for f in fields(cls)):
            section = Section(index, name, db, sizes[name])
            setattr(index, name, GIList(section) if name == "gis" else section)
        return index

    def materialize(self, name: str | None = None):
        """Read a part of a persisted index whole (every part when ``name`` is None), for a run over many
        names; returns that part."""
        if name is None:
            for f in fields(self):
                self.materialize(f.name)
            for view in PHON_VIEWS:
                self.materialize(f"view:{view}")
            return None
        if name.startswith("view:"):
            by_skeleton, choices, starts = self._view(name[5:])
            if isinstance(by_skeleton, Section):
                by_skeleton = self._whole(f"{name}:positions")
                self.__dict__["_views"][name[5:]] = (by_skeleton, choices, starts)
            return by_skeleton
        current = self.gis.rows if name == "gis" else getattr(self, name)
        if not isinstance(current, Section):
            return current
        enabled = gc.isenabled()
        gc.disable()                     # no collection runs while many containers are rebuilt
        try:
            part = self._whole(name)
        finally:
            if enabled:
                gc.enable()
        if name == "gis":
            self.gis.rows = part
        else:
            setattr(self, name, part)
        gc.freeze()                      # it lives as long as the index: the collector need not walk it
        return part

    def _whole(self, name: str):
        row = self.__dict__["_file"].execute("select value from wholes where section = ?", (name,)).fetchone()
        return marshal.loads(row[0]) if row else None

    def similar_choices(self, target: str, min_shared: int = 2, lengths: tuple[int, int] | None = None) -> list[int]:
        """Fuzzy choices sharing at least ``min_shared`` blocking grams with ``target``, of a length within ``lengths``
        when given (the blocking step that spares comparing a query with every stored name)."""
        cache = self.__dict__.setdefault("_similar", {})
        key = (target, min_shared, lengths)
        if key not in cache:
            if len(cache) > 64:                     # the targets of the last queries
                cache.clear()
            lo, hi = (0, len(self.fuzzy_choices)) if lengths is None else length_range(self.length_starts, *lengths)
            postings = [self.by_gram.get(gram, ()) for gram in set(blocking_grams(target))]
            counts = Counter(chain.from_iterable(p[bisect_left(p, lo):bisect_left(p, hi)] for p in postings))
            cache[key] = [i for i, n in counts.items() if n >= min_shared]
        return cache[key]

    def choices_at(self, positions: list[int]) -> list[str]:
        """The fuzzy choices at ``positions``, gathered in one step."""
        if isinstance(self.fuzzy_choices, Section):
            return self.fuzzy_choices.take(positions)
        if len(positions) < 2:
            return [self.fuzzy_choices[i] for i in positions]
        return list(itemgetter(*positions)(self.fuzzy_choices))

    def token_idf(self, token: str) -> float:
        return self.idf.get(token, math.log(len(self.name_tokens) + 1))
