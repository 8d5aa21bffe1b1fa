"""Romanization of folded names: pinyin, Hepburn, RTGS, ELOT 743, Bulgarian and Russian
transliteration, and legacy Chinese romanizations read back to pinyin.

Every function takes *folded* text (see ``fold.fold``) and returns folded Latin text.
Library output is a candidate, never an authority: register-supplied Latin forms rank first.

>>> pinyin("龙井茶")
'long jing cha'
>>> greek("ελια καλαματασ")
'elia kalamatas'
>>> cyrillic_bg("сакар")
'sakar'
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from .. import bundled
from .fold import fold, to_traditional

UKRAINIAN_LETTERS = re.compile("[іїєґІЇЄҐ]")   # letters Ukrainian writes and Russian does not

_PINYIN_FOLD = str.maketrans({"ü": "u", "ǖ": "u", "ǘ": "u", "ǚ": "u", "ǜ": "u"})


@functools.lru_cache(maxsize=1)
def _pinyin_module():
    import pypinyin

    phrases = {row["phrase"]: [[s] for s in row["pinyin"].split()] for row in bundled.read_table("zh_place_readings.csv")}
    pypinyin.load_phrases_dict(phrases)
    return pypinyin


def pinyin(han: str) -> str:
    """Syllable-spaced toneless pinyin of a Han run, with curated place-name readings first."""
    pp = _pinyin_module()
    sylls = pp.lazy_pinyin(han, style=pp.Style.NORMAL, v_to_u=True, errors=lambda s: [s])
    return " ".join(" ".join(sylls).translate(_PINYIN_FOLD).split())


@functools.lru_cache(maxsize=1 << 14)
def reading(ch: str) -> str:
    """A character's pinyin alone (its own reading, not the one a word it is in gives it)."""
    return pinyin(ch).split(" ")[0]


def jyutping(han: str) -> str:
    """Syllable-spaced toneless Jyutping of a Han run, as Cantonese reads it (铁观音 → tit gun jam): the sounds Hong
    Kong's and Guangdong's exporters spell their Chinese names with (Tit Kwun Yum); '' when a character has none."""
    import ToJyutping

    syllables = [reading for _, reading in ToJyutping.get_jyutping_list(han)]
    return "" if None in syllables else " ".join(s.rstrip("123456") for s in syllables)


@functools.lru_cache(maxsize=1)
def _cutlet():
    import cutlet

    katsu = cutlet.Cutlet("hepburn")
    katsu.use_foreign_spelling = True
    return katsu


_LONG_VOWELS = ((re.compile(r"ou"), "o"), (re.compile(r"oo"), "o"), (re.compile(r"uu"), "u"),
                (re.compile(r"oh(?=[^aeiou]|$)"), "o"))
_KUNREI = ((re.compile(r"\btu|(?<=[^s])tu"), "tsu"), (re.compile(r"si"), "shi"), (re.compile(r"ti"), "chi"),
           (re.compile(r"\bhu|(?<=[aeiou ])hu"), "fu"), (re.compile(r"zi"), "ji"), (re.compile(r"sy([auo])"), r"sh\1"),
           (re.compile(r"ty([auo])"), r"ch\1"), (re.compile(r"zy([auo])"), r"j\1"))


@functools.lru_cache(maxsize=1)
def hanja_readings() -> dict[str, str]:
    """Character → its Sino-Korean reading (datasets/ko_hanja_readings.csv)."""
    return {r["char"]: r["reading"] for r in bundled.read_table("ko_hanja_readings.csv")}


KOREAN_READINGS = 8      # readings of one name kept at most


def korean(han: str) -> list[str]:
    """The Sino-Korean readings of a Chinese name, character by character (普洱茶 → 보이차, 五粮液 → 오량액; 龙井 →
    용정, its first sound as Korean says it at the start of a word): Korean reads the traditional characters, so
    a simplified character that is also another traditional one is read both ways (陕 섬 and 합); none when a
    character has no reading."""
    table = hanja_readings()
    traditional = to_traditional(han)
    readings = [""]
    for simple, full in zip(han, traditional if len(traditional) == len(han) else han):
        choices = list(dict.fromkeys(r for r in (table.get(full), table.get(simple)) if r))
        if not choices:
            return []
        readings = [r + c for r in readings for c in choices][:KOREAN_READINGS]
    return [_initial_sound(r) for r in readings]


