"""How well Chinese characters render a name's sounds, by what the dictionary's renderings of foreign names do
(datasets/zh_renderings.csv, derived by tools/derive_zh_renderings.py from CC-CEDICT).

Chinese writes each sound of a foreign name with a few characters of its own: mi with 米, the o of Bordeaux with
多, a v with 沃 or 维. A rendering the characters of such habits explain (沃尔奈 Fo-L-Ne, Volnay) is likelier than
one whose sounds only come near by chance, written with characters that render other sounds (宝乐斗 against
Bordeaux: 斗, never seen rendering a do, where 多 is the usual one). :func:`fit` says how much likelier, per
character: the log-likelihood ratio of the best alignment of the characters with the name's runs of sounds, each
character weighed by how often it renders that run against how often it appears at all; a character seen rarely
borrows from the characters of its reading (:data:`OWN_SHARE`); a run of consonants its reading renders with
another vowel counts :data:`OTHER_VOWEL` under nothing, one it never renders :data:`UNSEEN_RUN`.

>>> fit("波尔多", "PoLTo") > 3.0 > fit("宝乐斗", "PoLTo")
True
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict

from .. import bundled
from .fold import script_of
from .romanize import reading as _reading

MAX_RUN = 4          # the sounds one character renders at most (as derived)
SMOOTHING = 2.0      # how much of a character's own habit a run of sounds seen rarely leaves to chance
UNSEEN_RUN = -3.0    # a run of sounds no character of this reading renders, with any vowel
NO_SOUND = -2.0      # a character that renders none of the name's sounds
OTHER_VOWEL = 1.0    # less for a run whose consonants the character's reading renders with another vowel: what
                     # a run seen with too little evidence, or none, counts at least
OWN_SHARE = 5.0      # the weight at which a character's own habits count as much as those of its reading
UNKNOWN = 2000       # characters and readings the renderings never write, for smoothing
UNKNOWN_READINGS = 400


@functools.lru_cache(maxsize=1)
def _table():
    """The weights by (character, run), by (reading, run), by (reading, run's consonants), and the totals by
    run, character, reading."""
    by_char, by_reading, by_consonants = defaultdict(float), defaultdict(float), defaultdict(float)
    runs, chars, readings = defaultdict(float), defaultdict(float), defaultdict(float)
    for row in bundled.read_table("zh_renderings.csv"):
        ch, run, weight = row["character"], row["sounds"], float(row["weight"])
        reading = _reading(ch)
        by_char[ch, run] += weight
        by_reading[reading, run] += weight
        by_consonants[reading, _skeleton(run)] += weight
        runs[run] += weight
        chars[ch] += weight
        readings[reading] += weight
    return by_char, by_reading, by_consonants, runs, chars, readings, sum(chars.values())


@functools.lru_cache(maxsize=1)
def transcription_chars() -> frozenset[str]:
    """The characters Chinese transcribes foreign names with (datasets/zh_transcription_chars.csv)."""
    return frozenset("".join(r["chars"] for r in bundled.read_table("zh_transcription_chars.csv")))


def transcription_share(text: str) -> float:
    """The share of Han characters of a text that are characters of sound transcription (1.0 for none)."""
    han = [ch for ch in text if script_of(ch) == "Han"]
    return sum(ch in transcription_chars() for ch in han) / len(han) if han else 1.0


_VOWELS = re.compile(r"[aeiouəæöüYW]+")


def _skeleton(run: str) -> str:
    """A run of sounds with any vowels and glides as one: what a character's consonants render (米 mi for the mu
    of Saumur, a French u Chinese hears near i; 凯 kai for the kaj of Tokaj)."""
    return _VOWELS.sub("V", run)


@functools.lru_cache(maxsize=1 << 18)
def _ratio(ch: str, run: str) -> float:
    """The log-likelihood ratio of a character rendering a run of sounds: how often it does, against how often
    it appears; a character seen rarely, mostly as its reading does."""
    by_char, by_reading, by_consonants, runs, chars, readings, total = _table()
    reading = _reading(ch)
    # the run's consonants as the reading renders them with another vowel or glide (米 mi for the mu of Saumur)
    other_vowel = -OTHER_VOWEL if by_consonants.get((reading, _skeleton(run))) else UNSEEN_RUN
    seen = runs.get(run, 0.0)
    if seen < 1.0:
        return other_vowel

    def ratio(pair: float, alone: float, kinds: int) -> float:
        prior = (alone + 0.5) / (total + 0.5 * kinds)
        return math.log((pair + SMOOTHING * prior) / (seen + SMOOTHING)) - math.log(prior)

    own, as_read = by_char.get((ch, run), 0.0), by_reading.get((reading, run), 0.0)
    alone = chars.get(ch, 0.0)
    share = alone / (alone + OWN_SHARE)
    value = (share * ratio(own, alone, len(chars) + UNKNOWN)
             + (1 - share) * ratio(as_read, readings.get(reading, 0.0), len(readings) + UNKNOWN_READINGS))
    return max(value, other_vowel) if own or as_read else min(value, other_vowel)


# two vowels together: Chinese says a glide between them (Soave: 苏瓦韦 so-wa-wei; Maria: 玛丽亚 ma-li-ya)
_HIATUS = ((re.compile(r"(?<=[ou])(?=[aeiəæ])"), "W"), (re.compile(r"(?<=[ie])(?=[aouəæ])"), "Y"))


def fit(chars: str, form: str) -> float | None:
    """The mean log-likelihood ratio, per character, of the best alignment of ``chars`` with the runs of sounds
    of ``form`` (a sound form of :mod:`gimatch.text.phonetic`), or of the form with a glide said between two
    vowels (:data:`_HIATUS`), whichever is better; None when there are no characters or sounds."""
    glided = form
    for pattern, glide in _HIATUS:
        glided = pattern.sub(glide, glided)
    fits = [f for f in {_fit(chars, form), _fit(chars, glided)} if f is not None]
    return max(fits) if fits else None


@functools.lru_cache(maxsize=1 << 14)
def _fit(chars: str, form: str) -> float | None:
    n, m = len(chars), len(form)
    if not n or not m:
        return None
    worst = -math.inf
    best = [[worst] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(1, n + 1):
        ch = chars[i - 1]
        for j in range(m + 1):
            value = best[i - 1][j] + NO_SOUND
            for k in range(1, min(MAX_RUN, j) + 1):
                if best[i - 1][j - k] > worst:
                    value = max(value, best[i - 1][j - k] + _ratio(ch, form[j - k:j]))
            best[i][j] = value
    return best[n][m] / n if best[n][m] > worst else None
