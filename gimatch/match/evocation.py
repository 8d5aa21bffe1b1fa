"""The evocation matchers: the query's distinctive words are part of a longer GI name (partial), only a
generic component is shared (generic), or the query's distinctive word looks like the GI's (evocation:
Verlados ↔ Calvados, Cambozola ↔ Gorgonzola: the same ending and number of syllables, or the same stem)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .. import legal
from ..index import NameIndex
from ..model import Evidence
from ..text.anatomy import LINKS, anatomy, syllables
from ..text.stem import stem_tokens
from ..text.fold import fold, joined, script_of
from ..text.keys import BRACKETED
from ..text.lexicon import class_of_concept, class_within, classes_comparable, lexicon
from ..text.phonetic import language_of
from ..text.romanize import blind_syllables, pinyin, unaspirated
from . import fuzzy
from .base import Collector, Hit, Query, family_name, origin_names_it, other_goods, product_name

KINDS = ("partial", "generic", "evocation", "translation", "variant")
COMMON_ENDING = 12  # GI keys sharing a 4-letter ending beyond which the ending is a common morpheme (-ental, -berg)
PARTIAL_BASE = 55.0  # the score of a partial name before the share of the GI name it covers,
PARTIAL_SHARE = 32.0  # times this share
REORDERED = 96.0     # every distinctive word of a GI's name and no other, in another order (Sagrantino di
                     # Montefalco: Montefalco Sagrantino): a variant of the name
SAME_PRODUCT = 5.0   # more when the query names the GI's product class
OTHER_PRODUCT = -5.0  # less when it names another product, even a comparable one (beer beside a wine)
MACHINE_KEYS = frozenset({"stem", "skeleton"})   # keys gimatch derives for matching, not spellings of the name
UNLIKE_ONSET = 10.0  # less for a bare name (no product named) evoking a GI by an ending or a stem alone, where the GI
                    # is protected only at home (evocation needs a consumer who has the GI in mind; a GI known
                    # abroad, as Calvados or Gorgonzola, is one a foreign sign can call up: not Martina by
                    # Martini), or by an ending other GI names share, on another first sound (Nutella ~ Alella,
                    # Barilla ~ Marmilla: -ella, -illa are common endings)


SHORT_STEM = 0.8     # the share of a short GI name (five or six letters) a one-word sign must open with, its
                     # first five letters at least, to be built on it with a short ending of its own (Cogna-pea)
COMPOUND_MIN = 5     # letters of a GI name that opens a longer word of the sign (Rioja in Riojavina)
COMPOUND_START = 78.0
COMPOUND_REST = 3    # letters after the name, a word of their own (Rioja-vina), not an ending (Capri-ce)


def _compound_start(q: Query, idx: NameIndex, out: Collector) -> None:
    """A one-word GI name that opens a longer word of the sign, run together with more letters (Riojavina):
    the name is read first, and the rest does not make it another word."""
    lex = lexicon()
    for word in q.words:
        if not word.isascii() or len(word) < COMPOUND_MIN + COMPOUND_REST:
            continue
        for cut in range(len(word) - COMPOUND_REST, COMPOUND_MIN - 1, -1):
            head = word[:cut]
            refs = [r for r in idx.by_key.get(head, ()) if r[2] == "fold"]
            if not refs or head in lex.generic or head in lex.single_words:
                continue
            for gi, ni, _ in refs:
                name = idx.gis[gi].names[ni]
                out.offer(Hit(gi, ni, "evocation", COMPOUND_START,
                              f"the GI name {name!r} opens the word {word!r}, run together with {word[cut:]!r}",
                              Evidence(query_key=word, gi_key=head, key_kind="fold", detail=f"prefix {cut}")))
            break


HEAD_WORD = 72.0     # a word that opens a GI name and names its product, inside a longer sign (Masi Amarone)
HEAD_WORD_GIS = 2    # GIs whose names it may open at most: a word that opens more is a common one (Colli, Terre)


def _head_word(q: Query, idx: NameIndex, out: Collector) -> None:
    """A word of a longer sign that opens a GI's name of several words, a name without a product word, where the
    word is the product's own name (Amarone of Amarone della Valpolicella, Brunello of Brunello di Montalcino):
    a producer's listing writes it beside the producer's name. Not a common word: one that opens the names of more
    than HEAD_WORD_GIS GIs or qualifies places of several countries, a landscape, product, label or colour word, a
    grape variety's (Cabernet of Cabernet d'Anjou), a word saying which part of the place or what it is (Petit of
    Petit Chablis), or the first word of an English name (Diamond of Diamond Mountain District)."""
    lex = lexicon()
    if len(q.distinct) < 2:
        return
    for word in dict.fromkeys(q.distinct):
        if not word.isascii() or len(word) < COMPOUND_MIN or word in lex.generic or word in lex.place_features or \
                word in lex.modifiers or word in lex.colours or word in lex.countries or word in lex.origins or \
                word in lex.varieties:
            continue
        refs = [(gi, ni) for gi, ni in idx.by_token.get(word, ()) if (words := product_name(idx, gi, ni))[:1] == [word]
                and len(words) > 1 and (lang := language_of(idx.gis[gi].countries)) != "en"
                and (word, lang) not in lex.name_words]
        if not refs or len({gi for gi, _ in refs}) > HEAD_WORD_GIS or names_several_places(word, idx):
            continue
        for gi, ni in refs:
            if other_goods(q, idx.gis[gi].class_common):
                continue
            name = idx.gis[gi].names[ni]
            out.offer(Hit(gi, ni, "partial", HEAD_WORD,
                          f"{word!r}, the word that opens {name!r} and names its product, stands in {q.text!r}",
                          Evidence(query_key=word, gi_key=fold(name), key_kind="tokens", detail="head word")))


def find(q: Query, idx: NameIndex, out: Collector) -> None:
    if family_name(q):
        return                         # a family name evokes no GI (Marinopoulos: no Marino)
    _partial(q, q.distinct, idx, out, written=q.words)
    _head_word(q, idx, out)
    _compound_start(q, idx, out)
    for key, kind in q.keys:           # an old romanization read back to pinyin (Tieh Kuan Yin → tie guan yin)
        if kind == "legacy" and " " in key:
            _partial(q, [t for t in key.split() if t not in lexicon().single_words], idx, out)
    _chinese_syllables(q, idx, out)
    _likeness(q, idx, out)


APOSTROPHES = re.compile("['’ʻ‘]")
SYLLABLES_MIN = 3        # Chinese syllables a sign and a Chinese GI's name share in order, at least
SYLLABLES_COVERED = 0.75  # the share of the syllables of the name's place (or whole name) they cover, at least
SYLLABLES_MORE = 2       # syllables of the sign's run the name does not have, at most (Hua Tiao of Shao Hsing Hua Tiao
                         # Chiew, a kind of Shaoxing wine)
SYLLABLE_MORE_LESS = 3.0  # score less for each of them


def _chinese_syllables(q: Query, idx: NameIndex, out: Collector) -> None:
    """A Chinese GI's name in the sign's Latin letters syllable for syllable, whatever its word division and
    romanization (Dong Ting Pi Lo Chun: 洞庭山碧螺春, dongting shan biluochun; Shao Hsing ... Chiew: 绍兴酒), read
    blind to aspiration: the sign's longest run of words that are all Chinese syllables, its product words aside,
    against the syllables of each Chinese name (its bracketed other form aside), in order (see SYLLABLES_MIN,
    SYLLABLES_COVERED, SYLLABLES_MORE).
    Every syllable the name's, and no other: a variant of the name; else a partial name."""
    if q.script != "Latin":
        return
    single = lexicon().single_words
    runs, run = [], []
    for word in fold(APOSTROPHES.sub("", q.text)).split():     # T'ing: one syllable, aspirated
        said = blind_syllables(word)
        if word in single and (not said or len(said) > 1):
            continue                 # a product word aside (tea, which reads de a), but one pinyin says (cha, jiu)
        if said:
            run += said
        else:
            runs.append(run)
            run = []
    run = max([*runs, run], key=len)
    if len(run) < SYLLABLES_MIN:
        return
    by_syllable, names = _chinese_names(idx)
    shared: dict[int, int] = {}
    for syllable in set(run):
        for j in by_syllable.get(syllable, ()):
            shared[j] = shared.get(j, 0) + 1
    for j, count in shared.items():
        if count < SYLLABLES_MIN:
            continue
        gi, ni, said, place = names[j]
        common, of_place = _in_order(run, said), _in_order(run, said[:place])
        if common < SYLLABLES_MIN or of_place < SYLLABLES_COVERED * place or len(run) - common > SYLLABLES_MORE:
            continue
        name = idx.gis[gi].names[ni]
        ev = Evidence(query_key=" ".join(run), gi_key=" ".join(said), key_kind="syllables",
                      detail=f"{common} of {len(said)} syllables in order, {len(run) - common} more")
        if common == len(said) == len(run):
            out.offer(Hit(gi, ni, "variant", REORDERED, f"{name!r} syllable for syllable, read blind to aspiration",
                          ev))
        else:
            out.offer(Hit(gi, ni, "partial", PARTIAL_BASE + PARTIAL_SHARE * of_place / place
                          - SYLLABLE_MORE_LESS * (len(run) - common),
                          f"{common} of the {len(said)} syllables of {name!r}, in order", ev))