_HANGUL_BASE, _RIEUL, _NIEUN, _IEUNG = 0xAC00, 5, 2, 11
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})      # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def _initial_sound(word: str) -> str:
    """Korean's rule for the first sound of a word read from hanja (두음 법칙): ㄹ is ㅇ before i and y, else ㄴ;
    ㄴ is ㅇ before them (룡정 → 용정, 량 → 양, 로 → 노)."""
    code = ord(word[0]) - _HANGUL_BASE if word else -1
    if not 0 <= code < 11172:
        return word
    initial, medial, final = code // 588, code // 28 % 21, code % 28
    if initial == _RIEUL:
        initial = _IEUNG if medial in _Y_VOWELS else _NIEUN
    elif initial == _NIEUN and medial in _Y_VOWELS:
        initial = _IEUNG
    return chr(_HANGUL_BASE + (initial * 21 + medial) * 28 + final) + word[1:]


def japanese_latin(latin: str) -> str:
    """Fold a Japanese Latin form: Kunrei to Hepburn, long vowels folded (TURAJIMA GOBOU → tsurajima gobo),
    word by word (the rules look no further than a word, and words recur from name to name)."""
    return " ".join(map(_japanese_word, latin.split(" ")))


@functools.lru_cache(maxsize=1 << 15)
def _japanese_word(word: str) -> str:
    for pattern, repl in _KUNREI:
        word = pattern.sub(repl, word)
    for pattern, repl in _LONG_VOWELS:
        word = pattern.sub(repl, word)
    return word


@functools.lru_cache(maxsize=1 << 12)
def japanese_words(text: str) -> tuple[tuple[str, str, str | None], ...]:
    """(surface, kind, foreign spelling) per word of Japanese text, from the dictionary cutlet reads with
    (unidic-lite): kind is 'unknown' (not in the dictionary), 'place', 'person' (a person's name), 'name' (a
    company's, a brand's or another's) or 'word'; the foreign spelling is the word a loanword comes from where the
    dictionary gives it (シャブリ → Chablis, サントリー → Suntory). Read once per text: a sign's anatomy, its sound
    matching and its test for a person's name all ask."""
    proper = {"地名": "place", "人名": "person"}
    out = []
    for word in _cutlet().tagger(text):
        f = word.feature
        kind = "unknown" if word.is_unk else proper.get(f.pos3, "name") if f.pos2 == "固有名詞" else "word"
        lemma = f.lemma or ""
        foreign = lemma.split("-", 1)[1] if "-" in lemma and lemma.split("-", 1)[1].isascii() else None
        out.append((word.surface, kind, foreign))
    return tuple(out)


def hepburn(text: str) -> str:
    """Hepburn reading of Japanese text through cutlet (unidic-lite), long vowels folded."""
    romaji = _cutlet().romaji(text)
    romaji = " ".join(re.sub(r"[^\w]+", " ", romaji.casefold()).split())
    return japanese_latin(romaji)


class _ThaiDictionary:
    """pythainlp's Thai word list in the one form its newmm segmenter asks of a dictionary (the words that
    open at a position of a text), held in sets: ready in a few milliseconds where its trie takes half a second
    to build, with the same words found."""

    OPENING = 4      # the openings of words kept, to stop early at a position no word opens

    def __init__(self, words):
        self.words = frozenset(w.strip() for w in words if w.strip())
        self.longest = max(map(len, self.words))
        self.openings = frozenset(w[:n] for w in self.words for n in range(1, min(len(w), self.OPENING) + 1))

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = []
        for end in range(start + 1, min(len(text), start + self.longest) + 1):
            if end - start <= self.OPENING and text[start:end] not in self.openings:
                break
            if text[start:end] in self.words:
                found.append(text[start:end])
        return found

    def __len__(self) -> int:
        return len(self.words)


@functools.lru_cache(maxsize=1)
def _thai_dictionary() -> _ThaiDictionary:
    from pythainlp.corpus import thai_words as dictionary_words

    return _ThaiDictionary(dictionary_words())


