"""Every pinyin syllable with its Wade–Giles spelling (datasets/zh_wade_giles.csv), for reading old romanizations
of Chinese names back to pinyin (gimatch.text.romanize.legacy_to_pinyin).

The syllables are those pypinyin's dictionary reads characters as; the Wade–Giles spelling follows the system's
correspondences (initials b p d t g k → p p' t t' k k', j q x → ch ch' hs, zh ch sh r → ch ch' sh j, z c s →
ts ts' s; finals -ian → -ien, -ie → -ieh, -ong → -ung, -e after g k h → -o, -uo → -o after t n l ts s ch j,
-ui → -uei after k; zi ci si → tzu tz'u ssu, zhi chi shi ri → chih ch'ih shih jih; er → erh; ü written u), with
the apostrophe of aspiration kept in a column of its own, since exporters mostly leave it out.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

INITIALS = [("zh", "ch", ""), ("ch", "ch", "'"), ("sh", "sh", ""), ("b", "p", ""), ("p", "p", "'"), ("d", "t", ""),
            ("t", "t", "'"), ("g", "k", ""), ("k", "k", "'"), ("j", "ch", ""), ("q", "ch", "'"), ("x", "hs", ""),
            ("r", "j", ""), ("z", "ts", ""), ("c", "ts", "'"), ("s", "s", ""), ("h", "h", ""), ("f", "f", ""),
            ("m", "m", ""), ("n", "n", ""), ("l", "l", ""), ("y", "y", ""), ("w", "w", "")]
WHOLE = {"zi": "tzu", "ci": "tz'u", "si": "ssu", "zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih",
         "er": "erh", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh", "yong": "yung", "yue": "yueh"}
O_AFTER = ("t", "t'", "n", "l", "ts", "ts'", "s", "ch", "ch'", "j")   # -uo written -o after these


def syllables() -> list[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFKD", reading) if not unicodedata.combining(c))
            if plain.isascii() and plain.isalpha():
                out.add(plain.replace("v", "u"))
    return sorted(out)


def wade_giles(syllable: str) -> str:
    """The Wade–Giles spelling of a toneless pinyin syllable, apostrophe included."""
    if syllable in WHOLE:
        return WHOLE[syllable]
    initial, mark, final = "", "", syllable
    for py, wg, aspirate in INITIALS:
        if syllable.startswith(py) and len(syllable) > len(py):
            initial, mark, final = wg, aspirate, syllable[len(py):]
            break
    head = initial + mark
    if final == "e" and initial in ("k", "h"):
        final = "o"
    elif final == "uo" and head in O_AFTER:
        final = "o"
    elif final == "ui" and initial == "k":
        final = "uei"
    elif final.endswith("ian"):
        final = final[:-3] + "ien"
    elif final == "ie":
        final = "ieh"
    elif final in ("ue", "ve"):
        final = "ueh"
    elif final.endswith("ong"):
        final = final[:-3] + "ung"
    return head + final


def write(datasets: Path) -> Path:
    path = datasets / "zh_wade_giles.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Every pinyin syllable (pypinyin's dictionary) and its Wade-Giles spelling, derived by "
                 "tools/derive_wade_giles.py.\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["pinyin", "wade_giles"])
        for syl in syllables():
            writer.writerow([syl, wade_giles(syl)])
    return path


if __name__ == "__main__":
    print(write(Path(__file__).resolve().parent.parent / "datasets"))
