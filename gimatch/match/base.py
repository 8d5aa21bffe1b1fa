"""What every matcher shares: the analysed query, a hit, and the collector that keeps each GI's best hit."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import legal
from ..errors import UsageError
from ..index import NameIndex
from ..model import Evidence
from ..text import phonetic
from ..text.anatomy import STOPWORDS, Anatomy, anatomy
from ..text.fold import dominant_script, fold, is_spaceless_script, joined, script_runs
from ..text.keys import THAI_LATIN, name_keys
from ..text.lexicon import (class_within, classes_comparable, countries_in_other_scripts, heard_as_label,
                            heard_as_variety, is_product_term, lexicon, product_term, written_and_read)
from ..text.romanize import DIALYTIKA, UKRAINIAN_LETTERS, japanese_latin, palladius_syllables, thai_loose
from ..text.stem import stem_tokens


CHINESE_HOMES = frozenset({"CN", "TW", "HK", "MO"})      # where Han script writes Chinese


@dataclass
class Query:
    """What gimatch sees in a query."""

    text: str
    folded: str
    script: str
    keys: list[tuple[str, str]]
    tokens: list[str]
    anat: Anatomy
    distinct: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)    # marketing words: premium, original, gold, ...
    designated: frozenset[tuple[str, str]] = frozenset()   # whose designation the sign writes: (IT, wine) of DOCG

    @property
    def spaceless(self) -> bool:
        return is_spaceless_script(self.script)


# Endings of family names, folded, by the script of the sign: a word with one names a person (or the firm of one),
# not a place, and is no rendering or near spelling of a GI name. Greek patronymic and regional names
# (Μαρινόπουλος, Παπαδάκης, Σαββίδης; not -οπούλου, the genitive of places in -όπουλο as much: Μαρκόπουλου), and
# Slavic ones as Greek writes them (Νίκολιτς); the same in Latin letters (Marinopoulos); Russian, Ukrainian and
# Serbian patronymic names and a woman's form of the -ov names (Петрович, Шевченко, Иванова; not -ов itself,
# which ends places: Свищов).
SURNAME_ENDINGS = {"Greek": tuple(fold(e) for e in ("όπουλος", "άκης", "ίδης", "ιάδης", "ιτς")),
                   "Latin": ("opoulos", "akis", "idis", "iadis"),
                   "Cyrillic": tuple(fold(e) for e in ("ович", "евич", "енко", "ова", "ева"))}
SURNAME_STEM = 3    # letters before the ending at least (Takis, Ovidis are no family names)


def product_name(idx: NameIndex, gi: int, ni: int) -> list[str]:
    """The folded words of a GI's name that has no product word, the product's own name (Brunello di Montalcino,
    Parmigiano Reggiano), whose first word is distinctive alone; [] for a name that joins a place and a product
    (Kentish ale), whose first word is the place."""
    return [] if idx.name_concepts.get((gi, ni)) else fold(idx.gis[gi].names[ni]).split()


def family_name(q: "Query") -> bool:
    """Whether a query is, or ends with, a family name."""
    return ends_with_family_name(q.folded, q.script)


def ends_with_family_name(folded: str, script: str) -> bool:
    """Whether a folded text's last word is a family name (SURNAME_ENDINGS of its script)."""
    words = folded.split()
    return bool(words) and any(words[-1].endswith(e) and len(words[-1]) - len(e) >= SURNAME_STEM
                               for e in SURNAME_ENDINGS.get(script, ()))


@dataclass
class Hit:
    gi: int
    name: int
    kind: str
    score: float
    why: str
    evidence: Evidence
    sound_for_sound: bool = False   # a transcription whose sounds are the name's (phonetic.SOUND_FOR_SOUND)
    whole_sign: bool = False        # a hit that counts for a whole sign, not for a run of a longer one's words


