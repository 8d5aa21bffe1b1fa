"""The translation matcher: the same place and the same product in other words (Parma ham ↔ Prosciutto di
Parma, Yantai apples ↔ 烟台苹果, Styrian pumpkin seed oil ↔ Steirisches Kürbiskernöl), the place alone (partial),
and the same place for another product (安丘大姜 ↔ 安丘大葱: a kind of its own, low, never a translation).

The place is found by its key (folded, exonyms and legacy romanizations read back); failing that, by part of
the query's place words (Shanxi mature vinegar: 'shanxi'), or by the sounds of its stem (Styrian and
steirisch, Istrian and istarski) or with another ending (Makó, Makói), where the product must then agree, and only
when the place as written names no GI of the product (Parma cheese is Parmigiano Reggiano, whose adjective names
Parma, not Queso de la Palma).
"""

from __future__ import annotations

import os

from ..index import WEAK_ENDINGS, NameIndex
from ..model import Evidence
from ..text.anatomy import (LINKS, STOPWORDS, canonical_place, demonym_root, demonym_roots, place_core, place_stem,
                             slavic_adjective_keys, slavic_place_keys, spaceless_place_key)
from ..text import phonetic
from ..text.fold import fold, japanese_forms_read, script_of
from ..text.lexicon import class_within, classes_comparable, concepts_agree, lexicon
from ..text.phonetic import language_of
from ..text.romanize import japanese_latin, legacy_to_pinyin, thai_words, translated_place_readings
from .base import CHINESE_HOMES, Collector, Hit, Query, origin_apart, origin_names_it
from .evocation import PARTIAL_BASE, PARTIAL_SHARE

KINDS = ("translation", "partial", "same place")
PART_OF_PLACE = 4.0      # score less when only part of the query's place words name the GI's place
SAME_WORD = 1.0          # score more when the query's product word is written in the GI's name
BY_SOUND = 5.0           # score less when the place is found by the sounds of its stem
TRANSLATED_CHARACTERS = 2.0   # less when the place is written in English words that translate its characters
BY_ADJECTIVE = 2.0       # less when a name writes the place as an adjective of that root (Genova: Genovese)
BY_SLAVIC_ADJECTIVE = 3.0   # less when it meets the place by the class of the consonant its ending changed (Krčki)
STATED_ORIGIN = 1.0      # less when the place is found once the country or province the sign states is off
ADJECTIVE_TAKES = 2      # the letters of a place's own ending its adjective may drop (Kočevje: Kočevski)
SPELLED_OUT = frozenset({"Latin", "Cyrillic", "Greek"})   # scripts whose place key spells the place's letters
BY_ENDING = 3.0          # less when the place is found with another ending (Makó: Makói, Lunigian: Lunigiana)
ENDING = 3               # the letters of an ending (a case, an adjective) one spelling may have beyond the other
SHARED = 4               # the letters both spellings share before their endings, at least
OPENING_MIN = 6          # letters of a place that opens a GI's longer place, at least (zagora of Zagora Piliou):
                         # the shorter openings of the registers' places are mostly words that open several
                         # (san, val, valle, terra, santo, serra, campo), few of six letters or more do
# The countries whose names write a place as a Slavic adjective (Paški sir, Krčki pršut, Pražská šunka)
SLAVIC_COUNTRIES = frozenset({"HR", "SI", "CZ", "SK", "PL", "BG", "RS", "ME", "BA", "MK", "UA", "RU", "BY"})


