"""A language hint for a name: the script decides, the record's country narrows, a product term of
known language in the name decides next, and langdetect (made deterministic) only chooses among what is left. Never trusted alone: on names langdetect calls
安吉白茶 Korean and Queso Manchego Italian."""

from __future__ import annotations

import functools

SCRIPT_LANGS = {"Han": ("zh", "ja"), "Kana": ("ja",), "Hangul": ("ko",), "Thai": ("th",), "Greek": ("el",),
                "Cyrillic": ("bg", "ru", "uk", "sr", "mk"), "Khmer": ("km",), "Armenian": ("hy",)}
NON_LATIN = frozenset(lang for langs in SCRIPT_LANGS.values() for lang in langs)
COUNTRY_LANGS = {
    "AT": ("de",), "BE": ("nl", "fr", "de"), "BG": ("bg",), "CH": ("de", "fr", "it"), "CN": ("zh",), "CY": ("el",),
    "CZ": ("cs",), "DE": ("de",), "DK": ("da",), "EE": ("et",), "ES": ("es", "ca", "gl", "eu"), "FI": ("fi", "sv"),
    "FR": ("fr",), "GB": ("en",), "GR": ("el",), "HR": ("hr",), "HU": ("hu",), "IE": ("en", "ga"), "IT": ("it",),
    "JP": ("ja",), "LT": ("lt",), "LU": ("fr", "de", "lb"), "LV": ("lv",), "MT": ("mt", "en"), "NL": ("nl",),
    "PL": ("pl",), "PT": ("pt",), "RO": ("ro",), "SE": ("sv",), "SI": ("sl",), "SK": ("sk",), "TH": ("th",),
    "US": ("en",), "MX": ("es",), "PE": ("es",), "CO": ("es",), "IN": ("en",), "KR": ("ko",), "TR": ("tr",),
    "NO": ("no",), "RS": ("sr",), "ME": ("sr",), "MK": ("mk",), "UA": ("uk",), "RU": ("ru",),
}


@functools.lru_cache(maxsize=1)
def _factory():
    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0          # deterministic
    detector_factory.init_factory()
    return detector_factory._factory


def _detect(text: str, allowed: tuple[str, ...] | None) -> str | None:
    try:
        detector = _factory().create()
        detector.append(text)
        ranked = detector.get_probabilities()
    except Exception:      # langdetect raises its own error on text without letters
        return None
    return next((g.lang for g in ranked if allowed is None or g.lang in allowed), None)


def language_hint(text: str, script: str | None, countries: list[str] | tuple[str, ...] = ()) -> str | None:
    """The likeliest language of a name written in ``script``, for a record of ``countries``."""
    if not script:
        return None
    by_script = SCRIPT_LANGS.get(script)
    by_country = tuple(lang for c in countries for lang in COUNTRY_LANGS.get(c, ())
                       if script != "Latin" or lang not in NON_LATIN)     # a Latin name of a Greek GI is no Greek
    if by_script and by_country:
        both = tuple(lang for lang in by_script if lang in by_country)
        allowed = both or by_script
    else:
        allowed = by_script or by_country or None
    if allowed and len(allowed) == 1:
        return allowed[0]
    if script == "Han":
        return "zh"
    from .anatomy import anatomy

    for term in anatomy(text).terms:                 # a product term's language ("jambon" is French)
        lang = term.lang.split("-")[0]
        if allowed is None or lang in allowed:
            return lang
    return _detect(text, allowed) or (allowed[0] if allowed else None)