class Collector:
    """Each GI's best hit: the higher score, then the stronger kind."""

    def __init__(self, index: NameIndex):
        self.index = index
        self.best: dict[int, Hit] = {}

    def offer(self, hit: Hit, less: float = 0.0) -> None:
        """Keep ``hit`` if it is the GI's best, its score held in its kind's range, then ``less`` taken off (a
        hit on part of a longer sign)."""
        lo, hi = legal.score_range(hit.kind)
        hit.score = round(min(max(hit.score, lo), hi) - less, 1)
        cur = self.best.get(hit.gi)
        if cur is None or (hit.score, -legal.rank(hit.kind)) > (cur.score, -legal.rank(cur.kind)):
            self.best[hit.gi] = hit


_ABBREVIATION_DOTS = re.compile(r"[\s.-]")   # O.P.A.P., D.O.C.: an abbreviation is read without its stops


def _latin_label_off(text: str, folded: str) -> tuple[str, str]:
    """A sign in another script less the label words in Latin letters that open or close it (巴罗洛DOCG, 夏布利 AOC,
    AOC 샤블리): the letters of the label do not make the sign a Latin one."""
    runs = [(script, run) for script, run in script_runs(folded) if run.strip(" .-")]
    labels = lexicon().modifiers

    def label(run: tuple[str, str]) -> bool:
        return run[0] == "Latin" and _ABBREVIATION_DOTS.sub("", run[1]) in labels

    first = next((i for i, run in enumerate(runs) if not label(run)), len(runs))
    last = next((i for i in range(len(runs) - 1, -1, -1) if not label(runs[i])), -1)
    kept = runs[first:last + 1]
    if len(kept) == len(runs) or not kept or all(script in ("Latin", "Common") for script, _ in kept):
        return text, folded
    rest = "".join(run for _, run in kept).strip(" .-")
    return rest, rest


def designated_by(text: str) -> frozenset[tuple[str, str]]:
    """The countries whose designation of origin a sign writes by its abbreviation, in capitals, stops or none,
    as a word of its own or beside another script (가비 DOCG, AOCパシュラン, アンピアロスO.P.A.P: Italy, France,
    Greece), each with the product the designation is of, '' for any (DOCG: wine); not a word that opens like
    one (Docg, DOCUMENT)."""
    designations = lexicon().designations
    return frozenset(pair for _, run in script_runs(text) for word in re.split(r"[\W_]+", run.replace(".", ""))
                     for pair in designations.get(word, ()))


def readings(text: str) -> list[str]:
    """The texts a sign is read as: itself; for a sign that writes a name in a script without spaces and in
    Latin letters beside it (蒙切哥奶酪(Manchego), 巴马奶酪Parmigiano-Reggiano), each script's part alone, since a
    bilingual label names the GI in either (label words in Latin letters, 巴罗洛DOCG, make no part of their own: the
    other script's part is read alone), and the parts a label word inside a Chinese sign divides it into (see
    _label_parts); for any other sign, what it gives in brackets and the rest (see _bracketed_apart). Each part
    has letters."""
    runs = [(script, run) for script, run in script_runs(text) if script != "Common"]
    if not any(is_spaceless_script(script) for script, _ in runs):
        return list(dict.fromkeys([text, *_bracketed_apart(text), *_nominative_readings(text)]))
    latin = " ".join(run for script, run in runs if script == "Latin")
    other = "".join(run for script, run in runs if script != "Latin")
    modifiers = lexicon().modifiers
    parts = [other, latin] if any(len(w) >= 3 and w not in modifiers for w in fold(latin).split()) else [other]
    parts += _label_parts(fold(other).replace(" ", ""))
    parts = [" ".join(_BRACKETS.sub(" ", part).split()) for part in parts]
    return list(dict.fromkeys([text, *(part for part in parts if fold(part))]))


# the endings of a Russian or Ukrainian adjective made of a place's name (Шаосинское вино, Синьянский чай)
SLAVIC_ADJECTIVE = re.compile(r"(ск|ськ)(ий|ая|ое|ие|ого|ой|ую|им|их|ому|ими|ом|ою|а|е|і|ої|у)$")
SLAVIC_ADJECTIVE_GLIDE = re.compile("й$")    # and the й Russian puts between a vowel and the ending (Аньсийский)