def find(q: Query, idx: NameIndex, out: Collector) -> None:
    place = q.anat.place_key
    if not place or len(place) < 3 or place in lexicon().place_features:
        return                               # a landscape word alone (valley) names no place
    seen: set[int] = set()
    named = False                            # the place as written names a GI of the product
    # a place read back from an old romanization of Chinese names a Chinese GI (Joose read as ruse is no Русе)
    read_back = q.script == "Latin" and legacy_to_pinyin(q.anat.place) != q.anat.place
    for key in dict.fromkeys((place, japanese_latin(place))):
        refs = idx.by_place.get(key, ())
        if read_back:
            refs = [ref for ref in refs if CHINESE_HOMES.intersection(idx.gis[ref[0]].countries)]
        named |= _offer(q, idx, out, refs, 0.0, "place", seen)
    rest, code = origin_apart(q.anat.place) if q.script == "Latin" else ("", "")
    if not seen and rest:                    # Yunnan Pu'er: the place, the province or country it is in stated,
        refs = [ref for ref in idx.by_place.get(canonical_place(rest.split()), ())   # a GI of that country's
                if code in idx.gis[ref[0]].countries]                                # (Tianjin Port is no Porto)
        named |= _offer(q, idx, out, refs, STATED_ORIGIN, "the place without the origin it states", seen)
    if not named and q.script == "Kana" and q.anat.concepts and all(script_of(ch) == "Han" for ch in q.anat.place):
        # Japanese writes a Chinese place in its characters, which Chinese reads otherwise (金華ハム: 金华火腿): the
        # same characters, not others read alike (幸隆 is no 兴隆)
        chars = fold(japanese_forms_read(q.anat.place) or q.anat.place)
        refs = [ref for ref in idx.by_place.get(spaceless_place_key(chars, False)[0], ())
                if CHINESE_HOMES.intersection(idx.gis[ref[0]].countries)
                and fold(idx.name_places[ref[0], ref[1]][0]) == chars]
        named |= _offer(q, idx, out, refs, 0.0, "its characters as Chinese writes them", seen, need_product=True,
                        explain=True)
    if not named and q.anat.concepts and q.script == "Latin":      # West Lake: 西湖, Ji County: 吉县
        for key in translated_place_readings(q.anat.place):
            named |= _offer(q, idx, out, idx.by_place.get(key, ()), TRANSLATED_CHARACTERS,
                            "the Chinese characters it translates", seen, need_product=True)
    if not named and q.anat.concepts and place not in lexicon().countries:
        named |= _offer(q, idx, out, _adjective_refs(idx, place), BY_ADJECTIVE, "its adjective", seen,
                        need_product=True)
    if not named and q.anat.concepts and q.script in SPELLED_OUT:     # Pag: Paški sir; Pager (German): Pag
        core = [w for w in q.anat.place.split() if w not in lexicon().place_features]
        if len(core) == 1:
            by_key = _slavic_adjectives(idx)
            refs = [ref for key in slavic_place_keys(demonym_root(core[0], "de")) for ref in by_key.get(key, ())]
            named |= _offer(q, idx, out, refs, BY_SLAVIC_ADJECTIVE, "its Slavic adjective", seen, need_product=True)
    words = q.anat.place.split()
    if not named and q.anat.concepts:        # Amalfi (Coast) lemons: Limone Costa d'Amalfi; Black Forest trout:
        # Schwarzwaldforelle, though the Black Forest names GIs of other products as written (Schwarzwälder Schinken)
        core = place_core(q.anat.place)
        refs = [*idx.by_place_core.get(place, ()), *(_refs_of_part(idx, core) if core else ())]
        _offer(q, idx, out, refs, PART_OF_PLACE, "the place without the landscape or product words joined to it", seen,
               need_product=True, by_class=True)
    if not seen and len(words) > 1 and q.anat.concepts:
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if (i, j) == (0, len(words)):
                    continue
                if len(key := canonical_place(words[i:j])) >= 4 and key not in lexicon().place_features:
                    _offer(q, idx, out, _refs_of_part(idx, key), PART_OF_PLACE, "part of the place", seen,
                           need_product=True)
                    if q.script in SPELLED_OUT:          # Карнобатская виноградная: Карнобатска (Bulgarian)
                        _offer(q, idx, out, _other_ending_refs(idx, key), PART_OF_PLACE + BY_ENDING,
                               "part of the place, with another ending", seen, need_product=True)
                if q.script == "Latin":      # West Lake Dragon Well: 龙井
                    for key in translated_place_readings(" ".join(words[i:j])):
                        _offer(q, idx, out, _refs_of_part(idx, key), PART_OF_PLACE + TRANSLATED_CHARACTERS,
                               "part of the place, in the Chinese characters it translates", seen, need_product=True)
    if not named and q.anat.concepts and len(place) >= OPENING_MIN and place not in lexicon().place_features:
        # the first words of a GI's place, the product agreeing (Thung Kula jasmine rice: Khao Hom Mali Thung Kula
        # Rong-Hai; Zagora apples: Μήλα Ζαγοράς Πηλίου, of Zagora in Pelion)
        named |= _offer(q, idx, out, _places_by_opening_words(idx).get(place, ()), PART_OF_PLACE,
                        "the opening words of the place", seen, need_product=True)
    if not seen and q.script == "Han" and q.anat.concepts:
        _han_place_parts(q, idx, out, seen)
    if not q.anat.concepts:
        if not seen and q.script == "Latin":
            _name_word_by_sound(q, idx, out)
        return
    nation = lexicon().nation_words.get(q.anat.place.replace(" ", ""))
    if nation and not named:                 # 波兰 (Poland) with vodka: Polish Vodka, a GI named by its country, or
        words = [w for w, code in lexicon().nation_words.items() if code == nation]   # by a nation of it (Scotch),
        _offer(q, idx, out, [ref for w in words for ref in idx.by_place.get(w, ())], 0.0, "the country's name",
               seen, need_product=True, by_class=True)       # or by its adjective alone (English, a wine)
    stem = q.anat.place_stem or place_stem(q.anat.place)
    if len(stem) >= 3 and not named:
        # a place of like sounds (Styrian ~ Steirisches), unless the place as written names a GI of the product
        # (Parma cheese: Parmigiano Reggiano, not Queso de la Palma)
        near = [ref for ref in idx.by_place_stem.get(stem, ()) if _letters_close(q.anat.place, idx, ref)]
        _offer(q, idx, out, near, BY_SOUND, "the sounds of the place", seen, need_product=True, by_class=True)
    if not seen and q.script in SPELLED_OUT:
        for key in dict.fromkeys((place, place_core(q.anat.place))):
            _offer(q, idx, out, _other_ending_refs(idx, key), BY_ENDING, "another ending of the place", seen,
                   need_product=True)


