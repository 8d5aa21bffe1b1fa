"""Cleaning, script detection and folding of names.

``fold`` is the one normalization every match key starts from: NFKC (full-width to
half-width), control, zero-width and emoji characters removed, look-alike letters repaired
inside mixed-script words, case folded, accents folded on Latin/Greek/Cyrillic letters only
(Thai vowel marks and kana voicing marks are letters, not accents), traditional Chinese folded
to simplified, punctuation to spaces.

>>> fold("Comté")
'comte'
>>> fold("龍井茶")
'龙井茶'
>>> fold("Oύζο")   # Latin O typed inside a Greek word
'ουζο'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Callable

from ..errors import UsageError

MAX_NAME_CHARS = 500

_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i",
                          "ħ": "h", "þ": "th", "ð": "d", "ŀ": "l"})
_APOSTROPHES = "'’‘`´ʼ"
_SCRIPT_RANGES = (
    (0x0041, 0x024F, "Latin"), (0x1E00, 0x1EFF, "Latin"),
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x1100, 0x11FF, "Hangul"), (0xAC00, 0xD7AF, "Hangul"), (0x3130, 0x318F, "Hangul"),
    (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"), (0x31F0, 0x31FF, "Kana"), (0xFF66, 0xFF9F, "Kana"),
    (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"), (0xF900, 0xFAFF, "Han"), (0x20000, 0x3134F, "Han"),
    (0x3005, 0x3007, "Han"),
)
_FOLDABLE_ACCENT_SCRIPTS = {"Latin", "Greek", "Cyrillic"}

# Look-alike letters between Latin and Greek / Cyrillic (both cases), used to repair words
# typed with a stray letter of another script and to build the "skeleton" key.
_LATIN_GREEK = dict(zip("ABEZHIKMNOPTYXoιkvρuxa", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυχα"))
_LATIN_CYRILLIC = dict(zip("ABEKMHOPCTXYaceopxyijs", "АВЕКМНОРСТХУасеорхуіјѕ"))
_TO_LATIN = {v: k for k, v in _LATIN_GREEK.items()} | {v: k for k, v in _LATIN_CYRILLIC.items()}
_SKELETON = str.maketrans({**{k: v.lower() for k, v in _TO_LATIN.items() if k.islower()},
                           **{k.lower(): v.lower() for k, v in _TO_LATIN.items() if k.isupper()},
                           "η": "n", "ν": "v", "τ": "t", "β": "b", "μ": "u", "в": "b", "м": "m",
                           "н": "h", "т": "t", "к": "k", "ε": "e", "ζ": "z"})
_WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """The script of one character ('Common' for digits, punctuation and the unknown)."""
    cp = ord(ch)
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= cp <= hi:
            if name == "Latin" and not ch.isalpha():
                return "Common"
            return name
    return "Common"


@functools.lru_cache(maxsize=None)
def script_pattern(*names: str) -> re.Pattern:
    """A regular expression finding a character of one of the named scripts, as :func:`script_of` reads them
    (not Latin, whose letters script_of tells from its signs)."""
    assert "Latin" not in names
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                                     for lo, hi, name in _SCRIPT_RANGES if name in names) + "]")


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pairs; 'Common' characters join the run before them."""
    if text.isascii():                   # Latin letters and Common signs only: at most two runs
        first = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
        if first is None:
            return [("Common", text)] if text else []
        return [("Common", text[:first]), ("Latin", text[first:])] if first else [("Latin", text)]
    runs: list[list[str]] = []
    for ch in text:
        s = script_of(ch)
        if s == "Common" and runs:
            runs[-1][1] += ch
        elif runs and runs[-1][0] == s:
            runs[-1][1] += ch
        else:
            runs.append([s, ch])
    return [(s, r) for s, r in runs]


def scripts(text: str) -> list[str]:
    """The distinct scripts of the letters in text, most frequent first."""
    if text.isascii():
        return ["Latin"] if any(ch.isalpha() for ch in text) else []
    counts: dict[str, int] = {}
    for ch in text:
        s = script_of(ch)
        if s != "Common":
            counts[s] = counts.get(s, 0) + 1
    return sorted(counts, key=lambda s: -counts[s])


def dominant_script(text: str) -> str:
    """The script most of text's letters are in; Han beside kana counts as Kana (Japanese)."""
    found = scripts(text)
    if not found:
        return "Common"
    if "Kana" in found and "Han" in found:
        return "Kana"
    return found[0]