def _in_order(a: list[str], b: list[str]) -> int:
    """The longest sequence of syllables of ``a`` found in ``b`` in the same order (not always side by side)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for k, y in enumerate(b):
            cur.append(prev[k] + 1 if x == y else max(prev[k + 1], cur[k]))
        prev = cur
    return prev[-1]


def _chinese_names(idx: NameIndex) -> tuple[dict[str, list[int]], list[tuple[int, int, list[str], int]]]:
    """The names in Chinese characters of the index's Chinese GIs, read once per index: each as (GI, name, its
    syllables read blind to aspiration, how many of them say its place: all, when it has no product word), and by
    syllable the positions of the names that have it."""
    if "_chinese_names" not in idx.__dict__:
        names, by_syllable = [], {}
        for gi, g in enumerate(idx.gis):
            if "CN" not in g.countries:
                continue
            for ni, name in enumerate(g.names):
                han = "".join(ch for ch in BRACKETED.sub("", name) if script_of(ch) == "Han")
                said = (unaspirated(pinyin(han)) or "").split() if len(han) >= SYLLABLES_MIN else []
                if len(said) != len(han):
                    continue
                place = anatomy(han, japanese=False, stored=True).place
                count = len(place) if place and han.startswith(place) else len(han)
                for syllable in set(said):
                    by_syllable.setdefault(syllable, []).append(len(names))
                names.append((gi, ni, said, count))
        idx.__dict__["_chinese_names"] = (by_syllable, names)
    return idx.__dict__["_chinese_names"]


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


def _onset(word: str) -> str:
    """The class of a word's first consonant sound (Cambozola and Gorgonzola both open on a K)."""
    from ..text.phonetic import latin

    form = latin(word)
    return next((ch for ch in form if ch.isupper()), "")


