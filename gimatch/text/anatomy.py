"""Name anatomy: split a name into its place part and its product term(s).

``Prosciutto di Parma`` → place ``parma`` + ham; ``龙井茶`` → place ``longjing`` + tea;
``กาแฟดอยตุง`` → coffee + place ``doitung``. Translation matching compares the place keys and
the concepts (or classes) of the terms.

>>> a = anatomy("Prosciutto di Parma"); (a.place_key, [t.concept for t in a.terms])
('parma', ['ham'])
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import romanize, zh_dictionary
from .fold import dominant_script, fold, is_spaceless_script
from .keys import is_japanese, romanized_forms
from .lexicon import (Term, class_lineage, class_within, heard_as_label, heard_as_link, heard_as_term, is_product_term,
                      lexicon)
from .stem import stem_tokens

STOPWORDS = frozenset(
    "di de del della delle dei degli da dal du des la le les el los las lo l d of the von vom aus der die das "
    "y e et und and do dos das em in im a al au aux z ze ze od iz na no cu from".split())
LINKS = frozenset("di de del della delle dei degli d du des da dal dalla do dos das von vom aus of from z ze od iz "
                  "al au aux".split())   # the words that join a product to its place (Fagioli Bianchi di Rotonda)
_GERMAN_ADJ = re.compile(r"^(\w{4,})er$")


@dataclass
class Anatomy:
    """The parts of one name."""

    folded: str
    place: str = ""
    place_key: str = ""
    stem_of: str = ""             # the place words (in Latin letters) the place's stem is read from
    terms: list[Term] = field(default_factory=list)
    delocalisers: list[str] = field(default_factory=list)
    label_product: str = ""       # the class a label word names when no product word does (产区: wine)
    heard: str = ""               # the word of a sign a product term was heard in (プロシュート: prosciutto)
    opened_by: str = ""           # the marketing word taken off before a place written without spaces (经典)

    @functools.cached_property
    def place_stem(self) -> str:
        """The sounds of the place's stem (Styrian, steirisch → STL), read when first asked for."""
        return place_stem(self.stem_of)

    @property
    def concepts(self) -> set[str]:
        """The products the name's words name, in every language they are a product word of."""
        return {c for t in self.terms for c in (t.concept, *t.readings)}

    def concepts_of(self, product_class: str | None) -> set[str]:
        """The products the name of a GI of ``product_class`` names: those of its words that name a product of
        that class, where one does (Selino, a place in the name of a Cretan olive oil, is also Greek for celery)."""
        own = [t for t in self.terms if class_within(t.product_class, product_class)]
        return {c for t in own for c in (t.concept, *t.readings)} if own else self.concepts

    @property
    def classes(self) -> set[str]:
        return {t.product_class for t in self.terms if t.product_class}


def canonical_place(tokens: list[str]) -> str:
    """The place key of place tokens: legacy romanization read back, exonyms and German -er adjectives folded."""
    lex = lexicon()
    toks = romanize.legacy_to_pinyin(" ".join(tokens)).split()
    whole = "".join(toks)
    if whole in lex.place_aliases:
        return lex.place_aliases[whole]
    out = []
    for tok in toks:
        tok = lex.place_aliases.get(tok, tok)
        m = _GERMAN_ADJ.match(tok)
        if m and len(tok) >= 7:
            tok = lex.place_aliases.get(m.group(1), m.group(1))
        out.append(tok)
    return "".join(out)


HAN_PARTICLES = frozenset("的之")   # the particles that join a Chinese place to what follows it ('s, of)
PARTICLES = {"Han": HAN_PARTICLES, "Kana": frozenset("の")}   # and a Japanese one (シュタイヤーマークの赤ワイン)
HAN_CORE_MIN = 2     # Chinese characters a place keeps once its landscape or settlement character is off


def closing_feature(place: str) -> str:
    """The longest landscape or settlement word that closes a Chinese place (河谷 of 瓦郝河谷, not its 谷), where
    two characters stay before it (黄山 is one name: Huangshan, not Huang); '' when none does."""
    return max((w for w in lexicon().place_features if place.endswith(w) and not w.isascii()
                and len(place) - len(w) >= HAN_CORE_MIN), key=len, default="")


