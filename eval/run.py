"""gimatch's evaluation tables (`make eval`): recall@1 and recall@5 by slice, script and kind on the case files
of eval/cases (compiled from public sources, each case with its source) and on the dev set of
../shared/eval/dev_checks.json; false alarms on real brand and company names; and the share of lightly
perturbed register names (typos in every script, an added word, case and accents) whose GI is found.

    python eval/run.py [--part dev|heldout|all] [--db PATH] [--show-misses] [--cases FILE ...]

Cases are split by a hash of the query (gimatch.evaluate.part_of): develop on `dev`, measure `heldout` at
the end. The store is the bundled default store (built once into .venv/eval.db unless --db is given).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "eval/cases").glob("*.json"))
DEV_SET = ROOT.parent / "shared/eval/dev_checks.json"
N_PERTURBED = 10_000


def _perturb(name: str, rng: random.Random) -> str:
    """One light change a user or a listing makes: a typo (one character dropped, added or replaced, in the
    name's own script), case and accents dropped, or one more word."""
    op = rng.randrange(5)
    chars = list(name)
    letters = [c for c in name if c.isalpha()] or ["a"]
    i = rng.randrange(len(chars))
    if op == 0 and len(chars) > 4:
        del chars[i]
    elif op == 1:
        chars.insert(i, rng.choice(letters))
    elif op == 2:
        chars[i] = rng.choice(letters)
    elif op == 3:
        return "".join(c for c in unicodedata.normalize("NFD", name.upper()) if not unicodedata.combining(c))
    else:
        word = rng.choice(["premium", "original", "selection", "style", "gold"])
        return f"{word} {name}" if rng.random() < 0.5 else f"{name} {word}"
    return "".join(chars)


def perturbed(store, n: int, seed: int = 7) -> dict:
    """Share of perturbed protected names (every register, every script) whose GI is among the results. TSG
    names are left out (they protect a recipe and score below the threshold by design), and so are GIs
    removed from their register (no longer protected)."""
    rng = random.Random(seed)
    names = [(gi.id, n.text) for register in store.registers() for gi in store.records(register["register"])
             if not gi.is_tsg and gi.status != "removed"
             for n in gi.names if n.role == "protected"]
    found, misses, by_script = 0, [], {}
    from gimatch.text.fold import dominant_script

    for gi_id, text in rng.sample(names, min(n, len(names))):
        q = _perturb(text, rng)
        try:
            result = store.check(q, limit=10)
        except Exception:                                            # noqa: BLE001 - a query gimatch refuses
            result = None
        hit = bool(result) and any(gi_id in {c.gi, *c.linked} for c in result.conflicts + result.pending)
        script = dominant_script(text)
        s = by_script.setdefault(script, [0, 0])
        s[0] += 1
        s[1] += hit
        found += hit
        if not hit:
            misses.append((text, q))
    total = sum(s[0] for s in by_script.values())
    return {"cases": total, "found": found, "share": round(found / (total or 1), 4),
            "by_script": {k: {"cases": v[0], "found": v[1]} for k, v in sorted(by_script.items())},
            "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--db", default=str(ROOT / ".venv/eval.db"))
    parser.add_argument("--perturbed", type=int, default=N_PERTURBED)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cases", nargs="+", metavar="FILE",
                        help="case files of eval/cases to run (all of them unless given)")
    args = parser.parse_args()

    import gimatch
    from gimatch.evaluate import (_load, breakdown, evaluate_cases, lexicon_coverage, names_without_product_word,
                                  summary, table)

    store = gimatch.open(args.db)
    rows, negatives, out = [], [], {}
    for path in [ROOT / "eval/cases" / name for name in args.cases] if args.cases else CASES:
        report = evaluate_cases(store, _load(str(path)), part=args.part, where=path.name)
        rows += report["cases"]
        negatives += report["negative_cases"]
    out["independent"] = {**summary(rows), "by_slice": breakdown(rows, "slice"), "by_script": breakdown(rows, "script"),
                          "by_kind": breakdown(rows, "case_kind")}
    out["gi_in_store"] = summary([r for r in rows if r["held"]])
    unseen = [r for r in rows if r["in_shared_data"] is False and r["slice"] in ("zh-transcription", "ja-katakana")]
    out["transcriptions_in_no_dataset"] = summary(unseen)
    alarms = [n for n in negatives if n["conflicts"]]
    out["real_names"] = {"names": len(negatives), "false_alarms": len(alarms),
                         "rate": round(len(alarms) / (len(negatives) or 1), 4)}
    if DEV_SET.is_file():
        dev = evaluate_cases(store, _load(str(DEV_SET)), part="all", where="dev_checks.json")
        out["dev_set"] = {k: dev[k] for k in ("positives", "recall_at_1", "recall_at_5", "negatives", "false_positives",
                                              "generic_reported_identical")}
    if args.perturbed:
        out["perturbed"] = perturbed(store, args.perturbed)
    without = names_without_product_word(ROOT / "eval/cases/names_without_product_word.csv")
    out["lexicon_coverage"] = lexicon_coverage(store, without)
    if args.json:
        print(json.dumps({k: v for k, v in out.items()}, ensure_ascii=False, indent=2, default=str))
        return
    ind = out["independent"]
    print(f"independent cases ({args.part}): {ind['positives']}, recall@1 {ind['recall_at_1']:.3f}, "
          f"recall@5 {ind['recall_at_5']:.3f}")
    held = out["gi_in_store"]
    print(f"  of which the store holds the GI: {held['positives']}, recall@1 {held['recall_at_1']:.3f}, "
          f"recall@5 {held['recall_at_5']:.3f}")
    un = out["transcriptions_in_no_dataset"]
    print(f"Chinese and katakana transcriptions no dataset holds: {un['positives']}, recall@5 {un['recall_at_5']:.3f}")
    rn = out["real_names"]
    print(f"real names: {rn['names']}, false alarms {rn['false_alarms']} ({rn['rate']:.2%})")
    if "dev_set" in out:
        d = out["dev_set"]
        print(f"dev set: {d['positives']} positives, recall@1 {d['recall_at_1']:.3f}, recall@5 {d['recall_at_5']:.3f}; "
              f"false positives {d['false_positives']} of {d['negatives']}")
    if "perturbed" in out:
        p = out["perturbed"]
        print(f"perturbed register names: {p['found']} of {p['cases']} found ({p['share']:.2%})")
        print("  " + ", ".join(f"{k} {v['found']}/{v['cases']}" for k, v in p["by_script"].items()))
    print(f"\nproduct words recognised, per register (names that carry one; {len(without)} names labelled as "
          "carrying none left out)")
    for register, c in out["lexicon_coverage"].items():
        print(f"  {register:<28} {c['recognised']:>5} of {c['names']:>5}  {c['share']:.1%}")
    for title, key in (("slice", "by_slice"), ("script", "by_script"), ("kind", "by_kind")):
        print()
        print("\n".join(table(title, ind[key])))
    if args.show_misses:
        print("\nmisses:")
        for r in rows:
            if not (r["rank"] and r["rank"] <= 5):
                print(f"  [{r['slice']}] {r['q']}  (top: {r['top']})")
        print("\nfalse alarms:")
        for n in alarms:
            print(f"  {n['q']} → {n['conflicts'][:2]}")
        print("\nproduct words not recognised (first of each register):")
        for register, c in out["lexicon_coverage"].items():
            print(f"  {register}: {', '.join(c['missed'])}")
        if "perturbed" in out:
            print("\nperturbed misses (first 60):")
            for text, q in out["perturbed"]["misses"][:60]:
                print(f"  {text!r} → {q!r}")


if __name__ == "__main__":
    sys.exit(main())