@functools.lru_cache(maxsize=1)
def _thai():
    from pythainlp.tokenize import word_tokenize

    try:     # royin's word romanizer: its public romanize() would segment each word again with a trie of its own
        from pythainlp.transliterate.royin import _romanize as romanize_word
    except ImportError:
        from pythainlp.transliterate import romanize
        romanize_word = functools.partial(romanize, engine="royin")
    return functools.partial(word_tokenize, custom_dict=_thai_dictionary()), romanize_word


def thai_words(text: str) -> list[str]:
    """Thai text split into words (pythainlp newmm with its own word list, offline)."""
    word_tokenize, _ = _thai()
    return [w for w in word_tokenize(text, engine="newmm", keep_whitespace=False) if w.strip()]


def is_thai_word(text: str) -> bool:
    """Whether a Thai text is a word of pythainlp's word list."""
    return text in _thai_dictionary().words


@functools.lru_cache(maxsize=1)
def _thai_places() -> tuple[dict[str, str], int]:
    places = {r["name_th"]: r["rtgs"].casefold() for r in bundled.read_table("th_places.csv")}
    return places, max(map(len, places))


THANTHAKHAT = "\u0e4c"                                 # the Thai mark over a letter written but not said
NIKHAHIT_AA, SARA_AM = "\u0e4d\u0e32", "\u0e33"
_THAI_SILENT = re.compile("[\u0e01-\u0e2e]" + THANTHAKHAT)


def rtgs(text: str) -> str:
    """RTGS romanization: place names from the gazetteer of Thai provinces, districts and GI localities
    get their official form (พัทลุง → phatthalung, not the engine's 'phatlung'); the rest is romanized word
    by word with pythainlp's offline royin engine, a consonant the thanthakhat silences left out first (the
    engine reads แตร์น of โซแตร์น, Sauternes, as 'nae'). A Thai rendering of a foreign name is read letter by
    letter instead (gimatch.text.phonetic.from_thai)."""
    _, engine = _thai()
    text = text.replace(NIKHAHIT_AA, SARA_AM)   # folding parts sara am (ลำพูน): the engine and gazetteer read it whole

    def romanize_word(word: str) -> str:
        return engine(_THAI_SILENT.sub("", word) or word)

    places, longest = _thai_places()
    out: list[str] = []
    pending = ""
    i = 0
    while i < len(text):
        hit = next((text[i:i + n] for n in range(min(longest, len(text) - i), 1, -1) if text[i:i + n] in places), None)
        if hit is None:
            pending += text[i]
            i += 1
            continue
        out.extend(romanize_word(w) for w in thai_words(pending))
        out.append(places[hit])
        pending = ""
        i += len(hit)
    out.extend(romanize_word(w) for w in thai_words(pending))
    return " ".join(" ".join(out).split())


_GREEK_DIGRAPHS = (("ου", "ou"), ("αι", "ai"), ("ει", "ei"), ("οι", "oi"), ("γγ", "ng"), ("γκ", "gk"),
                   ("γξ", "nx"), ("γχ", "nch"), ("μπ", "mp"), ("ντ", "nt"), ("τσ", "ts"), ("τζ", "tz"))
_GREEK_AU = re.compile(r"([αεη])υ(?=([θκξπσςτφχψ]|$| ))")
_GREEK_AV = re.compile(r"([αεη])υ")
_GREEK = str.maketrans({"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
                        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
                        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
                        "ω": "o"})
_AU_LATIN = {"α": "a", "ε": "e", "η": "i"}


def greek(text: str) -> str:
    """ELOT 743 transliteration of folded (accentless, lower-case) Greek."""
    text = _GREEK_AU.sub(lambda m: _AU_LATIN[m.group(1)] + "f", text)
    text = _GREEK_AV.sub(lambda m: _AU_LATIN[m.group(1)] + "v", text)
    for gr, la in _GREEK_DIGRAPHS:
        text = text.replace(gr, la)
    text = re.sub(r"\bmp", "b", text)
    text = re.sub(r"\bnt", "d", text)
    return text.translate(_GREEK)