def place_core(place: str) -> str:
    """The key of a place without its landscape or settlement words (costa d'amalfi, amalfi coast → amalfi;
    เมืองพัทลุง, the town of Phatthalung → phatthalung): four letters at least, three in Thai; '' when it has
    none or nothing else."""
    features = lexicon().place_features
    if dominant_script(place) == "Han":           # 武夷山 (Mount Wuyi), 安溪县: the feature closes the name
        word = closing_feature(place)
        return spaceless_place_key(place[: -len(word)])[0] if word else ""
    if not place.isascii():
        words = [w for w in features if not w.isascii() and w in place and w != place]
        key = spaceless_place_key(functools.reduce(lambda text, w: text.replace(w, ""), words, place))[0] \
            if words else ""
        return key if len(key) >= 3 else ""
    tokens = place.split()
    core = [t for t in tokens if t not in features]
    if len(core) == len(tokens) or not core:
        return ""
    key = canonical_place(core)
    return key if len(key) >= 4 else ""


@functools.lru_cache(maxsize=None)
def _demonym_suffixes(lang: str | None = None) -> tuple[tuple[int, frozenset[str]], ...]:
    """The demonym endings (of one language, or of all) by length, longest first."""
    from .. import bundled

    suffixes = {r["suffix"] for r in bundled.read_table("demonym_suffixes.csv") if lang in (None, r["lang"])}
    return tuple((n, frozenset(x for x in suffixes if len(x) == n)) for n in sorted({len(x) for x in suffixes},
                                                                                    reverse=True))


def place_stem(place: str, lang: str | None = None) -> str:
    """The consonant sounds of a place's stem, once demonym endings are off each word: 'styrian', 'steirisch'
    and 'steirisches' all give STL; 'istrian' and 'istarski' give STL too. Two letters of stem at least. A
    register's name is read by the spelling rules of its language (``lang``: the j of Baranjski is a glide)."""
    stem = "".join(_word_stem(tok, lang) for tok in place.split())
    return stem if len(stem) >= 2 else ""


@functools.lru_cache(maxsize=1 << 15)
def _word_stem(tok: str, lang: str | None = None) -> str:
    """The consonants of a word's stem: of the word read whole, less those of an ending that opens on a vowel
    (the c of Galician is the s of Galicia: a vowel after it gives a consonant its sound), else of the stem
    read alone (Skotsk: skot)."""
    from .phonetic import consonants, latin

    root = demonym_root(tok)
    whole, ending = consonants(latin(tok, lang)), consonants(latin(tok[len(root):], lang))
    if root != tok and tok[len(root)] in "aeiouy" and whole.endswith(ending):
        return whole[:len(whole) - len(ending)]
    return consonants(latin(root, lang))


def demonym_root(tok: str, lang: str | None = None) -> str:
    """A place word without its demonym ending (of ``lang``, or of any language: istrian → istr, istarski →
    istar, steirisches → steir), three letters at least; an ending of one letter (Hungarian Szegedi) only in
    its own language."""
    return next(demonym_roots(tok, lang), tok)


def demonym_roots(tok: str, lang: str | None = None):
    """Every root a demonym ending leaves of a place word, the shortest first (ogulinski: ogul of -inski,
    ogulin of -ski), on the terms of :func:`demonym_root`."""
    for n, endings in _demonym_suffixes(lang):
        if len(tok) - n >= 3 and tok[-n:] in endings and (n > 1 or lang):
            yield tok[:-n]


# A Slavic place adjective whose ending changed the consonant its place closes on (Krk: Krčki, Pag: Paški, Praha:
# Pražská, Pardubice: Pardubický, Lovech: Loveshka): as written, the changed consonant stands before the k of the
# ending, so a place and such an adjective meet on a key whose last letter is that consonant's class, C for k and
# c, S for g, h, s, z; the plain -ski of a place kept whole (Hvar: hvarski) is the adjective index's (index.py).
_SLAVIC_ADJECTIVE = re.compile(r"(č|ć|ch|c|š|ž|ś|ż|sh|zh)s?k(?:ie|iy|ii|aya|oe|i|a|o|e|y|ý|á|é|í|ó)$")
_SLAVIC_CLASS = {"k": "C", "c": "C", "g": "S", "h": "S", "s": "S", "z": "S"}
_SLAVIC_DIGRAPHS = {"sz": ("S",), "sh": ("S",), "zh": ("S",), "cz": ("C",), "ch": ("C", "S")}
_SLAVIC_PLACE_ENDINGS = ("ija", "ije", "ja", "je", "a")   # and the e of -ice, the o of -ovo and -evo
SLAVIC_KEY_MIN = 3


