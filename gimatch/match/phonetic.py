"""The phonetic matcher: a GI found from a rendering of its sounds in another script that no dataset holds
(帕尔玛火腿 → Prosciutto di Parma, シャブリ → Chablis, 샴페인 → Champagne, Tieh Kuan Yin → 铁观音), through the sound
forms of :mod:`gimatch.text.phonetic`.

Candidates are the stored forms whose consonant skeleton is close to the query's (rapidfuzz over the
skeletons); each is then aligned with transcription costs. A product word of the query (火腿 ham) must agree
with the GI's product, or the hit is at most a same-place signal.
"""

from __future__ import annotations

import functools

from ..index import PHON_VIEWS, NameIndex
from ..model import Evidence
from ..text import phonetic, zh_dictionary, zh_renderings
from ..text.anatomy import HAN_CORE_MIN, LINKS, STOPWORDS, closing_feature
from ..text.fold import fold, is_spaceless_script, joined, script_of
from ..text.keys import CANTONESE_SOURCE
from ..text.lexicon import class_within, classes_comparable, lexicon
from ..text.romanize import greek
from .base import (CHINESE_HOMES, Collector, Hit, Query, country_apart, family_name, han_sounds, only_a_country,
                   phonetic_forms, product_name)
from .exact import MIN_SPAN

KINDS = ("transcription", "same place")
# The similarity a rendering needs, by the consonants of the stored form: a short form is shared by many names,
# so it must be nearly exact; a long one is unlikely to be met by chance. Calibrated on the development part
# of the evaluation cases (eval/), never on one case.
NEEDED = {2: 1.01, 3: 0.94, 4: 0.90}
LONG = 0.84
PRODUCT_AGREES = 0.06    # a product word of the query that agrees with the GI's product lowers the bar,
PROTECTED_ABROAD = 0.06 # and so does a GI protected outside its home territory (a GI its producers protect
                         # abroad is one whose name foreign markets write: Chablis in China, Roquefort in Japan);
SINO_KOREAN = 0.04       # Hangul made only of readings of common Chinese characters (팔도) raises it (a Chinese
                         # GI's Sino-Korean reading is a key of its own, not a rendering by sound)
NOT_A_TRANSCRIPTION = 0.08   # Chinese text not made of transcription characters raises it
UNKNOWN_ABROAD = 0.04    # a bare rendering of a GI known only at home needs more likeness
DICTIONARY_AGREES = 0.10  # the Japanese dictionary gives the loanword's source, and it is the GI's name
NO_DICTIONARY = {"Hangul": 0.04, "Thai": 0.04, "Cyrillic": 0.04, "Greek": 0.04}   # scripts read by sound alone
                         # need more likeness: a name of two consonants only rendered sound for sound (카바 Cava)
RENDERING_FIT = 0.05     # the likeness a Chinese rendering needs, less per unit of how well its characters render
USUAL_FIT = 2.0          # the name's sounds as Chinese renders foreign names (zh_renderings.fit) over the usual
                         # fit, more per unit under it: renderings of GIs fit 3 per character on the development
                         # cases mostly, brand names that come near a GI's sounds by chance 0 to 1.5
FIT_RANGE = (-2.0, 4.0)  # the fits that count: a fit beyond them says no more
OVER_WORDS = 0.95        # a whole name rendered by katakana the dictionary splits into loanwords of its own
AS_SPELLED = 0.02        # a name read with every letter said, not as its language says it, needs a little more
PRODUCT_AS_SOUNDS = 0.06  # a product word of the query read as sounds of a name without one needs more likeness
# The scripts that write a foreign stop voiced or not as the name says it (ボルドー, 보르도, Бордо), and the more
# likeness asked per stop a rendering in one voices otherwise than the name (Гордонс g-d is no Corton: Кортон)
VOICED_SCRIPTS = frozenset({"Kana", "Hangul", "Thai", "Cyrillic", "Greek"})
# The consonants of a name whose rendering sound for sound always counts, and in a script that writes vowels as
# heard (phonetic.FAITHFUL_VOWELS), where a short name's every vowel must agree too
SOUND_FOR_SOUND_CONSONANTS = 3
SOUND_FOR_SOUND_FAITHFUL = 2
VOICE_CHANGED = 0.10
MISSING = 1              # consonants of the name a full rendering may leave out
LATIN_BAR = 0.92         # an old romanization of a Chinese or Japanese name (Tieh Kuan Yin, Matsuzaka) must be
LATIN_MIN = PHON_VIEWS["romanized"][2]   # close and long: Latin brand names meet short pinyin forms by chance
# The home countries whose names a script writes natively: a form read from a name in another country's script
# (シャンパーニュ, 香槟 for Champagne) is itself a rendering, and a rendering is read against the name's own
# sounds, not against another rendering of them
NATIVE_IN = {"han": CHINESE_HOMES | {"JP"}, "kana": frozenset({"JP"}),
             "hangul": frozenset({"KR"}), "thai": frozenset({"TH"})}
SCRIPT_SOURCE = {"Han": "han", "Kana": "kana", "Hangul": "hangul", "Thai": "thai", "Greek": "greek",
                 "Cyrillic": "cyrillic", "Latin": "latin", "Common": "latin"}


def sino_korean(text: str) -> bool:
    """Whether every Hangul syllable of a text is the reading of a common Chinese character: a Sino-Korean word
    (팔도, 신라면) more likely than a foreign name written by sound, whose syllables are often none (보르도, 샴페인,
    토카이: 카 reads no common character)."""
    syllables = [ch for ch in text if phonetic.hangul_syllable(ch)]
    return bool(syllables) and all(ch in _common_hanja_syllables() for ch in syllables)


@functools.lru_cache(maxsize=1)
def _common_hanja_syllables() -> frozenset[str]:
    """The readings of the common characters: the first level of GB 2312 (3,755 characters, in their traditional
    forms too)."""
    from ..text.fold import to_traditional
    from ..text.romanize import hanja_readings

    def common(ch: str) -> bool:
        try:
            return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
        except UnicodeEncodeError:
            return False

    table = hanja_readings()
    chars = [ch for ch in map(chr, range(0x4E00, 0xA000)) if common(ch)]
    return frozenset(table[c] for ch in chars for c in (ch, to_traditional(ch)) if c in table)


