"""The conflict check: which protected GIs a name conflicts with, on what ground, and why.

Every hit has a ``kind`` and a ``score`` (0–100). Kinds, strongest first:

============  =====  ===============================================================
identical       100  equal to a protected name after folding case, accents, width,
                     punctuation and traditional/simplified Chinese
variant       96–98  equal to a listed variant or transcription, or to a spelling
                     variant (syllables joined, plural, umlaut, look-alike letters)
transliteration  95  equal to gimatch's romanization of a name in another script
style/type       93  a GI name next to a "style", "type", 式, 風, แบบ … word
contains         90  the whole GI name inside a longer sign (substring for CJK, Thai)
translation   80–88  same place, product term translated (Parma ham ↔ Prosciutto di Parma)
evocation     72–85  likeness of the distinctive word (Verlados ↔ Calvados, Champanillo ↔ Champagne)
partial       60–89  the query's distinctive words are part of a longer GI name
fuzzy         79–90  near-identical spelling
generic          40  only a generic component is shared (camembert ↔ Camembert de Normandie)
============  =====  ===============================================================

Hits below the threshold (default :data:`DEFAULT_THRESHOLD`) are not reported.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from . import legal
from .errors import UsageError
from .index import IndexedGI, NameIndex, trigrams
from .model import Conflict, Evidence, Protection
from .text.anatomy import STOPWORDS, anatomy
from .text.fold import dominant_script, fold, is_spaceless_script, joined
from .text.keys import ROMANIZATION_KINDS, name_keys
from .text.lexicon import classes_comparable, lexicon
from .text.romanize import japanese_latin
from .text.stem import stem_tokens

DEFAULT_THRESHOLD = 70.0
KIND_RANK = {"identical": 0, "variant": 1, "transliteration": 2, "style/type": 3, "contains": 4, "translation": 5,
             "evocation": 6, "partial": 7, "fuzzy": 8, "homonym": 9, "generic": 10, "recipe": 11, "same place": 12}
_VOWELS = set("aeiouy")
_COMMON_ENDING = 12  # GI keys sharing a 4-letter ending beyond which the ending is a common morpheme (-ental, -berg)


@dataclass
class Query:
    """What gimatch sees in a query."""

    text: str
    folded: str
    script: str
    keys: list[tuple[str, str]]
    tokens: list[str]
    anat: object
    distinct: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


@dataclass
class Hit:
    gi: int
    name: int
    kind: str
    score: float
    why: str
    evidence: Evidence


def analyze(text: str) -> Query:
    """Fold a query and compute its keys, tokens and anatomy."""
    if not isinstance(text, str):
        raise UsageError("the query must be text")
    folded = fold(text)
    if not folded:
        raise UsageError(f"nothing to check in {text!r}: the name is empty or only punctuation")
    keys = [(k.key, k.kind) for k in name_keys(text)]
    script = dominant_script(folded)
    if script in ("Latin", "Common"):
        jp = japanese_latin(folded)
        for key in (jp, joined(jp)):
            if key not in {k for k, _ in keys}:
                keys.append((key, "japanese"))
    anat = anatomy(text)
    tokens = stem_tokens(folded.split()) if not is_spaceless_script(script) else [joined(folded)]
    single_words = lexicon().single_words
    keep = [i for i, t in enumerate(tokens) if t not in STOPWORDS and t not in single_words]
    raw = folded.split() if not is_spaceless_script(script) else tokens
    return Query(text=text, folded=folded, script=script, keys=keys, tokens=tokens, anat=anat,
                 distinct=[tokens[i] for i in keep], words=[raw[i] for i in keep])


def _syllables(word: str) -> int:
    count, prev = 0, False
    for ch in word:
        vowel = ch in _VOWELS
        if vowel and not prev:
            count += 1
        prev = vowel
    return count


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


class _Collector:
    def __init__(self, index: NameIndex):
        self.index = index
        self.best: dict[int, Hit] = {}

    def offer(self, hit: Hit) -> None:
        cur = self.best.get(hit.gi)
        if cur is None or (hit.score, -KIND_RANK[hit.kind]) > (cur.score, -KIND_RANK[cur.kind]):
            self.best[hit.gi] = hit


def _exact(q: Query, idx: NameIndex, out: _Collector) -> None:
    for qkey, qkind in q.keys:
        for gi, ni, skind in idx.by_key.get(qkey, ()):
            g = idx.gis[gi]
            role = g.roles[ni]
            name = g.names[ni]
            if qkind == "fold" and skind == "fold":
                if role == "protected":
                    kind, score, why = "identical", 100.0, f"equal to the protected name {name!r} once case, accents, width and punctuation are folded"
                else:
                    kind, score, why = "variant", 98.0, f"equal to {name!r}, a {role} the register lists for this GI"
            elif qkind in ROMANIZATION_KINDS or skind in ROMANIZATION_KINDS:
                kind, score = "transliteration", 95.0
                why = f"{q.text!r} and {name!r} are the same name in different scripts ({qkind if qkind in ROMANIZATION_KINDS else skind} reading {qkey!r})"
            else:
                kind, score = "variant", 96.0
                why = f"a spelling variant of {name!r} (same {skind if skind != 'fold' else qkind} key {qkey!r})"
            out.offer(Hit(gi, ni, kind, score, why, Evidence(query_key=qkey, gi_key=qkey, key_kind=f"{qkind}/{skind}")))


def _spans(q: Query) -> list[tuple[str, int, int]]:
    """Contiguous parts of the query shorter than the whole, as keys, with their token span."""
    if is_spaceless_script(q.script):
        text = joined(q.folded)
        return [(text[i:j], i, j) for i in range(len(text)) for j in range(i + 2, min(len(text), i + 24) + 1)
                if (i, j) != (0, len(text))]
    toks = q.folded.split()
    stems = stem_tokens(toks)
    out = []
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + 8) + 1):
            if (i, j) == (0, len(toks)):
                continue
            out.append((" ".join(toks[i:j]), i, j))
            out.append((" ".join(stems[i:j]), i, j))
            if j - i == 1 and toks[i].endswith("er") and len(toks[i]) > 6:
                out.append((toks[i][:-2], i, j))
    return out


def _contains(q: Query, idx: NameIndex, out: _Collector) -> None:
    lex = lexicon()
    spaceless = is_spaceless_script(q.script)
    n_tokens = len(joined(q.folded)) if spaceless else len(q.folded.split())
    for span, i, j in _spans(q):
        if len(joined(span)) < (2 if spaceless else 4):
            continue
        refs = idx.by_key.get(span)
        if not refs:
            continue
        if joined(span) in lex.generic:
            continue
        for gi, ni, skind in refs:
            if skind not in ("fold", "stem", "variant", "umlaut"):
                continue
            g = idx.gis[gi]
            name = g.names[ni]
            if q.anat.delocalisers:
                kind, score = "style/type", 93.0
                why = (f"the GI name {name!r} is used with {', '.join(repr(d) for d in q.anat.delocalisers)}; "
                       "'style'/'type' words do not avoid the conflict")
            else:
                kind, score = "contains", 90.0
                why = f"the whole GI name {name!r} appears inside {q.text!r}"
            out.offer(Hit(gi, ni, kind, score, why,
                          Evidence(query_key=span, gi_key=span, key_kind=skind, detail=f"span {i}-{j} of {n_tokens}")))


def _translation(q: Query, idx: NameIndex, out: _Collector) -> None:
    place = q.anat.place_key
    if not place or len(place) < 3:
        return
    qconcepts = q.anat.concepts
    qclasses = q.anat.classes
    for gi, ni, concepts in idx.by_place.get(place, ()):
        g = idx.gis[gi]
        name = g.names[ni]
        if qconcepts and concepts & qconcepts:
            term = ", ".join(sorted(concepts & qconcepts))
            out.offer(Hit(gi, ni, "translation", 88.0,
                          f"same place ({q.anat.place!r}) and the same product ({term}) as {name!r}: a translation",
                          Evidence(query_key=place, gi_key=place, key_kind="place+term", detail=term)))
        elif qclasses and any(classes_comparable(c, g.class_common) for c in qclasses):
            out.offer(Hit(gi, ni, "translation", 80.0,
                          f"same place ({q.anat.place!r}) as {name!r} and a comparable product ({', '.join(sorted(qclasses))} ~ {g.class_common})",
                          Evidence(query_key=place, gi_key=place, key_kind="place+class")))
        elif not qconcepts and not q.anat.delocalisers and (concepts or g.class_common):
            out.offer(Hit(gi, ni, "partial", 75.0,
                          f"{q.text!r} is the place part of {name!r}",
                          Evidence(query_key=place, gi_key=place, key_kind="place")))
        else:
            out.offer(Hit(gi, ni, "same place", 45.0,
                          f"shares the place {q.anat.place!r} with {name!r} but names another product",
                          Evidence(query_key=place, gi_key=place, key_kind="place")))


def _partial(q: Query, idx: NameIndex, out: _Collector) -> None:
    distinct = [t for t in dict.fromkeys(q.distinct) if t.isascii() and len(t) >= 3]
    if not distinct:
        return
    postings = [set(idx.by_token.get(t, ())) for t in distinct]
    common = set.intersection(*postings) if postings else set()
    lex = lexicon()
    generic_only = all(t in lex.generic for t in distinct)
    qclasses = q.anat.classes
    for gi, ni in common:
        g = idx.gis[gi]
        name_toks = idx.name_tokens[(gi, ni)]
        total = sum(idx.token_idf(t) for t in name_toks) or 1.0
        covered = sum(idx.token_idf(t) for t in distinct)
        coverage = min(covered / total, 1.0)
        name = g.names[ni]
        if generic_only:
            out.offer(Hit(gi, ni, "generic", 40.0,
                          f"shares only {', '.join(repr(t) for t in distinct)} with {name!r}: a generic term, not the protected name",
                          Evidence(query_key=" ".join(distinct), gi_key=" ".join(sorted(name_toks)), key_kind="tokens",
                                   detail="generic component")))
            continue
        score = 60.0 + 25.0 * coverage
        agree = qclasses and any(classes_comparable(c, g.class_common) for c in qclasses)
        if agree:
            score += 5.0
        if q.anat.delocalisers:
            score += 3.0
        kind = "translation" if agree and q.anat.terms else "partial"
        out.offer(Hit(gi, ni, kind, round(min(score, 89.0), 1),
                      f"{', '.join(repr(t) for t in distinct)} {'is' if len(distinct) == 1 else 'are'} part of {name!r} "
                      f"({coverage:.0%} of its distinctive weight){' and the product agrees' if agree else ''}",
                      Evidence(query_key=" ".join(distinct), gi_key=" ".join(sorted(name_toks)), key_kind="tokens",
                               detail=f"coverage {coverage:.2f}")))


def _near_spelling(q: Query, idx: NameIndex, out: _Collector) -> None:
    """The whole query spelled almost like a whole stored name (a typo in a multi-word name)."""
    target = joined(q.folded)
    if len(target) < 6 or not target.isascii():
        return
    grams = len(set(trigrams(target)))
    blocked = idx.similar_choices(target, min_shared=max(2, grams // 3))
    choices = [idx.fuzzy_choices[i] for i in blocked]
    for choice, ratio, j in process.extract(target, choices, scorer=fuzz.ratio, score_cutoff=80, limit=10):
        edits = Levenshtein.distance(target, choice, score_cutoff=2)
        if choice == target or (ratio < 90 and edits > (1 if len(choice) < 10 else 2)):
            continue
        for gi, ni, kind_ in idx.fuzzy_refs[blocked[j]]:
            name = idx.gis[gi].names[ni]
            out.offer(Hit(gi, ni, "fuzzy", round(min(max(ratio, 88.0) * 0.95, 90.0), 1),
                          f"spelled almost like {name!r} ({ratio:.0f}% alike, {edits} edit{'s' if edits != 1 else ''})",
                          Evidence(query_key=target, gi_key=choice, key_kind=kind_,
                                   detail=f"ratio {ratio:.0f}, {edits} edits")))


def _likeness(q: Query, idx: NameIndex, out: _Collector) -> None:
    lex = lexicon()
    if q.distinct and all(t in lex.generic for t in q.distinct):
        return
    words = [t for t in q.words if t.isascii() and len(t) >= 5]
    target = joined(" ".join(words))
    if len(target) < 5:
        return
    candidates: dict[int, float] = {}
    blocked = idx.similar_choices(target)
    choices = [idx.fuzzy_choices[i] for i in blocked]
    for _, score, j in process.extract(target, choices, scorer=fuzz.ratio, score_cutoff=60, limit=30):
        candidates[blocked[j]] = score
    if len(words) == 1:
        for i in idx.by_suffix.get(target[-4:], ()):
            candidates.setdefault(i, fuzz.ratio(target, idx.fuzzy_choices[i]))
    qclasses = q.anat.classes
    for i, ratio in candidates.items():
        choice = idx.fuzzy_choices[i]
        if choice == target:
            continue
        suffix = _common_suffix(target, choice)
        prefix = _common_prefix(target, choice)
        same_syll = _syllables(target) == _syllables(choice)
        for gi, ni, kind_ in idx.fuzzy_refs[i]:
            g = idx.gis[gi]
            if qclasses and g.class_common and not any(classes_comparable(c, g.class_common) for c in qclasses):
                continue
            name = g.names[ni]
            ev = Evidence(query_key=target, gi_key=choice, key_kind=kind_,
                          detail=f"ratio {ratio:.0f}, shared ending {suffix}, shared start {prefix}, "
                                 f"syllables {_syllables(target)}/{_syllables(choice)}")
            edits = Levenshtein.distance(target, choice, score_cutoff=2)
            if ratio >= 88 or (len(choice) >= 6 and edits <= (1 if len(choice) < 10 else 2)):
                out.offer(Hit(gi, ni, "fuzzy", round(min(max(ratio, 88.0) * 0.95, 90.0), 1),
                              f"spelled almost like {name!r} ({ratio:.0f}% alike, {edits} edit"
                              f"{'s' if edits != 1 else ''})", ev))
            elif (suffix >= 4 and same_syll and abs(len(target) - len(choice)) <= 2
                  and ratio >= (50 if len(idx.by_suffix.get(choice[-4:], ())) <= _COMMON_ENDING else 70)):
                score = min(72.0 + 2.0 * (suffix - 4) + (ratio - 50) / 4, 85.0)
                out.offer(Hit(gi, ni, "evocation", round(score, 1),
                              f"evokes {name!r}: same number of syllables and the same ending '-{choice[-suffix:]}'", ev))
            elif prefix >= 6 and prefix >= 0.66 * len(choice) and len(target) - len(choice) <= 5:
                score = min(74.0 + 2.0 * (prefix - 6) + (ratio - 60) / 4, 85.0)
                out.offer(Hit(gi, ni, "evocation", round(score, 1),
                              f"evokes {name!r}: built on its stem '{choice[:prefix]}-' with another ending", ev))


@dataclass
class CheckResult:
    """The answer to one check: conflicts in force (best first), pending ones, and homonymous GIs that
    coexist with the query's own GI, for a territory and date."""

    query: str
    conflicts: list[Conflict]
    pending: list[Conflict] = field(default_factory=list)
    coexistence: list[Conflict] = field(default_factory=list)
    territory: str | None = None
    date: dt.date | None = None
    coverage: dict | None = None

    def to_json_dict(self) -> dict:
        dump = lambda cs: [c.model_dump(mode="json") for c in cs]  # noqa: E731
        return {"query": self.query, "conflicts": dump(self.conflicts), "pending": dump(self.pending),
                "coexistence": dump(self.coexistence), "territory": self.territory,
                "date": self.date.isoformat() if self.date else None, "coverage": self.coverage}