def _han_place_parts(q: Query, idx: NameIndex, out: Collector, seen: set[int]) -> None:
    """A Chinese place that opens or closes with a GI's place of two characters or more, a variety's or a
    district's name beside it (绍兴花雕酒: 绍兴 and the style 花雕; the GI 绍兴酒), with the GI's product."""
    text = q.anat.place
    for n in range(len(text) - 1, 1, -1):
        for part in dict.fromkeys((text[:n], text[-n:])):
            _offer(q, idx, out, idx.by_place.get(spaceless_place_key(part)[0], ()), PART_OF_PLACE,
                   "part of the place", seen, need_product=True)
        if seen:
            return


def _adjective_refs(idx: NameIndex, place: str) -> list:
    """Names whose place is an adjective of this place: its root is the place, or the place less an ending of
    up to ADJECTIVE_TAKES letters (Genova: genov- of Genovese; Olomouc: olomou- of Olomoucké, whose ending -cké
    took the c; Kočevje: kočev- of Kočevski)."""
    return [ref for root in dict.fromkeys(place[:len(place) - n] for n in range(ADJECTIVE_TAKES + 1))
            if len(root) >= 5 for ref in idx.by_place_root.get(root, ())]


def _slavic_adjectives(idx: NameIndex) -> dict[str, list]:
    """The refs of the names of GIs of SLAVIC_COUNTRIES that name a product, by the keys of the places their words
    are adjectives of, as written (slavic_adjective_keys: Paški sir under paS), read once per index."""
    if "_slavic_adjectives" not in idx.__dict__:
        found: dict[str, list] = {}
        for (gi, ni), concepts in idx.name_concepts.items():
            if concepts and SLAVIC_COUNTRIES.intersection(idx.gis[gi].countries):
                words = idx.gis[gi].names[ni].lower().split()
                for key in {k for word in words for k in slavic_adjective_keys(word)}:
                    found.setdefault(key, []).append((gi, ni, concepts))
        idx.__dict__["_slavic_adjectives"] = found
    return idx.__dict__["_slavic_adjectives"]


def _other_ending_refs(idx: NameIndex, place: str) -> list:
    """Names whose place is this place with an ending of an adjective of the name's language, or the query's
    place with such an ending (of any language) where the name has none: Makó onions, Makói hagyma (Hungarian
    -i); Chioská masticha, Masticha Chiou (Czech -ská); Карнобатская, Карнобатска (Russian -ская); Lunigian
    honey, Miele della Lunigiana (Italian -igiana). Both spellings share SHARED letters or more; the ending, of
    ENDING letters at most, is all or the tail of a demonym ending, not of one that ends ordinary words as often
    (-ano, -ina: Gaetano is no adjective of Gaeta), and the shorter spelling has no ending of its own (Trenton
    is no case of Trentino, nor Verdejo of Verde); a grape variety's name is none (Verdese)."""
    if place in lexicon().varieties:
        return []
    refs = []
    for ref in _places_by_opening(idx).get(place[:SHARED], ()):
        theirs = idx.name_places[ref[0], ref[1]][1]
        shared = len(os.path.commonprefix((place, theirs)))
        mine_ends, theirs_ends = place[shared:], theirs[shared:]
        if shared < SHARED or (mine_ends and theirs_ends) or len(mine_ends or theirs_ends) > ENDING:
            continue
        longer, lang = (theirs, language_of(idx.gis[ref[0]].countries)) if theirs_ends else (place, None)
        if any(len(root) <= shared and longer[len(root):] not in WEAK_ENDINGS for root in demonym_roots(longer, lang)):
            refs.append(ref)
    return refs