def needed(consonants: int, agrees: bool, abroad: bool, native_words: bool, vouched: bool = False) -> float:
    """The similarity a rendering needs: by the stored form's consonants, lower with a product that agrees
    or a GI protected abroad, higher for Chinese words that are not a transcription, and higher for a bare
    rendering of a GI known only at home (three consonants are then too few to tell it from chance), unless
    the rendering is ``vouched`` for as a foreign name (katakana the Japanese dictionary does not know, Chinese
    of three sound characters or more and no others, Hangul of three syllables or more not all Sino-Korean)."""
    bar = NEEDED.get(consonants, LONG) if consonants >= 2 else 1.01
    if not (agrees or abroad or vouched) and consonants < 5:
        bar += UNKNOWN_ABROAD
    if consonants == 2 and agrees:
        bar = 0.95
    return (bar - (PRODUCT_AGREES if agrees else 0.0) - (PROTECTED_ABROAD if abroad else 0.0)
            + (NOT_A_TRANSCRIPTION if native_words else 0.0))


def _a_country(idx: NameIndex, gi: int, ni: int) -> bool:
    """Whether a name's place is a country's name or adjective (Polska of Polska Wódka, Lithuanian of Lithuanian
    vodka): rendered alone, it names the country."""
    return only_a_country(fold(idx.name_places.get((gi, ni), ("", ""))[0]))


def _same_product(query_classes: set[str], gi_class: str | None) -> bool:
    """The query's product is the GI's, or one holds the other (cheese within dairy); siblings (beer and
    wine) are other products."""
    return any(class_within(c, gi_class) for c in query_classes)


PLACE_ALONE_MIN = max(NEEDED) + 1   # a place long enough (LONG) not to be met by chance: rendered alone, it
                                    # names a GI known abroad
PLACE_NAMED_MIN = 4    # consonants of a GI's place rendered alone sound for sound, at least: a partial name
PLACE_NAMED_SYLLABLES = 3   # and syllables of the rendering: two meet a place's sounds by chance (얀센, Janssen)
PLACE_NAMED = 75.0     # its score, as the place alone written out scores (see translation)
HEAD_WORD_MIN = 4   # consonants of the first word of a product's own name that names it alone (Brunello of Brunello di
                    # Montalcino), or one fewer in a word of as many syllables, rendered in as many (アマローネ, 阿玛罗内:
                    # a-ma-ro-ne; not ビアンコ, Bianco of Bianco di Custoza, nor ネッビオーロ)
PRODUCT_LEFT_OUT = 2.0   # less for a name whose product word the rendering of the rest of it leaves out
HEAD_WORD = 4.0    # less for the first word of a product's own name, which names it alone (Amarone, Brunello),
SOUND_FOR_SOUND = 0.95   # rendered sound for sound
ONE_WORD = 8.0     # less for a rendering of one word of a longer name than for the whole name of a GI
DICTIONARY_SOURCE = 92.0   # a katakana word the dictionary derives from a GI's name (シャンパン ← champagne)
PLACE_ONLY = 1.0           # less, within the kind's range, for a rendering of a name's place alone: a whole name
                           # rendered explains more (夏布利 is Chablis before Chablis grand cru)
IN_LONGER_SIGN = 6.0       # less when the sign has other words than product and 'style' words
SOURCE_KEYS = frozenset({"fold", "stem", "variant", "umlaut"})
SYLLABLE_BY_SYLLABLE = LATIN_BAR   # the likeness a rendering that spaces the syllables of a name written without
                                   # spaces needs: as much as a romanization of it
WHOLE_NAME = frozenset({"phon", "phon-order", "phon-turned", "phon-spelled"})   # the sound forms of a whole name
BY_SOUND = frozenset({"cyrillic", "greek"})   # scripts whose renderings of a foreign name follow its sounds, or
                                               # its letters one by one
SPACELESS_SOURCES = frozenset(source for script, source in SCRIPT_SOURCE.items() if is_spaceless_script(script))
VAGUE_CLASSES = frozenset({None, "annex_i_other"})   # a register's class that says little of the product: a name's
                                                    # product word then says what it is (Cidre de Normandie)
STATED_MIN = {"Han": 2, "Hangul": 2, "Kana": 3}   # the scripts a country named backs a rendering in, and the letters
                                                   # of the name it takes (スペイン, not タイ)
SETTLEMENTS = frozenset({"county", "district", "town", "villages"})   # what a word closing a place may say it is
                                                                     # (县, 区, 镇, 村), rendering no word of a name
KATAKANA_DOTS = ("・", "･")   # the middle dot katakana parts a foreign name's words with, full and half width


def _dictionary_sources(q: Query, words: list[tuple[str, str, str | None]], idx: NameIndex, out: Collector) -> None:
    """A GI named by the source the Japanese dictionary gives for a katakana loanword of the query (its
    ``words``), or for a run of them (シャンパン ← champagne, スコッチ・ウイスキー ← Scotch whisky), alone or inside a
    longer sign (日本シャンパンタワー協会). A short name inside a longer sign needs MIN_SPAN letters, as in exact
    matching."""
    lex = lexicon()
    for i in range(len(words)):
        if 0 < i < len(words) - 1 and words[i - 1][1] == "person" and words[i][1] != "place":
            continue              # a family name after a given name, more words after it (チャールズ・グレーブ・ワイナリー:
                                  # Charles Grave, no Graves); a place the dictionary knows stays one
        for j in range(i + 1, min(len(words), i + 4) + 1):
            if any(not foreign or kind in NAMES for _, kind, foreign in words[i:j]):
                break
            rest = words[:i] + words[j:]
            alone = all(fold(surface) in lex.spaceless_terms or (foreign and fold(foreign) in lex.single_words)
                        or (foreign and fold(foreign) in lex.modifiers) for surface, _, foreign in rest)
            _offer_source(" ".join(foreign for _, _, foreign in words[i:j]), "".join(w for w, _, _ in words[i:j]),
                          q.text if not alone else "", JAPANESE_DICTIONARY, idx, out)


JAPANESE_DICTIONARY = ("the Japanese dictionary", "the loanword of", "unidic-lite lemma")
CHINESE_DICTIONARY = ("the Chinese-English dictionary", "the rendering of", "CC-CEDICT gloss")


def _offer_source(source: str, surface: str, longer: str, dictionary: tuple[str, str, str], idx: NameIndex,
                  out: Collector, countries: frozenset[str] = frozenset()) -> None:
    """A GI whose name is the ``source`` a dictionary gives for the query's word ``surface`` (inside the
    ``longer`` sign, if any), of one of ``countries`` when the dictionary says where the source is."""
    lex = lexicon()
    key = fold(source)
    if (longer and len(joined(key)) < MIN_SPAN) or joined(key) in lex.generic:
        return
    said_by, says, detail = dictionary
    for gi, ni, skind in idx.by_key.get(key, ()):
        if skind not in SOURCE_KEYS or countries and not countries & set(idx.gis[gi].countries):
            continue
        name = idx.gis[gi].names[ni]
        where = f", inside the longer sign {longer!r}" if longer else ""
        out.offer(Hit(gi, ni, "transcription", DICTIONARY_SOURCE - (IN_LONGER_SIGN if longer else 0.0),
                      f"{said_by} gives {surface!r} as {says} {key!r}, the GI name {name!r}{where}",
                      Evidence(query_key=surface, gi_key=key, key_kind="dictionary source", detail=detail)))