def slavic_adjective_keys(word: str) -> frozenset[str]:
    """The key of the place a Slavic place adjective (lower case, as written) is formed on, where its ending
    changed the place's last consonant (see :func:`slavic_place_keys`): paški gives paS (Pag), krčki krC (Krk),
    pražská praS (Praha), pardubický pardubiC (Pardubice), loveshka loveS (Lovech); empty for any other word."""
    m = _SLAVIC_ADJECTIVE.search(word)
    if not m:
        return frozenset()
    key = fold(word[:m.start()]) + ("C" if m.group(1)[0] in "čćc" else "S")
    return frozenset({key}) if len(key) >= SLAVIC_KEY_MIN else frozenset()


def slavic_place_keys(place: str) -> frozenset[str]:
    """The keys a folded place word meets its Slavic adjectives on: the word, or less a closing a (or j or ij and
    a vowel: Prekmurje, Slavonija; the e of -ice, the o of -ovo and -evo), its last consonant by class (Krk: krC;
    Pag: paS; Lovech: loveC and loveS); none for a word that closes on no such consonant."""
    stems = {place} | {place[:-len(e)] for e in _SLAVIC_PLACE_ENDINGS if place.endswith(e) and len(place) > len(e) + 1}
    if place.endswith(("ice", "ovo", "evo")):
        stems.add(place[:-1])
    keys = set()
    for stem in stems:
        if stem[-2:] in _SLAVIC_DIGRAPHS:
            keys.update(stem[:-2] + c for c in _SLAVIC_DIGRAPHS[stem[-2:]])
        elif stem[-1:] in _SLAVIC_CLASS:
            keys.add(stem[:-1] + _SLAVIC_CLASS[stem[-1]])
    return frozenset(k for k in keys if len(k) >= SLAVIC_KEY_MIN)


_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """The syllables of a Latin word, as its groups of vowels."""
    return len(_VOWEL_GROUP.findall(word))


def _leaves_a_place(term, rest: list[str]) -> bool:
    """Whether taking a romanized product syllable off (pinyin xing 杏, Hepburn cha) leaves more than one
    syllable: a Chinese or Japanese place has two or more, so Shao Xing is Shaoxing written apart, not
    the place Shao and apricots."""
    if not term.lang.endswith("-Latn") or len(rest) != 1:
        return True
    return syllables(rest[0]) > 1


# languages that write the product after the place, whose romanized product words open no name (the tai of Tai
# Ping Hou Kui is no sea bream, 鯛), and Thai, which writes it before, whose words close none (the klong of Pla Tu
# Mae Klong, the Mae Klong river, is no drum); a word that is a product word in another language too (cha, also
# Portuguese) may do either
PRODUCT_LAST = frozenset({"zh", "ja", "ko"})
PRODUCT_FIRST = frozenset({"th"})


_UMLAUT_SPELLED = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def _umlaut_read(token: str, terms: dict[tuple[str, ...], Term]) -> str:
    """A query's word that spells an umlaut out (spaetzle, Kaese) as the folded umlaut, when that and not the
    word as written is a German product word."""
    if (token,) in terms or not any(pair in token for pair, _ in _UMLAUT_SPELLED):
        return token
    read = token
    for pair, vowel in _UMLAUT_SPELLED:
        read = read.replace(pair, vowel)
    return read if (read,) in terms and "de" in terms[(read,)].langs else token


def _strip_terms_latin(tokens: list[str], anat: Anatomy, terms: dict[tuple[str, ...], Term]) -> list[str]:
    lex = lexicon()
    if len(tokens) > 1 and tuple(tokens) in terms:     # a name that is a product's name whole (Da Hong Pao, Fleur
        anat.terms.append(terms[tuple(tokens)])        # de sel) is that product, not a place and a smaller one
        return []
    changed = True
    while changed and tokens:
        changed = False
        while tokens and tokens[0] in STOPWORDS:      # an article or a link before a product word (the saffron
            tokens = tokens[1:]                       # of Kozani), or left where a product word was taken off
        for n in range(min(lex.max_term_tokens, len(tokens)), 0, -1):
            if len(tokens) > n or not anat.terms:
                tail = tuple(tokens[-n:])
                if tail in terms and not terms[tail].langs <= PRODUCT_FIRST and len(tokens) > n and \
                        _leaves_a_place(terms[tail], tokens[:-n]):
                    anat.terms.append(terms[tail])
                    tokens = tokens[:-n]
                    changed = True
                    break
                head = tuple(tokens[:n])
                if head in terms and not terms[head].langs <= PRODUCT_LAST and len(tokens) > n and \
                        _leaves_a_place(terms[head], tokens[n:]):
                    anat.terms.append(terms[head])
                    tokens = tokens[n:]
                    changed = True
                    break
        while tokens and tokens[-1] in STOPWORDS:   # the next pass opens by taking those at the start off
            tokens = tokens[:-1]
    return tokens


