"""``gimatch eval``: run case files (the format of shared/eval/dev_checks.json) against a store.

Positives must surface their GI (by native id, or by one of its names compared folded, on the record shown
or on a record linked to it) in the top 1 / top 5; negatives must produce no conflict; generic terms must
never be reported as identical. A case may carry a ``slice`` (what kind of source it comes from); reports
give recall by slice, by script and by the case's kind, and the false-alarm rate of the negatives.

Cases are split into a development part and a held-out part by a hash of the query (one in three held
out), so that the split never depends on results: develop on one part, measure the other at the end.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import InputError
from .text.fold import dominant_script, fold

PARTS = ("dev", "heldout", "all")


def _load(path: str) -> dict:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"not a JSON case file: {exc}", path=path) from None
    if not isinstance(data, dict) or not any(isinstance(data.get(k), list) for k in ("positives", "negatives")):
        raise InputError("not a case file: expected an object with 'positives' and/or 'negatives' lists", path=path)
    for key in ("positives", "negatives", "generic"):
        if not isinstance(data.get(key, []), list):
            raise InputError(f"'{key}' must be a list", path=path, field=key)
    return data


def part_of(query: str) -> str:
    """'heldout' for one query in three (by a hash of the text), else 'dev'."""
    return "heldout" if hashlib.sha256(query.encode("utf-8")).digest()[0] % 3 == 0 else "dev"


def _ids(conflict) -> set[str]:
    return {conflict.native_id} | {i.split(":", 1)[1] for i in conflict.linked}


def _matches(conflict, wanted: set[str], store) -> bool:
    if _ids(conflict) & wanted or {fold(n) for n in conflict.names} & wanted:
        return True
    for other in conflict.linked:
        gi = store.get(other)
        if gi and {fold(n.text) for n in gi.names} & wanted:
            return True
    return False


def _held(store) -> frozenset[str]:
    """Every native id and folded name of the store's GIs (read once per store): a case whose wanted ids and
    names are none of them asks for a GI the store does not hold, a gap of the data rather than of matching."""
    index = store.index()
    if _HELD[0] is not index:               # the last index's keys only: one store is evaluated at a time
        _HELD[:] = [index, frozenset(k for gi in index.gis
                                     for k in (gi.id.split(":", 1)[-1], gi.id, *map(fold, gi.names)))]
    return _HELD[1]


_HELD: list = [None, frozenset()]


# a case file may name its script by its ISO 15924 code: the tables name it as gimatch does
ISO_SCRIPTS = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Hang": "Hangul", "Hani": "Han", "Thai": "Thai"}


def _positive(store, case: dict, where: str) -> dict:
    if not isinstance(case, dict) or not isinstance(case.get("q"), str) or not isinstance(case.get("any"), list):
        raise InputError("a positive needs 'q' (text) and 'any' (a list)", where=where)
    wanted = {str(x) for x in case["any"]} | {fold(str(x)) for x in case["any"]}
    result = store.check(case["q"], limit=10)
    ranked = result.conflicts + result.pending          # pending GIs (applied, published) rank after
    rank = next((r for r, c in enumerate(ranked, 1) if _matches(c, wanted, store)), None)
    top = ranked[0] if ranked else None
    return {"q": case["q"], "case_kind": case.get("kind", ""), "slice": case.get("slice", ""),
            "script": ISO_SCRIPTS.get(case.get("script"), case.get("script")) or dominant_script(fold(case["q"])),
            "rank": rank,
            "found_kind": ranked[rank - 1].kind if rank else None, "score": ranked[rank - 1].score if rank else None,
            "top": f"{top.gi} {top.kind} {top.score:.0f}" if top else None,
            "in_shared_data": case.get("in_shared_data"), "part": part_of(case["q"]),
            "held": bool(wanted & _held(store))}


def evaluate(store, path: str, *, part: str = "all") -> dict:
    """Recall and false alarms of one case file (``part``: dev, heldout or all of its cases)."""
    return evaluate_cases(store, _load(path), part=part, where=path)


def evaluate_cases(store, cases: dict, *, part: str = "all", where: str = "cases") -> dict:
    if part not in PARTS:
        raise InputError(f"part must be one of {', '.join(PARTS)}")
    keep = lambda q: part == "all" or part_of(q) == part  # noqa: E731
    rows = [_positive(store, case, f"{where}: positive {i}") for i, case in enumerate(cases.get("positives", []), 1)
            if isinstance(case, dict) and keep(str(case.get("q", "")))]
    negatives = []
    for q in cases.get("negatives", []):
        if not isinstance(q, str):
            raise InputError("a negative is a text", where=f"{where}: negatives")
        if keep(q):
            result = store.check(q)
            negatives.append({"q": q, "conflicts": [(c.gi, c.kind, c.score, c.severity) for c in result.conflicts]})
    generic = []
    for q in cases.get("generic", []):
        result = store.check(q)
        generic.append({"q": q, "identical": [c.gi for c in result.conflicts + result.pending if c.kind == "identical"],
                        "conflicts": [(c.gi, c.kind, c.score) for c in result.conflicts[:3]]})
    return {**summary(rows), "negatives": len(negatives), "false_positives": sum(bool(x["conflicts"]) for x in negatives),
            "false_positive_rate": round(sum(bool(x["conflicts"]) for x in negatives) / (len(negatives) or 1), 4),
            "generic_reported_identical": sum(bool(x["identical"]) for x in generic),
            "by_script": breakdown(rows, "script"), "by_slice": breakdown(rows, "slice"),
            "by_kind": breakdown(rows, "case_kind"), "cases": rows, "negative_cases": negatives,
            "generic_cases": generic}


def summary(rows: list[dict]) -> dict:
    n = len(rows) or 1
    return {"positives": len(rows), "recall_at_1": round(sum(r["rank"] == 1 for r in rows) / n, 3),
            "recall_at_5": round(sum(bool(r["rank"] and r["rank"] <= 5) for r in rows) / n, 3)}


def breakdown(rows: list[dict], key: str) -> dict:
    out: dict[str, dict] = {}
    for r in rows:
        s = out.setdefault(str(r[key]), {"cases": 0, "at1": 0, "at5": 0})
        s["cases"] += 1
        s["at1"] += bool(r["rank"] == 1)
        s["at5"] += bool(r["rank"] and r["rank"] <= 5)
    return dict(sorted(out.items()))


def table(title: str, groups: dict) -> list[str]:
    lines = [f"{title:<34} cases    @1    @5"]
    for name, s in groups.items():
        lines.append(f"{name[:34]:<34} {s['cases']:>5} {s['at1'] / s['cases']:>5.2f} {s['at5'] / s['cases']:>5.2f}")
    return lines


def render(report: dict) -> str:
    lines = [f"positives {report['positives']}: recall@1 {report['recall_at_1']:.3f}, recall@5 {report['recall_at_5']:.3f}",
             f"negatives {report['negatives']}: false positives {report['false_positives']}",
             f"generic terms reported as identical: {report['generic_reported_identical']}", ""]
    lines += table("script", report["by_script"]) + [""]
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


_PLACE_NAMED = "alcoholic_beverages"      # wines, spirits, sake: their names are place names


def names_without_product_word(path) -> frozenset[tuple[str, str]]:
    """The (GI id, name) pairs a labelled file (eval/cases/names_without_product_word.csv) says carry no
    product word."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return frozenset((row["gi_id"], row["name"]) for row in csv.DictReader(line for line in fh
                                                                               if not line.startswith("#")))