def names_several_places(token: str, idx: NameIndex) -> bool:
    """Whether a word of GI names is a common word of the landscape or of the goods rather than a place's
    name: it is in the names of GIs of more than one country (delta in Arroz del Delta del Ebro, Riso del Delta
    del Po and Mississippi Delta; valle, monte), and alone points to none of them."""
    return len({idx.gis[gi].countries[0] for gi, _ in idx.by_token.get(token, ()) if idx.gis[gi].countries}) > 1


def _qualifiers_only(words: list[str], name: str) -> bool:
    """Whether the words are all colour words before the word that joins a name's product to its place, where
    the name opens with its product: the product's kind (Bianchi of Fagioli Bianchi di Rotonda, Rossa of Cipolla
    Rossa di Tropea), which the name protects only with its place; not a name's own word (Nobile of Vino Nobile
    di Montepulciano)."""
    words_of_name = name.split()        # a joining word inside a hyphenated place (Châteauneuf-du-Pape) joins none
    at = next((i for i, w in enumerate(words_of_name) if fold(w) in LINKS or fold(w).split()[:1] == ["d"]), None)
    if not at or at == len(words_of_name) - 1:
        return False
    lead = fold(" ".join(words_of_name[:at])).split()
    before = set(lead) | set(stem_tokens(lead))
    lex = lexicon()
    return bool(before & lex.single_words) and all(w in before and w in lex.colours for w in words)


