"""The fuzzy matcher: a typo, in any script. A Latin name one or two edits away (Champagen); a Greek or
Cyrillic name through its romanization (Σαντρίνη → santrini ~ santorini); a Chinese, Japanese or Thai name
one character off (龙井荼), two for longer kana and Thai names."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from ..index import NameIndex, blocking_grams, ngrams, ratio_lengths
from ..model import Evidence
from ..text import zh_dictionary
from ..text.anatomy import STOPWORDS
from ..text.fold import dominant_script, joined
from ..text.keys import ROMANIZATION_KINDS
from ..text.lexicon import lexicon
from .base import Collector, Hit, Query, family_name

KINDS = ("fuzzy",)
CUTOFF = 80          # how alike (rapidfuzz ratio) a Latin key must be to a stored one
NEAR = 90            # and to count as a slip with more edits than a name of its length allows


def find(q: Query, idx: NameIndex, out: Collector) -> None:
    if family_name(q):
        return
    words = [t for t in q.tokens if t not in STOPWORDS]
    if q.distinct and not q.spaceless and set.intersection(*(set(idx.by_token.get(t, ())) for t in words)):
        return           # a GI name holds every word of the sign (Parmigiano): it spells that GI, no typo of another
    if q.script == "Han" and zh_dictionary.glosses(joined(q.folded)):
        return           # a word the Chinese dictionary knows is no slip, in its characters or its pinyin (特斯拉:
                         # Tesla, no Tequila)
    own = joined(q.folded) if joined(q.folded).isascii() else None     # the sign itself, in Latin letters
    keys = [q.folded] if own else []
    keys += [k for k, kind in q.keys if kind in ROMANIZATION_KINDS and joined(k).isascii()]
    single = lexicon().single_words
    edges: dict[str, list[str]] = {}                # a joined key: the product words at the ends of its spellings
    firsts: dict[str, str] = {}                     # ... and its first word, when it has more
    for key in keys:
        words = key.split()
        edges.setdefault(joined(key), []).extend(w for w in words[:1] + words[-1:] if w in single)
        if len(words) > 1:
            firsts[joined(key)] = words[0]
    for target, words in edges.items():
        _latin(target, idx, out, list(dict.fromkeys(words)), firsts.get(target, ""),
               script=None if target == own else q.script)
    if not joined(q.folded).isascii():
        _native(joined(q.folded), idx, out, alphabet=q.script in ALPHABETS)


SHORT_NAME = 5       # letters: a short name that opens on another letter (Cisco, Pisco; Μάμος, Σάμος), or has one
                     # letter changed on the way through another script (Amora, Αγορά read agora; Μύθος read
                     # mithos, Minho), is another word: a slip is made in one script, and not at the start
ALPHABETS = frozenset({"Greek", "Cyrillic"})   # a letter is a sound, not a syllable: two slips need a long name


def _offer(idx: NameIndex, refs, target: str, choice: str, ratio: float, edits: int, out: Collector) -> None:
    for gi, ni, kind_ in refs:
        name = idx.gis[gi].names[ni]
        out.offer(Hit(gi, ni, "fuzzy", round(min(max(ratio, 88.0) * 0.95, 90.0), 1),
                      f"spelled almost like {name!r} ({ratio:.0f}% alike, {edits} edit{'s' if edits != 1 else ''})",
                      Evidence(query_key=target, gi_key=choice, key_kind=kind_, detail=f"ratio {ratio:.0f}, {edits} edits")))


def _latin(target: str, idx: NameIndex, out: Collector, edges: list[str], first: str = "",
           script: str | None = None) -> None:
    """A whole Latin key of the query spelled almost like a whole stored key; ``edges``, the product words at
    the ends of the query (a slip is not in them); ``first``, its first word (see :func:`_rest_alike`);
    ``script``, the script of the sign the key romanizes, None for the sign as written."""
    if len(target) < 4:
        return
    words = [w for w in edges if len(w) >= 4]
    if len(target) == 4:
        _dropped_letter(target, idx, out, script)
        return
    grams = len(set(blocking_grams(target)))
    blocked = idx.similar_choices(target, min_shared=max(2, grams // 3), lengths=ratio_lengths(len(target), CUTOFF))
    choices = idx.choices_at(blocked)
    for choice, ratio, j in process.extract(target, choices, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=10):
        edits = OSA.distance(target, choice, score_cutoff=2)          # a swap of two letters is one typo
        if edits > 1 and _single(target) == _single(choice):
            edits = 1                        # and so is a doubled letter moved or doubled (Prosseco, Mozarella)
        if choice == target or (ratio < NEAR and edits > (1 if len(choice) < 10 else 2)):
            continue
        mine, theirs = _distinctive(target, choice, words, 4)
        rest = fuzz.ratio(mine, theirs)
        if (mine, theirs) != (target, choice) and (rest < CUTOFF or rest < 90 and OSA.distance(
                mine, theirs, score_cutoff=2) > (1 if len(theirs) < 10 else 2)):
            continue                         # alike by the product word they share (Dotor coffee, Doiton coffee)
        if len(choice) <= SHORT_NAME and choice[0] != target[0]:
            continue                         # Cisco is not a typo of Pisco: short names differ at the start by design
        if edits >= 2 and not _rest_alike(target, choice, first):
            continue
        refs = _slip_refs(idx, idx.fuzzy_refs[blocked[j]], script)
        if len(choice) <= SHORT_NAME and len(choice) == len(target):
            refs = [r for r in refs if script is None and r[2] not in ROMANIZATION_KINDS]
        _offer(idx, refs, target, choice, ratio, edits, out)


_DOUBLED = re.compile(r"(.)\1+")


def _single(key: str) -> str:
    """A key with each doubled letter written once: what a writer unsure of the double letters still gets right."""
    return _DOUBLED.sub(r"\1", key)


REST_SOUNDS_ALIKE = 0.85   # two slips behind a first word written alike: the rest must still sound alike


def _rest_alike(target: str, choice: str, first: str) -> bool:
    """Whether two keys that open on the same first word (four letters or more) are alike in the rest: in its
    letters, or in its sounds (Saint Estefe, Saint-Estèphe); Saint Agur is two slips from Saint-Amour, and agur
    sounds like no amour."""
    from ..text.phonetic import latin, similarity

    mine, theirs = _distinctive(target, choice, [first] if len(first) >= 4 else [], 4)
    if (mine, theirs) == (target, choice):
        return True
    return (fuzz.ratio(mine, theirs) >= CUTOFF and OSA.distance(mine, theirs) <= 1 or
            similarity(latin(mine), latin(theirs)) >= REST_SOUNDS_ALIKE)


def _slip_refs(idx: NameIndex, refs, script: str | None) -> list:
    """The names a key may be a slip of: for the romanization of a sign in another script, only names stored in
    that script, read in Latin letters too (a slip is made in the sign's own script: 萨利巴, saliba, is no slip of
    Salina, nor Фиту of Fitou, nor Мартини, martini, of Μαρτίνο; Σαντρίνη is one of Σαντορίνη)."""
    if script is None:
        return list(refs)
    return [r for r in refs if r[2] in ROMANIZATION_KINDS and dominant_script(idx.gis[r[0]].names[r[1]]) == script]


def _dropped_letter(target: str, idx: NameIndex, out: Collector, script: str | None = None) -> None:
    """A four-letter sign that is a five-letter name with one inner letter dropped (Fitu, Jeez): the first and
    last letters kept, as typing slips keep them. A sign that the names of several places explain so (Dano:
    Dauno, Danbo) is a word of its own, not a slip."""
    found = [i for i in idx.similar_choices(target, min_shared=1, lengths=(5, 5))
             if any(idx.fuzzy_choices[i][:k] + idx.fuzzy_choices[i][k + 1:] == target for k in range(1, 4))]
    if len(found) == 1:
        choice = idx.fuzzy_choices[found[0]]
        _offer(idx, _slip_refs(idx, idx.fuzzy_refs[found[0]], script), target, choice, fuzz.ratio(target, choice), 1,
               out)


def _distinctive(a: str, b: str, terms, least: int) -> tuple[str, str]:
    """Two keys without the product word (one of ``terms``) they both end or begin with (威士忌, coffee), where
    at least ``least`` characters of each are left: a slip is judged on the distinctive part, not on a product
    word written alike in both."""
    for term in terms:
        if a.endswith(term) and b.endswith(term) and min(len(a), len(b)) - len(term) >= least:
            a, b = a[:-len(term)], b[:-len(term)]
        if a.startswith(term) and b.startswith(term) and min(len(a), len(b)) - len(term) >= least:
            a, b = a[len(term):], b[len(term):]
    return a, b


def _terms_in(text: str) -> list[str]:
    """The Chinese, Japanese or Thai product terms of the lexicon (of two to eight characters) a text holds."""
    terms = lexicon().spaceless_terms
    return [text[i:j] for i in range(len(text)) for j in range(i + 2, min(len(text), i + 8) + 1)
            if text[i:j] in terms]


def _native(target: str, idx: NameIndex, out: Collector, alphabet: bool = False) -> None:
    """A Chinese, Japanese, Thai (or other non-Latin) name one character off, two for long ones (in Greek and
    Cyrillic, as in Latin, ten letters or more)."""
    if len(target) < 3:
        return
    allowed = 1 if len(target) < (10 if alphabet else 6) else 2
    counts: dict[int, int] = {}
    for gram in set(ngrams(target, 2)):
        for i in idx.native_by_gram.get(gram, ()):
            counts[i] = counts.get(i, 0) + 1
    need = max(1, len(set(ngrams(target, 2))) - 2 * allowed)
    terms = _terms_in(target)
    for i, n in counts.items():
        if n < need:
            continue
        choice = idx.native_choices[i]
        if choice == target or abs(len(choice) - len(target)) > allowed or len(choice) < 3:
            continue
        edits = Levenshtein.distance(target, choice, score_cutoff=allowed)
        if edits > allowed or alphabet and len(choice) <= SHORT_NAME and choice[0] != target[0]:
            continue                         # Μάμος is no typo of Σάμος, as Cisco is none of Pisco (nor ΕΖΑ of Πεζά)
        mine, theirs = _distinctive(target, choice, terms, 2)
        if (mine, theirs) != (target, choice) and Levenshtein.distance(mine, theirs) > (
                1 if len(mine) < (10 if alphabet else 6) else 2):
            continue                         # alike by the product word they share (爱尔兰威士忌, 苏格兰威士忌)
        _offer(idx, idx.native_refs[i], target, choice, fuzz.ratio(target, choice), edits, out)
