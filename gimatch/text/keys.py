"""Match keys of a name: the folded form and every spelling a user may type for it.

Each key carries its kind, so a match can say how it was reached. Register-supplied names give
``fold`` keys; gimatch's generated forms (pinyin, Hepburn, RTGS, ELOT, ...) are candidates of
lower weight.

>>> [k.key for k in name_keys("安吉白茶") if k.kind == "pinyin"]
['an ji bai cha', 'anji bai cha', 'anjibaicha']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import romanize
from .fold import dominant_script, fold, joined, script_runs, skeleton
from .stem import stem_tokens

THAI_LOOSE = "rtgs-loose"   # a Thai name's RTGS read blind to informal spellings, met only by a Latin query read so
THAI_LATIN = "thai-latin"
ROMANIZATION_KINDS = frozenset({"pinyin", "hepburn", "rtgs", "elot", "greek", "greek-said", "bg", "ru", "korean"})
KOREAN_MIN = 3     # syllables a Sino-Korean reading of a Chinese GI needs to be a key of its own
SPELLING_KINDS = frozenset({"joined", "stem", "umlaut", "legacy", "skeleton", "japanese", "variant"})

BRACKETED = re.compile(r"[(（][^)）]*[)）]")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@dataclass(frozen=True)
class Key:
    key: str
    kind: str


def romanized_forms(folded: str, *, japanese: bool | None = None) -> list[tuple[str, str]]:
    """(romanized text, kind) for a folded name with non-Latin runs; [] for Latin-only text.

    Han runs read as Japanese when the name has kana or ``japanese`` is true, else as Chinese.
    """
    runs = script_runs(folded)
    if all(s in ("Latin", "Common") for s, _ in runs):
        return []
    if japanese is None:
        japanese = any(s == "Kana" for s, _ in runs)
    variants: dict[str, list[str]] = {}
    for script, run in runs:
        if script in ("Latin", "Common"):
            outs = {"*": run}
        elif japanese and script in ("Han", "Kana"):
            outs = {"hepburn": romanize.hepburn(run)}
        elif script == "Han":
            outs = {"pinyin": romanize.pinyin(run)}
        elif script == "Thai":
            outs = {"rtgs": romanize.rtgs(run)}
        elif script == "Greek":
            outs = {"elot": romanize.greek(run), "greek": romanize.greek_simple(run),
                    "greek-said": romanize.greek_said(run)}
        elif script == "Cyrillic":
            outs = {"bg": romanize.cyrillic_bg(run), "ru": romanize.cyrillic_ru(run)}
        else:
            continue
        for kind, text in outs.items():
            variants.setdefault(kind, [])
        for kind in variants:
            variants[kind].append(outs.get(kind, outs.get("*", next(iter(outs.values())))))
    forms = []
    for kind, parts in variants.items():
        if kind == "*":
            continue
        text = " ".join(" ".join(parts).split())
        if text:
            forms.append((text, kind))
    return forms


def _word_divided_pinyin(folded: str) -> str:
    """Pinyin in the registers' word division: the place joined, each product term apart (龙井茶 → longjing cha)."""
    from .anatomy import anatomy

    anat = anatomy(folded, japanese=False)
    if not anat.terms or not anat.place:
        return ""
    rest = folded.replace(" ", "")[len(anat.place):] if folded.replace(" ", "").startswith(anat.place) else ""
    if not rest:
        return ""
    return f"{joined(romanize.pinyin(anat.place))} {romanize.pinyin(rest)}"


def is_japanese(text: str) -> bool:
    """Whether a name reads as Japanese: it has kana (Han alone is read as Chinese)."""
    return any(s == "Kana" for s, _ in script_runs(text))


CANTONESE_SOURCE = "cantonese"   # the sound forms of a Chinese name as Cantonese says it, which only a sign in Latin
                                 # letters spells (Hong Kong's spellings); no other script renders a Chinese name so
ROMANIZED_SOURCE = {"CN": "han", "JP": "kana", "TH": "thai", "KR": "hangul"}   # a Latin name of a record of these
                                                                                # countries romanizes its script


# The word that joins a variety or kind to its place in the Romance languages (Sagrantino di Montefalco)
ORDER_LINKS = {"it": "di", "fr": "de", "es": "de", "pt": "de"}