def clean(text: str) -> str:
    """NFKC, drop control, format (zero-width) and symbol characters, collapse spaces.

    Raises UsageError for text longer than MAX_NAME_CHARS, so the work per name is bounded.
    """
    if not isinstance(text, str):
        raise UsageError(f"a name must be text, not {type(text).__name__}")
    if len(text) > MAX_NAME_CHARS:
        raise UsageError(f"name is {len(text)} characters long; gimatch takes at most {MAX_NAME_CHARS}")
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Co", "Cs", "Cn") or cat == "So" or cat == "Sk":
            out.append(" " if ch in "\t\n\r" else "")
        elif cat in ("Mn", "Me") and not (out and out[-1] and unicodedata.category(out[-1][-1])[0] in "LM"):
            out.append("")                   # a combining mark with no letter to sit on
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def repair_mixed(text: str) -> str:
    """Replace look-alike letters of a minority script inside a word by the majority's letters."""
    def fix(match: re.Match) -> str:
        word = match.group(0)
        counts = {"Latin": 0, "Greek": 0, "Cyrillic": 0}
        for ch in word:
            s = script_of(ch)
            if s in counts:
                counts[s] += 1
        present = [s for s, n in counts.items() if n]
        if len(present) < 2:
            return word
        major = max(counts, key=counts.get)
        if major == "Latin":
            return "".join(_TO_LATIN.get(ch, ch) for ch in word)
        table = _LATIN_GREEK if major == "Greek" else _LATIN_CYRILLIC
        return "".join(table.get(ch, ch) if script_of(ch) == "Latin" else ch for ch in word)
    return _WORD.sub(fix, text)