def _partial(q: Query, words: list[str], idx: NameIndex, out: Collector, written: list[str] | None = None) -> None:
    """A GI name that holds every one of ``words`` (the sign's distinctive words; ``written``, the same words as
    the sign writes them, where they are the sign's own and not a reading of it)."""
    distinct = [t for t in dict.fromkeys(words) if t.isascii() and len(t) >= 3]
    if not distinct:
        return
    others = [t for t in dict.fromkeys(words) if t.isascii() and t.isalpha() and len(t) == 2]   # PG of PG Tips:
    postings = [set(idx.by_token.get(t, ())) for t in distinct + others]          # a word the GI's name lacks
    common = set.intersection(*postings) if postings else set()
    lex = lexicon()
    generic_only = all(t in lex.generic for t in distinct)
    qclasses = q.anat.classes
    class_of = class_of_concept()
    if len(distinct) == 1 and not generic_only and common and (names_several_places(distinct[0], idx)
                                                               or distinct[0] in lex.place_features):
        return                        # one word that qualifies several places, or a landscape word (river,
                                      # valley), is alone no partial name
    # colour words say what wine it is (Vino rosso is no Valtellina rosso), and a grape variety with its colour
    # names the variety (Pinot grigio): no partial name, though a name of those words reordered is a variant
    colours_only = all(t in lex.colours for t in distinct) or len(distinct) > 1 and all(
        t in lex.colours or t in lex.varieties for t in distinct) and any(t in lex.varieties for t in distinct)
    # one word, no product named, that meets a word of a name only once its plural is folded: another word
    # (Coles is no Cole of Cole Ranch; Cévennes is a word of Oignon doux des Cévennes as written)
    folded_only = written[0] if written and len(distinct) == 1 and not q.anat.terms and written[:1] != distinct \
        else None
    covered = sum(idx.token_idf(t) for t in distinct)
    query_key = " ".join(distinct)
    for gi, ni in common:
        g = idx.gis[gi]
        if not generic_only and _qualifiers_only(distinct, g.names[ni]):
            continue
        if folded_only and folded_only not in fold(g.names[ni]).split():
            continue
        name_toks = [t for t in idx.name_tokens[(gi, ni)] if t not in lex.single_words]   # product words off,
        name_toks = name_toks or list(idx.name_tokens[(gi, ni)])                            # as on the query
        total = sum(idx.token_idf(t) for t in name_toks) or 1.0
        coverage = min(covered / total, 1.0)
        name = g.names[ni]
        gi_key = " ".join(sorted(name_toks))
        if generic_only:
            out.offer(Hit(gi, ni, "generic", 40.0,
                          f"shares only {', '.join(repr(t) for t in distinct)} with {name!r}: a generic term, not the protected name",
                          Evidence(query_key=query_key, gi_key=gi_key, key_kind="tokens", detail="generic component")))
            continue
        score = PARTIAL_BASE + PARTIAL_SHARE * coverage   # one common word of a longer name is not enough on its own
        # the classes of the products the name names, where it names some (Pesca di Verona: fruit, though its
        # register class also holds cereals), else the record's class
        classes = {class_of[c] for c in idx.name_concepts.get((gi, ni), ()) if c in class_of} or {g.class_common}
        same = any(class_within(c, theirs) for c in qclasses for theirs in classes)
        if all(t in lex.origins for t in name_toks) and not origin_names_it(q, classes, set(name_toks)):
            continue
        agree = same or any(classes_comparable(c, theirs) for c in qclasses for theirs in classes)
        if len(distinct) > 1 and set(distinct) == set(name_toks) and (agree or not qclasses) and \
                not q.anat.delocalisers:
            out.offer(Hit(gi, ni, "variant", REORDERED, f"the words of {name!r} in another order",
                          Evidence(query_key=query_key, gi_key=gi_key, key_kind="tokens", detail="reordered")))
            continue
        if colours_only:
            continue
        score += SAME_PRODUCT if same else OTHER_PRODUCT if qclasses else 0.0
        if q.anat.delocalisers:
            score += 3.0
        # the product named and the name's distinctive words: a translation; a share of them too small to score as
        # one (brick of Chibi Qing Brick Tea) stays a partial name, not lifted into the translation's range
        kind = "translation" if same and q.anat.terms and score >= legal.score_range("translation")[0] else "partial"
        out.offer(Hit(gi, ni, kind, round(min(score, 89.0), 1),
                      f"{', '.join(repr(t) for t in distinct)} {'is' if len(distinct) == 1 else 'are'} part of {name!r} "
                      f"({coverage:.0%} of its distinctive weight){' and the product agrees' if same else ', a comparable product' if agree else ''}",
                      Evidence(query_key=query_key, gi_key=gi_key, key_kind="tokens", detail=f"coverage {coverage:.2f}")))


def _closing_product(word: str) -> int:
    """The letters of the product word a compound closes on after three letters or more (wein of Rotwein, käse of
    Bergkäse), 0 if none."""
    heads = lexicon().compound_heads
    return next((len(word) - at for at in range(3, len(word) - 3) if word[at:] in heads), 0)


