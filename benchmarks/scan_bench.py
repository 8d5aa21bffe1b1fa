"""Scanning listing texts (run by hand or by `make bench`); prints figures, asserts nothing.

100,000 texts (GIMATCH_SCAN_N): six in ten embed one protected name of the store (Chinese, Japanese and Thai
names, and EU names in Italian, French, German, Spanish and English listing wording), four in ten are clean
(made-up brands with ordinary product words in the same wording). Measured in the same run:

- gimatch: `Store.scan_many` over the texts in chunks of 256 (as `gimatch scan FILE` reads them), one
  process; throughput, CPU per text, recall of the embedded names (the embedded name's GI among the
  mentions), false mentions per 1,000 clean texts, peak memory; and `Store.scan` text by text on the first
  GIMATCH_SCAN_NAIVE texts;
- naive: for each text, test every stored name (folded, as gimatch folds it) with ``in`` on the folded
  text; run on the first GIMATCH_SCAN_NAIVE texts (default 2,000) and reported per text, with its recall and
  false mentions on those texts; and the same with one compiled regex per name (on a tenth of those texts).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

N = int(os.environ.get("GIMATCH_SCAN_N", 100_000))
N_NAIVE = int(os.environ.get("GIMATCH_SCAN_NAIVE", 2_000))
CHUNK = 256
TEMPLATES = {
    "zh": ["{x} 正品 礼盒装 500g 包邮", "【官方旗舰店】{x} 新鲜直发 顺丰快递", "进口 {x} 家庭装 2件起售"],
    "ja": ["{x} 贈答用 2kg 送料無料", "【産地直送】{x} 詰め合わせ ギフト", "お取り寄せ {x} 人気 ランキング1位"],
    "th": ["{x} ของแท้ 1 กก. ส่งฟรี", "ขาย {x} คุณภาพดี ราคาถูก", "{x} แพ็คของขวัญ พร้อมส่ง"],
    "it": ["{x} confezione regalo 500 g, spedizione gratuita", "Offerta: {x} stagionato, consegna in 24 ore"],
    "fr": ["{x} – coffret dégustation, livraison offerte", "Promo {x} 250 g, vendu par la ferme"],
    "de": ["{x} Geschenkbox 500 g, versandkostenfrei", "Angebot: {x}, frisch vom Erzeuger"],
    "es": ["{x} lote regalo 500 g, envío gratis", "Oferta {x} de la mejor calidad"],
    "en": ["{x} gift box 500 g, free shipping", "Best seller: {x}, family pack"],
}
PRODUCTS = {"zh": ["茶叶", "巧克力", "饼干", "蜂蜜"], "ja": ["チョコレート", "クッキー", "緑茶", "はちみつ"],
            "th": ["ชาเขียว", "ขนม", "น้ำผึ้ง"], "it": ["biscotti", "cioccolato", "pasta"],
            "fr": ["biscuits", "chocolat", "confiture"], "de": ["Kekse", "Schokolade", "Honig"],
            "es": ["galletas", "chocolate", "miel"], "en": ["cookies", "chocolate", "honey"]}
BRAND = ["ka", "lo", "mi", "ra", "ton", "ver", "sel", "bri", "no", "ta", "dor", "lux", "zen", "pel", "sun"]
BRAND_ZH = list("金福瑞祥康宝乐家美佳")
BRAND_JA = list("ハナミサクラヒカリ")
BRAND_TH = ["สุข", "ดี", "ทอง", "ใจ", "รุ่ง"]


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def texts(store) -> list[tuple[str, str | None, str]]:
    """(text, the id of the embedded GI or None, language)."""
    from gimatch.text.fold import dominant_script

    by_lang: dict[str, list[tuple[str, str]]] = {k: [] for k in TEMPLATES}
    for register in store.registers():
        for gi in store.records(register["register"]):
            if gi.status != "registered" or (gi.gi_type or "").upper() == "TSG":
                continue
            for n in gi.names:
                if n.role != "protected" or len(n.text) < 3:
                    continue
                script = dominant_script(n.text)
                lang = {"Han": "ja" if "JP" in gi.countries else "zh", "Kana": "ja", "Thai": "th"}.get(script)
                if lang is None and script == "Latin" and len(n.text) > 4:
                    lang = {"IT": "it", "FR": "fr", "DE": "de", "AT": "de", "ES": "es"}.get(
                        gi.countries[0] if gi.countries else "", "en")
                if lang:
                    by_lang[lang].append((n.text, gi.id))
    rng = random.Random(12)
    out = []
    for i in range(N):
        lang = rng.choice(list(TEMPLATES))
        template = rng.choice(TEMPLATES[lang])
        if i % 10 < 6 and by_lang[lang]:
            name, gi_id = rng.choice(by_lang[lang])
            out.append((template.format(x=name), gi_id, lang))
        else:
            if lang == "zh":
                brand = "".join(rng.choice(BRAND_ZH) for _ in range(2)) + "牌"
            elif lang == "ja":
                brand = "".join(rng.choice(BRAND_JA) for _ in range(3))
            elif lang == "th":
                brand = "".join(rng.choice(BRAND_TH) for _ in range(2))
            else:
                brand = "".join(rng.choice(BRAND) for _ in range(rng.randint(2, 3))).title()
            out.append((template.format(x=f"{brand} {rng.choice(PRODUCTS[lang])}"), None, lang))
    return out


def found(store, mentions: list[dict], gi_id: str) -> bool:
    return any(gi_id == m["gi"] or gi_id in m["linked"] for m in mentions)


def main() -> None:
    import gimatch
    from gimatch.text.fold import fold_map

    store = gimatch.open()
    work = texts(store)
    store.scan("warm up 帕尔玛火腿 ข้าวหอมมะลิ シャブリ")           # the language tools, the automaton
    t0, c0 = time.perf_counter(), time.process_time()
    results = [r["mentions"] for at in range(0, len(work), CHUNK)
               for r in store.scan_many([text for text, _, _ in work[at:at + CHUNK]])]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    embedded = [(m, gi) for m, (_, gi, _) in zip(results, work) if gi]
    clean = [m for m, (_, gi, _) in zip(results, work) if gi is None]
    recall = sum(found(store, m, gi) for m, gi in embedded) / len(embedded)
    false = sum(len(m) for m in clean) / len(clean) * 1000
    by_lang: dict[str, list[int]] = {}
    for m, (_, gi, lang) in zip(results, work):
        if gi:
            by_lang.setdefault(lang, []).append(found(store, m, gi))
    print(f"gimatch scan: {len(work):,} texts ({len(embedded):,} with an embedded name, {len(clean):,} clean)")
    print(f"   {len(work) / wall:,.0f} texts/s wall, CPU {cpu / len(work) * 1000:.3f} ms/text "
          f"(wall {wall:.1f} s, CPU {cpu:.1f} s); peak memory {peak_mb():,.0f} MB")
    print(f"   recall of embedded names {recall:.3f} ("
          + ", ".join(f"{k} {sum(v) / len(v):.2f}" for k, v in sorted(by_lang.items())) + ")")
    print(f"   false mentions per 1,000 clean texts: {false:.1f}")
    c0 = time.process_time()
    for text, _, _ in work[:N_NAIVE]:
        store.scan(text)
    print(f"   text by text (Store.scan) on {min(N_NAIVE, len(work)):,} texts: "
          f"CPU {(time.process_time() - c0) / min(N_NAIVE, len(work)) * 1000:.3f} ms/text")

    keys = sorted({joined_key for joined_key in store.index().by_key})
    sample = work[:N_NAIVE]
    t0, c0 = time.perf_counter(), time.process_time()
    naive = []
    for text, _, _ in sample:
        folded = fold_map(text)[0]
        naive.append([k for k in keys if k in folded])
    nwall, ncpu = time.perf_counter() - t0, time.process_time() - c0
    idx = store.index()
    n_embedded = [(hits, gi) for hits, (_, gi, _) in zip(naive, sample) if gi]
    n_recall = sum(any(idx.gis[g].id == gi or gi in [idx.gis[x].id for x in idx.members[idx.group_of[g]]]
                       for k in hits for g, _, _ in idx.by_key[k]) for hits, gi in n_embedded) / max(len(n_embedded), 1)
    n_false = sum(len(h) for h, (_, gi, _) in zip(naive, sample) if gi is None) / max(
        sum(gi is None for _, gi, _ in sample), 1) * 1000
    per_text = ncpu / len(sample) * 1000
    print(f"naive (every stored key tested with `in`, {len(keys):,} keys) on {len(sample):,} texts: "
          f"CPU {per_text:.3f} ms/text (wall {nwall:.1f} s); recall {n_recall:.3f}; "
          f"false mentions per 1,000 clean texts {n_false:.0f}")
    print(f"ratio naive/gimatch (CPU per text): {per_text / (cpu / len(work) * 1000):.1f}x")
    import re

    patterns = [re.compile(re.escape(k)) for k in keys]
    regex_sample = sample[: max(1, N_NAIVE // 10)]
    c0 = time.process_time()
    for text, _, _ in regex_sample:
        folded = fold_map(text)[0]
        [p.pattern for p in patterns if p.search(folded)]
    regex_per_text = (time.process_time() - c0) / len(regex_sample) * 1000
    print(f"naive with one regex per stored key on {len(regex_sample):,} texts: CPU {regex_per_text:.3f} ms/text; "
          f"ratio {regex_per_text / (cpu / len(work) * 1000):.0f}x")


if __name__ == "__main__":
    main()