def greek_simple(text: str) -> str:
    """A common looser Greek romanization (χ → h, υ → i), as in many register transcriptions."""
    text = text.replace("ου", "\0")
    text = text.replace("χ", "h").replace("υ", "ι")
    return greek(text).replace("\0", "ou")


_SAID_AS_ONE = (("αι", "ε"), ("ει", "ι"), ("οι", "ι"))


DIALYTIKA = "ϊΐϋΰΪΫ"      # the Greek vowels with dialytika, each said apart from the vowel before it
_SAID_APART = re.compile(f"(?=[{DIALYTIKA}])")


def greek_said(text: str) -> str:
    """Greek romanized as it is said, as exporters and labels often write it: αι as e, ει and οι as i, the rest as
    ELOT (Αμύνταιο: Amynteo, not ELOT's Amyntaio); a vowel with dialytika stays apart (Αχαΐα: Achaia)."""
    parts = []
    for part in _SAID_APART.split(unicodedata.normalize("NFC", text)):
        part = fold(part)
        for written, said in _SAID_AS_ONE:
            part = part.replace(written, said)
        parts.append(part)
    return greek("".join(parts))


_BG = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
                     "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
                     "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
                     "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
                     # letters Bulgarian does not write, by their usual values: Russian, Ukrainian, Belarusian,
                     # Serbian and Macedonian (сыр, Шабли are read whole, not with a letter left out)
                     "ы": "y", "э": "e", "ё": "yo", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
                     "ј": "j", "љ": "lj", "њ": "nj", "ђ": "dj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj",
                     "ѕ": "dz"})
_RU = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
                     "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
                     "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
                     "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
                     "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g"})


def cyrillic_bg(text: str) -> str:
    """Bulgarian official (Streamlined System) transliteration; the letters of other Cyrillic alphabets (ы, є, ј)
    by their usual values."""
    return text.translate(_BG)


def cyrillic_ru(text: str) -> str:
    """Russian transliteration (BGN/PCGN-style, without diacritics)."""
    return text.translate(_RU)


@functools.lru_cache(maxsize=1)
def _legacy_table() -> dict[str, str]:
    return {row["legacy"]: row["pinyin"] for row in bundled.read_table("zh_legacy_romanization.csv")}


# How informal Latin spellings of Thai (exporters', shops') differ from RTGS, undone on both sides: aspiration
# left unmarked (pa for pha), oo, ou and ue for u, ee for i, j for ch, a vowel's length or an open o written with
# an r (Dork, Kor), w after a vowel (Kaow) and a silent closing e (Yoke)
_THAI_LOOSE = ((re.compile(r"([ptk])h"), r"\1"), (re.compile(r"oo|ou|ue"), "u"), (re.compile(r"ee"), "i"),
               (re.compile(r"j"), "ch"), (re.compile(r"(?<=[aeiou])[rw](?![aeiou])"), ""),
               (re.compile(r"(?<=[bcdfgklmnpstvyz])e\b"), ""))


def thai_loose(latin: str) -> str:
    """A Latin spelling of Thai read blind to the ways informal spellings differ from RTGS (pa mai yoke dork
    lamphun and pha mai yok dok lamphun: pa mai yok dok lampun)."""
    text = latin.lower()
    for pattern, repl in _THAI_LOOSE:
        text = pattern.sub(repl, text)
    return text


def legacy_to_pinyin(folded_latin: str) -> str:
    """Read postal and Wade-Giles words back to pinyin (kweichow moutai chiew → guizhou maotai jiu; tieh kwan
    yin, t'ieh kuan yin → tie guan yin): known words by the table; other words syllable by syllable when the
    name reads whole as Chinese syllables (product words aside) and shows a spelling only the old systems
    write (hs, ts, -ih, -ieh, -ung, kw, an apostrophe of aspiration, ...): Anjou and Noto stay as they are."""
    from .lexicon import lexicon

    table = _legacy_table()
    tokens = folded_latin.split()
    plain = [(tok, False) for tok in tokens]
    joined_ = _aspirates_joined(tokens)
    for candidate in ((joined_, plain) if len(joined_) < len(plain) else (plain,)):
        if not any(aspirated or _old_system_word(tok) for tok, aspirated in candidate):
            continue                        # no spelling of the old systems: nothing to read back
        if all(tok in table or _wade_giles_word(tok, aspirated) is not None or is_pinyin(tok)
               or tok in lexicon().single_words for tok, aspirated in candidate):
            return " ".join(table.get(tok) or _wade_giles_word(tok, aspirated) or tok for tok, aspirated in candidate)
    return " ".join(table.get(tok, tok) for tok in tokens)


