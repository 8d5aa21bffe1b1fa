"""A coarse phonetic form of a name, the same for every script, to find a GI from its transcription.

Chinese renders Roquefort 洛克福 (luo ke fu), Japanese シャブリ (shaburi) for Chablis, Korean 샴페인 (syampein) for
Champagne: the sounds survive, the letters do not. Each side is brought to one alphabet of sound classes:

- the GI's name is read by the spelling rules of its language (``datasets/phonetic_rules.csv``: Italian
  ``gli``, French silent finals and nasals, Spanish ``j``, German ``sch`` …, picked by the GI's country);
- a query is read from its script: pinyin for Han, kana readings for Japanese, Revised Romanization for
  Hangul, RTGS for Thai, the spelling rules for Latin text.

Consonants fold to classes that transcriptions do not keep apart (p/b, t/d, k/g, every sibilant and
affricate, l/r, f/v), vowels to a e i o u (with ə for pinyin's e after a consonant, which Chinese adds to a
foreign consonant, and æ for Thai's open e and French nasal e); upper case marks consonants. A marked form
(``marked=True``) keeps whether each stop is voiced, where the letters say it (:data:`STOP_MARKS`). :func:`distance`
aligns two forms with the costs of transcription: vowels added or dropped cheaply (Japanese and Korean add them
to consonant clusters, Chinese to final consonants), final consonants and an r/l closing a syllable dropped
cheaply (one between vowels is kept by every rendering), related classes near, one vowel for another cheap in
Chinese and dearer in the scripts that write vowels as heard.

>>> from_pinyin("luo ke fu"), latin("roquefort", "fr")
('LoKəFu', 'LoKeFoL')
>>> round(similarity(from_pinyin("luo ke fu"), latin("roquefort", "fr")), 2) >= 0.75
True
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata

from .. import bundled
from .fold import script_of
from .romanize import THANTHAKHAT, cyrillic_bg, greek

CLASS = {"p": "P", "b": "P", "f": "F", "v": "F", "w": "W", "t": "T", "d": "T", "k": "K", "g": "K", "c": "K",
         "q": "K", "s": "S", "z": "S", "x": "S", "j": "S", "l": "L", "r": "L", "m": "M", "n": "N", "h": "H",
         "y": "Y"}
VOWELS = frozenset("aeiouəæöü")
# The front rounded vowels (German ö and ü, French eu and u, Hungarian ö, ő, ü, ű), which Chinese, Thai, Russian and
# Greek lack and write with the vowels beside them: ö as e, o or u (ケルシュ Kölsch, 默尔索 Meursault), ü as u, and in
# Chinese as i too (索米尔 Saumur); Korean writes them ㅚ and ㅟ (뫼르소, 퓌메), Japanese ü with a small yu (ミュ)
ROUNDED_FRONT = {"ö": frozenset("eoəu"), "ü": frozenset("iu")}
ROUNDED_FRONT_NEAR = 0.0   # each of those is as faithful a rendering as the others, but ü written i where vowels
                           # are written as heard, a vowel change (VOWEL_CHANGE): Korean and Japanese would write the
                           # ü (릴리, Lily, is no Rully, ビジェ no Bugey)
LIQUID = "L"     # the class of both l and r
CONSONANTS = "PFWTKSLMNHYJRB"
SOFT_B = "B"    # Spanish b or v but where a word opens or after m, n, said with the lips apart: Chinese writes it
                # with w (卡瓦 Cava, 科尔多瓦 Córdoba) as Japanese and Korean write it with b (カバ, 카바): p or w
PALATAL = "J"   # pinyin j and q: transcription writes with them a g or k (基 Chianti, 加 Canada, 吉 Guijuelo, 奇 for
                # ki) as much as a soft g or a ch (贾 Giacomo, 乔 Gio-, 切 Che-): between a velar and a sibilant
RETROFLEX = "R"  # pinyin r: transcription writes with it a French or Portuguese j (茹 Alentejo, 让 Jean) as much as an
                # r (瑞 for ra, re, ri: 哥瑞納 Grana, 卡伯瑞勒斯 Cabrales): between a sibilant and a liquid
SCHWA = "ə"     # pinyin's e after a consonant (克 ke, 特 te, 德 de, 格 ge): the vowel Chinese adds to a foreign
                # consonant (科涅克 Cognac, 波特 Port) or writes for any short vowel; it comes and goes cheaply
OPEN_E = "æ"    # Thai แ (RTGS ae): the open front vowel Thai writes for a foreign a as much as for an e (แชมเปญ
                # Champagne, แฟน fan), and the French nasal e (in, ain, un: Saint is サン, 桑, 생): between the two
COUNTRY_LANG = {"IT": "it", "SM": "it", "FR": "fr", "BE": "fr", "LU": "fr", "CH": "fr", "ES": "es", "MX": "es",
                "PE": "es", "CO": "es", "CL": "es", "DE": "de", "AT": "de", "PT": "pt", "BR": "pt", "GB": "en",
                "IE": "en", "US": "en", "NL": "nl", "GR": "el", "CY": "el", "HU": "hu", "HR": "hr", "RS": "hr",
                "BA": "hr", "ME": "hr", "SI": "sl", "CZ": "cs", "SK": "sk", "PL": "pl", "RO": "ro", "MD": "ro"}


def language_of(countries) -> str | None:
    """The language whose spelling rules read the names of a GI of these countries (its first country's)."""
    return COUNTRY_LANG.get(countries[0]) if countries else None


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, list[tuple[re.Pattern, str]]]:
    out: dict[str, list[tuple[re.Pattern, str]]] = {}
    for row in bundled.read_table("phonetic_rules.csv"):
        out.setdefault(row["lang"], []).append((re.compile(row["pattern"]), row["replacement"]))
    return out


