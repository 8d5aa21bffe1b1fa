"""The curated word lists of datasets/, loaded once and folded the way names are folded."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from .. import bundled
from . import phonetic
from .fold import dominant_script, fold, is_spaceless_script
from .romanize import cyrillic_bg, greek, greek_simple
from .stem import stem_tokens


COMPOUNDING = frozenset({"de", "nl", "da", "sv", "no", "fi", "hu", "et", "is", "el"})   # languages writing compounds as one word


@dataclass(frozen=True)
class Term:
    """A product term: its folded form (a tuple of tokens), concept and common class."""

    tokens: tuple[str, ...]
    concept: str
    product_class: str
    lang: str
    readings: tuple[str, ...] = ()     # the other concepts these words name in other languages (raisin: grape in
                                       # French, raisins in English once the plural is folded)
    langs: frozenset[str] = frozenset()   # every language these words are a product word of (ISO 639-1, a
                                          # romanized form under its language: вино and vino are bg, it, es ...)


@dataclass(frozen=True)
class Lexicon:
    terms_by_tokens: dict[tuple[str, ...], Term]
    spaceless_terms: dict[str, Term]   # Han, kana and Thai terms, matched as substrings
    max_term_tokens: int
    delocalisers: dict[tuple[str, ...], str]
    single_words: frozenset[str]        # one-word product terms and delocalisers: not distinctive in a query
    spaceless_delocalisers: frozenset[str]
    generic: dict[str, tuple[dict[str, str], ...]]
    place_aliases: dict[str, str]
    class_broader: dict[str, str]
    compound_heads: dict[str, Term]      # one-word terms that end compounds (Bergkäse, Kürbiskernöl), by the word
    modifiers: frozenset[str]            # marketing words a sign is read without: premium, gold, riserva, ...
    origins: frozenset[str] = frozenset()  # adjectives of a country's origin: danish, deutsch, grec, ...
    exonym_langs: dict[str, str] = field(default_factory=dict)   # each alias's language (burgundy: en)
    countries: frozenset[str] = frozenset()  # names of countries (country_names.csv), folded: canada, 意大利, ...
    country_words: dict[str, str] = field(default_factory=dict)   # a country's name or adjective → its code
    nation_words: dict[str, str] = field(default_factory=dict)    # and of a nation within it (scottish: GB-SCT)
    province_words: dict[str, str] = field(default_factory=dict)  # a Chinese province's name → CN (云南, yunnan,
                                                                  # inner mongolia): an origin a sign may state
    spaceless_modifiers: tuple[str, ...] = ()  # marketing words in Chinese and Japanese (特産, 正宗), longest first
    name_modifiers: frozenset[str] = frozenset()   # the marketing words a stored name is read without
    modifier_sounds: tuple[tuple[str, int], ...] = ()   # the sounds of the Latin marketing words heard in other
                                                        # scripts, each with its consonants
    modifier_phrase_sounds: tuple[tuple[str, int], ...] = ()   # and of their terms of two words (grand cru)
    label_products: dict[str, str] = field(default_factory=dict)   # 产区 → wine: what a sign it closes names
    designations: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)   # DOCG → (IT, wine)
    wine_styles: tuple[str, ...] = ()   # a wine's sweetness and colour on Chinese and Japanese labels (干, 红, 辛口)
    wine_style_says: dict[str, str] = field(default_factory=dict)   # what each says: sweetness, noble rot, colour
    given_names: frozenset[str] = frozenset()   # given names of Latin-script locales, GIVEN_NAME_LOCALES of them
    family_names: frozenset[str] = frozenset()  # and their family names
    institutions: dict[str, str] = field(default_factory=dict)   # a word naming an institution (university, fc,
                                                                  # 大学) → where it stands: opens, closes, either
    place_features: frozenset[str] = frozenset()  # landscape words of place names: coast, costa, sierra, valley
    feature_kinds: dict[str, frozenset[str]] = field(default_factory=dict)   # each one's kinds: 河谷, vallée: valley
    colours: frozenset[str] = frozenset()          # colour words: bianchi, rossa, blanc, tinto
    name_words: dict[tuple[str, str], str] = field(default_factory=dict)   # (word, language) → what it says of
                                                   # the place: (haut, fr): upper; (chateau, fr): castle
    zh_name_words: dict[str, tuple[str, bool]] = field(default_factory=dict)   # 上 → (upper, opens the place)
    varieties: frozenset[str] = frozenset()   # the first words of the grape varieties of wine PDOs: nebbiolo, pinot
    variety_sounds: tuple[tuple[str, int], ...] = ()   # their sounds, each with its consonants


def is_product_term(text: str) -> bool:
    """Whether a text is nothing but one product term (葡萄酒, wine, Schinken): a product, not a name."""
    return product_term(text) is not None


def product_term(text: str) -> Term | None:
    """The product term a text is, and nothing else (葡萄酒, wine, Schinken); None when it is none."""
    folded = fold(text)
    lex = lexicon()
    return lex.spaceless_terms.get(folded.replace(" ", "")) or \
        lex.terms_by_tokens.get(tuple(stem_tokens(folded.split())))


def _is_spaceless(text: str) -> bool:
    return is_spaceless_script(dominant_script(text))


_PRIMED: list[Lexicon] = []


def prime_lexicon(lex: Lexicon) -> None:
    """Use an already compiled lexicon (the one persisted with a store's index) instead of reading the tables."""
    if isinstance(lex, Lexicon) and not _PRIMED:
        _PRIMED.append(lex)


def lexicon() -> Lexicon:
    """The compiled lexicon: product terms, delocalisers, generic terms, place aliases, modifiers."""
    if not _PRIMED:
        _PRIMED.append(_compile())
    return _PRIMED[0]


# Endings an adjective of origin takes by gender, number and case (deutsch → deutsche, deutscher; danois → danoise).
_INFLECTED = {"de": ("", "e", "er", "es", "en", "em"), "fr": ("", "e", "s", "es"), "nl": ("", "e")}


GIVEN_NAME_LOCALES = 2   # locales that must list a given name: a name of one list alone may be an oddity (Santa)


def _origins() -> frozenset[str]:
    forms = set()
    for row in bundled.read_table("demonyms.csv"):
        if " " not in row["term"]:
            for ending in _INFLECTED.get(row["lang"], ("",)):
                for form in written_and_read(fold(row["term"] + ending)):
                    forms.add(stem_tokens([form])[0])
    return frozenset(forms)


def _longest_first(words) -> tuple[str, ...]:
    """Chinese and Japanese words folded, in simplified and in traditional characters, longest first: the order
    they are looked for at a text's end."""
    return tuple(sorted({form for w in words for form in (fold(w), fold(w, simplify=False))},
                        key=lambda m: (-len(m), m)))


def written_and_read(word: str) -> tuple[str, ...]:
    """A folded word, and a Greek or Cyrillic one also in the Latin letters a sign in its script is read in
    (γαλλικη: galliki, as ELOT writes it; френски: frenski)."""
    return (word, *_romanizations(word, dominant_script(word))[:1])


def _modifier_words(rows) -> frozenset[str]:
    """Marketing words as written, and as a query's words are read (meses: mese)."""
    return frozenset(word for r in rows for form in written_and_read(fold(r["term"]))
                     for word in (form, *stem_tokens([form])))


def _designations(rows) -> dict[str, frozenset[tuple[str, str]]]:
    """The abbreviations of designations of origin as written (case and all), each to the countries whose
    designation it is with the product it designates, '' for any (DOC: Italy's and Portugal's, of wine)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        for code in r["designates"].split():
            out.setdefault(r["term"], set()).add((code, r["names"]))
    return {term: frozenset(pairs) for term, pairs in sorted(out.items())}


LABEL_HEARD = 0.95   # the likeness to a label word's sounds a word of a script read by sound needs to be one


def _heard_labels(rows, phrases: bool = False) -> tuple[tuple[str, int], ...]:
    """The sounds of the marketing words in Latin letters (not the abbreviations, written in capitals) that a word
    in another script can be heard to render, each with its consonants; with ``phrases``, those of the terms of
    two words, each heard as one (grand cru: 그랑크뤼)."""
    terms = [(fold(r["term"]), r["lang"]) for r in rows
             if dominant_script(r["term"]) == "Latin" and r["term"].islower()]
    return _sounds((term, lang) for term, lang in terms if " " in term) if phrases else \
        _sounds((word, lang) for term, lang in terms for word in term.split())


VARIETY_HEAD_MIN = 4   # letters of a variety's first word that names it (not Petit of Petit Verdot, nor S.)


def _variety_heads(rows, name_words) -> set[tuple[str, str | None]]:
    """The first words of grape varieties (nebbiolo, pinot), each with a language of the countries that grow it
    (how labels there write it), but words that say which part of a place or what it is (grand, saint)."""
    said = {r["word"] for r in name_words}
    return {(head, phonetic.language_of([country])) for r in rows for head in fold(r["variety"]).split()[:1]
            if len(head) >= VARIETY_HEAD_MIN and head not in said
            for country in r["countries"].split()}


def _sounds(words) -> tuple[tuple[str, int], ...]:
    """The sounds of (word, language) pairs, each with its consonants: those of two syllables or more, or of three
    consonants (gold, grand); a word of one syllable and fewer consonants is met by chance (pure: ブルー)."""
    out = set()
    for word, lang in words:
        form = phonetic.latin(word, lang)
        n = len(phonetic.consonants(form))
        if phonetic.syllables(form) >= 2 or n >= 3:
            out.add((form, n))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=1 << 14)
def heard_as_label(word: str, phrase: bool = False) -> bool:
    """Whether a folded word written by sound (katakana, Hangul, Thai, Cyrillic, Greek) renders a marketing or
    label word the lexicon lists in Latin letters (クラシコ, Классико: classico; 리제르바: riserva; アスー: aszú), as
    listings write those words in the script of the rest; with ``phrase``, two words run together that render a
    label term of two words (그랑크뤼: grand cru)."""
    return _heard_as(word, lexicon().modifier_phrase_sounds if phrase else lexicon().modifier_sounds)


@functools.lru_cache(maxsize=1 << 14)
def heard_as_variety(word: str) -> bool:
    """Whether a folded word names a grape variety (네비올로, Неббиоло, ネッビオーロ: nebbiolo), in its letters or its
    sounds: a label word that says which grape, not which place."""
    return any(w in lexicon().varieties for w in written_and_read(word)) or \
        _heard_as(word, lexicon().variety_sounds)


def _heard_as(word: str, sounds: tuple[tuple[str, int], ...]) -> bool:
    """Whether a folded word written by sound renders one of ``sounds``."""
    return _heard_which(word, sounds) is not None


@functools.lru_cache(maxsize=1 << 14)
def _skeleton(form: str) -> str:
    return phonetic.consonants(form)


def _heard_which(word: str, sounds: tuple[tuple[str, int], ...], opens_alike: bool = False) -> int | None:
    """The position in ``sounds`` of the first sound a folded word written by sound renders, or None: a word or a
    sound of fewer than two consonants must be heard the same, others alike at LABEL_HEARD; in each of its
    script's readings (누보: nouveau, with ㅂ as v). ``opens_alike``: the word and the sound open both on a vowel
    or both on a consonant."""
    script = dominant_script(word)
    if script not in phonetic.FAITHFUL_VOWELS or not word:
        return None
    for form in dict.fromkeys(phonetic.heard(word, script, reading)
                              for reading in range(phonetic.READINGS.get(script, 1))):
        skeleton = phonetic.consonants(form)
        n = len(skeleton)
        for i, (label, m) in enumerate(sounds):
            if n >= 2 and m >= 2 and Levenshtein.distance(skeleton, _skeleton(label), score_cutoff=1) > 1:
                continue                        # likeness at LABEL_HEARD keeps the consonants but one
            if opens_alike and form[:1].isupper() != label[:1].isupper():
                continue
            if form == label if n < 2 or m < 2 else phonetic.similarity(
                    form, label, n, m, at_least=LABEL_HEARD, faithful=True,
                    epenthetic=script in phonetic.EPENTHETIC) >= LABEL_HEARD:
                return i
    return None


SOUNDED_TERM_LANGS = frozenset({"it", "fr", "es", "pt", "de"})   # the languages whose product words listings in
                                                                # other scripts write by sound (プロシュート,
                                                                # 페코리노, прошутто: prosciutto, pecorino)
SOUNDED_TERM_MIN = 3   # consonants of such a word: fewer are met by chance (ハム is the lexicon's own word)


@functools.lru_cache(maxsize=1)
def _sounded_terms() -> tuple[tuple[tuple[str, int], ...], tuple[Term, ...]]:
    """The sounds of the one-word product terms of SOUNDED_TERM_LANGS of SOUNDED_TERM_MIN consonants and two
    syllables or more, read in each of their languages, and the term of each sound; read when first asked for.
    Not those of wine (Crémant, Spumante): a wine's name is its place, which alone names another wine's GI
    (Креман де Бордо is Crémant de Bordeaux before Bordeaux)."""
    found: dict[tuple[str, int], Term] = {}
    for tokens, term in sorted(lexicon().terms_by_tokens.items()):
        if len(tokens) == 1 and tokens[0].isascii() and "wine" not in class_lineage(term.product_class):
            for lang in sorted(term.langs & SOUNDED_TERM_LANGS):
                form = phonetic.latin(tokens[0], lang)
                n = len(phonetic.consonants(form))
                if n >= SOUNDED_TERM_MIN and phonetic.syllables(form) >= 2:
                    found.setdefault((form, n), term)
    return tuple(found), tuple(found.values())


@functools.lru_cache(maxsize=1)
def _link_sounds() -> tuple[tuple[str, int], ...]:
    """The sounds of the words that join a product to its place (di, de, du, del) in SOUNDED_TERM_LANGS."""
    from .anatomy import LINKS

    return tuple(sorted({(form, len(phonetic.consonants(form))) for word in LINKS for lang in SOUNDED_TERM_LANGS
                         if (form := phonetic.latin(word, lang))}))


def heard_as_link(word: str) -> bool:
    """Whether a folded word written by sound renders a word that joins a product to its place (ディ, 디, ди: di)."""
    return _heard_as(word, _link_sounds())


@functools.lru_cache(maxsize=1 << 14)
def heard_as_term(word: str) -> Term | None:
    """The product term a folded word written by sound renders, in a language whose product words listings write
    so (パルマ・プロシュート: prosciutto, ham; Парма прошутто), or None."""
    sounds, terms = _sounded_terms()
    at = _heard_which(word, sounds, opens_alike=True)      # อมาโรเน่ is Amarone, no marrone
    return None if at is None else terms[at]


# The endings a noun's dictionary form (the form the product tables list) changes to in the plural and the
# genitive, by language, the first that fits, on folded text: registers name products in the plural (Ροδάκινα
# Νάουσας, Fagioli Bianchi, Melocotones), in the Greek genitive, or with the Turkish possessive.
_NOUN_ENDINGS = {
    "el": (("ος", ("οι", "ου", "ων")), ("ο", ("α", "ου", "ων")), ("ι", ("ια", "ιου", "ιων")),
           ("α", ("ες", "ας", "ων")), ("η", ("ες", "ης"))),
    "it": (("co", ("chi", "ci")), ("go", ("ghi",)), ("ca", ("che",)), ("ga", ("ghe",)), ("io", ("i",)),
           ("o", ("i",)), ("a", ("e",)), ("e", ("i",))),
    "es": (("z", ("ces",)), ("n", ("nes",)), ("l", ("les",)), ("r", ("res",)), ("d", ("des",))),
    "pt": (("ao", ("oes", "aes")), ("l", ("is",)), ("m", ("ns",)), ("r", ("res",))),
    # Russian and Ukrainian decline a noun in six cases, which a sign writes after a preposition or beside another
    # noun (вина Франции, сыр из Италии, меду): the genitive, dative, accusative, locative and instrumental
    # singular and the plural; a word closing on another vowel is a loanword, which they do not decline (бри, кофе)
    "ru": (("ия", ("ии", "ию", "ией")), ("ие", ("ия", "ию", "ии")), ("ье", ("ья", "ью", "ьи")),
           *((f"{c}а", (f"{c}и", f"{c}у", f"{c}е", f"{c}ой")) for c in "кгхжшчщ"),
           ("а", ("ы", "у", "е", "ой")), ("я", ("и", "ю", "е", "ей")), ("о", ("а", "у", "е", "ом")),
           ("ь", ("и", "я", "ю", "ей", "ем")), ("й", ("я", "ю", "е", "ем", "и", "ев")),
           *((c, (f"{c}а", f"{c}и", f"{c}у", f"{c}е", f"{c}ом", f"{c}ов")) for c in "кгх"),
           *((v, ()) for v in "еиуюыэ"), ("", ("а", "у", "е", "ы", "ом", "ов"))),
    "uk": (("ія", ("іі", "ію", "ією")), *((f"{c}а", (f"{c}и", f"{c}у", f"{c}і", f"{c}ою")) for c in "кгх"),
           ("а", ("и", "у", "і", "ою")), ("я", ("і", "ю", "ею")), ("о", ("а", "у", "і", "ом")),
           ("ь", ("і", "я", "ю", "ем")), ("й", ("я", "ю", "і", "ем")), *((v, ()) for v in "еєиіую"),
           ("", ("а", "у", "і", "и", "ом", "ів"))),
    # Bulgarian has no cases but writes the article at the noun's end (виното, сиренето, медът) and the plural
    "bg": (("о", ("а", "ото")), ("е", ("ета", "ето")), ("а", ("и", "ата", "ите")), ("я", ("и", "ята", "ите")),
           *((v, ()) for v in "иую"), ("", ("ът", "а", "и", "ове", "ите", "овете"))),
    # Turkish marks the head of a compound with the possessive suffix (Malatya Kayısısı, Antep Fıstığı): -(s)I,
    # a final k, p, t, ç voiced before it; vowel harmony folds to i and u
    "tr": (("a", ("asi",)), ("e", ("esi",)), ("i", ("isi",)), ("u", ("usu",)), ("o", ("osu",)),
           ("k", ("gi", "gu", "ki", "ku")), ("p", ("bi", "bu", "pi", "pu")), ("t", ("di", "du", "ti", "tu")),
           ("", ("i", "u"))),
}


ROMANIZED_INFLECTION = 6   # letters an inflected form ending in a consonant needs to be kept romanized too: a
                           # short one reads as another language's plural (λάκες → lakes); μήλα → mila is kept


def _noun_forms(word: str, lang: str) -> list[str]:
    """A one-word product term and its plural and genitive forms in its language."""
    for ending, others in _NOUN_ENDINGS.get(lang, ()):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return [word] + [word[: len(word) - len(ending)] + other for other in others]
    return [word]


CASE_LANGS = {"Cyrillic": ("ru", "uk"), "Greek": ("el",)}   # the languages whose nouns a script writes in cases


def _case_forms(word: str) -> list[str]:
    """A folded name of one word and the forms its cases give it, in the languages of its script that decline
    nouns (франция: франции; γαλλια: γαλλιας); other names as written."""
    if " " in word:
        return [word]
    return list(dict.fromkeys(form for lang in CASE_LANGS.get(dominant_script(word), ())
                              for form in _noun_forms(word, lang))) or [word]


def _romanizations(word: str, script: str) -> tuple[str, ...]:
    if script == "Greek":
        return tuple(dict.fromkeys((greek(word), greek_simple(word))))
    return (cyrillic_bg(word),) if script == "Cyrillic" else ()


def _compile() -> Lexicon:
    terms: dict[tuple[str, ...], Term] = {}
    spaceless: dict[str, Term] = {}
    rows = (bundled.read_table("product_terms.csv") + bundled.read_table("product_terms_derived.csv")
            + bundled.read_table("product_terms_romanized.csv"))
    for row in rows:
        folded = fold(row["term"])
        if not folded:
            continue
        if _is_spaceless(folded):
            spaceless.setdefault(folded, Term((folded,), row["concept"], row["class"], row["lang"]))
        else:
            script = dominant_script(folded)
            words = _noun_forms(folded, row["lang"]) if " " not in folded else [folded]
            forms = dict.fromkeys(words)
            for word in words:      # in Latin letters too, Greek as ELOT writes it and as labels do (μαστίχα:
                for latin in _romanizations(word, script):                      # masticha, mastiha)
                    if word == folded or latin[-1] in "aeiou" or len(latin) >= ROMANIZED_INFLECTION:
                        forms[latin] = None
            for form in forms:
                toks = tuple(stem_tokens(form.split()))
                known = terms.get(toks)
                lang = row["lang"].split("-")[0]
                if known is None:
                    terms[toks] = Term(toks, row["concept"], row["class"], row["lang"], langs=frozenset({lang}))
                else:
                    readings = known.readings + (() if row["concept"] == known.concept or row["concept"] in
                                                 known.readings else (row["concept"],))
                    terms[toks] = replace(known, readings=readings, langs=known.langs | {lang})
    delocs: dict[tuple[str, ...], str] = {}
    spaceless_delocs = set()
    for row in bundled.read_table("delocalisers.csv"):
        folded = fold(row["term"])
        if _is_spaceless(folded):
            spaceless_delocs.add(folded)
        else:
            delocs[tuple(folded.split())] = row["lang"]
    generic: dict[str, list[dict[str, str]]] = {}
    for row in bundled.read_table("generic_terms.csv"):
        if row["territory"] == "*":          # generic in one territory only: see gimatch.legal.generic_in
            generic.setdefault(fold(row["term"]).replace(" ", ""), []).append(row)
    alias_rows = bundled.read_table("place_aliases.csv")
    aliases = {row["alias"]: row["canonical"] for row in alias_rows}
    features = _feature_kinds()
    name_words = bundled.read_table("name_words.csv")
    modifier_rows = bundled.read_table("modifiers.csv")
    person_names = bundled.read_table("person_names.csv")
    wine_style_says = {form: r["says"] for r in bundled.read_table("wine_style_words.csv")
                       for form in _longest_first([r["word"]])}
    variety_heads = _variety_heads(bundled.read_table("grape_varieties.csv"), name_words)
    nation_words = {word: r["code"]
                    for r in (*bundled.read_table("demonyms.csv"), *bundled.read_table("country_names.csv"))
                    for case in ([r["term"]] if "term" in r else _case_forms(fold(r["name"])))
                    for form in written_and_read(fold(case).replace(" ", ""))
                    for word in (stem_tokens([form])[0], form)}      # as a sign's place is read (escocés: escoce)
    country_words = {form: code.split("-")[0] for form, code in nation_words.items()}
    broader = {row["id"]: row["broader"] for row in bundled.read_table("classes.csv") if row["broader"]}
    return Lexicon(
        terms_by_tokens=terms,
        spaceless_terms=spaceless,
        max_term_tokens=max(len(t) for t in terms),
        delocalisers=delocs,
        single_words=frozenset(t[0] for t in (*terms, *delocs) if len(t) == 1),
        spaceless_delocalisers=frozenset(spaceless_delocs),
        generic={k: tuple(v) for k, v in generic.items()},
        place_aliases=aliases,
        exonym_langs={row["alias"]: row["lang"] for row in alias_rows},
        class_broader=broader,
        origins=_origins(),
        countries=frozenset(fold(r["name"]) for r in bundled.read_table("country_names.csv")),
        country_words=country_words,
        nation_words=nation_words,
        province_words={fold(name): "CN" for r in bundled.read_table("place_names_zh.csv") if r["kind"] == "province"
                        and fold(r["en"]).replace(" ", "") not in country_words for name in (r["en"], r["zh"])},
        spaceless_modifiers=_longest_first(r["term"] for r in modifier_rows
                                           if r["lang"] in ("zh", "ja")),
        modifier_sounds=_heard_labels(modifier_rows),
        modifier_phrase_sounds=_heard_labels(modifier_rows, phrases=True),
        designations=_designations(modifier_rows),
        label_products=dict(sorted(((form, r["names"]) for r in modifier_rows
                                    if r["names"] and r["lang"] in ("zh", "ja")
                                    for form in _longest_first([r["term"]])), key=lambda x: (-len(x[0]), x[0]))),
        wine_styles=_longest_first(wine_style_says),
        institutions={fold(r["word"]): r["position"] for r in bundled.read_table("institution_words.csv")},
        given_names=frozenset(r["name"] for r in person_names
                              if r["kind"] == "given" and len(r["locales"].split()) >= GIVEN_NAME_LOCALES),
        family_names=frozenset(r["name"] for r in person_names if r["kind"] == "family"),
        wine_style_says=wine_style_says,
        place_features=frozenset(features),
        feature_kinds=features,
        colours=frozenset(r["word"] for r in bundled.read_table("colour_words.csv")),
        name_words={(r["word"], r["lang"]): r["meaning"] for r in name_words if r["lang"] != "zh"},
        zh_name_words={r["word"]: (r["meaning"], r["position"] == "opens") for r in name_words if r["lang"] == "zh"},
        varieties=frozenset(head for head, _ in variety_heads),
        variety_sounds=_sounds(variety_heads),
        modifiers=_modifier_words(modifier_rows),
        name_modifiers=_modifier_words(r for r in modifier_rows if not r["signs_only"]),
        compound_heads={t.tokens[0]: t for t in sorted(terms.values(), key=lambda t: (t.lang, t.concept))
                        if len(t.tokens) == 1 and len(t.tokens[0]) >= 4 and t.langs & COMPOUNDING},
    )


@functools.lru_cache(maxsize=1)
def countries_in_other_scripts() -> tuple[str, ...]:
    """The names of countries not written in Latin letters (法国, フランス, ฝรั่งเศส, Ελλάδα), folded, two characters
    or more, longest first: a sign in those scripts writes them without spaces around them."""
    return tuple(sorted((c for c in lexicon().countries if not c.isascii() and len(c) >= 2), key=len, reverse=True))


@functools.lru_cache(maxsize=1 << 10)
def class_lineage(common: str | None) -> tuple[str, ...]:
    """A class and the classes above it, nearest first."""
    out: list[str] = []
    broader = lexicon().class_broader
    while common and common not in out:
        out.append(common)
        common = broader.get(common)
    return tuple(out)


def _feature_kinds() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in bundled.read_table("place_features.csv"):
        out.setdefault(row["word"], set()).add(row["feature"])
    return {word: frozenset(kinds) for word, kinds in out.items()}


def concepts_agree(a: set[str], b: set[str]) -> bool | None:
    """True when two names' product concepts are the same product (equal, or one is the other's class: a
    derived class-level term such as 'jamón' or '火腿' against 'ham'), False when both name products and no
    pair agrees (green tea and black tea; ginger and scallion), None when either names none."""
    if not a or not b:
        return None
    classes = class_of_concept()
    for x in a:
        for y in b:
            if x == y or classes.get(y) == x or classes.get(x) == y or class_lineage(x)[1:2] == (y,) \
                    or class_lineage(y)[1:2] == (x,) or x in broader_concepts(y) or y in broader_concepts(x):
                return True
    return False


@functools.lru_cache(maxsize=None)
def broader_concepts(concept: str) -> tuple[str, ...]:
    """The concepts a compound concept narrows, named by its head within its class (fragrant_pear → pear,
    sheep_cheese → cheese): the concept ids name a kind by its last words; a head of another class names
    another thing (sea_cucumber is no cucumber)."""
    classes = class_of_concept()
    parts = concept.split("_")
    heads = ("_".join(parts[i:]) for i in range(1, len(parts)))
    named = tuple(h for h in heads if h in classes and classes[h] == classes.get(concept))
    return named + tuple(h for h in _compound_broader().get(concept, ()) if h not in named)


COMPOUND_HEAD_MIN = 3    # letters of a product word that ends a compound of its language (wurst, käse, öl)
NAMED_BY_LIKENESS = "plant_products"   # fruit and vegetables, which compounds name by likeness, not kind
                                       # (Granatapfel is no apple, Erdmandel no almond, Kaktusfeige no fig)
COMPOUND_LANGS = 2       # languages whose compounds must say it: one alone may name a thing by another
                         # (Dutch sinaasappel, an orange, ends with appel)


@functools.lru_cache(maxsize=1)
def _compound_broader() -> dict[str, tuple[str, ...]]:
    """The concepts a concept narrows by its own words: in two languages that write compounds as one word, a
    word of the concept ends with a word of another concept of the same class (Rostbratwurst ends with Wurst,
    braadworst with worst: bratwurst is a sausage). Fruit and vegetables are left out (NAMED_BY_LIKENESS)."""
    by_lang: dict[str, dict[str, set[str]]] = {}
    for row in bundled.read_table("product_terms.csv"):
        word = fold(row["term"])
        if row["lang"] in COMPOUNDING and " " not in word:
            by_lang.setdefault(row["lang"], {}).setdefault(word, set()).add(row["concept"])
    classes = class_of_concept()
    seen: dict[tuple[str, str], set[str]] = {}          # (concept, broader) → the languages that say so
    for lang, words in by_lang.items():
        heads = {w: c for w, c in words.items() if len(w) >= COMPOUND_HEAD_MIN}
        for word, concepts in words.items():
            kinds = [c for c in concepts if NAMED_BY_LIKENESS not in class_lineage(classes.get(c))]
            for head, broader in heads.items():
                if kinds and len(word) > len(head) + 2 and word.endswith(head):
                    for concept, b in ((c, b) for c in kinds for b in broader):
                        if b != concept and classes.get(b) == classes.get(concept):
                            seen.setdefault((concept, b), set()).add(lang)
    out: dict[str, list[str]] = {}
    for (concept, b), langs in sorted(seen.items()):
        if len(langs) >= COMPOUND_LANGS:
            out.setdefault(concept, []).append(b)
    return {c: tuple(b) for c, b in out.items()}


@functools.lru_cache(maxsize=1)
def class_of_concept() -> dict[str, str]:
    return {r["concept"]: r["class"] for r in bundled.read_table("product_terms.csv")}


def class_within(a: str | None, b: str | None) -> bool:
    """Whether two common classes are one product: the same, or one within the other (cheese within dairy)."""
    return bool(a and b) and (a in class_lineage(b) or b in class_lineage(a))


def classes_comparable(a: str | None, b: str | None) -> bool:
    """Two common classes are comparable when one lies within the other or they share a parent class."""
    if not a or not b:
        return False
    la, lb = class_lineage(a), class_lineage(b)
    return a in lb or b in la or (len(la) > 1 and len(lb) > 1 and la[1] == lb[1])