def _chinese_dictionary(q: Query) -> tuple[bool, list[zh_dictionary.Gloss], list[str], bool]:
    """What the Chinese-English dictionary says of a Chinese query's place: whether it knows it; its first sense
    that is no person's name, when that names a place, a company, a brand or a loanword (科罗娜: Corona, the beer,
    though a later sense gives Colonna; 雷诺: Renault, not Reno); the person's names it gives (凯蒂: Kitty,
    Cathy); and whether that place or thing is the word's first sense (not 雷诺's, the name Reynolds). A place it
    does not know, written in parts, is known when a part is a person's name (:func:`_given_names`), and one it
    does not know with a word closing it that says what kind of settlement it is is known as the place before it
    (佛罗伦萨区: Florence; not a landscape word, which renders a word of a name: 布尔丘, Côtes de Bourg)."""
    text = "".join(ch for ch in q.anat.place or q.folded if script_of(ch) == "Han")
    senses = zh_dictionary.glosses(text) if len(text) >= 2 else ()
    if not senses and (word := closing_feature(text)) and lexicon().feature_kinds[word] & SETTLEMENTS:
        senses = zh_dictionary.glosses(text[: -len(word)])
    if not senses:
        given = _given_names(q.folded)
        return bool(given), [], given, False
    named = next((g for g in senses if g.kind != "name"), None)
    return (True, [named] if named and named.kind == "proper" else [],
            [t for g in senses if g.kind == "name" for t in g.terms], senses[0].kind == "proper")


def _given_names(folded: str) -> list[str]:
    """The person's names the Chinese dictionary gives for the parts of a name written apart (凯蒂·派瑞: Katy, of
    Katy Perry; the interpunct that parts a foreign person's names folds to a space), where one part of two
    characters or more is one: the sign is then a person's name."""
    parts = [p for p in folded.split() if len(p) >= 2 and all(script_of(ch) == "Han" for ch in p)]
    if len(parts) < 2:
        return []
    return [t for p in parts for g in zh_dictionary.glosses(p) if g.kind == "name" for t in g.terms]


def _glossed_as(glossed: list[zh_dictionary.Gloss], g) -> bool:
    """Whether the dictionary's sense names this GI: spelled as its name (:func:`_spelled_as`), and in its country
    when the sense says where (Lagos (Nigerian city) is no Lagos of Portugal)."""
    return any(_spelled_as(list(s.terms), g.names) and (not s.countries or bool(s.countries & set(g.countries)))
               for s in glossed)


NAMES = frozenset({"person", "name"})   # the Japanese dictionary's kinds of proper names but places


def _katakana(ch: str) -> bool:
    return "ァ" <= ch <= "ヺ"


def _katakana_words(q: Query) -> list[tuple[str, str, str | None]]:
    """The query's words as the Japanese dictionary reads them: (surface, kind, foreign source); a long vowel
    mark it cuts off alone (ウゾ and ー of ウゾー) is left out, and so is a word a product term was heard in
    (プロシュート, which it reads as pro and shoot)."""
    from ..text.romanize import japanese_words

    return [w for part in fold(q.text, simplify=False).split() if part != q.anat.heard
            for w in japanese_words(part) if w[0].strip("・ ー")]


def names_a_person(q: Query) -> bool:
    """Whether a katakana sign of several words is a person's name: the Japanese dictionary reads each of its
    words as one (ジョセフ・ゴードン・レヴィット); its words alone render no GI either."""
    if q.script != "Kana":
        return False
    words = _katakana_words(q)
    return len(words) > 1 and all(kind == "person" for _, kind, _ in words)


def _japanese_dictionary(words: list[tuple[str, str, str | None]]) -> tuple[bool, list[str]]:
    """What the Japanese dictionary (unidic-lite, as cutlet reads it) says of a katakana query's words: whether it
    explains every word of it, as a loanword with its source (シャブリ → Chablis, ハッピーターン → happy + turn),
    a native word (本社, 極) or a company or person's name (カルビー); and those source words. A query the
    dictionary explains through and through is a GI's rendering if a source word is the GI's name, or beside
    the GI's product word (see :func:`find`). A katakana place or word it knows without a source (ゴルゴンゾーラ,
    パルミジャーノ) explains nothing."""
    def explained(surface: str, kind: str, foreign: str | None) -> bool:
        katakana = any(map(_katakana, surface))
        # one kana cut off a longer word (リ of リヴァロ), or two cut off and read as a name of no known spelling
        # (カル of ロンカル; ミラ alone is the name)
        short = 3 if kind in NAMES and not foreign and len(words) > 1 else 2
        fragment = katakana and len(surface.strip("ー・")) < short
        return kind != "unknown" and not fragment and (not katakana or bool(foreign) or kind in NAMES)

    known = bool(words) and all(explained(*w) for w in words)
    return known, [foreign for _, kind, foreign in words if foreign and kind not in NAMES]


def _distinctive_words(names) -> set[str]:
    """The words of a GI's names, folded, but its product words."""
    single = lexicon().single_words
    return {w for n in names for w in fold(n).split() if w not in single}


def _could_be(foreign: list[str], names: list[str], countries) -> bool:
    """Whether the foreign words the dictionary gives are each the GI's name or a distinctive word of it,
    spelled alike or, of three consonants or more, said the same in the GI's language: katakana writes l and r
    alike, so the dictionary's Palma for パルマ may be Parma, and its Tokay for トカイ is Tokaj; beside a word
    spelled as the name's, a word said near one of the name's words, of as many consonants, is that word (coat
    and Beaune of コート・ド・ボーヌ: Côte de Beaune). Central and world (セントラルワールド) are no Central Coast.
    An article, a product word both share (チーズ: cheese), a landscape word (モン: mont, of モンデリーズ) or a label
    word says nothing of which GI it is."""
    from rapidfuzz import fuzz

    said = [f for f in foreign if _says_which(fold(f))]
    words, sounds = _words_and_sounds(tuple(names), phonetic.language_of(countries))
    spelled = {f for f in said if any(fuzz.ratio(joined(fold(f)), w) >= 90 for w in words)}

    def said_alike(f: str) -> bool:
        form = phonetic.latin(f)
        n = phonetic.consonant_count(form)
        return n >= 3 and form in sounds or bool(spelled) and n >= 2 and any(
            phonetic.consonant_count(w) == n and phonetic.similarity(form, w) >= SOURCE_ALIKE for w in sounds)
    return bool(said) and all(f in spelled or said_alike(f) for f in said)


