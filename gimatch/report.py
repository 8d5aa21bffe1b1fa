"""Briefing reports on the China–EU agreement: progress by annex, party, province or member state,
product class and status, as Markdown, self-contained HTML (inline SVG, no external assets), CSV or JSON,
with English or Chinese labels."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json

from . import agreement
from .errors import UsageError

LABELS = {
    "en": {"title": "China–EU agreement on geographical indications: progress", "data_of": "Data as of",
           "annex": "Annex / list", "party": "Party", "where": "Province or member state", "class": "Product class",
           "status": "Status", "names": "Names", "linked_eu": "Linked to EU register", "protected": "Protected",
           "pending": "Pending", "dropped": "Dropped", "unknown": "Unknown", "by": "By",
           "chart": "Names per annex by status", "gaps": "Names with gaps (work list)",
           "note": "Status derived from the listed events on the date shown; sources per name in the JSON form."},
    "zh": {"title": "中欧地理标志协定：进展", "data_of": "数据日期", "annex": "附录/清单", "party": "缔约方",
           "where": "省份或成员国", "class": "产品类别", "status": "状态", "names": "名称数", "linked_eu": "已关联欧盟登记",
           "protected": "已保护", "pending": "待定", "dropped": "已删除", "unknown": "未知", "by": "按",
           "chart": "各附录名称及状态", "gaps": "信息不全的名称（工作清单）",
           "note": "状态根据所列事件按所示日期推定；每个名称的来源见 JSON 格式。"},
}
STATES = ("protected", "pending", "dropped", "unknown")
COLOURS = {"protected": "#2e7d32", "pending": "#f9a825", "dropped": "#9e9e9e", "unknown": "#90a4ae"}


def data(store, on: dt.date | None = None) -> dict:
    """The report's figures: per dimension, per key, names and their states."""
    on = on or dt.date.today()
    es = agreement.entries(store)
    dims: dict[str, dict[str, dict]] = {"annex": {}, "party": {}, "where": {}, "class": {}}
    for e in es:
        state = e.state(None, on)[0]
        keys = {"annex": e.annex, "party": e.party,
                "where": (e.gi.places[0] if e.party == "CN" and e.gi.places else
                          ", ".join(e.gi.countries) or "?"),
                "class": (e.gi.product_class.common or e.gi.product_class.label) if e.gi.product_class else "?"}
        for dim, key in keys.items():
            row = dims[dim].setdefault(key, {"names": 0, "linked_eu": 0, **{s: 0 for s in STATES}})
            row["names"] += 1
            row["linked_eu"] += e.eu_record is not None
            row[state] += 1
    order = {k: i for i, k in enumerate(agreement.ANNEX_ORDER)}
    dims["annex"] = dict(sorted(dims["annex"].items(), key=lambda kv: order.get(kv[0], 99)))
    for dim in ("party", "where", "class"):
        dims[dim] = dict(sorted(dims[dim].items(), key=lambda kv: (-kv[1]["names"], kv[0])))
    return {"date": on.isoformat(), "total": len(es), "by": dims, "gaps": len(agreement.gaps(store, es))}


def render(store, fmt: str, lang: str = "en", on: dt.date | None = None) -> str:
    if lang not in LABELS:
        raise UsageError("--lang is en or zh")
    d = data(store, on)
    if fmt == "json":
        return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(d)
    if fmt == "md":
        return _markdown(d, LABELS[lang])
    if fmt == "html":
        return _html(d, LABELS[lang], lang)
    raise UsageError("--format is md, html, csv or json")


def _columns() -> tuple[str, ...]:
    return ("names", "linked_eu", *STATES)


def _csv(d: dict) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["date", "dimension", "key", *_columns()])
    for dim, rows in d["by"].items():
        for key, row in rows.items():
            w.writerow([d["date"], dim, key, *(row[c] for c in _columns())])
    return out.getvalue()


def _markdown(d: dict, t: dict) -> str:
    lines = [f"# {t['title']}", "", f"{t['data_of']}: {d['date']} · {d['total']} {t['names']}", ""]
    for dim in ("annex", "party", "where", "class"):
        lines += [f"## {t['by']} {t[dim]}", "", "| " + " | ".join([t[dim], *(t[c] for c in _columns())]) + " |",
                  "|" + "---|" * (len(_columns()) + 1)]
        lines += ["| " + " | ".join([key.replace("|", "\\|"), *(str(row[c]) for c in _columns())]) + " |"
                  for key, row in d["by"][dim].items()]
        lines.append("")
    lines += [f"{t['gaps']}: {d['gaps']}", "", t["note"], ""]
    return "\n".join(lines)


def _svg(d: dict, t: dict) -> str:
    rows = d["by"]["annex"]
    width, bar_h, gap, left = 640, 22, 8, 110
    top = 30
    height = top + len(rows) * (bar_h + gap) + 40
    most = max((r["names"] for r in rows.values()), default=1)
    scale = (width - left - 60) / most
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{html.escape(t["chart"])}" font-family="sans-serif" font-size="12">',
             f'<text x="0" y="16" font-weight="bold">{html.escape(t["chart"])}</text>']
    for i, (annex, row) in enumerate(rows.items()):
        y = top + i * (bar_h + gap)
        parts.append(f'<text x="{left - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end">{html.escape(annex)}</text>')
        x = left
        for state in STATES:
            w = row[state] * scale
            if w:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[state]}">'
                             f'<title>{html.escape(annex)}: {row[state]} {html.escape(t[state])}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + bar_h * 0.7:.0f}">{row["names"]}</text>')
    y = height - 14
    for i, state in enumerate(STATES):
        parts.append(f'<rect x="{left + i * 120}" y="{y - 10}" width="12" height="12" fill="{COLOURS[state]}"/>'
                     f'<text x="{left + i * 120 + 16}" y="{y}">{html.escape(t[state])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _html(d: dict, t: dict, lang: str) -> str:
    def table(dim: str) -> str:
        head = "".join(f"<th>{html.escape(t[c])}</th>" for c in _columns())
        body = "".join(f"<tr><td>{html.escape(key)}</td>" + "".join(f"<td>{row[c]}</td>" for c in _columns()) + "</tr>"
                       for key, row in d["by"][dim].items())
        return (f"<h2>{html.escape(t['by'])} {html.escape(t[dim])}</h2><table><thead><tr><th>{html.escape(t[dim])}</th>"
                f"{head}</tr></thead><tbody>{body}</tbody></table>")

    style = ("body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
             "text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f0f0f0}")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(t["title"])}</title>'
            f"<style>{style}</style></head><body><h1>{html.escape(t['title'])}</h1>"
            f"<p>{html.escape(t['data_of'])}: {d['date']} · {d['total']} {html.escape(t['names'])} · "
            f"{html.escape(t['gaps'])}: {d['gaps']}</p>{_svg(d, t)}"
            + "".join(table(dim) for dim in ("annex", "party", "where", "class"))
            + f"<p><small>{html.escape(t['note'])}</small></p></body></html>\n")