def chinese_in_cyrillic(text: str) -> str:
    """A Cyrillic sign that writes a Chinese name by the Palladius system, read in pinyin word for word (Те Гуань
    Инь → tieguanyin; Вино Шаосин and Шаосинское вино → shaoxing); '' for any other sign. Its capitalized words,
    product words aside, are each Palladius syllables, or an adjective made of them; two syllables at least in all.
    Its other words are Russian's own, left out (Russian words, она or лиса, read as syllables too)."""
    if dominant_script(fold(text)) != "Cyrillic":
        return ""
    read = []
    for word in _LETTERS.findall(text):
        if is_product_term(word) or not word[:1].isupper():
            continue
        stem = SLAVIC_ADJECTIVE.sub("", word)
        syllables = palladius_syllables(word) or stem != word and (
            palladius_syllables(stem) or palladius_syllables(SLAVIC_ADJECTIVE_GLIDE.sub("", stem)))
        if not syllables:
            return ""
        read.append(syllables)
    if sum(map(len, read)) < 2:
        return ""
    # a run of words of one syllable each is one word written syllable by syllable (Би Ло Чунь: biluochun)
    words, run = [], []
    for syllables in read:
        if len(syllables) == 1:
            run.append(syllables[0])
            continue
        words += ["".join(run), "".join(syllables)] if run else ["".join(syllables)]
        run = []
    return " ".join(words + ["".join(run)] if run else words)


# Russian and Ukrainian name a place in the genitive as often as in the nominative (вино Риохи, вина Тосканы,
# Бургундії): a feminine noun's genitive ending is also read as the nominative's (Russian -ы, -ии, -и after a velar
# or hushing consonant; Ukrainian, in a sign that shows its letters, -и after any consonant, -ії, -ї). The genitive
# of a masculine or neuter noun (из Медока, вина) ends as feminine nominatives do (Москва, Мельница): none is read.
RUSSIAN_GENITIVE = ((re.compile(r"ии$"), "ия"), (re.compile(r"ы$"), "а"), (re.compile(r"(?<=[гкхжшчщ])и$"), "а"))
UKRAINIAN_GENITIVE = ((re.compile(r"ії$"), "ія"), (re.compile(r"ї$"), "я"),
                      (re.compile(r"(?<=[бвгґдзклмнпрстфхцчшщ])и$"), "а"))
INFLECTED_MIN = 4     # letters of a word read as inflected: a shorter one is as likely a whole word (Ахи, Ты)
_LETTERS = re.compile(r"[^\W\d_]+")


def _nominative_readings(text: str) -> list[str]:
    """A Cyrillic sign with the genitive of its words read as the nominative (вино «Риохи»: вино «Риоха»), their
    case and the sign's punctuation kept; a word the lexicon reads as a product, label or colour word stays as
    written, but a name a grape shares with a place (Бургундии); [] when no word changes."""
    if dominant_script(fold(text)) != "Cyrillic":
        return []
    endings = UKRAINIAN_GENITIVE if UKRAINIAN_LETTERS.search(text) else RUSSIAN_GENITIVE

    def nominative(m: re.Match) -> str:
        word = m.group()
        lower = word.lower()
        if len(word) < INFLECTED_MIN or word_says(word) not in (None, GRAPE_WINE):
            return word
        for ending, said in endings:
            if found := ending.search(lower):
                tail = word[found.start():]
                return word[:found.start()] + (said.upper() if tail.isupper() else said)
        return word

    reading = _LETTERS.sub(nominative, text)
    return [reading] if reading != text else []


OPENING, CLOSING = "(（[【「『", ")）]】」』"     # the brackets signs write, Latin, full width and CJK
_BRACKETS = re.compile(f"[{re.escape(OPENING + CLOSING)}]")
_BRACKETED = re.compile(f"[{re.escape(OPENING)}]([^{re.escape(OPENING + CLOSING)}]*)[{re.escape(CLOSING)}]")