def _spelled_as(terms: list[str], names: list[str]) -> bool:
    """Whether one of the places, brands or loanwords the Chinese dictionary gives is spelled as the GI's name or
    its distinctive words (阿尔萨斯: Alsace; 勃艮第: Burgundy, which is Bourgogne). The dictionary names what the
    rendering renders, so its spelling, not its sound, says which name it is (科罗娜 is Corona, not Colonna); a
    word of the name may be formed on it (纽伦堡: Nürnberg, of Nürnberger Lebkuchen)."""
    from rapidfuzz import fuzz

    words = _name_words(tuple(names))
    aliases = lexicon().place_aliases         # the English name of a place is its own (Burgundy: Bourgogne)
    for term in terms:
        said = [aliases.get(w, w) for w in fold(term).split() if _says_which(w)]
        if said and all(any(fuzz.ratio(w, n) >= 90 or _formed_on(w, n) for n in words) for w in said):
            return True
    return False


FORMED_MIN = 6   # letters of a word another is formed on by a few letters at its end (Normandy: Normandie)


def _formed_on(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` but its last letter with an ending of three letters at most (Normandy:
    Normandie; Nürnberg: Nürnberger), for a word of FORMED_MIN letters or more (not Mars: Margaux)."""
    return len(word) >= FORMED_MIN and other.startswith(word[:-1]) and len(other) <= len(word) + 3


def _says_which(word: str) -> bool:
    """Whether a folded word the dictionary gives may say which GI a sign names: not an article, a product word,
    a landscape word, a label word or a country's name (イタリアのパルマハム: Italia says where, Palma which)."""
    lex = lexicon()
    return not (word in STOPWORDS or word in lex.single_words or word in lex.place_features or word in lex.modifiers
                or word in lex.country_words)


@functools.lru_cache(maxsize=1 << 12)
def _distinctive_sounds(names: tuple[str, ...], lang: str | None) -> frozenset[str]:
    """The sounds of a GI's distinctive words in its language."""
    return frozenset(phonetic.latin(w, lang) for w in _distinctive_words(names))


@functools.lru_cache(maxsize=1 << 12)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    """A GI's distinctive words and whole names, folded."""
    return frozenset(_distinctive_words(names) | {joined(fold(n)) for n in names})


@functools.lru_cache(maxsize=1 << 12)
def _words_and_sounds(names: tuple[str, ...], lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """A GI's distinctive words and whole names, folded (:func:`_name_words`), and their sounds in its language."""
    return (_name_words(names),
            _distinctive_sounds(names, lang) | {phonetic.latin(joined(fold(n)), lang) for n in names})


SOURCE_ALIKE = 0.85   # how alike a person's name the dictionary gives and a GI's word must sound to be one name
                      # spelled two ways (its surname Conte for コンテ is Comté said in French)


def _sounds_like(names_given: list[str], names: list[str], countries, heard: tuple[str, ...] = ()) -> bool:
    """Whether a person's name the dictionary gives for a katakana query, read in the GI's language, sounds like
    a distinctive word of the GI's names: a name is a spelling, not a meaning, so katakana it explains may still
    render the GI, and is judged by its sounds. (A loanword's source is a word of its own, as sablé is no Chablis.)
    A person's name is judged by the katakana's own sounds as well (``heard``: ヴィラーニ, Villány, of which it gives
    no spelling; モーゼル, Mosel, which it spells Mauser), not a brand's (ビスコ, whose sounds are its own)."""
    if not names_given and not heard:
        return False
    lang = phonetic.language_of(countries)
    said = [phonetic.latin(f, lang) for f in names_given if fold(f) not in lexicon().single_words] + list(heard)
    words = _distinctive_sounds(tuple(names), lang)
    return any(phonetic.consonant_count(s) >= 3 and phonetic.similarity(s, w) >= SOURCE_ALIKE
               for s in said for w in words)


def _translated_words(q: Query) -> list[tuple[str, frozenset[str], str]]:
    """The ways a Chinese rendering may write one word of a foreign name translated and the rest by sound: a
    landscape word closing the place (杜埃罗河岸 Ribera del Duero, 罗帝丘 Côte Rôtie), or a word that says which part
    of the place or what it is, at the end Chinese writes it (上梅多克 Haut-Médoc, 小夏布利 Petit Chablis, 格里叶堡
    Château-Grillet); each as the place without the word, what the word says (river, hill; upper, castle) and
    the word. Of two such words at one end (城堡, 堡) the longer."""
    if q.script != "Han":
        return []
    lex, place = lexicon(), q.anat.place
    out = []
    if word := closing_feature(place):
        out.append((place[: -len(word)], lex.feature_kinds[word], word))
    opened = lex.zh_name_words.get(q.anat.opened_by)
    if opened and opened[1]:              # a word of a name that is also a marketing word (经典, classico)
        out.append((place, frozenset({opened[0]}), q.anat.opened_by))
    for opens in (True, False):
        words = [w for w, meaning in lex.zh_name_words.items() if meaning[1] == opens and
                 len(place) - len(w) >= HAN_CORE_MIN and (place.startswith(w) if opens else place.endswith(w))]
        if words:
            word = max(words, key=len)
            rest = place[len(word):] if opens else place[: -len(word)]
            out.append((rest, frozenset({lex.zh_name_words[word][0]}), word))
    return out


@functools.lru_cache(maxsize=1 << 14)
def _landscape(name: str) -> frozenset[str]:
    """The kinds of the landscape words of a name (Ribera del Duero: river; Côte Rôtie: coast, hill)."""
    kinds = lexicon().feature_kinds
    return frozenset(k for w in fold(name).split() for k in kinds.get(w, ()))


@functools.lru_cache(maxsize=1 << 14)
def _name_meanings(name: str, lang: str | None) -> frozenset[str]:
    """What the words of a name say of which part of its place or what it is, in the name's language or English
    (Haut-Médoc: upper; Château-Grillet: castle)."""
    said = lexicon().name_words
    return frozenset(said[w, language] for w in fold(name).split() for language in (lang, "en")
                     if (w, language) in said)


def _forms_by_name_meaning(idx: NameIndex) -> dict[str, list[int]]:
    """The positions in ``idx.phon`` of the sound forms of the names that have a word saying which part of their
    place or what it is, by what it says (upper: Haut-Médoc's), read once per index: a rendering that translates
    such a word is compared with these names only."""
    if "_forms_by_name_meaning" not in idx.__dict__:
        found: dict[str, list[int]] = {}
        for j, (_, _, gi, ni, _) in enumerate(idx.phon):
            for meaning in _name_meanings(idx.gis[gi].names[ni], phonetic.language_of(idx.gis[gi].countries)):
                found.setdefault(meaning, []).append(j)
        idx.__dict__["_forms_by_name_meaning"] = found
    return idx.__dict__["_forms_by_name_meaning"]


@functools.lru_cache(maxsize=1 << 14)
def _rest_of(name: str, lang: str | None, meanings: frozenset[str]) -> str:
    """The consonants of the words of a name other than those saying ``meanings`` of its place, joining words,
    articles and product words: what a rendering that translates those words writes by sound (Chablis of Petit
    Chablis)."""
    lex = lexicon()
    words = [w for w in fold(name).split() if w not in LINKS and w not in STOPWORDS and w not in lex.single_words
             and not any(lex.name_words.get((w, language)) in meanings for language in (lang, "en"))]
    return phonetic.consonants(phonetic.latin(" ".join(words), lang))


def _head_word(form: str, idx: NameIndex, gi: int, ni: int) -> bool:
    """Whether a word's sound form is that of the first word of a name that has no product word (Brunello of
    Brunello di Montalcino: see :func:`product_name`), and no landscape word (Montes of Montes de Toledo, the
    mountains of Toledo); a later word often says little."""
    words = product_name(idx, gi, ni)
    return bool(words) and words[0] not in lexicon().place_features and \
        phonetic.consonants(phonetic.latin(words[0])) == phonetic.consonants(form)


def _names_something_else(idx: NameIndex, gi: int, ni: int) -> bool:
    """Whether the first word of a GI's name names something of its own: another GI's whole name (Bardolino, of
    Bardolino superiore) or a grape variety (Barbera of Barbera d'Alba, Moscato of Moscato d'Asti)."""
    word = fold(idx.gis[gi].names[ni]).split()[0]
    return word in lexicon().varieties or any(other != gi and skind == "fold"
                                              for other, _, skind in idx.by_key.get(word, ()))


def _words_of(part: str, idx: NameIndex, gi: int, ni: int) -> int:
    """The words of what a sound form was read from: the whole name, its place, or one of its words."""
    if part == "phon-word":
        return 1
    text = idx.name_places.get((gi, ni), ("", ""))[0] if part == "phon-place" else ""
    return len(fold(text or idx.gis[gi].names[ni]).split())


DROPPED_BY_RENDERINGS = "LYWH"   # liquids, glides and h: the consonants renderings leave out (玛歌 Margaux, 托凯 Tokaj)


def _syllables(text: str, form: str, script: str) -> int:
    """The syllables of a rendering: Hangul's written blocks (리오하: three, as said), katakana's kana but the small
    ones and the geminate ッ (リオハ three, ロッソ two), else the vowel groups of its sound form."""
    if script == "Hangul":
        return sum(map(phonetic.hangul_syllable, text))
    if script == "Kana":
        return sum(_katakana(ch) and ch not in phonetic.SMALL and ch not in "ッヵヶ" for ch in text)
    return phonetic.syllables(form)


def _evidence(skel: str, key_skel: str) -> int:
    """The consonants a rendering's likeness to a name rests on: the name's, when the rendering keeps all of them
    but those renderings leave out; else the rendering's own, fewer, which chance meets more often (克洛德 Claude
    drops no r of Corton but its n, 克罗曼 Kroman the b of Colombian)."""
    def kept(s: str) -> int:
        return sum(c not in DROPPED_BY_RENDERINGS for c in s)
    return len(key_skel) if len(skel) >= len(key_skel) or kept(skel) >= kept(key_skel) else len(skel)


def _known_abroad(idx: NameIndex, gi: int, script: str, backed: bool) -> bool:
    """Whether a GI counts as known abroad for a rendering in ``script``: protected outside its home, and for a
    bare Chinese rendering (no product word or translated word backs it) protected in China (the China–EU
    agreement's names, the foreign GIs registered there), which such a rendering names more often than a GI
    protected only in Europe or America is met by chance by a foreign name written in Chinese (法拉利, Ferrari,
    is no Fleurie)."""
    if script == "Han" and not backed:
        return bool(idx.territories_of(gi) & CHINESE_HOMES)
    return idx.abroad(gi)


def _opens_on_v(idx: NameIndex, gi: int, ni: int, part: str) -> bool:
    """Whether what a sound form was read from (the name, or its place) opens on a v or a w said v."""
    text = idx.name_places.get((gi, ni), ("", ""))[0] if part == "phon-place" else idx.gis[gi].names[ni]
    return fold(text)[:1] in ("v", "w")


def _rendering_fit(chars: str, key: str) -> float:
    """How well Chinese characters render a name's sound form, as Chinese renders foreign names
    (:func:`gimatch.text.zh_renderings.fit`), within FIT_RANGE."""
    fit = zh_renderings.fit(chars, key)
    return FIT_RANGE[0] if fit is None else min(max(fit, FIT_RANGE[0]), FIT_RANGE[1])


def _settled(bar: float, consonants: int, broken: bool, explained: bool, faithful: bool = False) -> float:
    """The bar within its bounds: a rendering sound for sound of three consonants or more always counts, of two
    in a script that writes vowels as heard (``faithful``: Каор Cahors, 나우사 Naoussa, every vowel the name's
    too), unless it voices the name's stops otherwise (see VOICE_CHANGED, asked past these bounds); one
    that breaks a name's words apart needs SYLLABLE_BY_SYLLABLE, and several words the dictionary reads, which
    the GI's whole name renders sound for sound, OVER_WORDS (サンジュリアン: sun + Julianne, Saint-Julien)."""
    if consonants >= (SOUND_FOR_SOUND_FAITHFUL if faithful else SOUND_FOR_SOUND_CONSONANTS):
        bar = min(bar, 1.0)
    if broken:
        bar = max(bar, SYLLABLE_BY_SYLLABLE)
    if explained:
        bar = max(bar, OVER_WORDS)
    return bar


def _liquids(text: str) -> str:
    """The r and l of a text in Latin letters or Greek (read in Latin letters), in order, a letter written twice
    once (Colonna: l)."""
    letters = [ch for ch in greek(fold(text)) if ch in "rl"]
    return "".join(ch for i, ch in enumerate(letters) if not i or ch != letters[i - 1])


def _voice_changed(rendering: str, name: str) -> int:
    """The stops a marked rendering voices otherwise than a name's marked form, stop for stop where both have
    the same stops in the same order (Гордонс g-d, Corton k-t: two), where half the stops whose voice both say or
    more are: stops paired by their order may be other stops of a long name (the t of Мускат Ривезальт is the
    d of Muscat de Rivesaltes, whose t is silent), whose many stops a few changed say little of."""
    written, said = phonetic.stops(rendering), phonetic.stops(name)
    if phonetic.unmarked(written) != phonetic.unmarked(said):
        return 0
    both = [(a, b) for a, b in zip(written, said) if a.islower() and b.islower()]
    changed = sum(a != b for a, b in both)
    return changed if 2 * changed >= len(both) else 0


def renders_name(hit: Hit, product_named: bool) -> bool:
    """Whether a transcription hit renders a GI's whole name, or its place beside the product word of a text that
    names the product (уксус Модены: Aceto Balsamico di Modena), not one of its words alone: what a run of a
    longer sign must render to count."""
    part = hit.evidence.key_kind.split(":")[0]
    return hit.kind == "transcription" and (part in WHOLE_NAME or part == "phon-place" and product_named)


def find(q: Query, idx: NameIndex, out: Collector) -> None:
    lex = lexicon()
    whole = joined(q.folded)
    if not idx.phon or family_name(q) or whole in lex.countries or whole in lex.spaceless_modifiers:
        return                              # a person, a country (フランス is France, not Franche-Comté), or a
                                            # quality word alone (グランクリュ, grand cru)
    own = SCRIPT_SOURCE.get(q.script, "latin")
    words = _katakana_words(q) if q.script == "Kana" else []
    known, foreign = _japanese_dictionary(words) if words else (False, [])
    names_given = [source for _, kind, source in words if source and kind in NAMES]
    names_heard = tuple(phonetic.from_kana(surface) for surface, kind, source in words   # a person's name, as
                        if kind == "person" and any(map(_katakana, surface)))            # the katakana says it
    unknown_katakana = q.script == "Kana" and not known
    as_names = known and any(kind in NAMES and any(map(_katakana, surface))
                             for surface, kind, _ in words)        # a katakana word the dictionary knows as a name
    if foreign:
        _dictionary_sources(q, words, idx, out)
    glossed: list[zh_dictionary.Gloss] = []    # what the Chinese dictionary says a Chinese query renders
    if q.script == "Han":
        known, glossed, names_given, proper_first = _chinese_dictionary(q)
        as_names = bool(names_given or glossed)   # beside the GI's product, a place it names may be the GI's
        for sense in glossed if proper_first else ():
            for term in sense.terms:              # a language or a people's name is no place (英语: English)
                if fold(term) not in lex.origins:
                    _offer_source(term, q.anat.place or q.folded, "", CHINESE_DICTIONARY, idx, out, sense.countries)
    loanwords_only = len(words) > 1 and all(                     # katakana the dictionary reads as several
        all(_katakana(ch) or ch == "ー" for ch in surface) for surface, _, _ in words)    # foreign words
    marked = phonetic_forms(q, marked=True)     # the forms with their stops marked; plain to match
    forms = [(phonetic.unmarked(form), *rest, None) for form, *rest in marked]
    for parse in _translated_words(q):           # 杜埃罗河岸, 上梅多克: the place without the word translated,
        forms.append((phonetic.from_pinyin(han_sounds(parse[0])), 1, False, parse))    # which the name must have
        if parse[1] & SETTLEMENTS:                # or a word closing it that says what kind of settlement the place
            forms.append((forms[-1][0], 1, False, (parse[0], frozenset(), parse[2])))   # is (默尔索村, the wine of
                                                 # Meursault village; 玛歌区): the rest is the name, backed by nothing
    voiced = {phonetic.unmarked(f): f for f, _, _ in marked} if q.script in VOICED_SCRIPTS else {}
    opens_on_b = q.script == "Hangul" and phonetic.hangul_opens_on_b(q.folded)
    dotted = q.script == "Kana" and any(dot in q.text for dot in KATAKANA_DOTS)
    for form, spaced, products_as_sounds, feature in forms:
        qclasses = set() if products_as_sounds else q.anat.classes
        read = feature[0] if feature else q.folded if products_as_sounds else q.anat.place or q.folded
        # the name less a country the sign states (德国巴登: Baden, of Germany), which backs a GI of that country
        if only_a_country(read):
            continue                        # a country and its genitive or 産 alone name no GI (フランス産カマンベール)
        own_name, country = country_apart(read)
        own_name = own_name or read
        han_read = "".join(ch for ch in own_name if script_of(ch) == "Han") if q.script == "Han" else ""
        syllables = len(han_read)
        share = zh_renderings.transcription_share(own_name) if q.script == "Han" else 1.0
        native_words = share < 0.6
        # Chinese of three sound characters or more and no others is a foreign name, as katakana the dictionary
        # does not know is
        foreign_han = q.script == "Han" and share == 1.0 and syllables >= 3 and not known
        # and so is Hangul of three syllables or more that are not all readings of Chinese characters (a
        # country's name aside: 한국 of 한국얀센)
        written = _syllables(own_name, form, q.script)
        foreign_hangul = q.script == "Hangul" and written >= 3 and not sino_korean(own_name)
        vouched = unknown_katakana or foreign_han or foreign_hangul
        # the country backs a short rendering only (德国巴登; not 法国路易威登, a brand), in a script that runs it into
        # the rendering, and in katakana a country's name long enough not to close words as often (タイ: マルタイ)
        short = q.script in STATED_MIN and (syllables if q.script == "Han" else written) < 3
        stated = lex.country_words.get(country, "") if short and len(country) >= STATED_MIN[q.script] else ""
        # and so does a designation of origin the sign writes, of the GI's country and product (가비 DOCG)
        designated = q.designated if short else frozenset()
        # the product a label word names (卡奥尔产区: wine) agrees with a foreign name's GI, and never differs (普洱产区);
        # beside two characters it backs nothing (丽萨产区: Lisa, a given name)
        labelled = {q.anat.label_product} - {""} if foreign_han else set()
        sino = q.script == "Hangul" and sino_korean(read)
        skel = phonetic.consonants(form)
        if len(skel) < 2:
            continue
        latin = own == "latin"
        if latin and len(skel) < LATIN_MIN - MISSING:
            continue
        # a Latin query meets only old romanizations: whole Chinese and Japanese names of LATIN_MIN consonants
        # an old romanization keeps the name's consonants but one: no longer name is read (other scripts meet
        # the nearest skeletons of any length, a few forms each, not every form of the short ones)
        translates = bool(feature) and bool(feature[1])     # the word closing or opening the place is the name's
        name_word = translates and feature[2] not in lex.feature_kinds   # a word of a name translated (上, 堡)
        candidates = (idx.phon_candidates(skel, "romanized", cutoff=80, longest=len(skel) + MISSING) if latin
                      else [j for meaning in feature[1] for j in _forms_by_name_meaning(idx).get(meaning, ())]
                      if name_word else idx.phon_candidates(skel))
        if q.script == "Han" and "W" in skel and not latin and not name_word:   # Chinese writes a foreign v with
            candidates = [*candidates, *idx.phon_candidates(skel.replace("W", "F"))]   # w (瓦 va, 韦 ve: 苏瓦韦 Soave)
        for j in candidates:
            key, key_skel, gi, ni, kind = idx.phon[j]
            source = kind.split(":", 1)[1].split("-")[0]
            if source == own or source == CANTONESE_SOURCE and own != "latin":
                continue
            g = idx.gis[gi]
            if own != "latin" and source in NATIVE_IN and not NATIVE_IN[source].intersection(g.countries):
                continue                     # another script's rendering of a foreign name
            consonants = len(key_skel)
            if len(skel) < consonants - MISSING:
                continue                     # a rendering keeps the name's consonants but one (卡薩帝 is no Calzadilla)
            # the query's product is the GI's class, or the name's own product word where the register's class
            # says no other (诺曼底苹果酒: Cidre de Normandie, a cider filed among other Annex I goods; not the torta,
            # a cake, of Torta del Casar, a cheese)
            agrees = _same_product(qclasses or labelled, g.class_common) or bool(
                qclasses and q.anat.concepts & idx.name_concepts.get((gi, ni), frozenset())) and (
                g.class_common in VAGUE_CLASSES or any(classes_comparable(c, g.class_common) for c in qclasses))
            # the name a designation designates is the whole name (not Mares of Bonnes-Mares)
            by_designation = sorted({code for code, product in designated if code in g.countries and (
                not product or _same_product({product}, g.class_common))}) if designated and \
                kind.split(":")[0] in WHOLE_NAME else []
            origin = (bool(stated) and stated in g.countries or bool(by_designation)) and \
                not NATIVE_IN.get(own, set()) & set(g.countries)
            lang = phonetic.language_of(g.countries)
            if name_word and _rest_of(g.names[ni], lang, feature[1]) != key_skel:
                continue                     # the sounds are not all the rest of a name with a word of that
                                             # meaning (切尔西 is no Sud-Ouest with 西 for the west)
            if translates and not name_word and not feature[1] & _landscape(g.names[ni]):
                continue                     # the landscape word translated is not one of this name's
            backed = agrees or origin or translates   # a product word, the GI's country or a translated word
            abroad = _known_abroad(idx, gi, q.script, backed)
            if q.script == "Kana" and not backed and CHINESE_HOMES.intersection(g.countries):
                continue                     # Japanese writes a Chinese place in kanji; katakana renders its
                                             # Chinese sounds beside the product alone (プーアル茶; not ノンシン)
            if q.script == "Han" and (len(skel) < 3 and syllables < 2 or syllables < 3 and not (
                    agrees or origin or translates and not name_word) and (
                    share < 1.0 or len(skel) < 3 and not abroad)):
                continue                     # two characters say nothing unless the GI's product follows them
                                             # (波特酒) or its country opens them (德国巴登), or both are sound
                                             # characters and render three consonants or a GI known abroad (玛歌
                                             # Margaux): not 本田 (Honda), 蒙牛; one character of two
                                             # consonants never (貢茶)
            part = kind.split(":")[0]
            if latin and part == "phon-place" and agrees:
                continue                     # a place in Latin letters with the product in English: the
                                             # translation matcher's (Matsusaka beef: 特産松阪牛)
            if part == "phon-order":         # the whole name in the order Chinese writes it: for Chinese only
                if own != "han":
                    continue
                part = "phon"
            elif part == "phon-turned":      # its last word first, as the market writes it (Sagrantino di
                if own == "latin" or spaced + dotted < 2:   # Montefalco), rendered word by word: one run meets
                    continue                 # such forms by chance (費蘭迪斯 is no Véran Saint)
                part = "phon"
            spelled = part == "phon-spelled"  # the whole name with every letter said: Chinese, Japanese and
            if spelled:                      # Korean renderings may say letters its language leaves unsaid;
                part = "phon"                # Russian and Greek ones follow the sounds, or the letters exactly
                                             # (Оссау-Ирати; Конти is no Comté)
            if opens_on_b and form[:1] == "F" and not _opens_on_v(idx, gi, ni, part):
                continue                     # ㅂ heard as a v opening the word: the name's opens on a v (볼네
                                             # Volnay; Korean writes f with ㅍ, and 본죽 is no Fronsac)
            names_product = bool(idx.name_concepts.get((gi, ni)))
            if part == "phon" and q.anat.terms and not products_as_sounds and names_product and \
                    len(skel) < consonants:
                continue                     # the query's place, its product word off, against a whole name
                                             # whose product word is read as sounds too (บูชิ of ชาบูชิ ~ 普洱茶),
                                             # unless the place renders as many consonants as the whole name:
                                             # it says the name's product word too (哥瑞纳-帕达诺奶酪, Grana Padano)
            sounds_of_product = products_as_sounds and bool(q.anat.terms) and not names_product
            reordered = kind.startswith("phon-turned")    # which may write a joining word the name has not
            broken = own != "latin" and spaced > _words_of(part, idx, gi, ni) + dotted + reordered
            if broken and source not in SPACELESS_SOURCES:
                continue                     # a rendering breaks words where the name does (แดรี่ ควีน is two words;
                                             # ロック フォール is no Roquefort), but katakana may part a compound of
                                             # the name with its dot too (シャトー・ヌフ); a name written without
                                             # spaces has no words to break, and a rendering that spaces its
                                             # syllables renders them closely (Аньси Те Гуань Инь: 安溪铁观音)
            alone = part != "phon" and not backed and (own != "latin" or part == "phon-place")
            head = consonants >= HEAD_WORD_MIN or consonants == HEAD_WORD_MIN - 1 and min(
                written, phonetic.syllables(key)) >= HEAD_WORD_MIN
            head_word = part == "phon-word" and head and _head_word(key, idx, gi, ni)
            place_alone = alone and not head_word and not (
                part == "phon-place" and consonants >= PLACE_ALONE_MIN - (1 if vouched else 0) and (abroad or vouched))
            if place_alone and not (part == "phon-place" and own != "latin" and consonants >= PLACE_NAMED_MIN
                                    and written >= PLACE_NAMED_SYLLABLES and not _a_country(idx, gi, ni)):
                continue                     # a part of a name (a word, the place; in Latin letters the place:
                                             # Jinro is no old spelling of 兴隆 in 兴隆咖啡) with no product to
                                             # back it, but the long place of a GI known abroad (스틸턴: Blue
                                             # Stilton cheese), and a place rendered sound for sound alone, a
                                             # partial name (Μαντσέγκο: Queso Manchego), as it is written out
            dictionary_agrees = (bool(foreign) and _could_be(foreign, g.names, g.countries)
                                 or bool(glossed) and _glossed_as(glossed, g))
            explained = known and not dictionary_agrees and not (agrees and (as_names or part == "phon")) and \
                not _sounds_like(names_given, g.names, g.countries, names_heard)
            if explained and not (loanwords_only and part == "phon"):
                continue                     # the dictionary knows the words, and they are not this GI's; beside
                                             # the GI's product, a name it knows may be the GI's (シェリー酒), and
                                             # so may a word it knows in another sense, rendering the GI's whole
                                             # name (コンテチーズ: コンテ is continuity to it; not テーブルワイン)
            # a name of two consonants rendered in three syllables or more in a script that writes its vowels as
            # heard, read by sound alone or in katakana the dictionary does not know (아지아고, 네메아 Nemea), or known
            # abroad and rendered so in foreign Chinese (阿西雅格 Asiago), is judged as a name of three is: a rendering
            # that long, vowels and all, is not met by chance, as two syllables are; Chinese, which writes its
            # vowels loosely, meets home-only names so by chance
            long_rendering = consonants == 2 and (abroad and foreign_han or written >= 3 and (
                unknown_katakana or q.script in NO_DICTIONARY))
            # a name read as spelled has the likeness of its letters, and the bar of its sounds and one letter
            # more at most: letters it leaves unsaid are little evidence (Margaux spelled ends on ks, as no
            # rendering of it says; Banyuls on the s that バニュルス says)
            said = key_skel[:len(phonetic.consonants(phonetic.latin(phonetic.sounded(g.names[ni]), lang))) + 1] \
                if spelled else key_skel
            bar = needed(3 if long_rendering else _evidence(skel, said), backed, abroad, native_words,
                         vouched=vouched)
            if sino:
                bar += SINO_KOREAN
            if own == "latin":
                bar = max(bar, LATIN_BAR)
            if dictionary_agrees:
                bar -= DICTIONARY_AGREES
            bar += NO_DICTIONARY.get(q.script, 0.0)
            if spelled:
                bar += AS_SPELLED
            if sounds_of_product:            # the query's product word read as a syllable of a name that has
                bar += PRODUCT_AS_SOUNDS     # none (米 of 哈露米 Halloumi; not ビール of キリンビール, COLOMBIAN)
            # for Chinese, the bar moves with how well the characters render the name's sounds (see USUAL_FIT),
            # read only where the likeness comes within the bar's reach
            bounds = (min(consonants, len(said)), broken, explained, q.script in phonetic.FAITHFUL_VOWELS)
            unfit, strict = _settled(bar, *bounds), _settled(bar, *bounds[:-1])
            loosest = _settled(bar - RENDERING_FIT * (FIT_RANGE[1] - USUAL_FIT), *bounds) if q.script == "Han" \
                else unfit
            sim = phonetic.similarity(form, key, len(skel), consonants, at_least=loosest, pinyin=q.script == "Han",
                                      faithful=q.script in phonetic.FAITHFUL_VOWELS,
                                      epenthetic=q.script in phonetic.EPENTHETIC,
                                      palatals=source == "latin" and lang in phonetic.PALATAL_LANGS)
            if sim < loosest or spelled and own in BY_SOUND and sim < 1.0:
                continue
            bar = _settled(bar - RENDERING_FIT * (_rendering_fit(han_read, key) - USUAL_FIT), *bounds) \
                if q.script == "Han" else unfit
            if sim < bar or place_alone and sim < SOUND_FOR_SOUND:
                continue
            name = g.names[ni]
            if form in voiced and (changed := _voice_changed(voiced[form], idx.phon_marked[j])):
                bar += VOICE_CHANGED * changed      # past the bounds: a rendering that voices the stops
                if sim < bar or place_alone:        # otherwise is no rendering sound for sound
                    continue
            if place_alone:
                out.offer(Hit(gi, ni, "partial", PLACE_NAMED, f"renders the place of {name!r} alone, sound for sound",
                              Evidence(query_key=form, gi_key=key, key_kind=kind, detail=f"similarity {sim:.2f}")))
                continue
            ev = Evidence(query_key=form, gi_key=key, key_kind=kind, detail=f"similarity {sim:.2f}, needed {bar:.2f}")
            if qclasses and g.class_common and not agrees:
                out.offer(Hit(gi, ni, "same place", 45.0,
                              f"sounds like {name!r} but names another product ({', '.join(sorted(qclasses))})", ev))
                continue
            # a word of a name translated and the rest of it by sound render the whole name, not one word of it,
            # less one whose product word the query leaves out (上阿迪杰: Alto Adige before Mela Alto Adige)
            part = "" if name_word else {"phon-place": "the place in ", "phon-word": "a word of "}.get(
                kind.split(":")[0], "")
            # the first word of a product's own name, rendered sound for sound, names it as a near whole (아마로네:
            # Amarone della Valpolicella), unless it names something of its own (Bardolino, a GI; Barbera, a grape)
            one_word = HEAD_WORD if head_word and sim >= SOUND_FOR_SOUND and not _names_something_else(idx, gi, ni) \
                else ONE_WORD
            less = (one_word if kind.startswith("phon-word") and not name_word or alone else
                    PRODUCT_LEFT_OUT if name_word and names_product and not agrees else 0.0)
            translated = (f", its {'word' if name_word else 'landscape word'} translated ({feature[2]})" if translates
                          else "")
            if by_designation:
                translated += f", beside a designation of origin of {'/'.join(by_designation)}"   # 가비 DOCG
            # Cyrillic and Greek write r and l apart: a whole name rendered with other liquids (корона, Colonna) is
            # alike, not rendered sound for sound
            liquids_changed = own in BY_SOUND and kind.split(":")[0] in WHOLE_NAME and _liquids(read) != _liquids(name)
            # a fit that lowers the bar lifts the score a tenth of what it lowers the bar by: it decides whether a
            # rendering counts, the likeness ranks the renderings (馬德拉 would else tie Madeira with Mátra and
            # Matera at the kind's top; 帕莱特 with Palette and Barletta at its bar)
            above = sim - bar if bar >= unfit else max(0.0, sim - unfit) + (min(sim, unfit) - bar) / 10
            # a short name met only as a script that writes vowels as heard renders it is met by a whole sign, not
            # by a run of a longer one's words, which meets two sounds by chance (알바 of 제시카 알바 is no Alba)
            short = bounds[-1] and sim < strict
            out.offer(Hit(gi, ni, "transcription", 74.0 + above * 100.0 + (4.0 if agrees else 0.0) - less,
                          f"{q.text!r} renders the sounds of {part}{name!r}"
                          f"{', its words in another order' if reordered else ''} ({form} ~ {key}, {sim:.0%} alike)"
                          f"{translated}", ev, sound_for_sound=sim >= SOUND_FOR_SOUND and not liquids_changed,
                          whole_sign=short),
                      less=PLACE_ONLY if part == "the place in " and fold(
                              idx.name_places.get((gi, ni), ("", ""))[0]) != fold(name) else 0.0)
