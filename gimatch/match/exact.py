"""Exact matchers: the name itself once folded (identical), a listed variant or a spelling variant (variant),
the name in another script by gimatch's romanization (transliteration), the whole name inside a longer sign
(contains), with a "style"/"type" word (style/type)."""

from __future__ import annotations

from ..index import NameIndex
from ..model import Evidence
from ..text.fold import is_spaceless_script, joined, script_of
from ..text.keys import ROMANIZATION_KINDS, THAI_LATIN, THAI_LOOSE, is_japanese
from ..text.lexicon import lexicon, product_term
from ..text.zh_dictionary import glosses
from ..text.stem import stem_tokens
from .base import Collector, Hit, Query, goods_named, origin_names_it, other_goods

KINDS = ("identical", "variant", "transliteration", "contains", "style/type", "same place")
MIN_SPAN = 5          # letters of a Latin GI name found anywhere inside a longer sign; a shorter one (Ahr, Dão,
                      # Port) only when the rest of the sign is product, style or marketing words


def find(q: Query, idx: NameIndex, out: Collector) -> None:
    _keys(q, idx, out)
    _contained(q, idx, out)


# the reading of another script a query's old romanization is a spelling of: Wade–Giles and postal spellings read
# back to pinyin meet Chinese names read in pinyin, not a Bulgarian one read as the same letters (Joose: ruse, Русе)
READ_BACK_TO = {"legacy": "pinyin", "japanese": "hepburn"}


def _keys(q: Query, idx: NameIndex, out: Collector) -> None:
    for qkey, qkind in q.keys:
        for gi, ni, skind in idx.by_key.get(qkey, ()):
            if qkind in READ_BACK_TO and skind in ROMANIZATION_KINDS and skind != READ_BACK_TO[qkind]:
                continue
            if (qkind == THAI_LATIN) != (skind == THAI_LOOSE):
                continue                 # a Latin sign read as informal Thai meets Thai names read so, only
            g = idx.gis[gi]
            role = g.roles[ni]
            name = g.names[ni]
            if qkind == "fold" and skind == "fold":
                if role == "protected":
                    kind, score, why = "identical", 100.0, f"equal to the protected name {name!r} once case, accents, width and punctuation are folded"
                else:
                    kind, score, why = "variant", 98.0, f"equal to {name!r}, a {role} the register lists for this GI"
            elif skind == THAI_LOOSE:
                kind, score = "transliteration", 95.0
                why = f"{q.text!r} spells {name!r} in Latin letters as Thai is informally written ({qkey!r})"
            elif qkind in ROMANIZATION_KINDS or skind in ROMANIZATION_KINDS:
                kind, score = "transliteration", 95.0
                why = f"{q.text!r} and {name!r} are the same name in different scripts ({qkind if qkind in ROMANIZATION_KINDS else skind} reading {qkey!r})"
            else:
                kind, score = "variant", 96.0
                why = f"a spelling variant of {name!r} (same {skind if skind != 'fold' else qkind} key {qkey!r})"
            out.offer(Hit(gi, ni, kind, score, why, Evidence(query_key=qkey, gi_key=qkey, key_kind=f"{qkind}/{skind}")))


def _cuts(folded: str) -> frozenset[int]:
    """The places a span of a spaceless sign may open or close at, in its text without spaces: anywhere but
    inside a word of a script written with spaces (น้ำปลา Tiparos holds no Paros, nor น้ำปลา Τιπάρος Πάρος);
    digits join such a word (Rioja2019 is one word)."""
    text, at, spaced = joined(folded), 0, set()
    for ch in folded:
        if ch == " ":
            spaced.add(at)
        else:
            at += 1
    return frozenset(p for p in range(len(text) + 1) if p in spaced or p in (0, len(text))
                     or not (_word_char(text[p - 1]) and _word_char(text[p])))


def _word_char(ch: str) -> bool:
    return ch.isalnum() and not is_spaceless_script(script_of(ch))