def _classes(sounds: str, liquids_apart: bool = False, marked: bool = False) -> str:
    """Letters (after the spelling rules: 'S' already marks a sibilant digraph) to the class alphabet. A letter
    written twice, or two letters of one class, are one sound (tt, ck), and so are an l and an r side by side,
    as Chinese writes them (福拉尔贝格 Vorarlberg), unless ``liquids_apart`` (katakana writes both: ミッテルライン
    Mittelrhein). ``marked``: a stop keeps whether it is voiced (see STOP_MARKS)."""
    out: list[str] = []
    prev_letter = ""
    for ch in sounds:
        if ch in VOWELS:
            sym = ch
        elif ch.isupper() and ch in CONSONANTS:
            sym = ch
        elif ch in CLASS:
            sym = CLASS[ch]
        else:
            continue
        mark = STOP_MARKS.get(ch, sym) if marked else sym
        if not out or unmarked(out[-1]) != sym or liquids_apart and sym == LIQUID and ch != prev_letter:
            out.append(mark)
        elif out[-1] != mark:
            out[-1] = sym                             # d and t said as one (Stadt): voiced or not, unknown
        prev_letter = ch
    return _NASAL_LABIAL.sub("M", "".join(out))     # a nasal before a labial is labial (Champagne ~ แชมเปญ, 香槟)


_NASAL_LABIAL = re.compile(r"M?N(?=[Pbp])")
# A marked form (``marked=True``) writes a stop whose letter says whether it is voiced in lower case: b, d, g voiced,
# p, t, k not; a stop written in upper case says nothing of it (pinyin's b and p are both unvoiced, Thai's ก writes a
# foreign g as much as a k). Marks are read by :func:`stops`; the form itself is :func:`unmarked`.
STOP_MARKS = {"b": "b", "d": "d", "g": "g", "p": "p", "t": "t", "k": "k", "c": "k", "q": "k"}
_UNMARK = str.maketrans({"b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K"})
# German and Dutch say a b, d, g closing a syllable unvoiced (Burgenland: -lant, ブルゲンラント)
FINAL_DEVOICING = frozenset({"de", "nl"})
_CLOSING_VOICED = re.compile(f"[bdg](?![{''.join(sorted(VOWELS))}])")
# Greek writes a foreign b, d, g with a nasal before the stop (μπ, ντ, γκ), as it writes the nasal and stop of its
# own words: read as nasal and stop, the stop says nothing of its voice
_AFTER_NASAL = re.compile("(?<=[MN])[ptk]")


def unmarked(form: str) -> str:
    """A marked sound form (see STOP_MARKS) as the plain form."""
    return form.translate(_UNMARK)


def stops(form: str) -> str:
    """The stops of a marked sound form in order (see STOP_MARKS)."""
    return "".join(ch for ch in form if ch in "bdgptkPTK")


def latin(text: str, lang: str | None = None, liquids_apart: bool = False, marked: bool = False,
          spelled: bool = False) -> str:
    """The phonetic form of Latin-script text read by the spelling rules of ``lang`` (generic rules when
    the language has none), word by word; a consonant that ends a word and opens the next is said once
    (Lalande de Pomerol), and a nasal before a labial across words is labial as within one (Saint-Péray is
    said as 圣佩雷 writes it). ``liquids_apart``: see :func:`_classes`; ``marked``: see STOP_MARKS; ``spelled``:
    every letter said, the language's rules that leave letters unsaid aside (:func:`_silences`)."""
    out = ""
    for word in _ascii(text).split():
        form = _word_form(word, lang or "", liquids_apart, marked, spelled)
        joins = out and form and unmarked(form[0]) == unmarked(out[-1]) and unmarked(form[0]).isupper()
        out += form[1:] if joins else form
    out = _NASAL_LABIAL.sub("M", out)
    return _AFTER_NASAL.sub(lambda m: unmarked(m.group()), out) if marked and lang == "el" else out


@functools.lru_cache(maxsize=1 << 16)
def _word_form(word: str, lang: str, liquids_apart: bool = False, marked: bool = False, spelled: bool = False) -> str:
    """One word's phonetic form (words recur across queries and names: each is read once)."""
    rules = _rules()
    for pattern, repl in rules.get(lang, []) + rules.get("*", []):
        word = pattern.sub(functools.partial(_said, repl, spelled), word)
    form = _classes(word, liquids_apart, marked)
    return _CLOSING_VOICED.sub(lambda m: unmarked(m.group()), form) if marked and lang in FINAL_DEVOICING else form


def _said(repl: str, spelled: bool, m: re.Match) -> str:
    """What a spelling rule makes of what it matched; read as spelled, the letters themselves where the rule
    leaves some unsaid."""
    said = m.expand(repl)
    return m.group(0) if spelled and _silences(m.group(0), said, m.end() == len(m.string)) else said


def _silences(written: str, said: str, closing: bool) -> bool:
    """Whether a rule leaves written letters unsaid: a vowel fewer (eau, ai, ou said as one), every letter
    (the h of French), or letters closing the word (the -s of Banyuls, the -t of Bellet); not a consonant digraph
    said as one sound (ch, ph, gn)."""
    def vowels(text: str) -> int:
        return sum(ch in "aeiouyöü" for ch in text.lower())
    return not said or vowels(said) < vowels(written) or closing and len(said) < len(written)


# French says the silent last consonant of these words before a word that opens on a vowel, as the onset of that
# word (liaison: Saint-Émilion is sain-té-milion, サンテミリオン; Grand-Auxerre gran-tau-)
LIAISON = {"fr": {"saint": "t", "grand": "t", "les": "z", "des": "z", "aux": "z"}}


def liaison(words: list[str], lang: str | None) -> list[str]:
    """The words of a name as its language links them (see LIAISON), the words themselves where it links none."""
    links = LIAISON.get(lang or "", {})
    out = list(words)
    for i in range(len(out) - 1):
        if out[i] in links and out[i + 1][:1] and out[i + 1][0] in "aeiouy":
            out[i + 1] = links[out[i]] + out[i + 1]
    return out


_STRESSED_FINAL_E = re.compile(r"[éèêë](?=\b)|ée(?=\b)")
_SAINT = re.compile(r"\bst(e)?(?:\.\s*|(?=-))")     # St. Helena, Ste.-Foy, St-Émilion