def _bracketed_apart(text: str) -> list[str]:
    """A sign that gives a name in brackets beside another (Big Red Robe (Da Hong Pao), Schwarzwälder Schinken
    (Black Forest ham)) read as each: what the brackets hold, and the rest; none when one of them has no
    letters (Comté (2019))."""
    inside = [" ".join(m.split()) for m in _BRACKETED.findall(text)]
    outside = " ".join(_BRACKETED.sub(" ", text).split())
    parts = [outside, *inside]
    return parts if len(parts) > 1 and all(any(ch.isalpha() for ch in part) for part in parts) else []


WINDOW_SCRIPTS = frozenset({"Hangul", "Cyrillic", "Greek", "Kana", "Thai"})
WINDOW_WORDS = 3       # the longest run read alone
SIGN_WORDS = 16        # the longest sign read by runs (a wine listing: producer, place, cru, vineyard, vintage);
                       # a longer text is for gimatch scan


def windows(text: str) -> list[tuple[str, frozenset[str] | None]]:
    """The runs of words of a spaced sign in a script read by sound (조르쥐 뒤뵈프 보졸레 빌라쥬 누보: a producer's
    name, then the GI's; 산토리니 아시리티코: the GI's, then the grape's), shorter than the sign, to be heard alone,
    each with what the sign's other words say when none may be a name (see :func:`word_says`: Ланге Россо, a
    colour; 랑게 네비올로, a grape, so wine), else None. No runs for a sign of one word or of more than SIGN_WORDS
    or that ends with a family name, and none made of product, label and colour words only (Κρασί λευκό ξηρό: wine,
    white, dry); a grape's name may be a GI's too (トカイ: Tokaj, and the Tocai of Friuli)."""
    folded = fold(text)
    script = dominant_script(folded)
    words = _sign_words(text, script)
    if not 2 <= len(words) <= SIGN_WORDS or script not in WINDOW_SCRIPTS or ends_with_family_name(folded, script):
        return []                            # a person's name (Μάρκος Παπαδάκης) has no runs of its own
    said = [word_says(w) for w in words]
    for i in range(len(words) - 1):         # a label term of two words, heard together (그랑 크뤼: grand cru)
        if None in said[i:i + 2] and heard_as_label(fold(words[i] + words[i + 1]), phrase=True):
            said[i] = said[i + 1] = frozenset()
    may_name = [s is None or s == GRAPE_WINE and not is_product_term(w) for s, w in zip(said, words)]
    runs = ((i, i + n) for n in range(1, min(WINDOW_WORDS, len(words) - 1) + 1) for i in range(len(words) - n + 1))
    joint = "・" if script == "Kana" and "・" in text else " "      # katakana's words keep their dot (see phonetic)
    return list(dict.fromkeys((joint.join(words[i:j]), _rest_says(said[:i] + said[j:])) for i, j in runs
                              if any(may_name[i:j])))


