"""Mojibake: UTF-8 text that was read as Latin-1 or Windows-1252 before it was saved (FelsÅ‘ for Felső,
â€™ for ’), or Chinese text that went through a lost GBK round trip (锟斤拷, U+FFFD).

A suspicious pair (a lead byte À–ï followed by a continuation byte) counts only when its bytes decode as
UTF-8 to a character such text would hold (a European letter, Greek, Cyrillic, CJK, common punctuation):
"CAFÉ®" and "é" before a no-break space are good text, since É® would be an IPA letter and é + NBSP
starts no character.
"""

from __future__ import annotations

import re

_CANDIDATE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u0152-\u0178\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,2}")
_LOST = re.compile(r"锟斤拷|\ufffd")
_PLAUSIBLE = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x2013, 0x2026), (0x20AC, 0x20AC),
              (0x2122, 0x2122), (0x3000, 0x303F), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
              (0x0E00, 0x0E7F), (0x00A0, 0x00BF))


def _as_bytes(text: str) -> bytes | None:
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            return text.encode("latin-1")
        except UnicodeEncodeError:
            return None


def find(text: str) -> str | None:
    """The first piece of mojibake in ``text`` (as it appears), or None."""
    lost = _LOST.search(text)
    if lost:
        return lost.group()
    for m in _CANDIDATE.finditer(text):
        raw = _as_bytes(m.group())
        if not raw:
            continue
        width = 3 if raw[0] >= 0xE0 else 2
        try:
            char = raw[:width].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(char) == 1 and any(lo <= ord(char) <= hi for lo, hi in _PLAUSIBLE):
            return m.group()[:width]
    return None
