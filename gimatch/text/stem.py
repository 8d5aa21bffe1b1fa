"""Light plural folding for Latin-script tokens (apples → apple, pies → pie, tomatoes → tomato, peaches →
peach), applied to both sides of a comparison."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1 << 15)
def stem(token: str) -> str:
    if len(token) > 3 and token.isascii() and token.isalpha():
        if token.endswith("ies") and len(token) > 5:
            return token[:-3] + "y"
        if token.endswith(("oes", "ches", "shes", "sses", "xes")) and len(token) > 5:
            return token[:-2]
        if token.endswith("s") and not token.endswith(("ss", "us", "is")):
            return token[:-1]
    return token


def stem_tokens(tokens: list[str]) -> list[str]:
    return [stem(t) for t in tokens]