def _rest_says(said: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The products the words of a sign beside a run name, when none may be a name; else None."""
    return None if None in said else frozenset().union(*said)


def _sign_words(text: str, script: str) -> list[str]:
    """The words of a sign: as spaces, stops and katakana's dots part them, and hyphens in HYPHEN_SPLIT_SCRIPTS; in
    Thai, which runs words together and spaces phrases, none but those of a sign of one run the Thai word list
    divides into words of two letters or more (แชมเปญต้อนรับ: champagne, welcome)."""
    from ..text.romanize import is_thai_word, thai_words

    breaks = _HYPHEN_BREAKS if script in HYPHEN_SPLIT_SCRIPTS else _WORD_BREAKS
    words = [w for w in breaks.split(_BRACKETS.sub(" ", text)) if fold(w)]
    if script != "Thai":
        return words
    if len(words) > 1:
        return []
    parts = thai_words(words[0]) if words else []
    return parts if len(parts) > 1 and all(len(p) >= 2 and is_thai_word(p) for p in parts) else []


GRAPE_WINE = frozenset({"wine"})     # what a grape variety's name says of a sign's product


def word_says(word: str) -> frozenset[str] | None:
    """What a word of a sign says when it names no place: the class of a product word (сыр: cheese), wine for a
    grape variety (also heard by sound: 네비올로), nothing for a label word (also heard: クラシコ) or a colour (in
    Greek or Cyrillic, also as read in Latin letters); None for any other word, which may be a name."""
    lex = lexicon()
    folded = fold(word)
    if term := product_term(folded):
        return frozenset({term.product_class})
    if heard_as_label(folded) or any(w in lex.modifiers or w in lex.colours for w in written_and_read(folded)):
        return frozenset()
    return GRAPE_WINE if heard_as_variety(folded) else None


def _label_parts(text: str) -> list[str]:
    """The parts a label word of two characters or more divides a spaceless sign into, where it stands inside
    it (甘吉亚酒庄巴巴莱斯科红葡萄酒: the estate's name, then the GI's), each of two characters or more."""
    words = [w for w in lexicon().spaceless_modifiers if len(w) >= 2 and w in text[1:-1]]
    if not words:
        return []
    parts = re.split("|".join(map(re.escape, words)), text)
    return list(dict.fromkeys(p for p in parts if len(p) >= 2)) if len(parts) > 1 else []


_WORD_BREAKS = re.compile(r"[\s.・･·]+")     # what parts the words of a sign: spaces, stops, katakana's dots
# and hyphens too in the scripts that keep a foreign name's hyphens (바-아르마냑, Токай-Хедьяла); in katakana a
# hyphen may stand for the long vowel's mark
HYPHEN_SPLIT_SCRIPTS = frozenset({"Hangul", "Cyrillic", "Greek"})
_HYPHEN_BREAKS = re.compile(r"[\s.・･·\-‐‑–]+")


def analyze(text: str) -> Query:
    """Fold a query and compute its keys, tokens and anatomy."""
    if not isinstance(text, str):
        raise UsageError("the query must be text")
    folded = fold(text)
    if not folded:
        raise UsageError(f"nothing to check in {text!r}: the name is empty or only punctuation")
    reading, folded = _latin_label_off(text, folded)
    keys = [(k.key, k.kind) for k in name_keys(reading)]
    script = dominant_script(folded)
    if script in ("Latin", "Common"):
        jp = japanese_latin(folded)
        for key in (jp, joined(jp)):
            if key not in {k for k, _ in keys}:
                keys.append((key, "japanese"))
        loose = thai_loose(folded)               # a Thai name as exporters spell it (Pa Mai Yoke Dork Lamphun)
        keys += [(key, THAI_LATIN) for key in dict.fromkeys((loose, joined(loose)))]
    anat = anatomy(reading)
    if script in ("Latin", "Common") and not anat.terms and jp != folded:
        hepburn = anatomy(jp)                   # long vowels written out (Matsusaka gyuu): read as Hepburn folds them,
        changed = set(jp.split()) - set(folded.split())        # where the word folded is a Japanese product word
        if any(t.lang == "ja-Latn" and changed.intersection(t.tokens) for t in hepburn.terms):   # (not sour, room)
            anat = hepburn
    spaceless = is_spaceless_script(script)
    tokens = stem_tokens(folded.split()) if not spaceless else [joined(folded)]
    lex = lexicon()
    modifiers = [t for t in tokens if t in lex.modifiers]
    # a colour the anatomy read as the product's kind (Red Onion of Tropea), not a word of a product term (black
    # tea) nor of the place, is no distinctive word either
    kept = set(anat.place.split()) | {tok for term in anat.terms for tok in term.tokens}
    keep = [i for i, t in enumerate(tokens) if t not in STOPWORDS and t not in lex.single_words
            and t not in lex.modifiers and not t.isdigit()          # a vintage or an age (24 mesi) names nothing
            and not (t in lex.colours and anat.terms and t not in kept)]
    raw = folded.split() if not spaceless else tokens
    return Query(text=text, folded=folded, script=script, keys=keys, tokens=tokens, anat=anat,
                 distinct=[tokens[i] for i in keep], words=[raw[i] for i in keep], modifiers=modifiers,
                 designated=designated_by(text))


SLAVIC_ADJECTIVES = ("ru", "uk", "bg")     # languages whose adjective endings of places -ский, -ська, -ски a
                                           # Cyrillic name may carry (datasets/demonym_suffixes.csv)


def _slavic_root(word: str) -> str:
    """A romanized Cyrillic word without the adjective ending of a place (shampanskoe → shampan)."""
    from ..text.anatomy import demonym_root

    return next((root for lang in SLAVIC_ADJECTIVES if (root := demonym_root(word, lang)) != word), word)


# Characters Chinese writes for a foreign sound by convention, not by their reading: 堡 (bao, a fortress) for the
# -burg, -berg and -bourg of place names (汉堡 Hamburg, 纽伦堡 Nürnberg, 卢森堡 Luxembourg, 斯特拉斯堡 Strasbourg)
CONVENTIONAL_SOUNDS = {"堡": "bu er ge"}
CONVENTION_MIN = 3    # characters of a rendering that writes a sound by convention (汉堡 alone is a hamburger)


def han_sounds(run: str) -> str:
    """The pinyin a rendering in Chinese characters is heard as: each character's reading in names (什 shi, 柏 bo:
    see zh_dictionary.name_readings), and the sound the last character conventionally writes where it closes a
    rendering of three characters or more (CONVENTIONAL_SOUNDS: 纽伦堡 is niu lun burg; 汉堡王 and 汉堡 keep
    bao)."""
    last = CONVENTIONAL_SOUNDS.get(run[-1:]) if len(run) >= CONVENTION_MIN else None
    return f"{_read_as_names(run[:-1])} {last}" if last else _read_as_names(run)


def _read_as_names(run: str) -> str:
    """The pinyin of a Han run, a character that its words leave at its own reading read as names read it, where
    they read it one way mostly (拉塔什: shi, not the shen of 什 alone); the reading of a word the pinyin
    dictionary knows stays (六安 lu an, 音乐 yin yue)."""
    from ..text.romanize import pinyin, reading
    from ..text.zh_dictionary import name_readings

    said = pinyin(run).split()
    if len(said) != len(run):
        return " ".join(said)
    readings = name_readings()
    return " ".join(readings.get(ch, syllable) if syllable == reading(ch) else syllable
                    for ch, syllable in zip(run, said))


GENITIVE = ("産の", "産", "の")   # Japanese writes a country's product as the country's (スペインのカバ), or as
                                # produced there (イタリア産パルマハム)


def only_a_country(place: str) -> bool:
    """Whether a place is a country's name alone, the genitive or 産 after it read off (フランス産, イタリアの)."""
    text = place.replace(" ", "")
    text = next((text[:-len(g)] for g in GENITIVE if text.endswith(g) and len(text) > len(g)), text)
    return text in lexicon().country_words