def _strip_delocalisers_latin(tokens: list[str], anat: Anatomy) -> list[str]:
    lex = lexicon()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            chunk = tuple(tokens[i:i + n])
            if len(chunk) == n and chunk in lex.delocalisers:
                anat.delocalisers.append(" ".join(chunk))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _compound_heads(tokens: list[str], anat: Anatomy, langs: tuple[str, ...] | None) -> list[str]:
    """A compound that ends with a product word (Bergkäse, Kürbiskernöl, Hirschbirne) gives that term, when
    the head is a word of one of ``langs`` (the languages the name may be written in, any when unknown: Morbier
    is French, not a beer, Serenissima no mead); the compound stays a token of the name."""
    if anat.terms:
        return tokens
    for tok in tokens:
        if (tok,) in lexicon().terms_by_tokens:
            continue                     # a product word whole (tamarind), not a compound of another (rind)
        if found := _closing_term(tok, 3, lambda term: langs is None or bool(term.langs.intersection(langs))):
            anat.terms.append(found[1])
            return tokens
    return tokens


def _closing_term(word: str, shortest: int, fits) -> tuple[int, Term] | None:
    """Where a compound closes with a product word that ``fits``, and that word's term: the longest product word
    first, ``shortest`` letters at least before it; None where none closes it."""
    heads = lexicon().compound_heads
    for start in range(shortest, len(word) - 3):
        term = heads.get(word[start:])
        if term is not None and fits(term):
            return start, term
    return None


COMPOUND_PLACE_MIN = 4   # letters of the place a compound name opens with at least (falu of Falukorv)


def compound_place(place: str, concepts: frozenset[str]) -> str:
    """The place a name written as one compound opens with, before the product word that closes it and that the
    name names (Schwarzwaldforelle: schwarzwald, as Black Forest trout names it; Marchfeldspargel: marchfeld);
    '' for any other place, and where what opens it is a product word or a country's name (Galotyri: gala, milk,
    and cheese)."""
    if " " in place or not place.isascii() or not concepts:
        return ""
    found = _closing_term(place, COMPOUND_PLACE_MIN, lambda term: term.concept in concepts)
    lex = lexicon()
    opening = place[:found[0]] if found else ""
    return "" if (opening,) in lex.terms_by_tokens or opening in lex.country_words else opening


def _inner_terms(tokens: list[str], anat: Anatomy, terms: dict[tuple[str, ...], Term]) -> list[str]:
    """A product word inside a name, between place words (Valle d'Aosta Jambon de Bosses, Το Φάβα της Αμοργού):
    the longest term of four letters or more found anywhere, once the edges gave none."""
    if anat.terms or len(tokens) < 3:
        return tokens
    lex = lexicon()
    for n in range(min(lex.max_term_tokens, len(tokens) - 1), 0, -1):
        for i in range(1, len(tokens) - n):
            chunk = tuple(tokens[i:i + n])
            if chunk in terms and len("".join(chunk)) >= 4:
                anat.terms.append(terms[chunk])
                return tokens[:i] + tokens[i + n:]
    return tokens


# The languages a script writes: a Greek or Cyrillic name is read in Latin letters, and its product words are
# those of these languages (Кот-дю-Рон ends in the Rhône, not in Spanish ron)
SCRIPT_LANGS = {"Greek": frozenset({"el"}), "Cyrillic": frozenset({"bg", "ru", "uk", "sr", "mk", "be", "mn"})}
# A query in an old romanization of Chinese (Ta Hung Pao, Pu Erh Tee) names its product in English or in Chinese
# syllables; a word of another language is its product only if it is no Chinese syllable: pao is no pão there
OLD_ROMANIZATION_LANGS = frozenset({"en", "zh-Latn"})


@functools.lru_cache(maxsize=4)
def _terms_written_in(langs: frozenset[str]) -> dict[tuple[str, ...], Term]:
    """The product terms that are words of one of ``langs``."""
    return {toks: term for toks, term in lexicon().terms_by_tokens.items() if term.langs & langs}


@functools.lru_cache(maxsize=1)
def _terms_beside_old_chinese() -> dict[tuple[str, ...], Term]:
    """The product terms a sign in an old romanization of Chinese may end with (OLD_ROMANIZATION_LANGS)."""
    return {toks: term for toks, term in lexicon().terms_by_tokens.items()
            if term.langs & OLD_ROMANIZATION_LANGS or not all(romanize.chinese_syllable(t) for t in toks)}