@functools.lru_cache(maxsize=1 << 15)
def _old_system_word(tok: str) -> bool:
    """Whether a word is one the table reads back, or shows a spelling only the old systems write and reads
    as their syllables."""
    return tok in _legacy_table() or bool(_OLD_SPELLING.search(tok) and _wade_giles_word(tok, False))


# Spellings pinyin never writes (Hepburn's tsu aside): a name showing one is in an old romanization; postal ki before
# a vowel is ji or qi wherever a syllable opens (Chinkiang, Chenkiang 镇江, Kiukiang 九江), and so is kin in a name
# another old spelling marks (Okinawa and King alone stay as they are).
_OLD_SPELLING = re.compile(r"hs|ts(?!u)|tz|ih$|ieh|ueh|erh|kw|ung$|ien$|iew|ow$|oo|ki(?=[aeu])")
_ASPIRATED = frozenset({"p", "t", "k", "ch", "ts", "tz"})      # what an apostrophe cut off (t'ieh → t ieh)


def _aspirates_joined(tokens: list[str]) -> list[tuple[str, bool]]:
    """Tokens with an aspirated initial the apostrophe cut off joined again, marked as aspirated."""
    out: list[tuple[str, bool]] = []
    for tok in tokens:
        if out and out[-1][0] in _ASPIRATED and not out[-1][1] and tok[:1] in "aeiou":
            out[-1] = (out[-1][0] + tok, True)
        else:
            out.append((tok, False))
    return out


_POSTAL = ((re.compile(r"kw"), "ku"), (re.compile(r"oo"), "u"), (re.compile(r"ow$"), "ou"),
           (re.compile(r"iew"), "iu"), (re.compile(r"ki(?=a|e|n|u)"), "chi"))