def _as_said(text: str) -> str:
    """Lower case, with what the letters leave unsaid written out: a stressed final é as the sound it keeps
    ('comté' → 'comtei'), ñ as the n and glide it is (as Portuguese nh and Italian gn are read), St. and Ste. as
    the Saint and Sainte they stand for."""
    text = _STRESSED_FINAL_E.sub("ei", unicodedata.normalize("NFC", text.casefold())).replace("ñ", "ni")
    return _SAINT.sub(lambda m: ("sainte" if m.group(1) else "saint") +
                      ("" if text[m.end():m.end() + 1] in ("-", "") else " "), text)


def sounded(text: str) -> str:
    """``text`` folded as a name is, with what its letters leave unsaid written out (Comté → comtei) and its front
    rounded vowels kept (Kölsch, ROUNDED_FRONT): what the sound rules read of a stored name."""
    from .fold import fold

    return fold(_as_said(text).translate(_ROUNDED_KEPT)).translate(_ROUNDED_BACK)


# folding strips the accents of ö and ü: through it they are Latin letters it keeps and no name writes (barred o, u)
_ROUNDED_KEPT = str.maketrans({"ö": "ɵ", "ő": "ɵ", "ü": "ʉ", "ű": "ʉ"})
_ROUNDED_BACK = str.maketrans({"ɵ": "ö", "ʉ": "ü"})


def _ascii(text: str) -> str:
    """Lower case, what the letters leave unsaid written out (:func:`_as_said`), other accents folded; a hyphen
    before a consonant parts words, each read with its silent finals (Nuits-Saint-Georges), one before a vowel
    joins them as the final consonant is said there (Saint-Émilion: sain-té-)."""
    said = _as_said(text).translate(_ROUNDED_FRONT_LETTERS)
    runs = _ROUNDED_FRONT_RUNS.split(said) if "ö" in said or "ü" in said else [said]   # the vowels at odd places
    text = "".join(run if i % 2 else unicodedata.normalize("NFKD", run).encode("ascii", "ignore").decode("ascii")
                   for i, run in enumerate(runs))
    return _NOT_LETTER.sub("", _HYPHEN_BEFORE_CONSONANT.sub(" ", text)).strip()


# the front rounded vowels kept as the vowels they are (ROUNDED_FRONT), and the French ligature as its letters
_ROUNDED_FRONT_LETTERS = str.maketrans({"ő": "ö", "ű": "ü", "œ": "oe"})
_ROUNDED_FRONT_RUNS = re.compile("([öü])")
_NOT_LETTER = re.compile(r"[^A-Za-zöü ]")
_HYPHEN_BEFORE_CONSONANT = re.compile(r"-(?![aeiouyöüh])")