def _greek_nominative(token: str) -> str:
    """A Greek place in the genitive a GI name writes it in, as the nominative other languages name it once
    plurals are folded: -ou for -os (Patata Naxou: Naxos), -is for -i (Fava Santorinis: Santorini), as -as
    already folds to -a."""
    if len(token) < 5:
        return token
    return token[:-2] + "o" if token.endswith("ou") else token[:-1] if token.endswith("is") else token


def _latin_anatomy(folded: str, anat: Anatomy, langs: tuple[str, ...] | None = None,
                   written_in: frozenset[str] | None = None, old_chinese: bool = False, sign: bool = True) -> None:
    terms = _terms_beside_old_chinese() if old_chinese else \
        lexicon().terms_by_tokens if written_in is None else _terms_written_in(written_in)
    tokens = stem_tokens(folded.split())
    tokens = _strip_delocalisers_latin(tokens, anat)
    if langs is None:
        tokens = [_umlaut_read(t, terms) for t in tokens]
    tokens = _strip_terms_latin(tokens, anat, terms)
    tokens = _inner_terms(tokens, anat, terms)
    tokens = _compound_heads(tokens, anat, langs if written_in is None else tuple(written_in))
    modifiers = lexicon().modifiers if sign else lexicon().name_modifiers
    # a name of Chinese syllables has no articles: the lo of Pi Lo Chun (碧螺春) is a syllable of it
    articles = frozenset() if len(tokens) > 1 and all(map(romanize.chinese_syllable, tokens)) else STOPWORDS
    place = [t for t in tokens if t not in articles and t not in modifiers
             and not (langs is None and t.isdigit())]    # a label's vintage, a grade: Margaux 2015, Grade 2
    if anat.terms and langs is None and "".join(place) not in lexicon().place_aliases:
        styles = lexicon().wine_styles if _of_wine(anat.terms[-1]) else ()
        named = [t for t in place if t not in lexicon().colours and t not in styles]   # a query's colour beside
        place = named or place          # its product says the product's kind (Red Onion of Tropea; 마르고 레드
                                        # 와인, and so does a wine's sweetness), when a place remains and the
                                        # colour is no word of a place's name (Black Forest)
    if not anat.terms and len(place) > 1 and place[-1] in lexicon().wine_styles and langs is None:
        place = place[:-1]                 # a wine's colour or sweetness closing a sign: a wine of the place before
                                           # it (타벨 로제: Tavel rosé)
    anat.place = " ".join(place)
    greek_name = "el" in (written_in or ()) or "el" in (langs or ())
    anat.place_key = canonical_place([_greek_nominative(t) for t in place] if greek_name else place)
    # a place known by another name (Bavarian: bayerisch) is heard in that name's sounds
    anat.stem_of = lexicon().place_aliases.get(anat.place.replace(" ", ""), anat.place)


def _heard_labels_off(words: list[str]) -> list[str]:
    """The words of a sign written by sound less its label words, written in its script (소테른 지역: region) or
    heard as one in Latin letters (ヴァルポリチェッラ・クラシコ, Вальполичелла Классико: classico), when a word
    that may name a place remains (not クラシコ・ワイン: wine; クラシコ・2015); a product word stays (ブール, beurre,
    is no pure)."""
    modifiers = lexicon().modifiers
    products = {w for w in words if is_product_term(w)}
    kept = [w for w in words if w in products or not (w in modifiers or heard_as_label(w))]
    named = any(w not in products and not w.isdigit() for w in kept)
    return kept if named and len(kept) < len(words) else words


def _heard_term_apart(words: list[str], anat: Anatomy) -> list[str]:
    """A sign's words less a product word written by sound that closes or opens it (パルマ・プロシュート, Парма
    прошутто; 프로슈토 디 파르마, with the joining word after it), which joins the name's terms: where the sign has no
    product word of its own (Шоколад Победа is chocolate), one end only is heard so, and a word that may name a
    place remains."""
    if len(words) < 2 or any(is_product_term(w) for w in words):
        return words
    heard = [(at, term) for at in (0, len(words) - 1) if (term := heard_as_term(words[at])) is not None]
    if len(heard) != 1:
        return words
    at, term = heard[0]
    rest = words[:at] + words[at + 1:]
    while rest and heard_as_link(rest[0 if at == 0 else -1]):
        rest = rest[1:] if at == 0 else rest[:-1]
    if not any(w.strip("ー・") for w in rest):
        return words
    anat.terms.append(term)
    anat.heard = words[at]
    return rest