def phonetic_keys(text: str, *, lang: str | None = None, japanese: bool | None = None,
                  country: str | None = None, marked: bool = False) -> list[Key]:
    """The sound forms of a stored name (:mod:`gimatch.text.phonetic`), to find it from a transcription:
    the whole name, its place part and each distinctive word, read by the rules of the name's language
    (Latin) or from its script, and the whole name in the order Chinese writes it. Kind
    ``phon[-place|-word|-order|-turned|-spelled]:<source script>``. ``marked``: the forms with their stops marked
    voiced or not (:data:`gimatch.text.phonetic.STOP_MARKS`), one for each plain form."""
    from . import phonetic
    from .anatomy import LINKS, STOPWORDS, anatomy
    from .lexicon import lexicon

    folded = fold(text)
    script = dominant_script(folded)
    if japanese is None:
        japanese = is_japanese(folded)
    out: dict[str, str] = {}
    plain: set[str] = set()
    latin = functools.partial(phonetic.latin, marked=marked)

    def add(form: str, part: str, source: str) -> None:
        key = phonetic.unmarked(form)
        if sum(ch.isupper() for ch in key) >= 2 and key not in plain:
            plain.add(key)
            out[form] = f"phon{part}:{source}"

    if script in ("Latin", "Common"):
        anat = anatomy(text, japanese=False, stored=True)
        source = ROMANIZED_SOURCE.get(country or "", "latin")
        words, spoken = folded.split(), phonetic.sounded(text).split()
        said = dict(zip(words, spoken)) if len(words) == len(spoken) else {}
        add(latin(" ".join(spoken), lang), "", source)
        add(latin(" ".join(phonetic.liaison(spoken, lang)), lang), "", source)    # Saint-Émilion: サンテ
        add(latin(" ".join(spoken), lang, liquids_apart=True), "", source)     # Mittelrhein: ミッテルライン
        if lang:                                  # as spelled: renderings often say letters the language
            add(latin(" ".join(spoken), lang, spelled=True), "-spelled", source)   # leaves unsaid (沃尔奈
                                                                                    # vo-l-nai, Volnay; バニュルス)
        add(latin(" ".join(said.get(w, w) for w in anat.place.split()), lang), "-place", source)
        at = next((i for i, w in enumerate(words) if w in LINKS), None)
        lex = lexicon()
        if at and at < len(words) - 1 and not any(w in lex.single_words or w in lex.place_features
                                                  for w in words[:at] + stem_tokens(words[:at])):
            # Chinese writes a variety's name before its place, place first (索巴拉蓝布鲁斯科, Lambrusco di
            # Sorbara), or without the joining word; a product or landscape word it translates instead (火腿, 丘)
            head = [said.get(w, w) for w in words[:at]]
            tail = [said.get(w, w) for w in words[at + 1:] if w not in STOPWORDS]
            add(latin(" ".join(tail + head), lang), "-order", source)
            add(latin(" ".join(head + tail), lang), "-order", source)
        elif at is None and lang in ORDER_LINKS:
            # a name of a place and a grape variety written the other way round, as the market still writes it
            # (Sagrantino di Montefalco, Albana di Romagna for Montefalco Sagrantino, Romagna Albana), or of a place
            # and a quality word (Classico Chianti): its last word first, with or without the language's joining
            # word; not a compound place (Saint-Véran), nor a place of several words (San Gimignano)
            kept = [w for w in words if w not in STOPWORDS]
            last = kept[-1] if len(kept) >= 2 and "-" not in text else ""
            if (last in lex.varieties or len(kept) == 2 and last in lex.modifiers) and \
                    not any(w in lex.single_words or w in lex.place_features for w in kept):
                turned = [said.get(w, w) for w in kept]
                for link in ("", ORDER_LINKS[lang]):
                    add(latin(" ".join(filter(None, [turned[-1], link, *turned[:-1]])), lang), "-turned", source)
        single = lexicon().single_words
        for word in words:                   # a Chinese record's Latin name romanizes its syllables, and what
            if word not in STOPWORDS and word not in single and len(word) >= 4 and (   # does not (Green of
                    source != "han" or romanize.is_pinyin(word)):                       # Wuyuan Green Tea) it
                add(latin(said.get(word, word), lang), "-word", source)         # translates
    elif script == "Greek":
        roman = romanize.greek(folded)
        add(latin(roman, "el"), "", "greek")
        for word in roman.split():
            add(latin(word, "el"), "-word", "greek")
    elif script == "Cyrillic":
        add(phonetic.from_cyrillic(folded, marked), "", "cyrillic")
        for word in folded.split():
            add(phonetic.from_cyrillic(word, marked), "-word", "cyrillic")
    elif script == "Han" and not japanese:
        anat = anatomy(text, japanese=False, stored=True)
        source = "han" if country in (None, "CN") else "han-transcription"    # 香槟: a foreign name in Chinese
        product = joined(folded)[len(anat.place):] if anat.place and joined(folded).startswith(anat.place) else ""
        # as Mandarin says it, and a Chinese name as Cantonese does too, as Hong Kong spells it (Tit Kwun Yum)
        readings = [(romanize.pinyin, phonetic.from_pinyin, source)]
        if source == "han":
            readings.append((romanize.jyutping, phonetic.from_jyutping, CANTONESE_SOURCE))
        for syllables, sounds, read_from in readings:
            add(sounds(syllables(joined(folded))), "", read_from)
            if anat.place:
                add(sounds(syllables(anat.place)), "-place", read_from)
            if len(product) >= 3:                    # a product with a name of its own: 铁观音, 大红袍
                add(sounds(syllables(product)), "-product", read_from)
    elif script in ("Han", "Kana"):
        source = fold(text, simplify=False)
        if all(s == "Kana" for s, _ in script_runs(joined(source)) if s != "Common"):
            add(phonetic.from_kana(source, marked), "", "kana")
        add(latin(romanize.hepburn(source)), "", "kana")
        place = anatomy(text, japanese=True, stored=True).place
        if place and place != joined(source):
            add(latin(romanize.hepburn(place)), "-place", "kana")
    elif script == "Thai":
        add(latin(romanize.rtgs(joined(folded)), "th"), "", "thai")
    elif script == "Hangul":
        add(phonetic.from_hangul(folded, marked=marked), "", "hangul")
    return [Key(k, v) for k, v in out.items()]


