"""Derive product terms from the names of every GI the bundled datasets hold (datasets/product_terms_derived.csv).

A GI name joins a place and a product, and the registers show where one ends and the other begins:

- a Chinese name's Latin form keeps the place in one word and writes the product apart (安溪铁观音 / Anxi Tie
  Guan Yin): the characters read as the syllables after the first word are the product;
- a Japanese name ends with the product (江戸崎かぼちゃ): the morphological analyser Japanese readings already
  use (unidic-lite) tags its last morpheme a common noun after the place;
- a Thai name puts the product before the place (กาแฟดอยตุง): what comes before a gazetteer place is the product;
- a foreign GI Japan designates is written in katakana word for word beside its own name (Jambon d'Ardenne /
  ジャンボン・ダルデンヌ): the katakana word in the place of a curated product word of the original is that
  product's word (ジャンボン → ham), with the original's own concept;
- an EU name says "product of place" (Queso de Murcia, Prosciutto di Parma) or "place-er product" (Tiroler
  Speck, Žatecký chmel): the part before the connective, or after the adjective of place, is the product;
  otherwise a word that recurs at the edge of names of one class (Κολοκάσι ...) is that class's product word.

A candidate becomes a term of the GI's class when names of that class give it at least MIN_NAMES times (once
for the unambiguous Chinese and Japanese splits), and it is not already a curated term. Its concept is the
class itself, so it translates at class level (火腿, jamón, Schinken are all meat products). Each row says how
many names gave it and one of them. Run by tools/build_datasets.py after the bundled GIs are built.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter, defaultdict
from pathlib import Path

from gimatch import bundled
from gimatch.model import GI
from gimatch.text.anatomy import STOPWORDS, demonym_root
from gimatch.text.fold import dominant_script, fold, joined
from gimatch.text.lexicon import class_lineage, lexicon
from gimatch.text.romanize import greek, pinyin
from gimatch.text.stem import stem

MIN_NAMES = 2
SHORTEST_LATIN = 4     # a shorter Latin word from a name is as likely a word of another language (Czech var, brew)
CONNECTIVES = frozenset("de d di del dell della delle dei degli da dall do dos das du des von vom aus of van ot od z ze iz".split())
_PLACE_ADJ = re.compile(r"^\w{3,}(er|ck[yaeo]|sk[yaeoi]|ck[aeyi]|ski|ska|sko|ske|cki|cka|ckie|skie|ese|ens[ei])$")
# Common nouns of geography: a name's head word that is one of these names a place, not a product.
GEO_NOUNS = frozenset(("sierra montes monte montagne montagna monti valle val vallee valley vale vega ribera riviera "
                       "costa cote coteaux colli collina campo campagna campina terra terre tierra terras isola isole "
                       "ile iles island pays plateau llanos lago lac see berg").split())
SKIP_CLASSES = frozenset({"wine", "spirits", "aromatised_wine", None})     # wine names rarely name the product
# The languages that put an adjective of place before the product (Schwäbische Maultaschen, Žatecký chmel)
ADJECTIVE_FIRST = frozenset("de nl en da sv cs sk pl hr sl".split())
NOT_EUROPEAN = frozenset({"CN", "JP", "TH", "KR", "VN", "KH", "IN", "ID"})    # names in other word orders


@functools.lru_cache(maxsize=1)
def _curated_terms() -> dict[tuple[str, ...], dict[str, str]]:
    from gimatch.text.stem import stem_tokens

    return {tuple(stem_tokens(fold(r["term"]).split())): r for r in bundled.read_table("product_terms.csv")
            if dominant_script(fold(r["term"])) == "Latin"}


def _parallel(gi: GI, curated: dict) -> list[tuple[dict[str, str], str, str]]:
    """(curated row of the original's word, katakana word, example) from a name written word for word in
    katakana beside its Latin original (the words of both separated, in the same number)."""
    from gimatch.text.stem import stem_tokens

    out = []
    latin = [n.text for n in gi.names if n.script == "Latin"]
    kana = [n.text for n in gi.names if n.script == "Kana"]
    for original in latin:
        words = [w for w in re.split(r"[\s'’-]+", fold(original)) if w and w not in ("d", "l")]
        for rendering in kana:
            parts = [p for p in re.split(r"[・\s=＝]+", rendering) if p]
            if len(parts) != len(words) or len(words) < 2:
                continue
            for word, part in zip(words, parts):
                row = curated.get(tuple(stem_tokens([word])))
                if row and len(part) >= 2:
                    out.append((row, part, f"{original} / {rendering}"))
    return out


def bundled_records(datasets: Path) -> list[GI]:
    """Every GI record the bundled datasets hold, as the manifest lists their files."""
    out = []
    for entry in bundled.manifest()["files"]:
        if entry["kind"] == "gis":
            for line in (datasets / entry["path"]).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.append(GI.model_validate_json(line))
    return out


def _chinese(gi: GI) -> list[tuple[str, str]]:
    """(product characters, example) from a Han name and its word-divided Latin form: the characters read as
    the trailing one-syllable words, after a place written as one word of several syllables."""
    han = [n.text for n in gi.names if n.script == "Han"]
    latin = [n.text for n in gi.names if n.script == "Latin" and n.role in ("protected", "transcription")]
    out = []
    for h in han:
        chars = joined(fold(h))
        syllables = pinyin(chars).split()
        if len(syllables) != len(chars):
            continue
        for lat in latin:
            spans, at = [], 0                       # characters each Latin word reads
            for word in fold(lat).split():
                end = at
                while end < len(chars) and joined(" ".join(syllables[at:end])) != word:
                    end += 1
                if joined(" ".join(syllables[at:end])) != word:
                    break
                spans.append((at, end))
                at = end
            if at != len(chars) or len(spans) < 2:
                continue
            first_product = len(spans)
            while first_product > 0 and spans[first_product - 1][1] - spans[first_product - 1][0] == 1:
                first_product -= 1
            if 0 < first_product < len(spans):
                out.append((chars[spans[first_product][0]:], f"{h} / {lat}"))
    return out


def _japanese(gi: GI) -> list[tuple[str, str]]:
    """(product, example) from a Japanese name: the last morpheme when the analyser (unidic-lite through
    fugashi, as cutlet reads names) tags it a common noun after a place name or another noun."""
    import fugashi

    tagger = _tagger(fugashi)
    out = []
    for n in gi.names:
        if n.script not in ("Kana", "Han") or n.role != "protected":
            continue
        words = tagger(fold(n.text, simplify=False).replace(" ", ""))
        if len(words) >= 2 and words[-1].feature.pos2 == "普通名詞" and len(words[-1].surface) >= 2:
            out.append((words[-1].surface, n.text))
    return out


_TAGGER = []


def _tagger(fugashi):
    if not _TAGGER:
        _TAGGER.append(fugashi.Tagger())
    return _TAGGER[0]


def _thai(gi: GI, places: list[str]) -> list[tuple[str, str]]:
    """(product, example) from a Thai name: the part before the first gazetteer place (and เมือง / บ้าน), or
    else the name's first word by the Thai dictionary (pythainlp's newmm), when more follows it."""
    from pythainlp.tokenize import word_tokenize

    out = []
    for n in gi.names:
        if n.script != "Thai":
            continue
        text = n.text.replace(" ", "")
        at = min((text.find(p) for p in places if text.find(p) > 0), default=-1)
        if at > 1:
            product = re.sub(r"(เมือง|บ้าน|จังหวัด)$", "", text[:at])
        else:
            words = word_tokenize(text, engine="newmm", keep_whitespace=False)
            product = words[0] if len(words) > 1 and len("".join(words[1:])) >= 2 else ""
        if len(product) >= 2:
            out.append((product, n.text))
    return out


@functools.lru_cache(maxsize=1)
def _thai_terms() -> list[dict[str, str]]:
    """The curated Thai product words, longest first."""
    return sorted((r for r in bundled.read_table("product_terms.csv") if r["lang"] == "th"),
                  key=lambda r: len(r["term"]), reverse=True)


def _thai_head(term: str) -> dict[str, str] | None:
    """The curated row of the longest Thai product word a derived Thai term opens with and goes on after
    (ข้าวหอมมะลิ of ข้าวหอมมะลิดินภูเขาไฟ), or None."""
    return next((r for r in _thai_terms() if term.startswith(r["term"]) and len(term) > len(r["term"])), None)


def _edges(gi: GI) -> list[tuple[str, str]]:
    """(first or last word, example) of a two- or three-word name no structural rule splits: a word that
    recurs at the edge of names of one class is that class's product word (Κολοκάσι Σωτήρας, Kolokasi ...).
    A name whose other edge is already a product word (Queso Manchego) has its place there, not a product."""
    out = []
    if set(gi.countries) & NOT_EUROPEAN or _european(gi):
        return out
    curated = _curated_terms()
    for n in gi.names:
        tokens = [t for t in fold(n.text).split() if t not in STOPWORDS]
        if any((stem(t),) in curated or (t,) in curated for t in (tokens[:1] + tokens[-1:])):
            continue
        if n.role == "protected" and 2 <= len(tokens) <= 3:
            out += [(stem(t), n.text) for t in (tokens[0], tokens[-1])
                    if len(t) >= 4 and not _PLACE_ADJ.match(t) and t not in GEO_NOUNS
                    and not _place_form(t, _lang(gi, t))]
    return out


def _place_form(word: str, lang: str) -> bool:
    """Whether a word ends as the language makes a place into an adjective or a genitive (Kritis, Chiou,
    schwäbische): a place, not a product, at the edge of a name."""
    if dominant_script(word) == "Greek":
        word = fold(greek(word))
    return demonym_root(word, lang) != word


def _european(gi: GI) -> list[tuple[str, str]]:
    """(product words, example) from 'product of place' and 'place-er product' names."""
    out = []
    if set(gi.countries) & NOT_EUROPEAN:
        return out
    for n in gi.names:
        if n.script != "Latin" or n.role != "protected":
            continue
        tokens = fold(n.text).split()
        for i, tok in enumerate(tokens):
            if tok in CONNECTIVES and 0 < i <= 2 and i < len(tokens) - 1:
                if tokens[0] not in GEO_NOUNS:
                    out.append((" ".join(stem(t) for t in tokens[:i]), n.text))
                break
        else:
            lang = _lang(gi, n.text)
            adjectives = next((i for i, t in enumerate(tokens[:-1]) if not (      # the last word is the product's
                lang in ADJECTIVE_FIRST and (_PLACE_ADJ.match(t) or _place_form(t, lang)))), len(tokens) - 1)
            if 2 <= len(tokens) <= 3 and tokens[-1] not in STOPWORDS and 0 < adjectives < len(tokens):
                out.append((" ".join(stem(t) for t in tokens[adjectives:]), n.text))
    return out


def _place_words(datasets: Path) -> set[str]:
    """Words that follow a connective in some name ('... de Toledo'): places, not products."""
    out = set()
    for gi in bundled_records(datasets):
        for n in gi.names:
            tokens = fold(n.text).split()
            out.update(stem(t) for i, t in enumerate(tokens[1:], 1) if tokens[i - 1] in CONNECTIVES)
    return out


def _lang(gi: GI, term: str) -> str:
    script = dominant_script(term)
    if script == "Han":
        return "ja" if "JP" in gi.countries else "zh"
    return {"Kana": "ja", "Thai": "th"}.get(script, (gi.names[0].lang or "") if gi.names else "") or \
        {"IT": "it", "FR": "fr", "ES": "es", "PT": "pt", "DE": "de", "AT": "de", "GR": "el", "NL": "nl", "BE": "fr",
         "PL": "pl", "CZ": "cs", "SK": "sk", "SI": "sl", "HR": "hr", "HU": "hu", "RO": "ro", "BG": "bg", "GB": "en",
         "IE": "en", "DK": "da", "SE": "sv", "FI": "fi", "LT": "lt", "LV": "lv", "CY": "el"}.get(
            (gi.countries or [""])[0], "")


def derive(datasets: Path) -> list[dict[str, str]]:
    curated = {joined(fold(r["term"])) for r in bundled.read_table("product_terms.csv")}
    spaceless_curated = [r["term"] for r in bundled.read_table("product_terms.csv")
                         if dominant_script(r["term"]) in ("Han", "Kana", "Thai")]
    places = [r["name_th"] for r in bundled.read_table("th_places.csv")]
    seen: dict[tuple[str, str], list] = defaultdict(list)     # (term, class) → [(lang, example)]
    unambiguous: set[tuple[str, str]] = set()
    for gi in bundled_records(datasets):
        cls = gi.product_class.common if gi.product_class else None
        if "JP" in gi.countries and cls in {"wine", "spirits", "rice_wine", "alcoholic_beverages"} or \
                gi.register == "jp.nta":
            continue                                     # liquor GIs are bare place names (山梨, 灘五郷)
        cls = cls or ""                                  # a term of a GI whose class the register does not give
        split = _japanese(gi) if "JP" in gi.countries else _chinese(gi)
        for term, example in split:
            seen[(term, cls)].append((_lang(gi, term), example))
            unambiguous.add((term, cls))
        if cls == "spirits":                             # a spirit's name says its product in its structure
            for term, example in _european(gi):          # too (Kirsch de Fougerolles, Ouzo of Mitilene), in
                seen[(term, cls)].append((_lang(gi, term), example))      # MIN_NAMES names at least
        if cls in SKIP_CLASSES or not cls and not set(gi.countries) & NOT_EUROPEAN:
            continue
        for term, example in _thai(gi, places):           # Thai names put the product first
            seen[(term, cls)].append(("th", example))
            unambiguous.add((term, cls))
        for term, example in _edges(gi):
            seen[(term, cls)].append((_lang(gi, term), example))
        for term, example in _european(gi):                 # the name's own structure says where the product is
            seen[(term, cls)].append((_lang(gi, term), example))
            unambiguous.add((term, cls))
    places = _place_words(datasets)
    marketing = lexicon().modifiers
    rows = _parallel_rows(datasets, curated) + _glossed_rows(datasets, curated)
    have = {r["term"] for r in rows}
    by_term: dict[str, dict[str, list]] = defaultdict(dict)
    for (term, cls), found in seen.items():
        by_term[term][cls] = found
    for term, classes in sorted(by_term.items()):
        key = joined(fold(term))
        if key in curated or len(key) < (SHORTEST_LATIN if key.isascii() else 2) or term in STOPWORDS \
                or term in places or term in have:
            continue
        if " " in term and joined(fold(term.split()[0])) in curated:
            continue                                  # a curated word and the place's first word (Queijo Serra
                                                      # da Estrela, Limone Costa d'Amalfi): the curated word says it
        if any(w in marketing for w in fold(term).split()):
            continue                                  # a marketing word is no product word (Traditional Welsh
                                                      # Caerphilly)
        classed = {c: f for c, f in classes.items() if c}
        if classed:                                   # the class most names of that product have, if clear;
            support = {c: sum(len(f) for d, f in classed.items() if d in class_lineage(c))   # a class counts
                       for c in classed}                                                    # the names of
            cls = max(classed, key=lambda c: (support[c], len(class_lineage(c))))          # those it is in
            found = [x for d, f in classed.items() if d in class_lineage(cls) for x in f]
            if support[cls] / sum(len(f) for f in classed.values()) < 0.6:
                continue                              # a word of many classes is no product word
        else:
            cls, found = "", classes[""]
        if len({fold(example) for _, example in found}) < MIN_NAMES and (term, cls) not in unambiguous:
            continue
        if any(term in word and word != term and word in example for word in spaceless_curated
               for _, example in found):
            continue                                  # a piece of a curated word (るい of うるい)
        lang = Counter(lang for lang, _ in found).most_common(1)[0][0]
        head = _thai_head(term) if lang == "th" else None
        if head:                                      # a Thai compound names its product first (หมูย่าง, roast
            concept, cls = head["concept"], head["class"]    # pork: หมู); the curated word it opens with says it
        else:
            concept = cls or f"{lang}:{term}"          # no class: the term is a concept of its own
        rows.append({"concept": concept, "class": cls, "lang": lang, "term": term, "names": str(len(found)),
                     "example": found[0][1]})
    return rows


def _parallel_rows(datasets: Path, curated_keys: set[str]) -> list[dict[str, str]]:
    terms = _curated_terms()
    found: dict[str, list] = defaultdict(list)
    for gi in bundled_records(datasets):
        for row, part, example in _parallel(gi, terms):
            found[part].append((row, example))
    rows = []
    for part, hits in sorted(found.items()):
        concepts = Counter(row["concept"] for row, _ in hits)
        concept, n = concepts.most_common(1)[0]
        if joined(fold(part)) in curated_keys or n / len(hits) < 0.6:
            continue                                     # a katakana word read as several products
        row = next(r for r, _ in hits if r["concept"] == concept)
        rows.append({"concept": concept, "class": row["class"], "lang": "ja", "term": part, "names": str(n),
                     "example": next(e for r, e in hits if r["concept"] == concept)})
    return rows


def _glossed_rows(datasets: Path, curated_keys: set[str]) -> list[dict[str, str]]:
    """Romanized Thai product words from the English renderings the Thai register glosses (Ka Min Chan Surat
    Thani (turmeric)): the words before the record's province are the product, and the gloss, read by the
    curated lexicon, says which (ka min chan: turmeric)."""
    from gimatch.registers.th.dip import ENGLISH_GLOSS
    from gimatch.text.stem import stem_tokens
    terms, rows, seen = lexicon().terms_by_tokens, [], set()
    for gi in bundled_records(datasets):
        rendering = str(gi.native.get("name_en", ""))
        m = ENGLISH_GLOSS.search(rendering) if "TH" in gi.countries else None
        gloss = stem_tokens(fold(m.group(1)).split()) if m else []
        term = next((terms[tuple(gloss[i:])] for i in range(len(gloss)) if tuple(gloss[i:]) in terms), None)
        if not term:
            continue
        name = fold(rendering[:m.start()]).replace("-", " ")
        at = min((i for p in gi.places if (i := name.find(fold(p))) > 0), default=-1)
        product = " ".join(name[:at].split())
        if at > 0 and len(product) >= SHORTEST_LATIN and joined(product) not in curated_keys and product not in seen:
            seen.add(product)
            rows.append({"concept": term.concept, "class": term.product_class or "", "lang": "th-Latn",
                         "term": product, "names": "1", "example": rendering})
    return rows


def romanized_rows(rows) -> list[dict[str, str]]:
    """Every Chinese, Japanese and Thai term also in its romanization (大红袍 → da hong pao, かぼちゃ → kabocha,
    กาแฟ → kafae), as exporters and the registers' Latin forms write them."""
    from gimatch.text.romanize import hepburn, pinyin, rtgs

    out = []
    for row in rows:
        term = fold(row["term"])
        lang = row["lang"]
        script = dominant_script(term)
        if script == "Han" and lang == "zh":
            latin = pinyin(term)
        elif script in ("Han", "Kana") and lang == "ja":
            latin = hepburn(fold(row["term"], simplify=False))
        elif script == "Thai":
            latin = rtgs(term)
        else:
            continue
        if latin and latin.isascii() and (" " in latin or len(latin) >= 3):   # not li, mi: too many words
            out.append({**row, "lang": f"{lang}-Latn", "term": latin})
    return out