def lexicon_coverage(store, without: frozenset[tuple[str, str]] = frozenset()) -> dict[str, dict]:
    """Per register: of the names that carry a product word, how many have it recognised by the lexicon, and
    a few that do not. A name carries one when it is not a wine's, a spirit's or a sake's (their names are
    places), is not one of ``without`` ((GI id, name) pairs labelled as carrying none: Sierra Mágina, a breed,
    the product's own name) and is written in Chinese, Japanese, Korean or Thai (three characters or more:
    龙井茶, 江戸崎かぼちゃ, กาแฟดอยตุง), or in two words or more for goods of a class the register states (Queso de
    Murcia)."""
    from .text.anatomy import STOPWORDS, anatomy
    from .text.fold import is_spaceless_script
    from .text.lexicon import class_lineage

    out: dict[str, dict] = {}
    for register in store.registers():
        names = found = 0
        missed: list[str] = []
        for gi in store.records(register["register"]):
            common = gi.product_class.common if gi.product_class else None
            if _PLACE_NAMED in class_lineage(common):
                continue
            for name in gi.names:
                if (gi.id, name.text) in without:
                    continue
                folded = fold(name.text)
                script = dominant_script(folded)
                if is_spaceless_script(script) or script == "Hangul":
                    if len(folded.replace(" ", "")) < 3:
                        continue
                elif not common or len([t for t in folded.split() if t not in STOPWORDS]) < 2:
                    continue
                names += 1
                if anatomy(name.text).terms:
                    found += 1
                elif len(missed) < 10:
                    missed.append(name.text)
        if names:
            out[register["register"]] = {"names": names, "recognised": found, "share": round(found / names, 3),
                                         "missed": missed}
    return out