@functools.lru_cache(maxsize=1)
def _wade_giles() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The pinyin syllables, and each Wade-Giles spelling without its apostrophe to its (unaspirated,
    aspirated) pinyin readings: an apostrophe left out reads unaspirated, as the system writes it."""
    rows = bundled.read_table("zh_wade_giles.csv")
    readings: dict[str, list[tuple[bool, str]]] = {}
    for row in rows:
        readings.setdefault(row["wade_giles"].replace("'", ""), []).append(("'" in row["wade_giles"], row["pinyin"]))
    syllables = frozenset(r["pinyin"] for r in rows if _VOWEL.search(r["pinyin"]))   # not the interjections n, hm
    return syllables, {k: (min(v)[1], max(v)[1]) for k, v in readings.items() if _VOWEL.search(k)}


_VOWEL = re.compile(r"[aeiou]")


# Palladius, the system Russian writes Chinese in (Те Гуань Инь, 铁观音 tie guan yin; Синьян, 信阳 xinyang), and the
# Ukrainian system built on it (Цзюньшань Іньчжень): a pinyin syllable is its initial's letters, then its final's
PALLADIUS_INITIALS = (("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"), ("f", "ф"),
                      ("d", "д"), ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"), ("k", "к"), ("h", "х"),
                      ("j", "цз"), ("q", "ц"), ("x", "с"), ("r", "ж"), ("z", "цз"), ("c", "ц"), ("s", "с"))
PALLADIUS_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
                    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е",
                    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
                    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
                    "uang": "уан", "ue": "юэ"}
PALLADIUS_WHOLE = {"yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь",
                   "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
                   "yo": "ё", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
                   "wen": "вэнь", "wang": "ван", "weng": "вэн", "hui": "хуэй",
                   "zi": "цзы", "ci": "цы", "si": "сы"}       # the apical i of z, c, s is ы
PALLADIUS_U = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}   # after j, q, x: the u that is ü
_UKRAINIAN_AS_RUSSIAN = str.maketrans({"и": "ы", "е": "э", "і": "и", "ї": "и", "є": "е"})
_UKRAINIAN_HUSHED_I = re.compile("(?<=[жчш])ы")    # Ukrainian writes и after its hushing consonants (Шилінь)
_E_FOR_EH = re.compile(r"(?<=[бпмфдтнлгкхцчжшс])е")   # е written for э after a consonant, as informal spellings do


def palladius(syllable: str) -> str | None:
    """The Palladius spelling of a toneless pinyin syllable (guan → гуань, jiu → цзю), None for none."""
    if syllable in PALLADIUS_WHOLE:
        return PALLADIUS_WHOLE[syllable]
    initial, cyrillic = next(((i, c) for i, c in PALLADIUS_INITIALS if syllable.startswith(i)), ("", ""))
    final = syllable[len(initial):]
    said = PALLADIUS_U.get(final, PALLADIUS_FINALS.get(final)) if initial in ("j", "q", "x") else \
        PALLADIUS_FINALS.get(final)
    return cyrillic + said if said else None


@functools.lru_cache(maxsize=1)
def _palladius_syllables() -> dict[str, str]:
    """Each Palladius spelling to its pinyin syllable; of two syllables spelled alike, the longer (luo before the
    interjection lo: Palladius writes both ло). The syllables with ü, which gimatch's pinyin writes u (lü, nü: люй,
    нюй), are spelled both ways."""
    out: dict[str, str] = {}
    for syllable in sorted(_wade_giles()[0], key=lambda s: (len(s), s), reverse=True):
        spelled = palladius(syllable)
        if spelled and spelled not in out:
            out[spelled] = syllable
    for syllable in ("lu", "nu"):
        out.setdefault(palladius(syllable)[:-1] + "юй", syllable)
    return out


def palladius_syllables(word: str) -> list[str] | None:
    """A Cyrillic word read as Palladius syllables, in pinyin (Синьян → xin yang; in Ukrainian spelling too:
    Іньчжень → yin zhen); None when it is not syllables of the system."""
    word = word.lower()
    if UKRAINIAN_LETTERS.search(word):
        word = _UKRAINIAN_HUSHED_I.sub("и", word.translate(_UKRAINIAN_AS_RUSSIAN))
    table = _palladius_syllables()
    out = []
    for part in word.split("ъ"):                # ъ parts syllables where pinyin writes an apostrophe (Улянъе)
        # and e written for э after a consonant, as informal spellings do (Чжен for Чжэн), where the system's fails
        syllables = _segments(part, table) or _segments(_E_FOR_EH.sub("э", part), table)
        if not syllables:
            return None
        out += [table[s] for s in syllables]
    return out


def _segments(word: str, inventory) -> list[str] | None:
    """The word split into the fewest syllables of ``inventory``, or None."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] is not None and word[start:end] in inventory:
                candidate = best[start] + [word[start:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[-1]


def chinese_syllable(word: str) -> bool:
    """Whether a word is one Chinese syllable, in pinyin or in Wade-Giles (pao, hung, chiu; not tee)."""
    syllables, wade_giles = _wade_giles()
    return word in syllables or word in wade_giles


@functools.lru_cache(maxsize=1 << 14)
def is_pinyin(word: str) -> bool:
    """Whether a word is pinyin syllables run together (wuyuan, tieguanyin; not green)."""
    return _segments(word, _wade_giles()[0]) is not None


@functools.lru_cache(maxsize=1 << 14)
def _wade_giles_word(word: str, aspirated: bool = False) -> str | None:
    """A word read as Wade-Giles (or postal) syllables, in pinyin; None when it is none, or reads as pinyin in as
    few syllables. ``aspirated``: its first syllable had the apostrophe of aspiration."""
    if not word.isascii() or not word.isalpha() or len(word) < 2:
        return None
    syllables, readings = _wade_giles()
    spelled = word
    for pattern, repl in _POSTAL:
        spelled = pattern.sub(repl, spelled)
    parts = _segments(spelled, readings)
    as_pinyin = None if aspirated else _segments(word, syllables)
    if not parts or as_pinyin is not None and len(as_pinyin) <= len(parts):
        return None                  # pinyin already, in as few syllables (chiang is one syllable, not chi + ang)
    return "".join(readings[p][1 if aspirated and i == 0 else 0] for i, p in enumerate(parts))


# Wade-Giles writes aspiration with an apostrophe only (p'ao 袍, pao 包): without it, an old spelling tells b from p,
# d from t, g from k, j from q, zh from ch and z from c no more. Pinyin read blind to it meets such a spelling.
_ASPIRATION_BLIND = (("ch", "zh"), ("p", "b"), ("t", "d"), ("k", "g"), ("q", "j"), ("c", "z"))


def _blind(syllable: str) -> str:
    """A pinyin syllable as an old spelling without apostrophes may have meant it: its aspirated initial as the plain
    one, and luo as the lo Wade-Giles writes for it (罗, 洛), itself a pinyin syllable, which is read as written
    (Wade-Giles to, no, so are no pinyin: they are read back to duo, nuo, suo)."""
    syllable = next((plain + syllable[len(asp):] for asp, plain in _ASPIRATION_BLIND if syllable.startswith(asp)),
                    syllable)
    return "lo" if syllable == "luo" else syllable


def unaspirated(text: str) -> str | None:
    """Pinyin words with every aspirated initial written as its plain one and luo as lo (da hong pao → da hong bao,
    fenghuang dancong → fenghuang danzong, bi luo chun → bi lo zhun), the word division kept; None unless every
    word is pinyin syllables."""
    out = []
    for word in text.split():
        parts = _segments(word, _wade_giles()[0])
        if not parts:
            return None
        out.append("".join(_blind(p) for p in parts))
    return " ".join(out) or None


def blind_syllables(word: str) -> list[str] | None:
    """A word in Latin letters as Chinese syllables, read blind to aspiration (see :func:`_blind`): as Wade-Giles
    or postal spelling where that reads it in fewer syllables than pinyin (hsing, chiew), else as pinyin; None when
    it is neither (pi lo chun → bi lo zhun; dongting → dong ding)."""
    syllables = _wade_giles()[0]
    read = _wade_giles_word(word)
    parts = _segments(read or word, syllables)
    return [_blind(p) for p in parts] if parts else None


MAX_READINGS = 16        # readings of a translated place kept at most (several characters share a gloss)


@functools.lru_cache(maxsize=1)
def _place_elements() -> dict[str, tuple[tuple[str, str], ...]]:
    """English word → the (pinyin, kind) of each character it translates (zh_place_elements.csv)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in bundled.read_table("zh_place_elements.csv"):
        for word in row["english"].split(";"):
            out.setdefault(word, []).append((row["pinyin"], row["kind"]))
    return {word: tuple(dict.fromkeys(readings)) for word, readings in out.items()}


def translated_place_readings(place: str) -> list[str]:
    """A place whose words translate the characters of a Chinese name, pinyin beside them (west lake, phoenix,
    ji county, mount wuyi), read back as the name's joined pinyin (xihu, fenghuang, jixian, wuyishan), and
    without a feature word that closes it (wuyi); a feature word that opens it closes the Chinese name. Empty
    unless every word is pinyin or such a translation, one at least a translation, and the name two
    syllables long."""
    table = _place_elements()
    words = place.split()
    if not any(w in table for w in words) or not all(w in table or is_pinyin(w) for w in words):
        return []
    if len(words) > 1 and words[0] in table and all(kind == "feature" for _, kind in table[words[0]]):
        words = words[1:] + words[:1]                       # Mount Wuyi: 武夷山
    options = [table.get(w) or ((w, "name"),) for w in words]
    out: list[str] = []
    def syllables(combo) -> int:
        return sum(len(_segments(p, _wade_giles()[0]) or (p,)) for p, _ in combo)

    for combo in itertools.islice(itertools.product(*options), MAX_READINGS):
        if syllables(combo) >= 2:
            out.append("".join(p for p, _ in combo))
        if combo[-1][1] == "feature" and syllables(combo[:-1]) >= 2:
            out.append("".join(p for p, _ in combo[:-1]))
    return list(dict.fromkeys(out))
