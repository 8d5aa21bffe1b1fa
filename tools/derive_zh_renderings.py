"""Derive how Chinese renders the sounds of foreign names (datasets/zh_renderings.csv) from the CC-CEDICT entries
of foreign names.

The dictionary writes a foreign place, person or brand with its rendering in characters and its name in Latin
letters (戛纳 Cannes, 伯特兰 Bertrand, 瓦勒他 Valletta). Each name is read as gimatch reads a GI's name, in the sound form
of :func:`gimatch.text.phonetic.latin`: in the language of the country the entry names, if it names one; else in
each of READINGS, the rendering saying which reading it follows (Bordeaux is read as French, as its rendering 波尔多
says, not as English), each reading weighed by how often the names follow it. The characters are aligned with the
form by expectation-maximisation: each character renders a run of one to MAX_RUN sounds, the runs following each
other and covering the form (伯 Pe, 特 T, 兰 LaN), and the readings of one name share its count by how well each
explains the rendering. The expected count of each character with each run is a row. A second pass leaves out the
DROPPED share of names the first explains worst (China-Japan, Sino-Cuban: names translated, not rendered).
gimatch.text.zh_renderings reads the rows to say how well characters render a GI's sounds. Run by
tools/build_datasets.py.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

from rapidfuzz.fuzz import ratio

from gimatch.text import phonetic, zh_dictionary
from gimatch.text.fold import fold, script_of

MAX_RUN = 4          # the sounds one character renders at most (圣 SæN, 堡 PuLK)
READINGS = (None, "fr", "it", "es", "de", "pt")   # the languages a name of no stated country may be read in
PINYIN_ALIKE = 85    # a name spelled this much like the rendering's pinyin is a Chinese name (Shaanxi)
ROUNDS = 8           # rounds of expectation–maximisation per pass
DROPPED = 0.15       # the share of names the first pass explains worst, left out of the second
MIN_WEIGHT = 0.05    # the expected count a row needs
CHARACTERS = (2, 7)  # the characters of a rendering, at least and at most
# words an English gloss translates rather than renders (Liupan Mountains, Sichuan University)
TRANSLATED = frozenset({"river", "mountain", "mountains", "county", "city", "lake", "island", "islands", "sea",
                        "bay", "province", "district", "state", "street", "temple", "dynasty", "park", "valley",
                        "university"})


def pairs() -> list[tuple[str, tuple[tuple[str | None, str], ...]]]:
    """(rendering, (reading, sound form) of the name it renders in each reading) of the dictionary's foreign names:
    headwords of capitalised pinyin, in characters only, whose first proper or person's-name sense is one or two
    words in Latin letters, not the headword's own pinyin (Nangong, Shaanxi: Chinese places)."""
    out, seen = [], set()
    for head, said, _ in zh_dictionary.entries():
        if head in seen or not said or not said[0][:1].isupper() or len(said) != len(head) \
                or not CHARACTERS[0] <= len(head) <= CHARACTERS[1] or any(script_of(ch) != "Han" for ch in head):
            continue
        sense = next((g for g in zh_dictionary.glosses(head) if g.kind in ("name", "proper") and g.terms), None)
        if sense is None:
            continue
        name = sense.terms[0]
        words = fold(name).split()
        if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in name.split()) \
                or TRANSLATED.intersection(words) or not all(ch.isascii() and (ch.isalpha() or ch in " -")
                                                              for ch in fold(name)):
            continue
        letters = "".join(ch for ch in fold(name) if ch.isalpha())
        pinyin = "".join(s.lower().rstrip("012345").replace("u:", "v") for s in said)
        if pinyin.startswith(letters) or letters.startswith(pinyin) or ratio(letters, pinyin) >= PINYIN_ALIKE:
            continue
        langs = [phonetic.language_of(sorted(sense.countries))] if len(sense.countries) == 1 else READINGS
        forms = tuple((lang, form) for lang, form in ((lang, phonetic.latin(name, lang)) for lang in langs)
                      if form and len(head) <= len(form) <= MAX_RUN * len(head))
        if forms:
            seen.add(head)
            out.append((head, forms))
    return out