_TSG_WHY = ("a traditional speciality guaranteed (TSG) protects a recipe, not a geographical name; a TSG "
            "registered without reservation of its name gives no exclusive right to it")


def _reclassify(hits: list[Hit], idx: NameIndex, scope: legal.Scope, origin: str | None) -> None:
    """Kinds the legal situation changes: TSGs, names generic in the territory checked (the US semi-generic
    wine names), homonyms of the query's own GI."""
    generic_here = legal.generic_in(scope.territory) if scope.territory else {}
    for h in hits:
        g = idx.gis[h.gi]
        key = joined(fold(g.names[h.name]))
        if (g.gi_type or "").upper() == "TSG":
            h.kind, h.score, h.why = "recipe", min(h.score, 50.0), f"{h.why}; but {_TSG_WHY}"
        elif key in generic_here and scope.territory not in g.countries and h.kind in _NAME_KINDS | {"contains"}:
            h.kind, h.score, h.why = "generic", 40.0, f"{g.names[h.name]!r} is {generic_here[key]}: {h.why}"
        elif origin and origin not in g.countries and h.kind in _NAME_KINDS:
            h.kind = "homonym"
            h.why = (f"a GI of another country ({', '.join(g.countries)}) with the same name {g.names[h.name]!r}: "
                     "homonymous GIs coexist; their origin must be told apart")