# Transcription writes the j and soft g of French and Portuguese with pinyin r (日内瓦 Genève, 茹 for -jo) as much
# as an r (瑞): pinyin r is RETROFLEX, between a sibilant and a liquid; r and l are mostly l and er.
PINYIN_INITIALS = (("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("m", "M"), ("f", "F"),
                   ("d", "T"), ("t", "T"), ("n", "N"), ("l", "L"), ("g", "K"), ("k", "K"), ("h", "H"), ("j", PALATAL),
                   ("q", PALATAL), ("x", "S"), ("r", RETROFLEX), ("z", "S"), ("c", "S"), ("s", "S"), ("y", "Y"), ("w", "W"))
# Finals as transcriptions use them: the glide of uo, ei, ou renders one foreign vowel (多 duo for do, 梅 mei
# for me), and yi, wu, yu are bare vowels. The i of ie stays: it renders the glide of a palatal (涅 nie for the gn
# of Cognac) as often as nothing (切 qie for che), and two vowels together cost little to drop (see GLIDE).
PINYIN_FINALS = (("uo", "o"), ("ei", "e"), ("ou", "o"), ("iu", "iu"), ("ui", "ui"), ("ng", "N"),
                 ("n", "N"))
# The i of zi, ci, si, zhi, chi, shi, ri is no vowel of its own but the consonant held (斯 for the s of Asti, 兹 for
# the z of Pfalz): the vowel transcription adds to a bare consonant, as the e of ke and te is
APICAL = frozenset({"z", "c", "s", "zh", "ch", "sh", "r"})
# 约 yue is transcription's yo (约克 York, 巴约讷 Bayonne)
BARE_VOWEL = {"yi": "i", "wu": "Wu", "yu": "u", "ye": "e", "yin": "iN", "ying": "iN", "yun": "uN", "yue": "Yo",
              "yuan": "uaN"}


def from_pinyin(syllables: str) -> str:
    """The phonetic form of toneless pinyin (space-separated syllables): 'luo ke fu' → 'LuoKeFu'."""
    out = []
    for syl in syllables.split():
        syl = syl.replace("ü", "u").replace("v", "u")
        if syl == "er":                                  # 儿/尔/耳 render an r or l
            out.append("L")
            continue
        if syl in BARE_VOWEL:
            out.append(BARE_VOWEL[syl])
            continue
        initial = spelled_initial = ""
        for prefix, sym in PINYIN_INITIALS:
            if syl.startswith(prefix) and len(syl) > len(prefix):
                initial, spelled_initial, syl = sym, prefix, syl[len(prefix):]
                break
        if spelled_initial in ("j", "q", "x") and syl[:1] == "u":
            syl = "ü" + syl[1:]                          # 居 ju, 许 xu: pinyin writes the ü it says there as u
        if initial and syl == "e" or spelled_initial in APICAL and syl == "i":
            syl = SCHWA
        elif syl in ("en", "eng"):      # the e of en, eng is the neutral vowel too (蒙 meng for mon, 森 for sen)
            syl = SCHWA + syl[1:]
        for spelled, sound in PINYIN_FINALS:
            syl = syl.replace(spelled, sound)
        out.append(initial + syl)
    return _classes("".join(out))


# Jyutping as the Latin spellings of Cantonese write it (Hong Kong's government and Yale spellings: 观 gun is
# Kwun, 音 jam Yum, 水 seoi Shui): z and c are written ch, ts or j, j is y, gw and kw a k with its w; Jyutping's short
# a is said between a and u (Yum, Kwun: the neutral vowel); aa, oe and eo, yu are one vowel each.
JYUTPING_INITIALS = (("ng", "N"), ("gw", "KW"), ("kw", "KW"), ("b", "P"), ("p", "P"), ("m", "M"), ("f", "F"),
                     ("d", "T"), ("t", "T"), ("n", "N"), ("l", "L"), ("g", "K"), ("k", "K"), ("h", "H"), ("w", "W"),
                     ("z", "S"), ("c", "S"), ("s", "S"), ("j", "Y"))
JYUTPING_VOWELS = (("aa", "a"), ("oe", "o"), ("eo", "o"), ("yu", "u"), ("a", SCHWA))
JYUTPING_CODAS = (("ng", "N"), ("m", "M"), ("n", "N"), ("p", "P"), ("t", "T"), ("k", "K"))
JYUTPING_SYLLABIC = {"m": "M", "ng": "N"}


def from_jyutping(syllables: str) -> str:
    """The phonetic form of toneless Jyutping (space-separated syllables): 'tit gun jam' → 'TiTKuNYəM'."""
    out = []
    for syl in syllables.split():
        if syl in JYUTPING_SYLLABIC:          # 唔 m, 吴 ng: a nasal said alone
            out.append(JYUTPING_SYLLABIC[syl])
            continue
        initial = next(((spelled, sound) for spelled, sound in JYUTPING_INITIALS
                        if syl.startswith(spelled) and len(syl) > len(spelled)), ("", ""))
        rest = syl[len(initial[0]):]
        coda = next(((spelled, sound) for spelled, sound in JYUTPING_CODAS
                     if rest.endswith(spelled) and len(rest) > len(spelled)), ("", ""))
        vowel = rest[: len(rest) - len(coda[0])]
        spelled, sound = next(((v, said) for v, said in JYUTPING_VOWELS if vowel.startswith(v)), ("", ""))
        out.append(initial[1] + sound + vowel[len(spelled):] + coda[1])
    return "".join(out)


KANA = {}
for _row in ("あア:a いイ:i うウ:u えエ:e おオ:o かカ:ka きキ:ki くク:ku けケ:ke こコ:ko さサ:sa しシ:shi すス:su "
             "せセ:se そソ:so たタ:ta ちチ:chi つツ:tsu てテ:te とト:to なナ:na にニ:ni ぬヌ:nu ねネ:ne のノ:no "
             "はハ:ha ひヒ:hi ふフ:fu へヘ:he ほホ:ho まマ:ma みミ:mi むム:mu めメ:me もモ:mo やヤ:ya ゆユ:yu "
             "よヨ:yo らラ:ra りリ:ri るル:ru れレ:re ろロ:ro わワ:wa をヲ:o んン:n がガ:ga ぎギ:gi ぐグ:gu "
             "げゲ:ge ごゴ:go ざザ:za じジ:ji ずズ:zu ぜゼ:ze ぞゾ:zo だダ:da ぢヂ:ji づヅ:zu でデ:de どド:do "
             "ばバ:ba びビ:bi ぶブ:bu べベ:be ぼボ:bo ぱパ:pa ぴピ:pi ぷプ:pu ぺペ:pe ぽポ:po ゔヴ:vu "
             "ぁァ:a ぃィ:i ぅゥ:u ぇェ:e ぉォ:o ゃャ:ya ゅュ:yu ょョ:yo ゎヮ:wa").split():
    _chars, _latin = _row.split(":")
    for _ch in _chars:
        KANA[_ch] = _latin
SMALL = set("ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ")


def from_kana(text: str, marked: bool = False) -> str:
    """The phonetic form of kana: a small kana joins the sound before it (シャ sha, フィ fi; ミュ inside a word is mü),
    ー and っ lengthen, and so does イ after an e closing a word (ネイ is said nē: ヴォルネイ Volnay, as Japanese says
    its own 先生 sensē); inside a word it is the i of a diphthong (リベイラ Ribeira). ``marked``: see STOP_MARKS."""
    out = ""
    text = unicodedata.normalize("NFKC", text)
    for i, ch in enumerate(text):
        latin_ = KANA.get(ch)
        if latin_ is None or latin_ == "i" and ch not in SMALL and out[-1:] == "e" and text[i + 1:i + 2] not in KANA:
            continue
        if ch in SMALL and out and out[-1] in VOWELS:
            joined = latin_[-1] if latin_[0] == "y" and out[-2:-1] in ("h", "j") else latin_
            if joined == "yu" and text[i + 1:i + 2] and (text[i + 1] in KANA or text[i + 1] in "ーッっ"):
                joined = "yü"        # ミュ, フュ, デュ inside a word write the ü of German, the u of French (ソミュール
            out = out[:-1] + joined  # Saumur, フュメ Fumé), with the glide a palatal has (ギュ of Gyulai, ニュ of
                                     # Banyuls); closing one, a consonant's added vowel (ブルゴーニュ)
        else:
            out += latin_
    out = out.replace("shi", "Si").replace("chi", "Si").replace("tsu", "Su").replace("ji", "Si").replace("sh", "S")
    out = out.replace("ch", "S").replace("ts", "S")
    return _classes(out, marked=marked)


# the stops as the loanword spelling writes them: ㄱ ㄷ ㅂ for a foreign g d b, ㅋ ㅌ ㅍ and ㄲ ㄸ ㅃ for k t p
HANGUL_INITIAL = ["g", "k", "N", "d", "t", "L", "M", "b", "p", "S", "S", "", "S", "S", "S", "k", "t", "p", "H"]
LENIS = "gdb"   # ㄱ ㄷ ㅂ: voiced between vowels only
HANGUL_MEDIAL = ["a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "ö", "yo", "u", "wo", "we", "wi", "yu",
                 "u", "ui", "i"]      # ㅚ writes the ö of German and the eu of French (뫼르소 Meursault)
HANGUL_EU = 18            # ㅡ
HANGUL_WI = 16            # ㅟ: after a consonant, the ü of German and the u of French (퀴 of 메르퀴레 Mercurey, 퓌메 Fumé)
HANGUL_NO_INITIAL = 11    # ㅇ as an initial: no consonant
HANGUL_FINAL = ["", "k", "k", "k", "N", "N", "N", "t", "L", "L", "L", "L", "L", "L", "L", "L", "M", "p", "p", "S",
                "S", "N", "S", "S", "k", "t", "p", "H"]


HANGUL_PH, HANGUL_B = 17, 7   # ㅍ and ㅂ: Korean writes a foreign f with the first as much as a p (페타 Feta, 파르마
                              # Parma), and a v with the second as much as a b (타벨 Tavel), though a word that
                              # opens on ㅂ is most often Korean's own b (본죽, 바른)


def hangul_syllable(ch: str) -> bool:
    """Whether a character is a Hangul syllable block (not a lone jamo)."""
    return _jamo(ch) is not None


def _jamo(ch: str) -> tuple[int, int, int] | None:
    """A Hangul syllable's initial, vowel and final jamo (their indexes); None for another character."""
    code = ord(ch) - 0xAC00
    return (code // 588, (code % 588) // 28, code % 28) if 0 <= code < 11172 else None


def hangul_opens_on_b(text: str) -> bool:
    """Whether Hangul text opens on ㅂ (Korean's b, and a foreign v)."""
    first = next(filter(None, map(_jamo, text)), None)
    return first is not None and first[0] == HANGUL_B


def from_hangul(text: str, labials: int = 0, marked: bool = False) -> str:
    """The phonetic form of Hangul syllables (initial, vowel, final jamo; Revised Romanization classes); with
    ``labials`` 1, ㅍ read as f and ㅂ after the first syllable as v, with 2 the first ㅂ as v too (볼네 Volnay: a
    foreign v opens a word as often as it is inside one, 블루 도베르뉴, though Korean's own b opens more words).
    The vowel ㅡ after a consonant, closing its syllable, is the one Korean adds to a foreign consonant (크 in
    로크포르 Roquefort, 스 in 스틸턴 Stilton): it is left out."""
    out = []
    opening = True
    for ch in text:
        if (jamo := _jamo(ch)) is None:
            opening = True
            continue
        initial, medial, final = jamo
        vowel = "" if medial == HANGUL_EU and final == 0 and initial != HANGUL_NO_INITIAL else HANGUL_MEDIAL[medial]
        if medial == HANGUL_WI and initial != HANGUL_NO_INITIAL:
            vowel = "ü"
        labial = initial == HANGUL_PH or initial == HANGUL_B and (bool(out) or labials > 1)
        consonant = "F" if labials and labial else HANGUL_INITIAL[initial]
        if opening and consonant in LENIS:
            consonant = consonant.translate(_UNMARK)   # said unvoiced opening a word, it writes a foreign t as
        opening = False                                # much as a d (데킬라, Tequila, beside 테킬라)
        if consonant == "S" and vowel.startswith("y"):
            vowel = vowel[1:]                # 셰, 샤, 슈 write the sh of Chablis, Champagne: the y is the sh
        out.append(consonant + vowel + HANGUL_FINAL[final])
    return _classes("".join(out), marked=marked)


THAI_CONSONANTS = {c: sound for letters, sound in (
    ("ก", "K"), ("ขฃคฅฆ", "k"), ("ง", "N"), ("จฉชฌ", "S"), ("ซศษส", "s"), ("ญย", "y"), ("ฎด", "d"),
    ("ฏฐฒตถทธ", "t"), ("ฑ", "T"),
    ("ณน", "n"), ("บ", "b"), ("ปผพภ", "p"), ("ฝฟ", "f"), ("ม", "M"), ("ร", "r"), ("ลฬ", "l"), ("ว", "w"),
    ("หฮ", "h"), ("อ", "")) for c in letters}
THAI_LEADING = {"เ": "e", "แ": "æ", "โ": "o", "ใ": "ai", "ไ": "ai"}     # written before the consonant, said after
THAI_VOWELS = {"ะ": "a", "ั": "a", "า": "a", "ำ": "aM", "ิ": "i", "ี": "i", "ึ": "u", "ื": "u", "ุ": "u", "ู": "u"}
THAI_GLIDES = "รลว"             # the second consonant of a cluster (ปร, พล, กว)
THAI_SONORANTS = "งญนมยรลวอห"    # none opens a cluster; a ห before one is not said (it sets the tone: โหลด)


def from_thai(text: str, written: bool = False, marked: bool = False) -> str:
    """The phonetic form of Thai script letter by letter, as a rendering of a foreign name writes it: each
    consonant by its own sound, not the few a Thai syllable may close on (the l of ชิล, the s of แบรส), a
    consonant with ร, ล or ว before its vowel as a cluster (โปรเซคโก pro-sek-ko, เบรน), the vowel written
    before a consonant said after it; the letters under the thanthakhat left out, or read when ``written``
    (Thai writes the spelling of a foreign name with them: โซแตร์น so-ter-n). Thai's romanization (RTGS) reads
    Thai words: it says ปร of โปร p and n, the cluster a closing r. ``marked``: see STOP_MARKS (ก writes a g as
    much as an unaspirated k, ฑ a d as much as a t: neither says whether the stop is voiced)."""
    letters: list[list] = []                       # [letter, under the thanthakhat, opens a word]
    opens = True
    for ch in text:
        if ch == THANTHAKHAT and letters and letters[-1][0] in THAI_CONSONANTS:
            letters[-1][1] = True
        elif ch in THAI_CONSONANTS or ch in THAI_LEADING or ch in THAI_VOWELS:
            letters.append([ch, False, opens])
        opens = script_of(ch) != "Thai"            # a space, a stop or a letter of another script parts words
    letters = [x for x in letters if written or not x[1]]
    chars = [ch for ch, _, _ in letters]
    out: list[str] = []
    leading, bare, i = "", False, 0                 # bare: the last letter is a consonant with no vowel yet
    while i < len(chars):
        ch, nxt = chars[i], chars[i + 1] if i + 1 < len(chars) else ""
        if letters[i][2]:
            bare = False                             # a word opens: the last one's bare consonant is no longer
        if ch == "อ" and letters[i][2] and _carries_a(chars, i):
            out.append("a")                          # อ opening a word before a syllable of its own carries an a
            i += 1                                   # (อมาโรเน่ a-ma-ro-ne, อเมริกา; not อ่อน, ออริกอน, อม)
        elif ch in THAI_LEADING:
            leading, bare, i = THAI_LEADING[ch], False, i + 1
        elif ch in THAI_VOWELS:
            ua = ch == "ั" and nxt == "ว"            # -ัว
            out.append("ua" if ua else THAI_VOWELS[ch])
            bare, i = False, i + (2 if ua else 1)
        elif ch == "อ" and bare:                    # อ after a consonant with no vowel is the vowel o (บอร์โดซ์)
            out.append("o")
            bare, i = False, i + 1
        elif ch == "ห" and nxt and nxt in THAI_SONORANTS:
            i += 1
        else:
            sound = THAI_CONSONANTS[ch]
            if ch == "ญ" and not leading and not (nxt and nxt in THAI_VOWELS):
                sound = "n"                          # ญ closing a syllable is an n (แชมเปญ)
            i += 1
            # the glide is the cluster's when the leading vowel is its vowel (โปร), or a vowel mark follows it
            # (บรัช); not when it has a vowel of its own after a leading vowel (โซลา: so-la)
            own_vowel = bool(chars[i + 1:i + 2]) and chars[i + 1] in THAI_VOWELS
            if nxt and nxt in THAI_GLIDES and ch not in THAI_SONORANTS and not letters[i][1] and \
                    own_vowel != bool(leading):
                sound += THAI_CONSONANTS[nxt]
                i += 1
            out.append(sound)
            bare = not leading
            if leading:
                i, vowel = _thai_leading_vowel(leading, chars, i)
                out.append(vowel)
                leading = ""
    return _classes("".join(out), marked=marked)


def _carries_a(chars: list[str], i: int) -> bool:
    """Whether the อ at ``i`` is said a: a syllable of its own follows it, a consonant with its vowel (อมา) or a
    vowel written before the consonant (อเม); not before อ or ย, whose อ is the vowel o or silent (ออ, อยู่)."""
    nxt, after = chars[i + 1] if i + 1 < len(chars) else "", chars[i + 2] if i + 2 < len(chars) else ""
    return nxt in THAI_LEADING or nxt in THAI_CONSONANTS and nxt not in "อย" and after in THAI_VOWELS


def _thai_leading_vowel(leading: str, chars: list[str], i: int) -> tuple[int, str]:
    """The vowel a leading vowel writes with the marks after its consonant (เ-าะ o, เ-า ao, เ-ีย ia, เ-ือ ua,
    เ-อ e, as in เชอร์รี่ for sherry), and where reading goes on."""
    if leading == "e":
        follow = "".join(chars[i:i + 2])
        for written, said in (("าะ", "o"), ("า", "ao"), ("ีย", "ia"), ("ิย", "ia"), ("ือ", "ua"), ("อ", "e")):
            if follow.startswith(written):
                return i + len(written), said
    return i, leading


_SOFTENING = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])[яює]|ь(?=о)|ь(?![аеиоуюяєіїы])")
_SOFTENED = {"я": "а", "ю": "у", "є": "е", "ь": ""}


