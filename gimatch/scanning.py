"""Scanning free text (labels, listings, descriptions, customs lines) for the protected names it mentions.

Every key of every stored name (the folded name, its spelling variants and romanizations) and the place of
every name that joins a place and a product is one pattern of a single Aho–Corasick automaton, built once
per store state. Text is folded as names are (:func:`gimatch.text.fold.fold_map`, keeping each character's
offset), and the automaton runs over it once: Chinese, Japanese and Thai without word segmentation, Latin,
Greek and Cyrillic keys only on word boundaries. Then:

- a name key found whole is a mention (identical, variant, transliteration);
- a place found with a product word of the name's product a few words away is a translation (Parma ham,
  烟台的苹果); the place alone, or a product word alone, is no mention, and a place inside a name written out
  is that name's (Bordeaux wine names Bordeaux, not Crémant de Bordeaux);
- a run of Chinese transcription characters or of katakana (a foreign name written by sound) is read by the
  phonetic matcher, and a word that starts like a distinctive word of a name by the fuzzy matcher: near
  spellings are checked in those short windows only;
- short names (four letters or fewer: Ahr, Dão, Var) count only next to a product, style or marketing word
  (or as the whole text).

Overlapping candidates resolve to the longest, then the best-scored. Each mention carries the legal step of
``check`` (TSG names, generic names, protection in the territory on the date, severity, legal hooks) and the
usage around it (``context``): ``imitation``, ``style/type``, ``delocaliser`` ("made in" another place),
``origin claim`` (the name with its own place or country of production, for the user to verify),
``translation`` or ``none``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html
import itertools
import operator
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from . import bundled, legal
from .conflicts import NAME_KINDS, PLACE_LED, in_force, reclassify
from .dates import as_date
from .errors import UsageError
from .index import NameIndex
from .match import Collector, Hit, analyze
from .match import fuzzy as fuzzy_matcher
from .match import phonetic as phonetic_matcher
from .model import Evidence
from .text.anatomy import STOPWORDS
from .text.fold import fold, fold_lazily, script_of, script_pattern
from .text.keys import ROMANIZATION_KINDS
from .text.stem import stem, stem_tokens
from .text.lexicon import (class_of_concept, classes_comparable, concepts_agree, countries_in_other_scripts,
                            is_product_term, lexicon)

MAX_TEXT_CHARS = 20_000     # characters of one text scanned (a listing, a label, a page of description)
WINDOW = 4                  # words (or, in Chinese, Japanese and Thai, 8 characters) a product word may be away
NAMED_HITS_KEPT = 100_000  # hits of places with a product word kept for the next texts
CONFLICTS_KEPT = 100_000   # answers of the legal step kept for the next texts
SHORT = 4                   # a name this short counts only next to a product, style or marketing word
CONTEXT_ORDER = ("imitation", "style/type", "delocaliser", "origin claim", "translation", "none")


@dataclass(slots=True)
class _Candidate:
    start: int                 # in the folded text
    end: int
    hit: Hit
    product_class: str | None = None        # of the GI of a name written out; of the product word of a place
    place: tuple[int, int] | None = None    # where the place of a place and product word is


class _Automaton:
    """An Aho–Corasick automaton (ahocorasick-rs) of (word, value) pairs; a later value of a word replaces an
    earlier one."""

    def __init__(self, words: Iterable[tuple[str, object]]):
        import ahocorasick_rs

        table = dict(words)
        self._values = list(table.values())
        self._search = ahocorasick_rs.AhoCorasick(list(table)).find_matches_as_indexes if table else None

    def iter(self, text: str) -> list[tuple[int, object]]:
        """(the index of the last character, value) of every occurrence of a word in ``text``, overlaps too."""
        if self._search is None:
            return []
        values = self._values
        return [(end - 1, values[n]) for n, _, end in self._search(text, overlapping=True)]



@functools.lru_cache(maxsize=1)
def _usage_automaton():
    """One automaton of the usage words (datasets/usage_words.csv), folded, with their context."""
    words = ((fold(row["term"]), row["context"]) for row in bundled.read_table("usage_words.csv"))
    return _Automaton((word, (word, context)) for word, context in words)


def _usage_hits(piece: str, found: Iterable[tuple[int, tuple[str, str]]]) -> list[tuple[int, int, str, str]]:
    """(start, end, word, context) of the usage words the automaton found in a piece of folded text (where each
    ends, the word and its context): whole words in spaced scripts, anywhere in Chinese, Japanese and Thai; a
    longer word where two overlap (原产地 over 原产)."""
    hits = []
    for end, (word, context) in found:
        start, end = end - len(word) + 1, end + 1
        if _latin_like(word[0]) and ((start > 0 and piece[start - 1].isalnum()) or
                                     (end < len(piece) and piece[end].isalnum())):
            continue
        hits.append((start, end, word, context))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, reach = [], -1
    for h in hits:
        if h[0] >= reach:
            kept.append(h)
            reach = h[1]
    return kept


def _latin_like(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or script_of(ch) in ("Latin", "Greek", "Cyrillic")


class Scanner:
    """The automaton of one store state, and the scan of one text."""

    def __init__(self, idx: NameIndex):
        idx.materialize()                  # a scanner reads every name's keys, and scans many texts
        self.idx = idx
        lex = lexicon()
        payload: dict[str, dict[str, list]] = {}
        for key, refs in idx.by_key.items():
            if self._usable(key, lex):
                payload.setdefault(key, {"names": [], "places": []})["names"].extend(refs)
        for (gi, ni), (place, place_key) in idx.name_places.items():
            concepts = idx.name_concepts.get((gi, ni))
            if not concepts:
                continue                      # a name that is only a place is found whole, as a name key
            for key in {fold(place), place_key, *_written(place_key)}:
                if key and self._usable(key, lex):
                    payload.setdefault(key, {"names": [], "places": []})["places"].append((gi, ni, concepts))
        self.automaton = _Automaton((f" {key} " if latin else key, (key, value["names"], value["places"], latin,
                                                                     len(key.replace(" ", "")) <= SHORT))
                                    for key, value in payload.items()
                                    for latin in [_latin_like(key[0]) or _latin_like(key[-1])])
        self._prefixes = _Automaton((" " + prefix, prefix) for prefix in self._distinct_prefixes(idx, lex))
        self._cache: dict = {}                 # readings of short windows by the fuzzy and phonetic matchers
        self._conflicts: dict = {}             # what the legal step makes of a hit in a scope
        self._key_hits: dict[str, list[tuple[str | None, Hit]]] = {}     # hits of each name key, made once
        self._named: dict[tuple, Hit] = {}     # hits of places with a product word, made once
        self._agreement: dict[tuple[str, str], tuple[int, ...]] = {}   # names of a place a product word fits
        self._own_places: dict[str, tuple[str, ...]] = {}   # a GI's countries and names, folded (Latin ones
                                                             # with a space on each side: whole words)

    @staticmethod
    def _usable(key: str, lex) -> bool:
        """A key that can stand for a GI in running text: not a stopword, a product word or a generic term."""
        bare = key.replace(" ", "")
        wide = not bare.isascii() and all(not _latin_like(ch) for ch in bare)
        if len(bare) < (2 if wide else 3) or key in STOPWORDS or is_product_term(key) or bare in lex.generic:
            return False
        return not (key in lex.modifiers or key in lex.single_words)

    @staticmethod
    def _distinct_prefixes(idx: NameIndex, lex) -> set[str]:
        """Five-letter beginnings of the distinctive words of Latin names (seven letters or more): where a
        word of the text starts like one, the fuzzy matcher reads the window."""
        return {token[:5] for token in idx.by_token
                if len(token) >= 7 and token.isascii() and token not in lex.single_words}

    def scan(self, text: str, *, territory: str | None = None, date: dt.date | None = None) -> dict:
        """The ``scan --json`` object of one text."""
        return self.scan_many([text], territory=territory, date=date)[0]

    def scan_many(self, texts: Sequence[str], *, territory: str | None = None,
                  date: dt.date | None = None) -> list[dict]:
        """The ``scan --json`` object of each text, in order. The texts are folded one by one, then joined:
        each automaton and the pattern of foreign runs go over them all in one pass, and only a text where
        something was found is read further."""
        for n, text in enumerate(texts, 1):
            where = "" if len(texts) == 1 else f"text {n}: "
            if not isinstance(text, str):
                raise UsageError(f"{where}a text must be text, not {type(text).__name__}")
            if len(text) > MAX_TEXT_CHARS:
                raise UsageError(f"{where}the text is {len(text):,} characters long; gimatch scans at most "
                                 f"{MAX_TEXT_CHARS:,}")
        if territory is not None and territory not in legal.TERRITORIES:
            raise UsageError(f"unknown territory {territory!r}; one of {', '.join(legal.TERRITORIES)}")
        scope = legal.Scope(territory=territory, date=as_date(date, "date") or dt.date.today())
        if not texts:
            return []
        folds = [fold_lazily(text) for text in texts]
        joined = " " + " \n ".join(folded for folded, _ in folds) + " "    # a space before and after each text
        starts = list(itertools.accumulate((len(folded) + 3 for folded, _ in folds), initial=1))
        found = _by_text(starts, self.automaton.iter(joined))
        found_prefixes = _by_text(starts, self._prefixes.iter(joined))
        found_runs = _by_text(starts, ((m.start(), m.end() - m.start()) for m in _run_pattern().finditer(joined)))
        found_usage = _by_text(starts, _usage_automaton().iter(joined))
        other_scripts = _by_text(starts, ((m.start(), None) for m in script_pattern("Greek", "Cyrillic").finditer(joined)))
        date_text = scope.on.isoformat()
        out = []
        for k, (text, (folded, offsets)) in enumerate(zip(texts, folds)):
            mentions = []
            if k in found or k in found_prefixes or k in found_runs or k in other_scripts:
                candidates = self._exact(folded, found.get(k, ()), scope)
                if k in other_scripts:                     # Φέτα: the Latin keys, letter by letter
                    view, back = _latin_view(folded)
                    for c in self._exact(view, ((end - 1, value) for end, value in self.automaton.iter(f" {view} ")),
                                         scope):
                        c.start, c.end = back[c.start], back[c.end - 1] + 1
                        if c.place:
                            c.place = (back[c.place[0]], back[c.place[1] - 1] + 1)
                        candidates.append(c)
                covered = [(c.start, c.end) for c in candidates]
                candidates += self._near(folded, covered, found_prefixes.get(k, ()), found_runs.get(k, ()))
                if candidates:
                    mentions = self._mentions(text, folded, offsets(), candidates, scope,
                                              _usage_hits(folded, found_usage.get(k, ())))
            out.append({"text": text, "mentions": mentions, "territory": territory, "date": date_text})
        return out

    # --- candidates ---------------------------------------------------------------------------------

    def _exact(self, folded: str, found: Iterable[tuple[int, tuple]], scope: legal.Scope) -> list[_Candidate]:
        """Candidates of the name keys and places the automaton found in ``folded`` (where each ends, its value;
        a key in Latin, Greek or Cyrillic is found with the spaces around it, so only as whole words)."""
        out: list[_Candidate] = []
        found_places = []
        for end, (key, names, places, latin, short) in found:
            end += 1 - latin                                  # a whole word: the space after it
            start = end - len(key)
            if names and (not short or not latin or len(key) == len(folded) or self._next_to_product(folded, start, end)):
                hits = self._key_hits.get(key) or self._hits_of_key(key, names)
                after = None if latin else _term_after(folded, end)
                if after is None:
                    out += [_Candidate(start, end, hit, class_common) for class_common, hit in hits]
                else:
                    out += [_Candidate(start, end, hit, class_common) for class_common, hit in hits  # 山形 in 山形さくら
                            if classes_comparable(after.product_class, class_common)]   # んぼ: the place, another product
            if places:
                found_places.append((start, end, key, places))
        names = out[:]
        for start, end, key, places in found_places:
            if any(_part_of((start, end), c) and self._conflict_of(c, folded, scope) for c in names):
                continue                     # a part of a name written out (see _names_it): no need to read on
            near = _terms_near(folded, start, end)
            if near:
                nearest: dict[int, tuple[int, int, str, str]] = {}
                for lo, hi, term, concept in near:           # each name of the place takes the nearest word
                    for n in self._agreeing(key, places, concept):    # of its product
                        nearest.setdefault(n, (lo, hi, term, concept))
                for n in sorted(nearest):
                    gi, ni, _ = places[n]
                    lo, hi, term, concept = nearest[n]
                    out.append(_Candidate(lo, hi, self._translation_hit(key, gi, ni, folded, lo, hi, term),
                                          class_of_concept().get(concept), (start, end)))
        return out

    def _agreeing(self, key: str, places: list[tuple[int, int, frozenset[str]]], concept: str) -> tuple[int, ...]:
        """The names (by position in ``places``, the names of the place ``key``) whose product a word of
        ``concept`` names (made once per place and concept)."""
        agreeing = self._agreement.get((key, concept))
        if agreeing is None:
            agreeing = self._agreement[(key, concept)] = tuple(
                n for n, (_, _, concepts) in enumerate(places) if concepts_agree({concept}, set(concepts)))
        return agreeing

    def _translation_hit(self, key: str, gi: int, ni: int, folded: str, lo: int, hi: int, term: str) -> Hit:
        """The hit of a place of a name with a product word of the name's product near it."""
        surface = folded[lo:hi]
        hit = self._named.get((surface, key, gi, ni, term))
        if hit is None:
            if len(self._named) > NAMED_HITS_KEPT:
                self._named.clear()
            name = self.idx.gis[gi].names[ni]
            hit = self._named[(surface, key, gi, ni, term)] = Hit(
                gi, ni, "translation", 86.0, f"the place {key!r} with {term!r}, the product of {name!r}: a translation",
                Evidence(query_key=surface, gi_key=key, key_kind="text/place+term", detail=term))
        return hit

    def _hits_of_key(self, key: str, names: list[tuple[int, int, str]]) -> list[tuple[str | None, Hit]]:
        """The hits of a name key written out in a text, with their GI's product class (the same whatever the
        text: made once per key)."""
        hits = []
        for gi, ni, skind in names:
            kind, score = _kind_of(self.idx, gi, ni, skind)
            name = self.idx.gis[gi].names[ni]
            why = (f"the protected name {name!r} appears in the text" if kind == "identical" else
                   f"{name!r} appears in the text as {key!r} ({skind})")
            hits.append((self.idx.gis[gi].class_common, Hit(gi, ni, kind, score, why, Evidence(
                query_key=key, gi_key=key, key_kind=f"text/{skind}"))))
        self._key_hits[key] = hits
        return hits

    def _near(self, folded: str, covered: list[tuple[int, int]], prefixes: Iterable[tuple[int, str]],
              runs: Iterable[tuple[int, int]]) -> list[_Candidate]:
        """Near spellings and renderings by sound, read in short windows: words that start like a distinctive
        word of a name (fuzzy), runs of Chinese transcription characters and of katakana (phonetic), where no
        name was found written out."""
        out: list[_Candidate] = []
        free = lambda start, end: not any(start < e and s < end for s, e in covered)  # noqa: E731
        for at, prefix in prefixes:                          # a word that starts like a distinctive word
            start = at - len(prefix) + 1
            end = folded.find(" ", start)
            end = len(folded) if end < 0 else end
            if end - start < 7 or not free(start, end):
                continue
            word = folded[start:end]
            if word not in self.idx.by_token:
                for more in range(3):                          # the word, then with the next one or two
                    found = self._read(folded, start, _extend(folded, end, more), fuzzy_matcher, ("fuzzy",))
                    if found:
                        out += found
                        break
        for start, end in _foreign_runs(folded, runs):
            if not free(start, end):
                continue
            term = _term_at(folded, end)
            stop = end + len(term.tokens[0]) if term else end
            out += self._read(folded, start, stop, phonetic_matcher, ("transcription", "transliteration"))
        return out

    def _read(self, folded: str, start: int, end: int, matcher, kinds: tuple[str, ...]) -> list[_Candidate]:
        window = folded[start:end].strip()
        if not window:
            return []
        key = (window, matcher.__name__)
        if key not in self._cache:
            if len(self._cache) > 5_000:
                self._cache.clear()
            out = Collector(self.idx)
            try:
                matcher.find(analyze(window), self.idx, out)
            except UsageError:
                pass
            self._cache[key] = [h for h in out.best.values() if h.kind in kinds and h.score >= 75]
        return [_Candidate(start, end, h) for h in self._cache[key]]

    def _next_to_product(self, folded: str, start: int, end: int) -> bool:
        lex = lexicon()
        near = folded[max(0, start - 30):start].split()[-2:] + folded[end:end + 30].split()[:2]
        return any(w in lex.single_words or w in lex.modifiers or (w,) in lex.delocalisers for w in near)

    # --- mentions -----------------------------------------------------------------------------------

    def _mentions(self, text: str, folded: str, where: list[int], candidates: list[_Candidate], scope: legal.Scope,
                  usage: list[tuple[int, int, str, str]]) -> list[dict]:
        """The mentions of a text: the candidates that are conflicts in scope, resolved, each once per span and
        GI; a place and a product word that a name written out covers are that name's (:func:`_names_it`)."""
        if len(candidates) == 1:
            conflict = self._conflict_of(candidates[0], folded, scope)
            return [self._mention(text, folded, where, candidates[0], conflict, usage)] if conflict else []
        conflicts = [self._conflict_of(c, folded, scope) if c.place is None else None for c in candidates]
        if any(c.place for c in candidates):
            names = [c for c, conflict in zip(candidates, conflicts) if conflict and c.hit.kind in NAME_KINDS]
            for n, c in enumerate(candidates):
                if c.place and not any(_names_it(name, c) for name in names):
                    conflicts[n] = self._conflict_of(c, folded, scope)
        viable = [c for c, conflict in zip(candidates, conflicts) if conflict]
        found = {id(c): conflict for c, conflict in zip(candidates, conflicts)}
        mentions, seen = [], set()
        for c in _resolve(viable):
            mention = self._mention(text, folded, where, c, found[id(c)], usage)
            if (mention["start"], mention["end"], mention["gi"]) not in seen:   # records of one GI
                seen.add((mention["start"], mention["end"], mention["gi"]))
                mentions.append(mention)
        return mentions

    def _conflict_of(self, c: _Candidate, folded: str, scope: legal.Scope) -> dict | None:
        """:meth:`_conflict` of a candidate, kept for the next texts."""
        hit, surface = c.hit, folded[c.start:c.end]
        read = surface if hit.kind in PLACE_LED else None       # the legal step reads the text of these kinds only
        key = (hit.gi, hit.name, hit.kind, hit.score, hit.why, read, scope.territory, scope.on)
        conflict = self._conflicts.get(key, False)
        if conflict is False:
            if len(self._conflicts) > CONFLICTS_KEPT:
                self._conflicts.clear()
            conflict = self._conflicts[key] = self._conflict(hit, surface, scope)
        return conflict

    def _mention(self, text: str, folded: str, where: list[int], c: _Candidate, conflict: dict,
                 usage: list[tuple[int, int, str, str]]) -> dict:
        start, end = where[c.start], where[c.end - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1                             # the accent a decomposed letter carries (Comte\u0301)
        mention = dict(conflict, legal_hooks=list(conflict["legal_hooks"]), linked=list(conflict["linked"]))
        mention["start"], mention["end"], mention["surface"] = start, end, text[start:end]
        mention["context"] = self._context(folded, c, conflict, usage)
        return mention

    def _conflict(self, hit: Hit, surface_key: str, scope: legal.Scope) -> dict | None:
        """What ``check``'s legal step makes of a hit in scope (the same for every text it is found in): the
        mention's fields but where it is, or None when it is no conflict in force or scores too low."""
        hits = [Hit(hit.gi, hit.name, hit.kind, hit.score, hit.why, hit.evidence)]
        reclassify(hits, surface_key, self.idx, scope)
        found = in_force(self.idx, hits[0], scope)
        if found is None:
            return None
        conflict = found.model_dump(mode="json")
        if conflict["score"] < legal.score_range(conflict["kind"])[0] or conflict["score"] < 70:
            return None
        return {"start": None, "end": None, "surface": None, **{k: conflict[k] for k in (
            "gi", "register", "native_id", "matched_name", "kind", "score", "severity")}, "context": None,
            **{k: conflict[k] for k in ("why", "legal_hooks", "linked")}}

    def _context(self, folded: str, c: _Candidate, conflict: dict, usage: list[tuple[int, int, str, str]]) -> str:
        """How the text uses the name: the usage words (``usage``) around the mention (and inside it: Queso tipo
        Manchego)."""
        reach = 60 if _latin_like(folded[c.start]) else 12      # a dozen characters are words in CJK and Thai
        lo, hi = max(0, c.start - reach), c.end + reach
        found = set()
        near = 16 if reach == 60 else reach                     # a style word qualifies the name beside it
        for at, end, word, context in usage:
            if end <= lo or at >= hi:
                continue
            if context in ("imitation", "style/type"):
                if end > c.start - near and at < c.end + near:
                    found.add(context)
            elif end <= c.start or at >= c.end:                # made in ...: before or after the name
                following = folded[end:end + 30]
                found.add("origin claim" if self._own_origin(following, conflict) else "delocaliser")
        if conflict["kind"] == "translation":
            found.add("translation")
        return next((k for k in CONTEXT_ORDER if k in found), "none")

    def _own_origin(self, following: str, conflict: dict) -> bool:
        """Whether the place named just after a 'made in' (within a few words) is the GI's own country or
        one of its names."""
        own = self._own_places.get(conflict["gi"])
        if own is None:
            g = self.idx.gis[self.idx.position(conflict["gi"])]
            names = {fold(x) for x in _place_names(tuple(g.countries))} | {fold(n) for n in g.names}
            own = self._own_places[conflict["gi"]] = tuple(sorted(
                f" {name} " if name.isascii() else name for name in names if len(name) >= 2))
        near = " " + " ".join(following.split()[:3]) + " "
        return any(name in near for name in own)


@functools.lru_cache(maxsize=256)
def _place_names(countries: tuple[str, ...]) -> tuple[str, ...]:
    """The names of a GI's countries in the languages texts are written in (datasets/country_names.csv)."""
    return tuple(countries) + tuple(r["name"] for r in bundled.read_table("country_names.csv") if r["code"] in countries)


def _names_it(name: _Candidate, translation: _Candidate) -> bool:
    """Whether a name written out in a text covers a place and product word found with it: the place is a part
    of the name (Holsteiner of Holsteiner Karpfen, whatever word follows), or the two overlap and name
    comparable products (Bordeaux wine is Bordeaux, not Crémant de Bordeaux; Alsace honey is Miel d'Alsace)."""
    if _part_of(translation.place, name):
        return True
    return name.start < translation.end and translation.start < name.end and \
        classes_comparable(translation.product_class, name.product_class)


def _part_of(place: tuple[int, int], name: _Candidate) -> bool:
    """Whether a place found in a text (start, end) is a part of a longer name written out there."""
    lo, hi = place
    return name.start <= lo and hi <= name.end and (name.start, name.end) != place


def _written(place_key: str) -> tuple[str, ...]:
    """How a text writes a place whose key lost a final s to plural folding (naxo of Patata Naxou, as Naxos)."""
    return (place_key + "s",) if place_key.isascii() and place_key.isalpha() and stem(place_key + "s") == place_key \
        else ()


def _latin_view(folded: str) -> tuple[str, list[int]]:
    """Greek (ELOT 743) and Cyrillic letters written in Latin one by one, with each letter's place in ``folded``."""
    from .text.romanize import cyrillic_bg, greek

    out: list[str] = []
    back: list[int] = []
    for i, ch in enumerate(folded):
        script = script_of(ch)
        latin = greek(ch) if script == "Greek" else cyrillic_bg(ch) if script == "Cyrillic" else ch
        out.extend(latin)
        back.extend([i] * len(latin))
    return "".join(out), back


_WORD = re.compile(r"[^ ]+")


@functools.lru_cache(maxsize=8)
def _words(folded: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of a folded text (asked for again by each place found in it)."""
    return [m.span() for m in _WORD.finditer(folded)]


@functools.lru_cache(maxsize=64)
def _terms_near(folded: str, start: int, end: int) -> tuple[tuple[int, int, str, str], ...]:
    """The product words within WINDOW words after, then before, a place at ``start:end`` (in Chinese, Japanese
    and Thai: within 2 × WINDOW characters after it), nearest first: (start and end of the span from the place
    to the word, the word, its concept)."""
    lex = lexicon()
    out = []
    if not _latin_like(folded[start]):
        terms = _spaceless_terms_in(folded)
        for at in range(end, min(end + 2 * WINDOW, len(folded))):
            if at in terms:
                term = terms[at][1]
                out.append((start, at + len(term.tokens[0]), term.tokens[0], term.concept))
        return tuple(out)
    opening = _term_openings(folded)
    if not opening:
        return ()
    words, tokens = _words(folded), _tokens(folded)
    after = bisect.bisect_left(words, (end, end))                     # the first word at or after the end
    before = bisect.bisect_right(words, start, key=_END)              # the words that end before the start
    for k in [*range(after, min(after + WINDOW, len(words))), *range(before - 1, max(before - WINDOW, 0) - 1, -1)]:
        if k not in opening:
            continue
        for n in range(min(lex.max_term_tokens, len(tokens) - k), 0, -1):
            term = lex.terms_by_tokens.get(tuple(tokens[k:k + n]))
            if term:
                s, e = words[k][0], words[k + n - 1][1]
                found = folded[s:e]
                out.append((start, e, found, term.concept) if s >= end else (s, end, found, term.concept))
    return tuple(out)


_END = operator.itemgetter(1)


@functools.lru_cache(maxsize=8)
def _term_openings(folded: str) -> frozenset[int]:
    """The words of a text (by position) that open a product term of the lexicon."""
    starts = _term_starts()
    return frozenset(k for k, token in enumerate(_tokens(folded)) if token in starts)


@functools.lru_cache(maxsize=1)
def _term_starts() -> frozenset[str]:
    """The words a product term of the lexicon opens with."""
    return frozenset(tokens[0] for tokens in lexicon().terms_by_tokens)


@functools.lru_cache(maxsize=8)
def _tokens(folded: str) -> list[str]:
    """The words of a text, plurals folded as the lexicon's terms are (potatoes: potato)."""
    return stem_tokens(folded.split())


def _extend(folded: str, end: int, words: int) -> int:
    """The end of the next ``words`` words after ``end``."""
    spans = _words(folded)
    following = spans[bisect.bisect_left(spans, (end, end)):][:words]
    return following[-1][1] if following else end


def _foreign_runs(folded: str, runs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of Chinese transcription characters and of katakana found in ``folded`` (start, length), cut at
    the names of countries (意大利帕尔玛 is Italy, then Parma): those of three or more Chinese characters or four
    or more katakana (a foreign name written by sound)."""
    out = []
    countries = None
    for start, length in runs:
        end = start + length
        if countries is None:
            countries = sorted((e - len(name) + 1, e + 1) for e, name in _country_automaton().iter(folded))
        pieces, at = [], start
        for lo, hi in countries:                       # a country's name, whatever its characters, cuts a run
            if lo < end and hi > at:
                pieces.append((at, max(at, lo)))
                at = max(at, hi)
        pieces.append((at, end))
        least = 3 if script_of(folded[start]) == "Han" else 4
        out += [(lo, hi) for lo, hi in pieces if hi - lo >= least]
    return out


def _by_text(starts: list[int], found: Iterable[tuple[int, object]]) -> dict[int, list[tuple[int, object]]]:
    """What a pass over joined texts found, by text: text number → [(position in the text, value)], where
    text k starts at ``starts[k]`` of the joined string (and the last entry is past the end)."""
    out: dict[int, list] = {}
    lo = hi = 0
    for at, value in found:
        if not lo <= at < hi:                          # passes report in order: the text changes rarely
            k = bisect.bisect_right(starts, at) - 1
            lo, hi = starts[k], starts[k + 1]
            here = out.setdefault(k, [])
        here.append((at - lo, value))
    return out


@functools.lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern:
    from .text.zh_renderings import transcription_chars

    return re.compile("[" + "".join(sorted(re.escape(ch) for ch in transcription_chars())) + "]{3,}|[ァ-ヺー]{4,}")


@functools.lru_cache(maxsize=1)
def _country_automaton():
    return _Automaton((name, name) for name in countries_in_other_scripts())


def _term_after(folded: str, end: int, reach: int = 8):
    """The first Chinese, Japanese or Thai product term within ``reach`` characters after ``end`` (北海道産 夕張メロン:
    メロン), or None."""
    terms = _spaceless_terms_in(folded)
    return next((terms[at][1] for at in range(end, min(end + reach, len(folded))) if at in terms), None)


def _term_at(folded: str, at: int):
    """The Chinese, Japanese or Thai product term that starts at ``at``, the longest (of eight characters at
    most), or None."""
    found = _spaceless_terms_in(folded).get(at)
    return found[1] if found else None


@functools.lru_cache(maxsize=8)
def _spaceless_terms_in(folded: str) -> dict:
    """Position → (length, term): the longest Chinese, Japanese or Thai product term (eight characters at most)
    starting there."""
    out: dict = {}
    for end, (word, term) in _spaceless_automaton().iter(folded):
        start = end - len(word) + 1
        if out.get(start, (0,))[0] < len(word):
            out[start] = (len(word), term)
    return out


@functools.lru_cache(maxsize=1)
def _spaceless_automaton():
    return _Automaton((word, (word, term)) for word, term in lexicon().spaceless_terms.items() if len(word) <= 8)


def _kind_of(idx: NameIndex, gi: int, ni: int, skind: str) -> tuple[str, float]:
    role = idx.gis[gi].roles[ni]
    if skind == "fold":
        return ("identical", 100.0) if role == "protected" else ("variant", 98.0)
    if skind in ROMANIZATION_KINDS:
        return "transliteration", 95.0
    return "variant", 96.0


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Overlapping candidates: the longest, then the best-scored, then the strongest kind, wins its span;
    one mention per GI and span. A span read by sound or as a slip is the best reading's (a name written out
    is every GI's that has it)."""
    if len(candidates) < 2:
        return candidates
    exact_spans = {(c.start, c.end) for c in candidates if c.hit.kind in NAME_KINDS}
    best: dict[tuple[int, int], float] = {}
    for c in candidates:
        best[(c.start, c.end)] = max(best.get((c.start, c.end), 0.0), c.hit.score)
    order = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.hit.score, legal.rank(c.hit.kind), c.start))
    taken: list[tuple[int, int]] = []
    kept: list[_Candidate] = []
    for c in order:
        if c.hit.kind not in NAME_KINDS and ((c.start, c.end) in exact_spans or c.hit.score < best[(c.start, c.end)]):
            continue                   # a name written out, or a better reading, has the span
        if any(c.start < e and s < c.end and (s, e) != (c.start, c.end) for s, e in taken):
            continue
        if any((k.start, k.end, k.hit.gi) == (c.start, c.end, c.hit.gi) for k in kept):
            continue
        taken.append((c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, -c.hit.score))


# --- many texts -------------------------------------------------------------------------------------

TEXT_COLUMNS = ("id", "text")
CSV_FIELDS = ("id", "start", "end", "surface", "gi", "register", "native_id", "matched_name", "kind", "score",
              "severity", "context", "why", "text", "skipped")


def scan_rows(rows: Iterable, *, store=None, territory: str | None = None, date=None, skipped: list | None = None,
              workers: int = 1) -> Iterator[dict]:
    """Scan rows (dicts or :class:`gimatch.screening.Row` with ``id`` and ``text``; further columns are kept in
    ``fields``); yields one record per row, in order: the ``scan --json`` object with ``id`` (and ``fields``),
    or ``{"id", "text", "mentions": [], "skipped": reason}`` for a row that cannot be scanned (no text, a
    repeated id, a text too long), appended to ``skipped`` as (where, id, reason) when a list is given."""
    from .batch import SeenIds, run
    from .store import Store

    if territory is not None and territory not in legal.TERRITORIES:
        raise UsageError(f"unknown territory {territory!r}; one of {', '.join(legal.TERRITORIES)}")
    options = {"territory": territory, "date": as_date(date, "date")}
    store = store if store is not None else Store()
    with SeenIds() as seen:
        yield from run(_prepare(rows, seen), _scan_chunk, store=store, options=options, workers=workers,
                       skipped=skipped)


def _prepare(rows: Iterable, seen) -> Iterator[tuple[str, str, object, dict, str | None]]:
    from .screening import Row

    for n, item in enumerate(rows, 1):
        row = item if isinstance(item, Row) else Row(f"row {n}", item)
        values = {str(k).strip(): v for k, v in row.values.items() if k is not None}
        if not any(str(v or "").strip() for v in values.values()):
            continue
        row_id = str(values.get("id") or "").strip() or row.where
        text = values.get("text")
        reason = values.get("_error")
        if reason is None and not isinstance(text, str):
            reason = "no text" if text is None else f"the text is not text but {type(text).__name__}"
        elif reason is None and not text.strip():
            reason = "no text"
        elif reason is None and len(text) > MAX_TEXT_CHARS:
            reason = f"the text is {len(text):,} characters long; gimatch scans at most {MAX_TEXT_CHARS:,}"
        if not seen.add(row_id) and reason is None:
            reason = f"duplicate id {row_id!r}: only its first row is scanned"
        extra = {k: v for k, v in values.items() if k not in TEXT_COLUMNS and not k.startswith("_")}
        yield row.where, row_id, text if isinstance(text, str) else "", extra, reason


def _scan_chunk(store, options: dict, items: list[tuple]) -> list[tuple[str, dict]]:
    """The records of a chunk of prepared rows: the texts that can be scanned in one :meth:`Scanner.scan_many`."""
    territory, date = options["territory"], options["date"]
    ready = [text for _, _, text, _, reason in items if reason is None]
    found = iter(store.scan_many(ready, territory=territory, date=date) if ready else [])
    out = []
    for where, row_id, text, extra, reason in items:
        if reason is None:
            record = {"id": row_id, **next(found)}
        else:
            record = {"id": row_id, "text": text, "mentions": [], "territory": territory,
                      "date": (date or dt.date.today()).isoformat(), "skipped": reason}
        if extra:
            record["fields"] = extra
        out.append((where, record))
    return out


def csv_rows(record: dict) -> Iterator[dict]:
    """The review rows of one scanned text: one per mention, or one saying it has none or was skipped."""
    if not record["mentions"]:
        yield {"id": record["id"], "text": record["text"], "skipped": record.get("skipped", "")}
        return
    for m in record["mentions"]:
        yield {"id": record["id"], **{k: m[k] for k in CSV_FIELDS if k in m}, "text": record["text"]}


def review_page(records: Iterable[dict], *, title: str = "gimatch scan: mentions to review") -> Iterator[str]:
    """One self-contained HTML page, streamed: each text with its mentions highlighted; the GI, kind, context
    and why on hover (and printed under the text)."""
    esc = html.escape
    yield (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title><style>'
           "body{font-family:'Noto Sans','Noto Sans CJK SC','Noto Sans Thai',sans-serif;margin:2em auto;max-width:60em;"
           "line-height:1.6;color:#222}article{border-bottom:1px solid #ddd;padding:.6em 0}"
           "h1{font-size:1.4em}.id{color:#666;font-size:.85em}mark{padding:0 .15em;border-radius:.2em}"
           "mark.high{background:#f8c7c3}mark.medium{background:#fde7a6}mark.low{background:#e3e8ef}"
           "ol{font-size:.85em;color:#444;margin:.2em 0 0 1.2em;padding:0}.none{color:#999;font-size:.85em}"
           ".skipped{color:#a33;font-size:.85em}@media print{mark{outline:1px solid #999}}"
           f"</style></head><body><h1>{esc(title)}</h1>")
    count = with_mentions = 0
    for record in records:
        count += 1
        text, mentions = record["text"], record["mentions"]
        with_mentions += bool(mentions)
        parts, at = [], 0
        for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
            if m["start"] < at:
                continue
            tip = f"{m['gi']} · {m['kind']} {m['score']:.0f} · {m['context']} · {m['why']}"
            parts.append(esc(text[at:m["start"]]))
            parts.append(f'<mark class="{esc(m["severity"])}" title="{esc(tip)}">{esc(text[m["start"]:m["end"]])}</mark>')
            at = m["end"]
        parts.append(esc(text[at:]))
        notes = "".join(f"<li><b>{esc(m['surface'])}</b> → {esc(m['gi'])} ({esc(' / '.join([m['matched_name']]))}), "
                        f"{esc(m['kind'])} {m['score']:.0f}, {esc(m['severity'])}, context {esc(m['context'])}: "
                        f"{esc(m['why'])}</li>" for m in mentions)
        tail = (f"<ol>{notes}</ol>" if notes else f'<div class="skipped">skipped: {esc(record["skipped"])}</div>'
                if record.get("skipped") else '<div class="none">no mention</div>')
        yield f'<article><div class="id">{esc(str(record["id"]))}</div><div>{"".join(parts)}</div>{tail}</article>'
    yield f"<p>{count} texts, {with_mentions} with mentions.</p></body></html>"