def write_romanized(datasets: Path) -> Path:
    """Every Chinese, Japanese and Thai term of the curated and derived tables in its romanization
    (datasets/product_terms_romanized.csv), so the lexicon loads without the language tools."""
    rows = bundled.read_table("product_terms.csv") + _read_derived(datasets)
    path = datasets / "product_terms_romanized.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# The Chinese, Japanese and Thai product terms of product_terms.csv and product_terms_derived.csv in\n"
                 "# pinyin, Hepburn and RTGS (tools/derive_lexicon.py), as exporters and the registers' Latin forms write them.\n")
        writer = csv.DictWriter(fh, fieldnames=["concept", "class", "lang", "term"], lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(romanized_rows(rows))
    return path


def _read_derived(datasets: Path) -> tuple[dict[str, str], ...]:
    with (datasets / "product_terms_derived.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(line for line in fh if not line.startswith("#")))


def write(datasets: Path) -> Path:
    path = datasets / "product_terms_derived.csv"
    rows = derive(datasets)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Product terms derived from the names of the bundled GIs by tools/derive_lexicon.py (see its\n"
                 "# docstring): concept = the class, so a derived term translates at class level. names: how many\n"
                 "# GI names gave the term; example: one of them.\n")
        writer = csv.DictWriter(fh, fieldnames=["concept", "class", "lang", "term", "names", "example"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


if __name__ == "__main__":
    print(write(Path(__file__).resolve().parent.parent / "datasets"))