def from_cyrillic(text: str, marked: bool = False) -> str:
    """The phonetic form of folded Cyrillic text (ё folded to е), read in its Latin transliteration: я, ю, є
    after a consonant soften it and are said a, u, e (Грюєр gru-er, Мюнстер), where elsewhere they open with a y
    (Ялта); the soft sign is no sound before a consonant or at the end (Кальвадос), nor in Bulgarian ьо (Мьорсо),
    and a y before another vowel (Коньяк). ``marked``: see STOP_MARKS."""
    return latin(cyrillic_bg(_SOFTENING.sub(lambda m: _SOFTENED[m.group()], text.lower())), marked=marked)


# Scripts that write the vowels of a foreign name as they are heard (シャブリ, 로크포르, Шабли, Σαμπλί), where Chinese
# writes any short vowel with the few its syllables allow: a vowel changed costs more in them
FAITHFUL_VOWELS = frozenset({"Kana", "Hangul", "Thai", "Cyrillic", "Greek"})
EPENTHETIC = frozenset({"Han", "Kana"})   # scripts that give every consonant a vowel (ク, 克, 斯)
FOREIGN_STOPS = {"μπ": "b", "ντ": "d", "γκ": "g"}   # Greek writes b, d, g so: Μπορντό Bordeaux, Γκούντα Gouda
GREEK_STOPS = re.compile("|".join(FOREIGN_STOPS))