def _spans(q: Query) -> list[tuple[str, int, int]]:
    """Contiguous parts of the query shorter than the whole, as keys, with their token span."""
    if q.spaceless:
        text, cuts = joined(q.folded), _cuts(q.folded)
        return [(text[i:j], i, j) for i in range(len(text)) if i in cuts
                for j in range(i + 2, min(len(text), i + 24) + 1) if j in cuts and (i, j) != (0, len(text))]
    toks = q.folded.split()
    stems = stem_tokens(toks)
    german = any("de" in t.langs for t in q.anat.terms)    # a German product word beside (Champagner Trüffel)
    out = []
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + 8) + 1):
            if (i, j) == (0, len(toks)):
                continue
            out.append((" ".join(toks[i:j]), i, j))
            if stems[i:j] != toks[i:j]:
                out.append((" ".join(stems[i:j]), i, j))
            if j - i == 1 and toks[i].endswith("er") and len(toks[i]) > 6:   # a German adjective of a place:
                out.append((toks[i][:-2], i, j))                              # Lübecker; of a name ending in e
                if german:                                                    # beside a German product word only
                    out.append((toks[i][:-1], i, j))                          # (Champagner; not Fleurier watches)
    return out


def _rest_is_modifiers(q: Query, i: int, j: int) -> bool:
    """Whether every word of the query outside span i..j is a product word, a 'style' word, a marketing
    modifier, an adjective of origin (a stated origin does not avoid the conflict: Danish feta) or a
    stopword: a short GI name (Ahr, Dão, Κως, Feta) is then the sign's only distinctive part."""
    lex = lexicon()
    words = q.tokens[:i] + q.tokens[j:]
    delocs = {w for d in q.anat.delocalisers for w in d.split()}
    return bool(words) and all(w in lex.single_words or w in lex.modifiers or w in lex.origins or w in delocs
                               or len(w) <= 2 for w in words)


WORD_RUNS_ON = 2   # characters a Chinese word may run on past a name's, on either side


def _runs_on(text: str, i: int, j: int) -> bool:
    """Whether characters i..j of a Chinese text are part of a longer common word of the dictionary (三重 of 三重奏,
    a trio; not a place's name before its product: 普洱 of 普洱茶)."""
    for a in range(max(0, i - WORD_RUNS_ON), i + 1):
        for b in range(j, min(len(text), j + WORD_RUNS_ON) + 1):
            senses = glosses(text[a:b]) if (a, b) != (i, j) else ()
            if senses and all(s.kind == "word" for s in senses) and not product_term(text[j:b]):
                return True
    return False


def _in_a_country(tokens: list[str], i: int, j: int) -> bool:
    """Whether words i..j of a sign are part of a longer country's name in it (Marino of San Marino)."""
    countries = lexicon().countries
    return any(" ".join(tokens[a:b]) in countries for a in range(max(0, i - 2), i + 1)
               for b in range(j, min(len(tokens), j + 2) + 1) if (a, b) != (i, j))


def _contained(q: Query, idx: NameIndex, out: Collector) -> None:
    lex = lexicon()
    text, words = joined(q.folded), q.folded.split()
    n_tokens = len(text) if q.spaceless else len(words)
    chinese = q.script == "Han" and not is_japanese(q.folded)
    for span, i, j in _spans(q):
        refs = idx.by_key.get(span)
        if not refs:
            continue
        letters = joined(span)
        short = len(letters) < (2 if q.spaceless else MIN_SPAN)
        if (short and (q.spaceless or len(letters) < 2 or not _rest_is_modifiers(q, i, j))) or letters in lex.generic \
                or chinese and _runs_on(text, i, j) or not q.spaceless and _in_a_country(words, i, j):
            continue
        for gi, ni, skind in refs:
            if skind not in ("fold", "stem", "variant", "umlaut", "skeleton") and skind not in ROMANIZATION_KINDS:
                continue
            g = idx.gis[gi]
            if letters in lex.origins and not origin_names_it(q, (g.class_common,), set(q.tokens[i:j])):
                continue
            name = g.names[ni]
            if not q.anat.delocalisers and other_goods(q, g.class_common) and not idx.abroad(gi):
                out.offer(Hit(gi, ni, "same place", 45.0, f"the GI name {name!r} appears inside {q.text!r}, which "
                              f"names another product ({', '.join(sorted(goods_named(q)))} / {g.class_common})",
                              Evidence(query_key=span, gi_key=span, key_kind=skind,
                                       detail=f"span {i}-{j} of {n_tokens}")))
                continue
            if q.anat.delocalisers:
                kind, score = "style/type", 93.0
                why = (f"the GI name {name!r} is used with {', '.join(repr(d) for d in q.anat.delocalisers)}; "
                       "'style'/'type' words do not avoid the conflict")
            else:
                kind, score = "contains", 90.0
                why = f"the whole GI name {name!r} appears inside {q.text!r}"
            out.offer(Hit(gi, ni, kind, score, why,
                          Evidence(query_key=span, gi_key=span, key_kind=skind, detail=f"span {i}-{j} of {n_tokens}")))
