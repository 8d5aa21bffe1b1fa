"""The product-class crosswalk: any register's native class → gimatch's common class.

``datasets/class_map.csv`` holds one row per native class (by number) or per native class word
(``match``). A label is mapped by its words first — the rightmost word not inside a longer one,
so ``第1類 農産物類（野菜類）`` is vegetables and ``白酒`` is spirits, not any liquor — and by its
number when no word is known. The schemes are tried together: a register passes its own scheme and
the shared ones it uses (``["jp.maff.2022", "jp"]``).
"""

from __future__ import annotations

import functools
import re

from . import bundled
from .model import ProductClass


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    return bundled.read_table("class_map.csv")


def common_class(schemes: list[str] | tuple[str, ...], code: str | None = None, label: str = "") -> str | None:
    """The common class id for a native class, or None when it is unknown or too broad."""
    rows = [r for r in _rows() if r["scheme"] in schemes]
    by_word = _by_words(rows, code, label)
    if by_word is not None:
        return by_word or None
    for wanted in ((code or ""), ""):          # the class by number, then the scheme as a whole
        for scheme in schemes:
            for r in rows:
                if r["scheme"] == scheme and not r["match"] and r["code"] == wanted:
                    return r["common"] or None
    return None


def _by_words(rows, code: str | None, label: str) -> str | None:
    """The common class of the rightmost native class word in a label ('' for a word mapped to no class),
    or None when the label holds none."""
    hits = []
    for r in rows:
        word = r["match"]
        if word and (r["code"] in ("", code)):
            for m in re.finditer(re.escape(word), label or ""):
                hits.append((m.start(), m.end(), r["common"]))
    maximal = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                          for o in hits)]
    return max(maximal, key=lambda h: (h[0], h[1] - h[0]))[2] if maximal else None


def goods_class(text: str) -> str | None:
    """The common class of a goods description ('potatoes', '茶叶') from the product-term lexicon,
    when all the terms it names fall in one class."""
    from .text.fold import fold
    from .text.lexicon import lexicon
    from .text.stem import stem_tokens

    lex = lexicon()
    folded = fold(text[:300])
    words = stem_tokens(folded.split())
    found = {term.product_class for n in range(1, lex.max_term_tokens + 1) for i in range(len(words) - n + 1)
             if (term := lex.terms_by_tokens.get(tuple(words[i:i + n])))}
    found |= {term.product_class for key, term in lex.spaceless_terms.items() if key in folded}
    return found.pop() if len(found) == 1 else None


def native_class(scheme: str, label: str, *, code: str | None = None, shared: tuple[str, ...] = (),
                 goods: str = "") -> ProductClass | None:
    """A ProductClass keeping the native label verbatim, with its common class from the crosswalk
    (or, for trademark classes, from the goods the registration names)."""
    label = (label or "").strip()
    if not label and not code:
        return None
    common = common_class((scheme, *shared), code, label) or (goods_class(goods) if goods else None)
    return ProductClass(scheme=scheme, code=code or None, label=label or code or "", common=common)


def _eu_label(label: str) -> str | None:
    """The common class of an EU register class label ('Class 1.3. Cheeses', 'Wine')."""
    m = re.match(r"^class\s+(\d+\.\d+)", label.strip(), re.I)
    return common_class(("eu.food",), m.group(1), label) if m else None


_NICE = re.compile(r"^(?:nice\s*)?(?:class\s*)?(?:no\.?\s*)?(\d{1,2})$|^第\s*(\d{1,2})\s*类$", re.I)


@functools.lru_cache(maxsize=1)
def _nice() -> dict[int, dict[str, str]]:
    return {int(r["class"]): r for r in bundled.read_table("nice_classes.csv")}


def goods_classes(text: str) -> set[str]:
    """The common classes of goods as a user gives them (``--class``): a Nice class (``33``, ``Nice 33``,
    ``第33类``; classes other than 29–33 are goods other than food and drink), a common class by id or name
    in English or Chinese (``cheese``, ``葡萄酒``), a word of a Nice heading (``clothing``, ``服装鞋帽``), a
    product word (``blue cheese``, ``茶叶``) or a register's own class label (``Class 1.3. Cheeses``)."""
    from .errors import UsageError

    given = " ".join(str(text).split())
    if not given:
        raise UsageError("the goods are empty")
    if m := _NICE.match(given):
        number = int(m.group(1) or m.group(2))
        if number not in _nice():
            raise UsageError(f"Nice classes run from 1 to 45, not {number}")
        return set(_nice()[number]["common"].split())
    wanted = given.casefold()
    for row in bundled.read_table("classes.csv"):
        if wanted in (row["id"].casefold(), row["label_en"].casefold(), row["label_zh"]):
            return {row["id"]}
    for row in _nice().values():
        words = {w.strip().casefold() for w in row["heading"].split(",")} | {row["heading_zh"]}
        if wanted in words:
            return set(row["common"].split())
    found = (goods_class(given) or _by_words(_rows(), None, given) or _eu_label(given)
             or next((r["common"] for r in _rows() if r["common"] and r["label"].casefold() == wanted), None))
    if found:
        return {found}
    raise UsageError(f"unknown goods {given!r}: give a Nice class (33, 第33类), a class of datasets/classes.csv "
                     "(cheese, wine, 葡萄酒), a Nice heading word (clothing, cosmetics) or a product word (ham, 茶叶)")