READINGS = {"Hangul": 3, "Thai": 2, "Greek": 2}   # the readings of a script (see :func:`heard`)


def heard(run: str, script: str, reading: int = 0, marked: bool = False) -> str:
    """The phonetic form of a folded run of text in one script other than Han (whose sounds depend on the
    characters' readings); ``reading``: the script's other readings of a foreign name (Hangul's ㅍ as f and ㅂ as
    v, inside a word, then opening it too; Thai with the letters the thanthakhat silences written out; Greek μπ,
    ντ, γκ as the b, d, g of a foreign name), READINGS of them with the first. ``marked``: see STOP_MARKS."""
    if script == "Kana":
        return from_kana(run, marked)
    if script == "Hangul":
        return from_hangul(run, reading, marked)
    if script == "Thai":
        return from_thai(run, written=bool(reading), marked=marked)
    if script == "Greek":
        return latin(greek(GREEK_STOPS.sub(lambda m: FOREIGN_STOPS[m.group(0)], run) if reading else run), "el",
                     marked=marked)
    if script == "Cyrillic":
        return from_cyrillic(run, marked)
    return latin(run, marked=marked)


_VOWEL_RUN = re.compile(f"[{''.join(sorted(VOWELS))}]+")


def syllables(form: str) -> int:
    """The syllables of a sound form: its runs of vowels (아지아고 a-zia-go: 3)."""
    return len(_VOWEL_RUN.findall(form))