def _spaceless_anatomy(folded: str, script: str, anat: Anatomy, japanese: bool | None, query: bool) -> None:
    lex = lexicon()
    words = _heard_term_apart(_heard_labels_off(folded.split()), anat) if query else folded.split()
    folded = " ".join(words)
    if script == "Kana" and len(words) > 1 and words[0] in lex.spaceless_terms:
        anat.terms.append(lex.spaceless_terms[words[0]])    # a European name in katakana word for word:
        folded = " ".join(words[1:])                        # the product first (ブール・ダルデンヌ)
    undated = _vintage_off(folded.replace(" ", ""))
    text = _style_after_wine_off(_closing_modifier_off(undated))
    variety = _closing_word(text, zh_dictionary.grape_varieties()) if query and script == "Han" else ""
    if variety:                                 # 勃艮第黑皮诺: Bourgogne, its Pinot noir
        text = _closing_modifier_off(text[: -len(variety)])
    for _ in range(2):
        for d in lex.spaceless_delocalisers:
            if text.endswith(d) and len(text) > len(d):
                anat.delocalisers.append(d)
                text = text[: -len(d)]
        best: tuple[int, str, bool] | None = None
        for term in lex.spaceless_terms:
            if len(text) > len(term):
                if text.endswith(term) and (best is None or len(term) > best[0]):
                    best = (len(term), term, True)
                elif script == "Thai" and text.startswith(term) and (best is None or len(term) > best[0]):
                    best = (len(term), term, False)
        if best is None:
            break
        anat.terms.append(lex.spaceless_terms[best[1]])
        text = text[: -best[0]] if best[2] else text[best[0]:]
        if script != "Thai":
            break
    if script == "Kana" and not anat.terms:
        text = _loanword_term(text, anat)
    wine_style = _style_naming_wine(text) if query and script == "Han" and not anat.terms else ""
    if wine_style:                              # 苏玳贵腐, 苏玳甜白: Sauternes, noble rot, sweet white
        text = text[: -len(wine_style)]
    if script == "Kana" and not anat.terms and (style := _closing_word(text, lex.wine_styles)) and len(style) > 1:
        text = text[: -len(style)]              # and in katakana (タヴェル・ロゼ); not a kanji alone (赤, 白)
    if anat.terms and _of_wine(anat.terms[-1]):
        text = _wine_style_off(text)
    elif anat.terms and (wine_style := _style_naming_wine(text)):
        text = text[: -len(wine_style)]         # 托卡伊贵腐酒: 酒, any alcoholic drink, here a wine
    for word in lex.spaceless_modifiers:        # a marketing word before the place (特産松阪牛: specialty) or
        if text.startswith(word) and len(text) - len(word) >= 2:    # a wine's class after it (慕西尼特级园)
            text = text[len(word):]
            anat.opened_by = word
            break
    text = _closing_modifier_off(text)
    if len(text) > 2 and text[-1] in (MAKERS.get(script, ()) if query else PARTICLES.get(script, ())):
        text = text[:-1]                        # 摩德纳的 (传统香醋): Modena's, the particle that joins it to the rest;
                                                # パルマ産 (生ハム): made in Parma
    if query and anat.terms and script in MAKERS:
        text = _described_product_off(text, MAKERS[script])   # 昂贝尔的圆柱形 (奶酪): Ambert's, a cylindrical
                                                                # (cheese); ル・ピュイ産緑 (レンズ豆): made in Le Puy, green
    anat.place = text
    anat.place_key, anat.stem_of = spaceless_place_key(text, japanese)
    if not anat.terms:                          # 卡奥尔产区: the appellation of Cahors, a wine; 阿尔萨斯雷司令
        anat.label_product = lex.label_products.get(_closing_word(undated, lex.label_products, labels=True), "") \
            or ("wine" if variety or wine_style else "")      # Alsace, its Riesling: a wine


SOUND_CHARACTERS = 0.5   # the share of sound characters from which Chinese words may render a foreign name
# What closes the place of a Chinese or Japanese sign and opens the words that describe its product: the
# particles, and Japanese 産 (made in: ル・ピュイ産緑レンズ豆, green lentils made in Le Puy)
MAKERS = {**PARTICLES, "Kana": PARTICLES["Kana"] | {"産"}}


_KATAKANA_RUN = re.compile("[ァ-ヺー]{2,}")


