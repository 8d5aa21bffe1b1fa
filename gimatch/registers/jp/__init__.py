"""Japan: the MAFF GI register, MAFF's designated foreign GIs, and the NTA liquor GIs."""

from __future__ import annotations

import re

from ...classes import native_class
from ...model import Name, ProductClass
from ...text.fold import dominant_script

# The 2022 scheme's classes as (number, class word); any other numbered class is the 2015 scheme.
SCHEME_2022 = {("1", "農産物類"), ("2", "生鮮肉類"), ("5", "農産加工品類"), ("6", "畜産加工品類"), ("8", "調味料類"),
               ("9", "食用油脂類"), ("10", "パン類及び菓子類")}
_CLASS = re.compile(r"第\s*(\d+)\s*類\s*(\S*)")
_READING = re.compile(r"^(?P<name>[^()（）]+?)\s*[(（](?P<kana>[\u30a0-\u30ffー・\s]+)[)）]\s*$")


def maff_class(text: str, scheme: str | None = None) -> ProductClass | None:
    """A MAFF class kept as (scheme, number, text); the scheme is read from the text when not given."""
    text = " ".join((text or "").split())
    if not text:
        return None
    m = _CLASS.match(text)
    code = m.group(1) if m else None
    if scheme not in ("2015", "2022"):
        word = re.split(r"[（(]", m.group(2))[0] if m else ""
        scheme = "2022" if (code, word) in SCHEME_2022 else "2015"
    return native_class(f"jp.maff.{scheme}", text, code=code, shared=("jp",))


def japanese_names(text: str, source: str) -> list[Name]:
    """'連島ごぼう(ツラジマゴボウ)、 TURAJIMA GOBOU' → the name, its katakana reading and its Latin form."""
    out: list[Name] = []
    for part in re.split(r"\s*[、,/／]\s*", text.strip()):
        if not part:
            continue
        m = _READING.match(part)
        if m:
            out.append(Name(text=m.group("name").strip(), script=dominant_script(m.group("name")), lang="ja",
                            source=source))
            out.append(Name(text=m.group("kana").strip(), script="Kana", lang="ja", role="transcription", source=source))
            continue
        script = dominant_script(part)
        role = "transcription" if script == "Latin" and out else "protected"
        out.append(Name(text=part, script=script, lang="ja" if script != "Latin" else None, role=role, source=source))
    return out
