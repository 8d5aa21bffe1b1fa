"""``gimatch normalize``: what gimatch sees in a name (scripts, language hint, keys, anatomy)."""

from __future__ import annotations

import functools

from .conflicts import analyze
from .text.fold import scripts

_SCRIPT_LANGS = {"Han": ("zh",), "Kana": ("ja",), "Hangul": ("ko",), "Thai": ("th",), "Greek": ("el",),
                 "Cyrillic": ("bg", "ru", "uk", "sr", "mk"), "Khmer": ("km",), "Armenian": ("hy",)}


@functools.lru_cache(maxsize=1)
def _detector_factory():
    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0  # deterministic
    detector_factory.init_factory()
    return detector_factory._factory


def language_hint(text: str, folded_scripts: list[str]) -> str | None:
    """A weak language hint: the script decides, langdetect only chooses among the script's languages."""
    if not folded_scripts:
        return None
    langs = _SCRIPT_LANGS.get(folded_scripts[0])
    if langs and len(langs) == 1:
        return langs[0]
    try:
        detector = _detector_factory().create()
        detector.append(text)
        ranked = detector.get_probabilities()
    except Exception:  # langdetect raises its own error on text without features
        return None
    for guess in ranked:
        if langs is None or guess.lang in langs:
            return guess.lang
    return None


def describe(name: str) -> dict:
    """The analysis of a name as a JSON-ready dict."""
    q = analyze(name)
    found = scripts(q.folded)
    return {
        "name": name,
        "folded": q.folded,
        "scripts": found,
        "language_hint": language_hint(name, found),
        "keys": [{"key": k, "kind": kind} for k, kind in q.keys],
        "anatomy": {
            "place": q.anat.place,
            "place_key": q.anat.place_key,
            "terms": [{"term": " ".join(t.tokens), "concept": t.concept, "class": t.product_class} for t in q.anat.terms],
            "delocalisers": list(q.anat.delocalisers),
        },
    }