def consonants(form: str) -> str:
    """A form's consonant skeleton, by which stored forms are looked up: pinyin j and r as the sibilant (a
    skeleton is compared letter for letter; the alignment weighs how near j is to a velar, r to a liquid), the
    soft b as b, and n with its glide (the gn of Champagne, ニュ) as the one sound it is."""
    skeleton = "".join(ch for ch in form if ch.isupper())
    return skeleton.replace(PALATAL, "S").replace(RETROFLEX, "S").replace(SOFT_B, "P").replace("NY", "N")


def consonant_count(form: str) -> int:
    """The consonants of a form as sounds: an n or l with its glide is one (the gn of Champagne, the ll of
    Jumilla), as in its skeleton's n."""
    return len(consonants(form).replace("LY", "L"))


NEAR = {frozenset("JS"): 0.0, frozenset("JK"): 0.3, frozenset("RS"): 0.1, frozenset("RL"): 0.2,
        frozenset("PF"): 0.3, frozenset("PW"): 0.4, frozenset("FW"): 0.4, frozenset("FH"): 0.5,
        frozenset("KH"): 0.4, frozenset("TS"): 0.5, frozenset("SY"): 0.6, frozenset("LN"): 0.6,
        frozenset("MN"): 0.4, frozenset("KS"): 0.6, frozenset("LY"): 0.6, frozenset("TL"): 0.7,
        frozenset("BP"): 0.0, frozenset("BW"): 0.0, frozenset("BF"): 0.2,
        frozenset("HL"): 0.5}   # HL: a French r and a Spanish j, made at the back of the mouth, are written with h
                                # as much as with l (宏 for -ron, 略 for Majorero's -jo-)
PINYIN_V = 0.2   # Chinese writes a foreign v with w (瓦 va, 维 vi, 沃 vo of the Xinhua tables): from pinyin, w is near f
PINYIN_O = 0.1   # and the o of its finals ao, ou is said u (陶 tao for Tau-, 高 gao for -gau): from pinyin, o is near u


SEMIVOWEL = {("W", "u"), ("u", "W"), ("Y", "i"), ("i", "Y"), ("W", "o"), ("o", "W"), ("Y", "e"), ("e", "Y")}


VOWEL_CHANGE = 0.25     # one vowel for another: transcriptions often write a vowel they hear differently,
FAITHFUL_VOWEL = 0.4    # less often in a script that writes vowels as heard (Конти is no Comté)


def _sub(a: str, b: str, faithful: bool = False) -> float:
    if a == b:
        return 0.0
    va, vb = a in VOWELS, b in VOWELS
    if va and vb:
        if b in ROUNDED_FRONT.get(a, ()) or a in ROUNDED_FRONT.get(b, ()):
            return VOWEL_CHANGE if faithful and {a, b} == {"ü", "i"} else ROUNDED_FRONT_NEAR
        if SCHWA in (a, b) or (OPEN_E in (a, b) and {a, b} <= {OPEN_E, "a", "e"}):
            return 0.1
        return FAITHFUL_VOWEL if faithful else VOWEL_CHANGE
    if (a, b) in SEMIVOWEL:
        return 0.2                   # Kwan for guan, Yi for i: a glide written as a vowel
    if va or vb:
        return 0.9 if "Y" in (a, b) or "W" in (a, b) else 1.2
    return NEAR.get(frozenset((a, b)), 1.0)


def _drop(ch: str, final: bool) -> float:
    """The cost of a sound the other form does not have: vowels come and go (epenthesis), r/l/h/y/w and
    final consonants are often dropped, other consonants rarely."""
    if ch == SCHWA:
        return 0.1
    if ch in VOWELS:
        return 0.25
    if ch in "HYW":
        return 0.3
    if ch in "LN" or final:
        return 0.45
    return 0.9


_SYMBOLS = CONSONANTS + "".join(sorted(VOWELS))
_SUB = {(a, b): _sub(a, b) for a in _SYMBOLS for b in _SYMBOLS}
_SUB_FAITHFUL = {(a, b): _sub(a, b, faithful=True) for a in _SYMBOLS for b in _SYMBOLS}
_SUB_PINYIN = {**_SUB, ("W", "F"): PINYIN_V, ("o", "u"): PINYIN_O}
_DROP = {ch: _drop(ch, False) for ch in _SYMBOLS}
_DROP_FINAL = {ch: _drop(ch, True) for ch in _SYMBOLS}


EPENTHESIS = 0.1     # a vowel added to say a consonant of a cluster or a final one alone
ADDED_VOWELS = frozenset("uoə")   # the vowels added so: u (布 bu, ブ), the neutral e and apical i of pinyin
                                 # (克 ke, 斯 si), o (ト, 托 for a t); i after a sibilant (ジ of -dge); not a, e, i
CODA_LIQUID = 0.3    # an r or l closing a syllable before a consonant (Mar-gaux 玛歌, Bor-deaux ボルドー keeps it)
GLIDE = 0.1          # one of two vowels together in pinyin: Chinese writes a plain e or o with a diphthong
                     # (莱 lai for le, 奥 ao and 索 suo for o)
SAME_GLIDE = frozenset({("i", "Y"), ("u", "W")})
CODA_NASAL = 0.9     # a nasal closing a syllable is kept by every rendering (Mont 蒙, モン; Pin-ot ピノ drops none)
OPENING_VOWEL = 0.9  # and a vowel that opens a name
ONSET = 0.9          # and so is a liquid or nasal between vowels (Ca-ta-lu-ña: 加泰罗尼亚; 卡迪那 is no rendering)


ONE_PALATAL = 0.1    # a palatal consonant (Spanish ll, Catalan and Hungarian ny, a final French gn: the form's l or
                     # n and its glide, one sound) rendered by its glide alone or its consonant alone (胡米亚 Jumilla)