def _places_by_opening(idx: NameIndex) -> dict[str, list]:
    """The refs of the names that name a product, by the first SHARED letters of their place key, read once
    per index."""
    if "_places_by_opening" not in idx.__dict__:
        found: dict[str, list] = {}
        for (gi, ni), concepts in idx.name_concepts.items():
            key = idx.name_places.get((gi, ni), ("", ""))[1]
            if concepts and len(key) >= SHARED:
                found.setdefault(key[:SHARED], []).append((gi, ni, concepts))
        idx.__dict__["_places_by_opening"] = found
    return idx.__dict__["_places_by_opening"]


def _places_by_opening_words(idx: NameIndex) -> dict[str, list]:
    """The refs of the names that name a product and whose place has several words, by the key of each run of
    its words that opens it (thungkula of Thung Kula Rong Hai; pakchong of ปากช่องเขาใหญ่, whose words the Thai
    word list divides), read once per index."""
    if "_places_by_opening_words" not in idx.__dict__:
        found: dict[str, list] = {}
        for (gi, ni), concepts in idx.name_concepts.items():
            text = idx.name_places.get((gi, ni), ("", ""))[0] if concepts else ""
            thai = bool(text) and script_of(text[0]) == "Thai"
            words = thai_words(text) if thai else text.split()
            for n in range(1, len(words)):
                key = spaceless_place_key("".join(words[:n]))[0] if thai else canonical_place(words[:n])
                found.setdefault(key, []).append((gi, ni, concepts))
        idx.__dict__["_places_by_opening_words"] = found
    return idx.__dict__["_places_by_opening_words"]


NAME_WORD_ALIKE = 0.85   # how alike in sound the sign's other word and a word of the GI's name must be
NAME_WORD_MIN = 5        # letters of each, at least


def _name_word_by_sound(q: Query, idx: NameIndex, out: Collector) -> None:
    """A sign of a GI's place and another word that is the GI's own word spelled as another language spells it
    (Kozani Crocus: Krokos Kozanis, κρόκος; Parma Proshuto): a variant of its name where it has each of the name's
    words, else a partial name (Modena Balsamic: Aceto Balsamico di Modena). The sign names no product the lexicon
    knows; each of its words beside the place sounds like a word of the name (read by the name's language)."""
    words = q.anat.place.split()
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            rest = [w for w in words[:i] + words[j:] if w not in LINKS and w not in STOPWORDS]
            key = canonical_place(words[i:j])
            if not rest or any(len(w) < NAME_WORD_MIN for w in rest) or len(key) < 4:
                continue
            for gi, ni, _ in _refs_of_part(idx, key):
                g, (place, _) = idx.gis[gi], idx.name_places.get((gi, ni), ("", ""))
                if not g.names[ni].isascii():
                    continue
                own = [w for w in fold(g.names[ni]).split()
                       if w not in fold(place).split() and w not in LINKS and w not in STOPWORDS]
                lang = language_of(g.countries)
                long_words = [o for o in own if len(o) >= NAME_WORD_MIN]
                alike = [max((phonetic.similarity(phonetic.latin(w), phonetic.latin(o, lang)), o)
                             for o in long_words) for w in rest] if long_words else []
                if not alike or any(sim < NAME_WORD_ALIKE for sim, _ in alike):
                    continue
                pairs = ", ".join(f"{w!r} ~ {o!r}" for w, (_, o) in zip(rest, alike))
                covered = len({o for _, o in alike}) / len(own)
                ev = Evidence(query_key=q.anat.place_key, gi_key=fold(g.names[ni]), key_kind="place+word",
                              detail=f"similarity {min(sim for sim, _ in alike):.2f}, {covered:.0%} of its words")
                if covered == 1.0:
                    out.offer(Hit(gi, ni, "variant", 96.0,
                                  f"{g.names[ni]!r}: its place, and its own words spelled otherwise ({pairs})", ev))
                else:
                    out.offer(Hit(gi, ni, "partial", PARTIAL_BASE + PARTIAL_SHARE * covered,
                                  f"part of {g.names[ni]!r}: its place, and its own word spelled otherwise ({pairs})",
                                  ev))


def _refs_of_part(idx: NameIndex, key: str) -> list:
    """Names whose place is this key: written out, without landscape words, or as an adjective."""
    return [*idx.by_place.get(key, ()), *idx.by_place_core.get(key, ()), *_adjective_refs(idx, key)]