def without_country(place: str) -> str:
    """A place without the name of a country that opens or closes it (法国夏布利, French Chablis: a stated
    origin does not avoid the conflict), or '' when it has none or nothing else."""
    return country_apart(place)[0]


@functools.lru_cache(maxsize=1 << 14)
def country_apart(place: str) -> tuple[str, str]:
    """A place without the name of a country that opens or closes it, and that name as written (德国巴登: 巴登,
    德国; スペインのカバ: カバ, スペイン, the genitive or 産 after it read off); ('', '') when it has none or
    nothing else."""
    lex = lexicon()
    words = place.split()
    if len(words) > 1:
        kept = [w for w in words if w not in lex.country_words]
        named = [w for w in words if w in lex.country_words]
        return (" ".join(kept), named[0]) if kept and len(kept) < len(words) else ("", "")
    for country in countries_in_other_scripts():
        if len(place) > len(country) + 1 and place.startswith(country):
            rest = place[len(country):]
            return next((rest[len(g):] for g in GENITIVE if rest.startswith(g)), rest), country
        if len(place) > len(country) + 1 and place.endswith(country):
            return place[:-len(country)], country
    return "", ""


def origin_apart(place: str) -> tuple[str, str]:
    """A place in Latin letters without the country or Chinese province its first words state, and the code of
    that country (Yunnan Pu'er: pu er, CN; Inner Mongolia …); ('', '') when it states none or nothing else."""
    lex = lexicon()
    words = place.split()
    for n in (2, 1):
        stated = " ".join(words[:n])
        code = lex.province_words.get(stated) or lex.country_words.get(stated.replace(" ", ""))
        if code and len(words) > n:
            return " ".join(words[n:]), code
    return "", ""