_NAME_KINDS = frozenset({"identical", "variant", "transliteration"})


def _group(hits: list[Hit], idx: NameIndex) -> list[tuple[Hit, int, list[int]]]:
    """Hits on records of one GI (its EU register entry, its agreement annex entries, its direct registration
    in China, its Japanese designation: :mod:`gimatch.identity`) become one conflict, shown under the GI's
    home register record with the others linked: (the best hit, the record shown, the linked records)."""
    order = sorted(hits, key=lambda h: (-h.score, KIND_RANK[h.kind], idx.gis[h.gi].id))
    best: dict[int, Hit] = {}
    for h in order:
        best.setdefault(idx.group_of[h.gi], h)
    out = []
    for group, hit in best.items():
        members = idx.members[group]
        out.append((hit, members[0], members[1:]))
    return out


def _relation(qclasses: set[str], gi_class: str | None) -> str | None:
    if not qclasses or not gi_class:
        return None
    if gi_class in qclasses:
        return "same"
    return "comparable" if any(classes_comparable(c, gi_class) for c in qclasses) else "unrelated"


def _conflict(idx: NameIndex, hit: Hit, shown: int, linked: list[int], protections: list[Protection],
              scope: legal.Scope, qclasses: set[str]) -> Conflict:
    g: IndexedGI = idx.gis[shown]
    matched = idx.gis[hit.gi].names[hit.name]
    level = legal.severity(hit.kind)
    relation = _relation(qclasses, g.class_common)
    notes = []
    if relation == "unrelated" and hit.kind not in ("generic", "recipe", "homonym", "same place"):
        level = legal.lower(level)
        notes.append(f"the products are not comparable ({', '.join(sorted(qclasses))} / {g.class_common}): a conflict "
                     "only where the use exploits the GI's reputation")
    if scope.territory != "US" and "US" not in g.countries and (why := legal.generic_in("US").get(joined(fold(matched)))):
        notes.append(f"in the US {matched!r} is {why}")
    return Conflict(gi=g.id, register=g.register, native_id=g.native_id, names=list(g.names), matched_name=matched,
                    kind=hit.kind, score=hit.score, country=list(g.countries), product_class=g.class_label,
                    why=hit.why, protections=protections, status=g.status, gi_type=g.gi_type,
                    evidence=[hit.evidence], severity=level,
                    legal_hooks=legal.hooks(hit.kind, protections, g.register, g.class_common),
                    linked=[idx.gis[x].id for x in linked], class_relation=relation,
                    prior_right=scope.prior_right(protections, g.register), notes=notes)