def _same_word(q: Query, idx: NameIndex, gi: int, ni: int) -> bool:
    """Whether a product word of the query is written in the GI's name, alone or opening a compound (kirsch
    of Black Forest kirsch in Schwarzwälder Kirsch, Kirschwasser): of one place's GIs of a class, that one."""
    words = idx.name_tokens.get((gi, ni), ())
    return any(len(tok) >= 4 and any(w.startswith(tok) for w in words) for t in q.anat.terms for tok in t.tokens)


def _letters_close(place: str, idx: NameIndex, ref) -> bool:
    """A place found by its sounds must also be spelled much alike, demonym endings aside (Styrian ~
    steirisch, Istrian ~ istarski, not Little ~ Lička); a place written in another script, as it is read
    (Matsusaka ~ 松阪, read matsuzaka); a root of three letters spelled the same (Naxian ~ Naxou)."""
    from rapidfuzz.distance import Levenshtein

    text, key = idx.name_places.get((ref[0], ref[1]), ("", ""))
    theirs = "".join(demonym_root(w) for w in (text if text.isascii() else key).split())   # 松阪: matsuzaka
    mine = "".join(demonym_root(w) for w in place.split())
    n = min(len(mine), len(theirs))
    return n >= 4 and Levenshtein.distance(mine[:n + 2], theirs[:n + 2]) <= max(2, int(0.4 * n)) or \
        n == 3 and mine == theirs


def _offer(q: Query, idx: NameIndex, out: Collector, refs, less: float, how: str, seen: set[int],
           need_product: bool = False, by_class: bool = False, explain: bool = False) -> bool:
    """Offer the GIs of these place refs; whether one was a translation (the place and the product). With
    ``need_product``, only translations: of the product a name names, or with ``by_class`` of a name that names
    none, its very class. ``how`` the place was found is said where it costs score, or with ``explain``."""
    qconcepts = q.anat.concepts
    qclasses = q.anat.classes
    said = bool(less) or explain

    def ev(key_kind: str = "place+term", detail: str | None = how if said else None) -> Evidence:
        return Evidence(query_key=q.anat.place_key, gi_key=q.anat.place_key, key_kind=key_kind, detail=detail)

    translated = False
    for gi, ni, concepts in refs:
        if gi in seen and less:
            continue
        seen.add(gi)
        g = idx.gis[gi]
        name = g.names[ni]
        agree = concepts_agree(qconcepts, set(concepts))
        if agree:
            term = ", ".join(sorted(concepts & qconcepts) or sorted(qconcepts))
            score = (88.0 if concepts & qconcepts else 86.0) + (SAME_WORD if _same_word(q, idx, gi, ni) else 0.0)
            translated = True
            out.offer(Hit(gi, ni, "translation", score - less,
                          f"same place ({q.anat.place!r}{', by ' + how if said else ''}) and the same product "
                          f"({term}) as {name!r}: a translation", ev(detail=term)))
        # a name without a product word: a product of its class, of the very class where the place was met
        # otherwise than as written (without its landscape words, by its sounds)
        elif not concepts and qclasses and (by_class or not need_product) and any(
                (c == g.class_common) if need_product else class_within(c, g.class_common) for c in qclasses):
            translated = True
            out.offer(Hit(gi, ni, "translation", 86.0 - less,
                          f"same place ({q.anat.place!r}{', by ' + how if said else ''}) as {name!r}, a name "
                          f"without a product word, and a product of its class ({g.class_common})",
                          ev("place+class")))
        elif need_product:
            continue
        elif agree is False:
            out.offer(Hit(gi, ni, "same place", 45.0,
                          f"shares the place {q.anat.place!r} with {name!r} but names another product "
                          f"({', '.join(sorted(qconcepts))} / {', '.join(sorted(concepts))})",
                          ev("place")))
        elif not concepts and qclasses and any(classes_comparable(c, g.class_common) for c in qclasses):
            out.offer(Hit(gi, ni, "translation", 80.0,
                          f"same place ({q.anat.place!r}) as {name!r} and a comparable product "
                          f"({', '.join(sorted(qclasses))} ~ {g.class_common})",
                          ev("place+class")))
        elif not qconcepts and not q.anat.delocalisers and (
                q.anat.place_key not in lexicon().origins or origin_names_it(q, (g.class_common,), [q.anat.place_key])):
            out.offer(Hit(gi, ni, "partial", 75.0, f"{q.text!r} is the place part of {name!r}", ev("place")))
        else:
            out.offer(Hit(gi, ni, "same place", 45.0,
                          f"shares the place {q.anat.place!r} with {name!r} but names another product",
                          ev("place")))
    return translated
