"""``gimatch eval``: run a case file (the format of shared/eval/dev_checks.json) against a store.

Positives must surface their GI (by native id or by one of its names, compared folded) in the
top 1 / top 5; negatives must produce no conflict; generic terms must never be reported as
identical.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .text.fold import dominant_script, fold


def _load(path: str) -> dict:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a JSON case file: {exc}", path=path) from None
    if not isinstance(data, dict) or not isinstance(data.get("positives", []), list):
        raise InputError("a case file is an object with 'positives', 'negatives' and 'generic' lists", path=path)
    return data


def _matches(conflict, wanted: set[str]) -> bool:
    return conflict.native_id in wanted or bool({fold(n) for n in conflict.names} & wanted)


def evaluate(store, path: str) -> dict:
    cases = _load(path)
    rows = []
    for i, case in enumerate(cases.get("positives", []), 1):
        if not isinstance(case, dict) or "q" not in case or "any" not in case:
            raise InputError("a positive needs 'q' and 'any'", path=path, where=f"positive {i}")
        wanted = {case_id for case_id in case["any"]} | {fold(x) for x in case["any"]}
        result = store.check(case["q"], limit=10)
        ranked = result.conflicts + result.pending          # pending GIs (applied, published) rank after
        rank = next((r for r, c in enumerate(ranked, 1) if _matches(c, wanted)), None)
        top = ranked[rank - 1] if rank else None
        rows.append({"q": case["q"], "case_kind": case.get("kind", ""), "script": dominant_script(fold(case["q"])),
                     "rank": rank, "found_kind": top.kind if top else None, "score": top.score if top else None,
                     "gi": top.gi if top else None})
    negatives = []
    for q in cases.get("negatives", []):
        result = store.check(q)
        negatives.append({"q": q, "conflicts": [(c.gi, c.kind, c.score) for c in result.conflicts + result.pending]})
    generic = []
    for q in cases.get("generic", []):
        result = store.check(q)
        generic.append({"q": q, "identical": [c.gi for c in result.conflicts + result.pending if c.kind == "identical"],
                        "conflicts": [(c.gi, c.kind, c.score) for c in result.conflicts[:3]]})
    n = len(rows) or 1
    by_script: dict[str, dict] = {}
    for r in rows:
        s = by_script.setdefault(r["script"], {"cases": 0, "at1": 0, "at5": 0})
        s["cases"] += 1
        s["at1"] += bool(r["rank"] == 1)
        s["at5"] += bool(r["rank"] and r["rank"] <= 5)
    return {
        "positives": len(rows),
        "recall_at_1": round(sum(r["rank"] == 1 for r in rows) / n, 3),
        "recall_at_5": round(sum(bool(r["rank"] and r["rank"] <= 5) for r in rows) / n, 3),
        "negatives": len(negatives),
        "false_positives": sum(bool(x["conflicts"]) for x in negatives),
        "generic_reported_identical": sum(bool(x["identical"]) for x in generic),
        "by_script": by_script,
        "cases": rows,
        "negative_cases": negatives,
        "generic_cases": generic,
    }


def render(report: dict) -> str:
    lines = [f"positives {report['positives']}: recall@1 {report['recall_at_1']:.3f}, recall@5 {report['recall_at_5']:.3f}",
             f"negatives {report['negatives']}: false positives {report['false_positives']}",
             f"generic terms reported as identical: {report['generic_reported_identical']}", "",
             "script     cases  @1  @5"]
    for script, s in sorted(report["by_script"].items()):
        lines.append(f"{script:<10} {s['cases']:>5} {s['at1']:>3} {s['at5']:>3}")
    lines.append("")
    lines.append("rank  found kind        score  case kind                         query")
    for r in report["cases"]:
        lines.append(f"{r['rank'] or '-':>4}  {r['found_kind'] or '-':<16} {r['score'] or 0:>5.0f}  "
                     f"{r['case_kind'][:32]:<32}  {r['q']}")
    for x in report["negative_cases"]:
        if x["conflicts"]:
            lines.append(f"false positive: {x['q']} → {x['conflicts'][:3]}")
    for x in report["generic_cases"]:
        lines.append(f"generic: {x['q']} → {x['conflicts'] or 'no conflict'}")
    return "\n".join(lines)