def reads_as_a_person(q: Query, idx: NameIndex) -> bool:
    """Whether a sign in Latin letters is a person's name: a given name and a family name, neither of them a
    product, marketing, colour, landscape or origin word (Peter Graves, Dan Marino; not Jean Chablis, whose second
    word is no family name, nor Rose Gold). A family name the list lacks counts where the word is no GI's word
    (Hermann Bahlsen: the GI is the given name; not John Cognacs, nor Cole Rnch). Three words are as often a
    producer and the GI (Louis Jadot Beaujolais)."""
    lex = lexicon()
    words = q.folded.split()
    if q.script != "Latin" or len(words) != 2 or q.anat.terms or q.anat.delocalisers:
        return False
    given, family = words
    return given in lex.given_names and not _common_words().intersection(words) and (
        family in lex.family_names or not _a_gis_word(family, idx))


def _a_gis_word(word: str, idx: NameIndex) -> bool:
    """Whether a word, its stem or a word one letter off it is a word of a GI's name (Cognacs; Rnch, a slip of
    the Ranch of Cole Ranch)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    return any(w in idx.by_token or w in idx.by_key for w in (word, *stem_tokens([word]))) or \
        process.extractOne(word, idx.by_token.keys(), scorer=Levenshtein.distance, score_cutoff=1) is not None


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words that say something of goods (colour, quality, landscape, origin), or join words, or name a country."""
    lex = lexicon()
    return lex.colours | lex.modifiers | lex.place_features | lex.origins | lex.countries | STOPWORDS


SPACED_WORDS = ("Latin", "Cyrillic", "Greek")   # scripts whose institution words are whole words of a sign (fc is
                                                # not the opening of Fronsac), the others' at its ends (琉球大学)


def institution_named(q: Query) -> str:
    """The word that makes a sign with no product word the name of an institution named after a place, at the
    end of the sign where such a word stands (FC Porto, Valencia CF, 琉球大学, มหาวิทยาลัยเชียงใหม่; not 大学芋), or
    anywhere for a word that names nothing else (football, sportive); '' for none."""
    if q.anat.terms or not q.folded:
        return ""
    institutions = lexicon().institutions
    words = q.folded.split()
    if len(words) > 1:
        for word, end in ((words[0], "opens"), (words[-1], "closes")):
            if institutions.get(word) in (end, "either", "anywhere"):
                return word
        return next((w for w in words[1:-1] if institutions.get(w) == "anywhere"), "")   # Espérance Sportive Troyes
    return next((w for w, at in institutions.items() if dominant_script(w) not in SPACED_WORDS
                 and len(q.folded) > len(w) and (at in ("closes", "either") and q.folded.endswith(w)
                                                 or at in ("opens", "either") and q.folded.startswith(w))), "")


def origin_names_it(q: Query, gi_classes, name_words) -> bool:
    """Whether a sign names a GI that is a country's adjective alone (English, Welsh: wines; COLOMBIAN, a coffee
    mark): it does beside the GI's product, or beside no product and nothing but colour and variety words (English
    Rosé, English Pinot Noir); beside another product, marketing words or words of its own (English muffins, Welsh
    Gold, Twinings English Breakfast) the adjective says where the goods come from."""
    if classes := goods_named(q):
        return any(class_within(c, theirs) for c in classes for theirs in gi_classes)
    lex = lexicon()
    return all(w in name_words or w in lex.colours or w in lex.varieties or w in lex.origins
               or w in STOPWORDS or len(w) <= 2 for w in q.tokens)


