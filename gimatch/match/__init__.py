"""The matcher families, each in its own module behind one interface: ``find(query, index, collector)``
offers hits of the kinds the module lists in ``KINDS``. Each kind's rank, score range, severity and legal
hooks are one row of ``datasets/legal_kinds.csv``, so a new kind is one row and one module.

========================  ==============================================================
exact                     identical, variant, transliteration, contains, style/type
translation               translation, partial (the place alone), same place
phonetic                  transcription (the GI's sounds in another script)
evocation                 partial (part of a longer name), generic, evocation
fuzzy                     fuzzy (a typo, in any script)
========================  ==============================================================
"""

from __future__ import annotations

from . import evocation, exact, fuzzy, phonetic, translation
from .base import Collector, Hit, Query, analyze, readings, windows

MATCHERS = (exact, translation, phonetic, evocation, fuzzy)
KINDS = frozenset(k for m in MATCHERS for k in m.KINDS) | {"homonym", "generic", "recipe", "tsg", "same place",
                                                          "personal name", "institution"}

__all__ = ["MATCHERS", "KINDS", "Collector", "Hit", "Query", "analyze", "readings", "windows"]
