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
    hits = []
    for r in rows:
        word = r["match"]
        if word and (r["code"] in ("", code)):
            for m in re.finditer(re.escape(word), label or ""):
                hits.append((m.start(), m.end(), r["common"]))
    maximal = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                          for o in hits)]
    if maximal:
        return max(maximal, key=lambda h: (h[0], h[1] - h[0]))[2] or None
    for wanted in ((code or ""), ""):          # the class by number, then the scheme as a whole
        for scheme in schemes:
            for r in rows:
                if r["scheme"] == scheme and not r["match"] and r["code"] == wanted:
                    return r["common"] or None
    return None


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