def goods_named(q: Query) -> set[str]:
    """The classes of the products a sign names, less a colour word that is also a product's (rosé, folded rose:
    the flower), which says a wine's colour as well."""
    colours = lexicon().colours
    return {t.product_class for t in q.anat.terms
            if t.product_class and not (len(t.tokens) == 1 and t.tokens[0] in colours)}


def other_goods(q: Query, gi_class: str | None) -> bool:
    """Whether a sign names products and none comparable with a GI's (Λακωνία orange juice; Aceite Finca el Lazo,
    where Finca Élez is a wine); a colour word beside a wine is none (Tavel Rosé)."""
    classes = goods_named(q)
    return bool(classes) and bool(gi_class) and not any(classes_comparable(c, gi_class) for c in classes)


_DIALYTIKA = re.compile(f"([{DIALYTIKA}])")


def phonetic_forms(q: Query, marked: bool = False) -> list[tuple[str, int, bool]]:
    """The query's sound forms, from its script: the whole text, and the part left once product words and
    'style' words are taken off (帕尔玛火腿 → 帕尔玛); each with the words, product words aside, of the text it
    was read from (a rendering breaks words where the name does), and whether it reads the query's product
    words as sounds (薄酒莱: 酒 is a syllable of Beaujolais there, not the product). ``marked``: the forms with
    their stops marked voiced or not (:data:`gimatch.text.phonetic.STOP_MARKS`), in the same order."""
    from ..text.romanize import THANTHAKHAT

    has_place = bool(q.anat.place) and q.anat.place.replace(" ", "") != q.folded.replace(" ", "")
    texts = [q.anat.place] if has_place else []
    kept = " ".join(q.words)              # a sign with label words, its distinctive words alone (Жигондас АОК)
    if kept and q.modifiers and not q.spaceless and kept not in texts:
        texts.append(kept)
    texts.append(q.folded)
    named = without_country(q.anat.place)                   # 法国夏布利: France, then Chablis
    if named and named not in texts:
        texts.insert(0, named)
    for place in filter(None, (q.anat.place, named)):
        if q.script == "Cyrillic":                            # Шампанское, Пармская: the place under its
            root = " ".join(_slavic_root(w) for w in place.split())   # adjective ending (shampan, parm)
            if root != place and root not in texts:
                texts.insert(0, root)
    japanese = q.script == "Kana"
    out = []
    for text in texts:
        read = text
        if q.script == "Greek" and text == q.folded and _DIALYTIKA.search(q.text):
            read = fold(_DIALYTIKA.sub(r" \1", q.text))      # Ελαΐς: ελα ις, αϊ said a-i, not e
        runs = [(s, r) for s, r in script_runs(read) if s != "Common"]
        # the other readings where a script has some: Hangul's ㅍ as f and ㅂ as v, Thai with the letters the
        # thanthakhat silences written out (โซแตร์น: so-tae-r-n, Sauternes)
        others = q.script == "Hangul" or q.script == "Thai" and THANTHAKHAT in text or \
            q.script == "Greek" and bool(phonetic.GREEK_STOPS.search(text))
        for other in range(phonetic.READINGS.get(q.script, 1) if others else 1):
            parts = []
            for script, run in runs:
                if script == "Han" and japanese:      # kanji in Japanese text write Japanese words, not foreign
                    continue                          # names (those are written in katakana)
                parts.append(phonetic.from_pinyin(han_sounds(run.replace(" ", ""))) if script == "Han" else
                             phonetic.heard(run, script, other, marked))
            form = "".join(parts)
            if form and phonetic.unmarked(form) not in [phonetic.unmarked(f) for f, _, _ in out]:
                out.append((form, sum(not is_product_term(w) for w in text.split()), has_place and text == q.folded))
    return out