def _described_product_off(text: str, markers: frozenset[str]) -> str:
    """The place of a Chinese or Japanese sign whose product word follows a particle (or 産) and words that
    describe the product (昂贝尔的圆柱形奶酪, Ambert's cylindrical cheese: 昂贝尔), where the words before it are no
    country's name alone (法国的...: the country says whose, not which place), and those after it could be no
    foreign name: no katakana, no Chinese of sound characters (職人のロックフォール, 好吃的罗克福: the artisan's
    Roquefort, a tasty Roquefort)."""
    from .zh_renderings import transcription_share

    at = min((i for i in (text.find(p) for p in markers) if i >= 2), default=-1)
    rest = text[at + 1:] if at >= 0 else ""
    if not rest or text[:at] in lexicon().country_words or _KATAKANA_RUN.search(rest) or \
            transcription_share(rest) >= SOUND_CHARACTERS:
        return text
    return text[:at]


_VINTAGE = re.compile(r"\d{1,4}(?:年|ヶ月|カ月|か月|ケ月|个月|個月)?")   # a vintage or an age (16ヶ月)


def _vintage_off(text: str) -> str:
    """A spaceless sign less the year or the age its label gives (波尔多2015干红, 2015年, 16ヶ月熟成): no GI's name
    has one."""
    rest = _VINTAGE.sub("", text)
    return rest if len(rest) >= 2 else text


def _of_wine(term: Term) -> bool:
    """Whether a product word names wine or a kind of it (红葡萄酒, ワイン; not 酒, any alcoholic drink)."""
    return "wine" in class_lineage(term.product_class)


def _style_after_wine_off(text: str) -> str:
    """A spaceless sign less the words for the wine's style that follow the word for wine (ボルドーワイン辛口)."""
    rest = _wine_style_off(text)
    if rest == text:
        return text
    terms = lexicon().spaceless_terms
    term = next((t for t in terms if rest.endswith(t) and len(rest) > len(t)), "")
    return rest if term and _of_wine(terms[term]) else text


def _style_naming_wine(text: str) -> str:
    """The words closing a Chinese sign that say a wine's style and so name a wine, the word for wine left out:
    a colour closing them with a sweetness before it (苏玳甜白: sweet white), or noble rot (托卡伊贵腐); '' for
    others (芒果干 is dried mango, 萝卜半干 half-dried radish, 衡水老白干 a baijiu)."""
    says = lexicon().wine_style_says
    words, rest = [], text
    while word := _closing_word(rest, lexicon().wine_styles):
        words.append(says[word])
        rest = rest[: -len(word)]
    named = "noble rot" in words or words[:1] == ["colour"] and "sweetness" in words
    return text[len(rest):] if named else ""


def _wine_style_off(text: str) -> str:
    """A wine's place less the words for its style that close it, sweetness before colour (波尔多干红, 卡奥尔黑:
    Bordeaux, Cahors)."""
    return _closing_words_off(text, lexicon().wine_styles)


def _closing_modifier_off(text: str) -> str:
    """Text without the label words that close it (夏布利产区, 夏布利法定产区: the appellation of Chablis; 瑪歌法定產區
    珍藏: the reserve of the appellation of Margaux), taken off before the product word is looked for
    (夏布利葡萄酒产区)."""
    return _closing_words_off(text, lexicon().spaceless_modifiers, labels=True)


def _closing_words_off(text: str, words: tuple[str, ...], labels: bool = False) -> str:
    """Text less two at most of ``words`` (longest first) that close it, leaving two characters at least (see
    :func:`_closing_word` for ``labels``)."""
    for _ in range(2):
        word = _closing_word(text, words, labels)
        if not word:
            break
        text = text[: len(text) - len(word)]
    return text


def _closing_word(text: str, words, labels: bool = False) -> str:
    """The first of ``words`` (longest first) that closes a text and leaves two characters before it; '' when
    none does. A label word of one character (园, a cru's vineyard: 香贝丹园) closes a name of three characters at
    least, as a foreign name is written: Chinese writes its own places in two (武夷园 is a garden of Wuyi)."""
    return next((w for w in words if text.endswith(w) and len(text) - len(w) >= (3 if labels and len(w) == 1 else 2)),
                "")


def _loanword_term(text: str, anat: Anatomy) -> str:
    """A katakana product word the lexicon does not list, read by the Japanese dictionary as a loanword from an
    English product word (ペッパー ← pepper, ハニー ← honey) and ending the name: that product; the text without
    it."""
    words = romanize.japanese_words(text)
    if len(words) < 2:
        return text
    surface, kind, source = words[-1]
    term = lexicon().terms_by_tokens.get((source.casefold(),)) if source and kind == "word" else None
    if term is None or term.lang != "en" or len(text) - len(surface) < 2:
        return text
    anat.terms.append(term)
    return text[: -len(surface)]