def _mark_homonyms(conflicts: list[Conflict]) -> None:
    by_name: dict[str, list[Conflict]] = {}
    for c in conflicts:
        if c.kind in _NAME_KINDS:
            by_name.setdefault(joined(fold(c.matched_name)), []).append(c)
    for group in by_name.values():
        if len({tuple(c.country) for c in group}) > 1:
            for c in group:
                others = [f"{o.gi} ({', '.join(o.country)})" for o in group if o is not c and o.country != c.country]
                c.notes.append(f"homonymous GIs: {', '.join(others)} bear the same name; they coexist and their "
                               "origin must be told apart (TRIPS Art. 22.4, 23.3)")


def check(store, name: str, *, threshold: float = DEFAULT_THRESHOLD, limit: int | None = 20,
          territory: str | None = None, date: dt.date | None = None, filed: dt.date | None = None,
          product_class: str | None = None, origin: str | None = None) -> CheckResult:
    """Conflicts of ``name`` with the GIs of ``store`` protected in ``territory`` (default: any) on
    ``date`` (default: today), best first, scores at or above ``threshold``. ``filed`` is a trademark's
    filing date (prior rights); ``product_class`` a common class or product word for the goods;
    ``origin`` the country of the query's own GI (identical GIs elsewhere are homonyms)."""
    if not 0 <= threshold <= 100:
        raise UsageError(f"threshold must be between 0 and 100, not {threshold}")
    if territory is not None and territory not in legal.TERRITORIES:
        raise UsageError(f"unknown territory {territory!r}; one of {', '.join(legal.TERRITORIES)}")
    scope = legal.Scope(territory=territory, date=date, filed=filed)
    q = analyze(name)
    idx = store.index()
    out = _Collector(idx)
    for step in (_exact, _contains, _translation, _partial, _likeness, _near_spelling):
        step(q, idx, out)
    hits = list(out.best.values())
    _reclassify(hits, idx, scope, origin)
    qclasses = _classes_of(product_class) if product_class else set()
    conflicts, pending, coexistence = [], [], []
    for hit, shown, linked in _group(hits, idx):
        if hit.score < threshold and hit.kind != "homonym":
            continue
        protections = list({(p.territory, p.basis, p.annex, p.since, p.known_by, p.status): p
                            for i in (shown, *linked) for p in idx.gis[i].protection_models()}.values())
        in_force, waiting = scope.split(protections)
        if not in_force and not waiting:
            continue
        conflict = _conflict(idx, hit, shown, linked, in_force or waiting, scope, qclasses)
        (coexistence if hit.kind == "homonym" else conflicts if in_force else pending).append(conflict)
    _mark_homonyms(conflicts)
    if limit:
        conflicts, pending, coexistence = conflicts[:limit], pending[:limit], coexistence[:limit]
    return CheckResult(query=name, conflicts=conflicts, pending=pending, coexistence=coexistence,
                       territory=territory, date=scope.on, coverage=store.coverage(territory))


@functools.lru_cache(maxsize=1)
def _known_classes() -> frozenset[str]:
    from . import bundled

    return frozenset(r["id"] for r in bundled.read_table("classes.csv"))


def _classes_of(product: str) -> set[str]:
    """The common classes of a caller's product: a class id ('cheese') or product words ('blue cheese', '茶叶')."""
    from .classes import goods_class

    if product in _known_classes():
        return {product}
    found = goods_class(product)
    if found is None:
        raise UsageError(f"unknown product class {product!r}: give a class id of datasets/classes.csv or a product "
                         "word gimatch knows (cheese, tea, 茶叶, ...)")
    return {found}