def name_keys(text: str, *, japanese: bool | None = None, chinese_gi: bool = False) -> list[Key]:
    """Every match key of a name, first occurrence of a key string wins.

    ``japanese``: True for names of Japanese records, False where Japanese readings make no
    sense, None to decide from the name (kana present). ``chinese_gi``: a stored name of a Chinese GI, which
    also gets the readings Korean writes it with (not a query, nor a Chinese rendering of a foreign name).
    """
    folded = fold(text)
    if japanese is None:
        japanese = is_japanese(folded)
    out: dict[str, str] = {}

    def add(key: str, kind: str) -> None:
        key = " ".join(key.split())
        if key and key not in out:
            out[key] = kind

    add(folded, "fold")
    script = dominant_script(folded)
    if script in ("Latin", "Common"):
        add(" ".join(stem_tokens(folded.split())), "stem")
        if any(ch in text for ch in "äöüÄÖÜ"):
            add(fold(text.translate(_UMLAUTS)), "umlaut")
        legacy = romanize.legacy_to_pinyin(folded)
        add(legacy, "legacy")
        if legacy != folded or chinese_gi:        # an old spelling without its apostrophes, and the pinyin of a
            add(romanize.unaspirated(legacy) or "", "legacy")   # Chinese GI, read blind to aspiration (Ta Hung Pao)
        if japanese is not False:
            add(romanize.japanese_latin(folded), "japanese")
        if any(ch in text for ch in "()（）"):
            add(fold(BRACKETED.sub(" ", text)), "variant")
    if script in ("Greek", "Cyrillic"):
        skel = skeleton(folded)
        if skel.isascii():
            add(skel, "skeleton")
    source = fold(text, simplify=False) if japanese else folded
    for form, kind in romanized_forms(source, japanese=japanese):
        if kind == "greek-said" and script == "Greek" and all(s in ("Greek", "Common") for s, _ in script_runs(folded)):
            form = romanize.greek_said(text)     # from the text as written: folding drops the dialytika
        add(form, kind)
        add(" ".join(stem_tokens(form.split())), kind)
        if kind == "rtgs":                       # and as informal Latin spellings of Thai are read (see thai_loose)
            add(romanize.thai_loose(form), THAI_LOOSE)
    if script == "Han" and not japanese:
        divided = _word_divided_pinyin(folded)
        add(divided, "pinyin")
        if chinese_gi:
            add(romanize.unaspirated(divided) or "", "legacy")
            # as Korean writes a Chinese name (보이차 普洱茶), three syllables at least: 선지 (宣纸) is a Korean word too
            for reading in romanize.korean(joined(fold(BRACKETED.sub(" ", text)))):
                if len(reading) >= KOREAN_MIN:
                    add(reading, "korean")
    for key, kind in list(out.items()):
        add(joined(key), "joined" if kind == "fold" else kind)
    return [Key(k, v) for k, v in out.items()]