PALATAL_LANGS = frozenset({"es", "hu", "fr"})   # the languages whose sound forms write a palatal so


def _drops(form: str, glides: bool = False, faithful: bool = False) -> list[float]:
    """What leaving out each sound of a form costs: a final consonant and a liquid closing a syllable less, a
    liquid or nasal between vowels as much as any consonant, with ``glides`` one of two vowels together, and
    in a form read from a script that writes what it hears (``faithful``) a final nasal as much as one closing
    a syllable (Маркон is no Margaux)."""
    out = [_DROP[ch] for ch in form]
    if form:
        out[-1] = CODA_NASAL if faithful and form[-1] in "MN" else _DROP_FINAL[form[-1]]
    for i, ch in enumerate(form):       # i beside y, u beside w: one sound written twice (포이약 po-i-yak), free
        if (ch, form[i + 1:i + 2]) in SAME_GLIDE or (ch, form[i - 1:i]) in SAME_GLIDE:   # where vowels are written
            out[i] = 0.0 if faithful else GLIDE                                          # as heard (마루왈 ma-ru-wal)
        elif ch == "Y" and form[i - 1:i] == "N" or (ch, form[i + 1:i + 2]) == ("Y", "ü"):   # glide of n (Champagne's
            out[i] = GLIDE           # gn), which แชมเปญ, 香槟 leave out, and of kana's ミュ, one sound with its ü
    for i in range(len(form) - 1):
        if glides and form[i] in VOWELS and form[i + 1] in VOWELS:
            out[i] = out[i + 1] = GLIDE
        elif form[i] == "L" and form[i + 1] not in VOWELS:
            out[i] = CODA_LIQUID
        elif form[i] in "LN" and i and form[i - 1] in VOWELS and form[i + 1] in VOWELS:
            out[i] = ONSET       # l, r, n between vowels open a syllable: every rendering keeps them (加泰罗尼亚)
        elif form[i] in "MN" and form[i + 1] not in VOWELS:
            out[i] = CODA_NASAL
    if (len(form) > 1 and form[0] in VOWELS and form[1] not in VOWELS) or form[:1] == "H":
        out[0] = OPENING_VOWEL  # a vowel opening a name is kept by every rendering (阿斯蒂 Asti, アルザス Alsace), and
    return out                  # so is an h said there (a Spanish j, a German h; the rules of French, Italian,
                                # Spanish and Portuguese take their silent h off): Jumilla 胡米利亚


@functools.lru_cache(maxsize=50_000)
def distance(a: str, b: str, limit: float = math.inf, pinyin: bool = False, faithful: bool = False,
             epenthetic: bool = False, palatals: bool = False) -> float:
    """The cost of reading form ``a`` (read from pinyin when ``pinyin``; from a script that writes vowels as
    heard when ``faithful``) as form ``b`` (weighted edit distance with transcription costs); infinite once
    every alignment costs more than ``limit`` (no cost falls along the way). From a script that gives every
    consonant a vowel (``epenthetic``: Chinese, kana), a vowel of ``a`` after a consonant of ``b`` that another
    consonant or the end follows is one the rendering added to say the consonant alone (Prosecco 普罗塞克 pu-luo,
    Chablis シャブリ sha-bu-ri, Cognac 科涅克 -ke); not after a nasal, which closes its syllable (Corton 科尔通).
    ``palatals``: form ``b`` is read from a language whose l or n with its glide is one palatal sound (see
    ONE_PALATAL), not a nasal closing one syllable and a y opening the next (Xinyang, 三陽)."""
    n, m = len(a), len(b)
    sub = _SUB_FAITHFUL if faithful else _SUB_PINYIN if pinyin else _SUB
    drop_a, drop_b = _drops(a, glides=pinyin, faithful=faithful), _drops(b)
    added = [False] + [epenthetic and b[j] not in VOWELS and b[j] not in "MN" and (j + 1 == m or b[j + 1] not in VOWELS)
                       for j in range(m)]
    palatal = [palatals and j > 0 and b[j] == "Y" and b[j - 1] in "LN" for j in range(m)]
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + drop_b[j - 1]
    for i in range(n):
        ca = a[i]
        del_a = drop_a[i]
        cur = [prev[0] + del_a]
        left = cur[0]
        added_vowel = ca in ADDED_VOWELS or ca == "i" and i and a[i - 1] == "S"
        for j in range(m):
            diag = prev[j] + sub[ca, b[j]]
            up = prev[j + 1] + (EPENTHESIS if added_vowel and added[j + 1] and del_a > EPENTHESIS else del_a)
            side = left + drop_b[j]
            left = diag if diag < up else up
            if side < left:
                left = side
            if palatal[j] and (ca == "Y" or ca == b[j - 1]) and prev[j - 1] + ONE_PALATAL < left:
                left = prev[j - 1] + ONE_PALATAL
            cur.append(left)
        prev = cur
        if min(cur) > limit:
            return math.inf
    return prev[m]


def similarity(a: str, b: str, consonants_a: int | None = None, consonants_b: int | None = None,
               at_least: float = 0.0, pinyin: bool = False, faithful: bool = False,
               epenthetic: bool = False, palatals: bool = False) -> float:
    """0–1: 1 less the alignment cost per consonant of the longer form (consonants carry the name). The
    forms' consonant counts may be given when the caller has them; below ``at_least``, 0. ``pinyin`` and
    ``faithful``, ``epenthetic``: what form ``a`` was read from; ``palatals``: that of ``b`` (see
    :func:`distance`)."""
    if not a or not b:
        return 0.0
    ca = len(consonants(a)) if consonants_a is None else consonants_a
    cb = len(consonants(b)) if consonants_b is None else consonants_b
    weight = max(ca, cb, 1) + 0.3 * max(len(a), len(b))
    limit = (1.0 - at_least) * weight + 1e-9 if at_least > 0 else math.inf    # a hair over: the bar decides ties
    return max(0.0, 1.0 - distance(a, b, limit, pinyin, faithful, epenthetic, palatals) / weight)