def _likeness(q: Query, idx: NameIndex, out: Collector) -> None:
    """Evocation by the ending or the stem of the sign's words; a country's name or adjective (Canada, Polish)
    names that country, and evokes no GI by its ending."""
    lex = lexicon()
    if q.distinct and all(t in lex.generic for t in q.distinct):
        return
    words = [t for t in q.words if t.isascii() and len(t) >= 5 and t not in lex.countries and t not in lex.origins]
    target = joined(" ".join(words))
    if len(target) < 5:
        return
    # Only a stored name ending in the query's last four letters, or opening on its first six, can evoke it
    # by its ending or its stem; a longer sign needs to be 60% alike as well.
    ending = set(idx.by_suffix.get(target[-4:], ()))
    candidates: dict[int, float] = {}
    for i in sorted(ending.union(idx.by_stem6.get(target[:6], ()), idx.by_stem5.get(target[:5], ()))):
        ratio = fuzz.ratio(target, idx.fuzzy_choices[i])
        if ratio >= 60 or (len(words) == 1 and i in ending):
            candidates[i] = ratio
    qclasses = q.anat.classes
    target_syll = syllables(target)
    product_end = _closing_product(target)
    for i, ratio in candidates.items():
        choice = idx.fuzzy_choices[i]
        if choice == target:
            continue
        suffix = _common_suffix(target, choice)
        prefix = _common_prefix(target, choice)
        edits = Levenshtein.distance(target, choice, score_cutoff=2)
        if ratio >= fuzzy.NEAR or (len(choice) >= 6 and edits <= (1 if len(choice) < 10 else 2)):
            continue                                     # a near spelling: the fuzzy matcher's
        choice_syll = syllables(choice)
        by_ending = (4 <= suffix - product_end and suffix < len(words[-1])   # the ending of a word, not a whole
                     # word nor the product word a compound closes on (Rotwein, red wine, evokes no Portwein)
                     and target_syll == choice_syll and abs(len(target) - len(choice)) <= 2 and len(choice) >= 7
                     and ratio >= (50 if len(idx.by_suffix.get(choice[-4:], ())) <= COMMON_ENDING else 70))
        by_stem = prefix >= 6 and prefix >= 0.66 * len(choice) and len(target) - len(choice) <= 5
        short_stem = not by_stem and prefix >= 5 and prefix >= SHORT_STEM * len(choice) and \
            0 < len(target) - len(choice) <= 3 and len(words) == 1
        if not (by_ending or by_stem or short_stem):
            continue
        for gi, ni, kind_ in idx.fuzzy_refs[i]:
            if kind_ in MACHINE_KEYS:
                continue                 # a stemmed or consonant key is no spelling a buyer sees (nachheight)
            written = fold(idx.gis[gi].names[ni])
            if by_ending and not by_stem and written.isascii() and len(written.split()[-1]) <= suffix:
                continue                 # the ending shared is a word of the name's own (Cher of Selles-sur-Cher)
            g = idx.gis[gi]
            if qclasses and g.class_common and not any(classes_comparable(c, g.class_common) for c in qclasses):
                continue
            if short_stem and not by_ending and not idx.abroad(gi):
                continue                 # five letters of a short name call up only a GI known abroad (Cognapea)
            name = g.names[ni]
            ev = Evidence(query_key=target, gi_key=choice, key_kind=kind_,
                          detail=f"ratio {ratio:.0f}, shared ending {suffix}, shared start {prefix}, "
                                 f"syllables {target_syll}/{choice_syll}")
            at_home = not qclasses and not idx.abroad(gi)   # no product named, and a GI known only at home
            if by_ending:
                score = min(72.0 + 2.0 * (suffix - 4) + (ratio - 50) / 4, 85.0)
                shared = len(idx.by_suffix.get(choice[-4:], ())) > 1
                if at_home or (not qclasses and shared and _onset(target) != _onset(choice)):
                    score -= UNLIKE_ONSET     # a GI known only at home, or an ending others share: a weak signal
                out.offer(Hit(gi, ni, "evocation", round(score, 1),
                              f"evokes {name!r}: same number of syllables and the same ending '-{choice[-suffix:]}'", ev))
            else:
                score = min(74.0 + 2.0 * (prefix - 6) + (ratio - 60) / 4, 85.0) - (UNLIKE_ONSET if at_home else 0.0)
                out.offer(Hit(gi, ni, "evocation", round(score, 1),
                              f"evokes {name!r}: built on its stem '{choice[:prefix]}-' with another ending", ev))