def _runs(form: str, end: int):
    return ((form[end - n:end], n) for n in range(1, min(MAX_RUN, end) + 1))


def _expect(data: list, joint: dict, prior: dict) -> tuple[dict, dict, list[float]]:
    """One round: the expected count of each (character, run) over every alignment of each pair with each of its
    readings, a reading weighed by the prior of its language (learned: how often names of no stated country
    follow it) and by how much of the pair's likelihood it gives; the readings' expected shares; and each pair's
    log-likelihood per character."""
    counts: dict = defaultdict(float)
    shares: dict = defaultdict(float)
    fit = []
    for han, readings in data:
        weights = [prior[lang] if len(readings) > 1 else 1.0 for lang, _ in readings]
        tables = [_tables(han, form, joint) for _, form in readings]
        likely = [w * ahead[-1][-1] for w, (ahead, _) in zip(weights, tables)]
        total = sum(likely)
        if total <= 0.0:
            fit.append(-math.inf)
            continue
        fit.append(math.log(total) / len(han))
        for (lang, form), weight, (ahead, behind), part in zip(readings, weights, tables, likely):
            if len(readings) > 1:
                shares[lang] += part / total
            for i in range(1, len(han) + 1):
                for j in range(1, len(form) + 1):
                    for run, k in _runs(form, j):
                        share = weight * ahead[i - 1][j - k] * joint.get((han[i - 1], run), 0.0) * behind[i][j]
                        if share:
                            counts[han[i - 1], run] += share / total
    return counts, shares, fit


def _tables(han: str, form: str, joint: dict) -> tuple[list[list[float]], list[list[float]]]:
    """The forward and backward likelihoods of aligning the characters with the form's runs of sounds."""
    n, m = len(han), len(form)
    ahead = [[0.0] * (m + 1) for _ in range(n + 1)]
    ahead[0][0] = 1.0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            ahead[i][j] = sum(ahead[i - 1][j - k] * joint.get((han[i - 1], run), 0.0) for run, k in _runs(form, j))
    behind = [[0.0] * (m + 1) for _ in range(n + 1)]
    behind[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            behind[i][j] = sum(joint.get((han[i], form[j:j + k]), 0.0) * behind[i + 1][j + k]
                               for k in range(1, min(MAX_RUN, m - j) + 1))
    return ahead, behind


def _train(data: list) -> tuple[dict, list[float]]:
    joint: dict = defaultdict(float)
    for han, readings in data:                  # start: every run any character of the pair could render
        for _, form in readings:
            for ch in han:
                for j in range(1, len(form) + 1):
                    for run, _ in _runs(form, j):
                        joint[ch, run] += 1.0 / len(readings)
    prior = {lang: 1.0 / len(READINGS) for lang in READINGS}
    counts: dict = joint
    fit: list[float] = []
    for _ in range(ROUNDS):
        total = sum(counts.values())
        joint = {key: value / total for key, value in counts.items() if value / total > 1e-7}
        counts, shares, fit = _expect(data, joint, prior)
        prior = {lang: shares.get(lang, 0.0) / (sum(shares.values()) or 1.0) for lang in READINGS}
    return counts, fit


def derive() -> list[dict[str, str]]:
    data = pairs()
    _, fit = _train(data)
    worst = set(sorted(range(len(data)), key=lambda i: fit[i])[:int(len(data) * DROPPED)])
    counts, _ = _train([pair for i, pair in enumerate(data) if i not in worst])
    return [{"character": ch, "sounds": run, "weight": f"{value:.3f}"}
            for (ch, run), value in sorted(counts.items()) if value >= MIN_WEIGHT]


def write(datasets: Path) -> Path:
    path = datasets / "zh_renderings.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# How Chinese renders foreign names, derived by tools/derive_zh_renderings.py from CC-CEDICT (see\n"
                 "# its docstring): weight, the expected count of the character rendering these sounds (in\n"
                 "# gimatch.text.phonetic's sound form) over the dictionary's foreign names.\n")
        writer = csv.DictWriter(fh, fieldnames=["character", "sounds", "weight"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(derive())
    return path
