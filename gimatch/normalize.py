"""``gimatch normalize``: what gimatch sees in a name (scripts, language hint, keys, anatomy)."""

from __future__ import annotations

from .conflicts import analyze
from .text.fold import scripts
from .text.language import language_hint


def describe(name: str, countries: list[str] | tuple[str, ...] = ()) -> dict:
    """The analysis of a name as a JSON-ready dict; ``countries`` narrows the language hint."""
    q = analyze(name)
    found = scripts(q.folded)
    return {
        "name": name,
        "folded": q.folded,
        "scripts": found,
        "language_hint": language_hint(name, found[0] if found else None, countries),
        "keys": [{"key": k, "kind": kind} for k, kind in q.keys],
        "anatomy": {
            "place": q.anat.place,
            "place_key": q.anat.place_key,
            "terms": [{"term": " ".join(t.tokens), "concept": t.concept, "class": t.product_class} for t in q.anat.terms],
            "delocalisers": list(q.anat.delocalisers),
        },
    }