def spaceless_place_key(text: str, japanese: bool | None = None) -> tuple[str, str]:
    """The place key of a place in Chinese, Japanese or Thai script, and the romanized words it was read from."""
    forms = romanized_forms(text, japanese=japanese)
    words = (forms[0][0] if forms else text).split()
    if not forms or forms[0][1] != "pinyin":      # pinyin's syllables are no articles (马吉娜 ma ji na, 达 da)
        words = [t for t in words if t not in STOPWORDS]
    return canonical_place(words), " ".join(words)


_APOSTROPHES = str.maketrans("", "", "'’ʼ")


def places_by_romanization(names: list[tuple[str, str, Anatomy]]) -> dict[int, tuple[str, str, str, int]]:
    """The places a Chinese GI's record shows by writing its name in Latin letters word by word, with a product
    word, where the analysis of its Chinese name found none to close the place at (六安瓜片 beside Lu'an
    Melon-seed-shaped Tea: 六安, and tea): an opening of the Chinese name, of two characters or more and not all of
    it, read as the first word of a Latin name of the record that names a product, where that word is not one
    syllable of a name written syllable by syllable (Wu Liang Ye). ``names``: (text, script, analysis) of each
    name; returns, by the position of each name split so, its place, place key, the words its stem is read from,
    and the position of the name whose product it names."""
    latin = [(i, [fold(w.translate(_APOSTROPHES)) for w in text.split()]) for i, (text, script, anat) in
             enumerate(names) if script == "Latin" and anat.concepts]
    out: dict[int, tuple[str, str, str, int]] = {}
    for i, (text, script, anat) in enumerate(names):
        if script != "Han" or anat.concepts or fold(anat.place) != fold(text):
            continue
        readings = {fold(romanize.pinyin(text[:n])).replace(" ", ""): n for n in range(2, len(text))}
        for j, words in latin:
            if len(words) > 1 and words[0] in readings:
                place = text[:readings[words[0]]]
                out[i] = (place, *spaceless_place_key(place), j)
                out.setdefault(j, (words[0], canonical_place(words[:1]), words[0], j))
                break
    return out


def anatomy(name: str, *, japanese: bool | None = None, langs: tuple[str, ...] | None = None,
            stored: bool = False) -> Anatomy:
    """Split a name into place part, product terms and delocalisers; ``langs``: the languages a stored name may
    be written in (its country's), None for a query; ``stored``: a register's name of unknown languages, which
    keeps the label words a register writes in GI names (Chianti Classico) as a query's sign does not. A Greek
    or Cyrillic name is read in Latin letters with the product words of the languages its script writes
    (SCRIPT_LANGS), a query in an old romanization of Chinese with those of English and romanized Chinese."""
    folded = fold(name)
    anat = Anatomy(folded=folded)
    script = dominant_script(folded)
    if japanese is None:
        japanese = is_japanese(folded)
    if japanese:
        folded = fold(name, simplify=False)
    sign = langs is None and not stored
    if script in ("Latin", "Common"):
        _latin_anatomy(folded, anat, langs, old_chinese=langs is None and romanize.legacy_to_pinyin(folded) != folded,
                       sign=sign)
    elif is_spaceless_script(script):
        _spaceless_anatomy(folded, script, anat, japanese, sign)
    else:
        if sign:                                # a stored name keeps its words (キャンティ・クラシコ is a GI)
            folded = " ".join(_heard_term_apart(_heard_labels_off(folded.split()), anat))
        forms = romanized_forms(folded, japanese=japanese)
        text = forms[0][0] if forms else _korean_product_apart(folded) if script == "Hangul" else folded
        _latin_anatomy(text, anat, langs, SCRIPT_LANGS.get(script), sign=sign)
    return anat


def _korean_product_apart(folded: str) -> str:
    """Korean text with a product word that closes a word written apart (파르마햄 → 파르마 햄, 보르도와인): listings
    often leave out the space. A product word of one syllable only after a place of three (그라파 is Grappa, not
    그라 and 파, a scallion)."""
    words = _korean_product_words()
    out = []
    for word in folded.split():
        term = next((t for t in words if word.endswith(t) and len(word) - len(t) >= (2 if len(t) > 1 else 3)), "")
        out.append(f"{word[:-len(term)]} {term}" if term else word)
    return " ".join(out)


@functools.lru_cache(maxsize=1)
def _korean_product_words() -> tuple[str, ...]:
    """The Korean product words, longest first."""
    return tuple(sorted({"".join(k) for k, t in lexicon().terms_by_tokens.items() if "ko" in t.langs
                         and all("\uac00" <= ch <= "\ud7a3" for ch in "".join(k))}, key=len, reverse=True))