def strip_accents(text: str) -> str:
    """Drop combining marks on Latin, Greek and Cyrillic letters; keep Thai, kana and other marks, and the breve
    of Cyrillic й, a letter of its own (the glide of Грюйер, Рейнгау), not an и with an accent."""
    out: list[str] = []
    base_script = "Common"
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if base_script in _FOLDABLE_ACCENT_SCRIPTS and not (ch == BREVE and out and out[-1] in "иИ"):
                continue
        else:
            base_script = script_of(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


BREVE = "\u0306"


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported on first use: it loads its dictionaries

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


@functools.lru_cache(maxsize=1)
def _jp2t():
    import opencc

    return opencc.OpenCC("jp2t")


def _simplified_chinese_writes(ch: str) -> bool:
    """Whether a character is one of GB 2312, the set simplified Chinese is written in."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def japanese_forms_read(text: str) -> str:
    """A text in Japanese forms of characters (鉄観音, 鹿児島) written in their traditional forms (鐵觀音, 鹿兒島),
    which Chinese names fold from; '' when the text has none: a character changed must be one simplified
    Chinese does not write, or the text must have kana (芸 is a character of both)."""
    if not script_pattern("Han").search(text):
        return ""
    read = _jp2t().convert(text)
    if read == text or len(read) != len(text):
        return ""
    kana = any(script_of(ch) == "Kana" for ch in text)
    changed = [a for a, b in zip(text, read) if a != b]
    return read if kana or not all(map(_simplified_chinese_writes, changed)) else ""


def to_traditional(text: str) -> str:
    """Simplified → traditional Chinese (OpenCC s2t), the characters Korean reads names in."""
    return _s2t().convert(text) if script_pattern("Han").search(text) else text


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC t2s); text without Han characters is returned as is."""
    if not script_pattern("Han").search(text):
        return text
    return _t2s().convert(text)


def _punct_to_space(text: str) -> str:
    out = []
    for ch in text:
        if ch in _APOSTROPHES:
            out.append(" ")
        elif ch == "ー" or ch == "ｰ":
            out.append(ch)
        else:
            cat = unicodedata.category(ch)
            out.append(" " if cat[0] in "PSZ" else ch)
    return " ".join("".join(out).split())


def _ascii_folding() -> dict[int, str]:
    """What folding does to each ASCII character, as a translation table: the steps below, character by
    character (for ASCII they depend on nothing else)."""
    table = {}
    for code in range(128):
        ch = chr(code)
        if ch.isalnum():
            table[code] = ch.lower()
        else:
            cat = unicodedata.category(ch)
            dropped = cat in ("Cc", "Sk") and ch not in "\t\n\r"
            table[code] = "" if dropped else " "
    return table


_ASCII_FOLDING = _ascii_folding()


@functools.lru_cache(maxsize=65536)
def fold(text: str, *, simplify: bool = True) -> str:
    """The folded form of a name, the base of every match key.

    ``simplify=False`` keeps traditional and Japanese kanji as written (for Japanese readings).
    """
    if isinstance(text, str) and text.isascii() and len(text) <= MAX_NAME_CHARS:   # the steps, by one table
        return " ".join(text.translate(_ASCII_FOLDING).split())
    return fold_steps(text, simplify)


def fold_steps(text: str, simplify: bool = True) -> str:
    """Folding step by step: clean, repair mixed scripts, case, accents, simplified Chinese, punctuation."""
    text = clean(text)
    text = repair_mixed(text)
    text = text.casefold().translate(_SPECIAL)
    text = strip_accents(text)
    if simplify:
        text = to_simplified(text)
    return _punct_to_space(text)


def skeleton(folded: str) -> str:
    """Map Greek and Cyrillic look-alikes to Latin letters ('сакар' → 'cakap')."""
    return folded.translate(_SKELETON)


def tokens(folded: str) -> list[str]:
    return folded.split()


def joined(folded: str) -> str:
    return folded.replace(" ", "")


def is_spaceless_script(script: str) -> bool:
    """Scripts written without spaces between words, where containment is a substring test."""
    return script in ("Han", "Kana", "Thai", "Khmer")


_EXTRA_SPACES = re.compile(r"^ +| +$|(?<= ) +")     # what folding drops of the spaces: at the ends, and all but one


def fold_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded as :func:`fold` folds a name (NFKC, case, accents, width, punctuation to single spaces,
    traditional Chinese to simplified), with, for each character of the result, the index in ``text`` it
    comes from, so that a span found in the folded text is a span of the original. For running text (scan):
    no length limit, and look-alike letters are left as they are."""
    folded, offsets = fold_lazily(text)
    return folded, offsets()


def fold_lazily(text: str) -> tuple[str, Callable[[], list[int]]]:
    """:func:`fold_map` with the offsets computed when asked for (a scan needs them only where it found a name)."""
    one = text.translate(_ONE_FOR_ONE)
    if "\0" in one:                         # a character that folds to none or several, or by what precedes it
        result, where = _fold_letter_by_letter(text)
        offsets = functools.partial(list, where)
    elif "  " in one or one[:1] == " " or one[-1:] == " ":        # spaces run together or at an end
        result = " ".join(one.split())       # the table leaves no whitespace but the space
        offsets = functools.partial(_squeezed_offsets, one)
    else:                                                          # every character is one: offsets stay put
        result = one
        offsets = functools.partial(_unmoved_offsets, len(one))
    simplified = to_simplified(result)
    return (simplified if len(simplified) == len(result) else result), offsets


def _unmoved_offsets(length: int) -> list[int]:
    return list(range(length))


def _squeezed_offsets(one: str) -> list[int]:
    """The index in ``one`` of each character left when spaces at the ends and all but one of a run go."""
    where: list[int] = []
    at = 0
    for extra in _EXTRA_SPACES.finditer(one):
        where.extend(range(at, extra.start()))
        at = extra.end()
    where.extend(range(at, len(one)))
    return where


def _fold_letter_by_letter(text: str) -> tuple[str, list[int]]:
    """fold_map's folding, one character after another (combining marks fold with the letter before them)."""
    out: list[str] = []
    where: list[int] = []
    base = "Common"
    for i, ch in enumerate(text):
        folded, script = _fold_char(ch)
        if script is None:                            # a combining mark: dropped on Latin, Greek, Cyrillic
            if ch == BREVE and out and out[-1] == "и":
                out[-1] = "й"                         # but the breve of й
                continue
            if base in _FOLDABLE_ACCENT_SCRIPTS:
                continue
        else:
            base = script
        if folded == " ":
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            continue
        for piece in folded:
            out.append(piece)
            where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


class _OneForOne(dict):
    """A translation table, filled as characters are met: a character to its fold where that is one character
    whatever comes before it, else NUL (a combining mark, ß → ss, ﬁ → fi: :func:`fold_map` then goes letter
    by letter)."""

    def __missing__(self, code: int) -> str:
        folded, script = _fold_char(chr(code))
        self[code] = folded if script is not None and len(folded) == 1 and folded != "\0" else "\0"
        return self[code]


_ONE_FOR_ONE = _OneForOne()


@functools.lru_cache(maxsize=None)
def _fold_char(ch: str) -> tuple[str, str | None]:
    """One character folded (" " for a separator, "" for what is dropped) and its script (None for a
    combining mark, which folds with the letter before it; a mark of a script whose accents are kept, a Thai
    vowel or tone mark, is a character of that script whatever it follows)."""
    if unicodedata.combining(ch) and (script_of(ch) == "Common" or script_of(ch) in _FOLDABLE_ACCENT_SCRIPTS):
        return ch, None
    out = []
    for piece in unicodedata.normalize("NFKC", ch):
        cat = unicodedata.category(piece)
        if cat == "Cf":
            return "", script_of(ch)             # zero-width and soft hyphens join what they stand between
        if cat in ("Cc", "Co", "Cs", "Cn", "So", "Sk") or piece in _APOSTROPHES or \
                (cat[0] in "PSZ" and piece not in "ーｰ"):
            return " ", script_of(ch)
        out.append(strip_accents(piece.casefold().translate(_SPECIAL)))
    return "".join(out), script_of(ch)
