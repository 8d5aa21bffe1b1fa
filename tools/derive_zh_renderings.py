"""Derive how Chinese renders the sounds of foreign names (datasets/zh_renderings.csv) from the CC-CEDICT entries
of foreign names.

The dictionary writes a foreign place, person or brand with its rendering in characters and its name in Latin
letters (戛纳 Cannes, 伯特兰 Bertrand, 瓦勒他 Valletta). Each name is read as gimatch reads a GI's name, in the
sound form of :func:`gimatch.text.phonetic.latin` (in the language of the country the entry names, if one), and
the characters are aligned with the form by expectation–maximisation: each character renders a run of one to
MAX_RUN sounds, the runs following each other and covering the form (伯 Pe, 特 T, 兰 LaN). The expected count of
each character with each run is a row. A second pass leaves out the DROPPED share of names the first explains
worst (China-Japan, World Games: a name translated, not rendered). gimatch.text.zh_renderings reads the rows to
say how well characters render a GI's sounds. Run by tools/build_datasets.py.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

from gimatch.text import phonetic, zh_dictionary
from gimatch.text.fold import fold, script_of

MAX_RUN = 4          # the sounds one character renders at most (圣 SæN, 堡 PuLK)
ROUNDS = 8           # rounds of expectation–maximisation per pass
DROPPED = 0.15       # the share of names the first pass explains worst, left out of the second
MIN_WEIGHT = 0.05    # the expected count a row needs
CHARACTERS = (2, 7)  # the characters of a rendering, at least and at most
# words an English gloss translates rather than renders (Liupan Mountains, Sichuan University)
TRANSLATED = frozenset({"river", "mountain", "mountains", "county", "city", "lake", "island", "islands", "sea",
                        "bay", "province", "district", "state", "street", "temple", "dynasty", "park", "valley",
                        "university"})


def pairs() -> list[tuple[str, str]]:
    """(rendering, sound form of the name it renders) of the dictionary's foreign names: headwords of capitalised
    pinyin, in characters only, whose first proper or person's-name sense is one or two words in Latin letters
    and not the headword's own pinyin (Nangong, a Chinese place)."""
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
        pinyin = "".join(s.lower().rstrip("012345").replace("u:", "v") for s in said)
        if "".join(words)[:3] == pinyin[:3]:
            continue
        lang = phonetic.language_of(sorted(sense.countries)) if len(sense.countries) == 1 else None
        form = phonetic.latin(name, lang)
        if form and len(head) <= len(form) <= 5 * len(head):
            seen.add(head)
            out.append((head, form))
    return out


def _runs(form: str, end: int):
    return ((form[end - n:end], n) for n in range(1, min(MAX_RUN, end) + 1))


def _expect(data: list[tuple[str, str]], joint: dict) -> tuple[dict, list[float]]:
    """One round: the expected count of each (character, run) over every alignment of each pair, and each pair's
    log-likelihood per character."""
    counts: dict = defaultdict(float)
    fit = []
    for han, form in data:
        n, m = len(han), len(form)
        ahead = [[0.0] * (m + 1) for _ in range(n + 1)]
        ahead[0][0] = 1.0
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                ahead[i][j] = sum(ahead[i - 1][j - k] * joint.get((han[i - 1], run), 0.0) for run, k in _runs(form, j))
        total = ahead[n][m]
        if total <= 0.0:
            fit.append(-math.inf)
            continue
        fit.append(math.log(total) / n)
        behind = [[0.0] * (m + 1) for _ in range(n + 1)]
        behind[n][m] = 1.0
        for i in range(n - 1, -1, -1):
            for j in range(m - 1, -1, -1):
                behind[i][j] = sum(joint.get((han[i], form[j:j + k]), 0.0) * behind[i + 1][j + k]
                                   for k in range(1, min(MAX_RUN, m - j) + 1))
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                for run, k in _runs(form, j):
                    share = ahead[i - 1][j - k] * joint.get((han[i - 1], run), 0.0) * behind[i][j]
                    if share:
                        counts[han[i - 1], run] += share / total
    return counts, fit


def _train(data: list[tuple[str, str]]) -> tuple[dict, list[float]]:
    joint: dict = defaultdict(float)
    for han, form in data:                      # start: every run any character of the pair could render
        for ch in han:
            for j in range(1, len(form) + 1):
                for run, _ in _runs(form, j):
                    joint[ch, run] += 1.0
    counts: dict = joint
    fit: list[float] = []
    for _ in range(ROUNDS):
        total = sum(counts.values())
        joint = {key: value / total for key, value in counts.items() if value / total > 1e-7}
        counts, fit = _expect(data, joint)
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
