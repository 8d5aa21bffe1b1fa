"""Briefing reports on the China–EU agreement: progress by annex (with each annex's official size), party,
province or member state, product class and status, and protection over time, as Markdown, a self-contained
HTML page (inline SVG charts, print-friendly CSS, no external assets), CSV or JSON, in English or Chinese.

Every figure comes from :mod:`gimatch.agreement` and :mod:`gimatch.timeline`. The headline counts each GI
once (a pilot name listed again in Annex IV is one GI); the tables count entries per annex.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import unicodedata
import io
import json

from . import agreement, bundled
from .errors import UsageError

STATES = ("protected", "pending", "unknown", "not protected", "dropped")
COLOURS = {"protected": "#2e7d32", "pending": "#f9a825", "unknown": "#90a4ae", "not protected": "#c62828",
           "dropped": "#9e9e9e", "unidentified": "#ffffff"}
LABELS = {
    "en": {"title": "China–EU agreement on geographical indications: progress", "data_of": "Status on",
           "annex": "Annex or list", "party": "Party", "where": "Province or member state",
           "class": "Product class", "status": "Status", "names": "Entries", "linked_eu": "Linked to the EU register",
           "official_size": "Official size", "unidentified": "Not yet identified", "protected": "Protected",
           "pending": "Pending", "unknown": "Start unknown", "not protected": "Not protected", "dropped": "Dropped",
           "by": "By", "chart": "Entries per annex by status (outline: the annex's official size)",
           "chart_time": "GIs of the lists protected over time", "in_eu": "Chinese GIs protected in the EU",
           "in_cn": "EU GIs protected in China", "gaps": "Entries with missing facts (work list)",
           "headline": "{gis} distinct GIs named in the lists ({cn} Chinese, {eu} EU); protected today: {p_eu} in the "
                       "EU and {p_cn} in China.",
           "sizes": "Annex III {III} of 100 known · Annex IV {IV} of 96 · Annex V {V} of 175 · Annex VI {VI} of 175",
           "stale": "Data over a year old: {registers}.",
           "note": "Status on the date shown, from each GI's dated timeline (any basis of protection counts). "
                   "Sources per entry are in the JSON form.",
           "CN": "China", "EU": "European Union", "?": "not stated", "CN?": "China (province not stated)"},
    "zh": {"title": "中欧地理标志协定：进展", "data_of": "状态日期", "annex": "附录或清单", "party": "缔约方",
           "where": "省份或成员国", "class": "产品类别", "status": "状态", "names": "条目数", "linked_eu": "已关联欧盟登记",
           "official_size": "协定规定数量", "unidentified": "尚未确认", "protected": "已保护", "pending": "审核中",
           "unknown": "起始日期不详", "not protected": "未受保护", "dropped": "未列入", "by": "按",
           "chart": "各附录条目及状态（外框为协定规定数量）", "chart_time": "清单中的地理标志受保护数量变化",
           "in_eu": "在欧盟受保护的中国地理标志", "in_cn": "在中国受保护的欧盟地理标志", "gaps": "信息不全的条目（工作清单）",
           "headline": "清单共涉及{gis}个地理标志（中方{cn}个，欧方{eu}个）；目前在欧盟受保护{p_eu}个，在中国受保护{p_cn}个。",
           "sizes": "附录三已知{III}个（共100个）· 附录四已知{IV}个（共96个）· 附录五已知{V}个（共175个）· 附录六已知{VI}个（共175个）",
           "stale": "数据已超过一年：{registers}。",
           "note": "状态依据各地理标志按日期排列的保护记录推定（任何保护依据均计入）；各条目的来源见JSON格式。",
           "CN": "中国", "EU": "欧盟", "?": "未注明", "CN?": "中国（省份未注明）"},
}
ANNEX_NAMES = {
    "en": {"III": "Annex III", "IV": "Annex IV", "V": "Annex V", "VI": "Annex VI", "VII": "Annex VII",
           "III|V": "Annex III or V", "V|VII": "Annex V or VII", "pilot-10+10": "10+10 pilot (2007–2012)",
           "2017-list": "2017 lists for comment"},
    "zh": {"III": "附录三", "IV": "附录四", "V": "附录五", "VI": "附录六", "VII": "附录七", "III|V": "附录三或五",
           "V|VII": "附录五或七", "pilot-10+10": "中欧“10+10”地理标志互认试点（2007–2012）",
           "2017-list": "2017年公示清单"},
}


@functools.lru_cache(maxsize=1)
def _place_names() -> dict[str, dict[str, str]]:
    return {r["key"]: r for r in bundled.read_table("place_names_zh.csv")}


@functools.lru_cache(maxsize=1)
def _class_names() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in bundled.read_table("classes.csv")}


def _label(dim: str, key: str, lang: str) -> str:
    """A table key in the report's language: annex names, parties, places, classes and statuses."""
    if dim == "annex":
        return ANNEX_NAMES[lang].get(key, key)
    if dim == "party":
        return LABELS[lang].get(key, key)
    if dim == "where":
        if key in ("?", "CN?"):
            return LABELS[lang][key]
        parts = [(_place_names().get(k) or {}).get("zh" if lang == "zh" else "en", k) for k in key.split(", ")]
        return "、".join(parts) if lang == "zh" else ", ".join(parts)
    if dim == "class":
        row = _class_names().get(key)
        return row["label_zh" if lang == "zh" else "label_en"] if row else LABELS[lang]["?"] if key == "?" else key
    if dim == "status":
        return LABELS[lang].get(key, key)
    return key


def data(store, on: dt.date | None = None) -> dict:
    """The report's figures as of a date: the headline (each GI once), per annex with official sizes,
    per party, place, class and status, protection over time, gaps and the age of the data."""
    on = on or dt.date.today()
    status = agreement.status(store, on)
    es = [e for e in agreement.entries(store) if e.annex in status["annexes"]]
    dims: dict[str, dict[str, dict]] = {"annex": {}, "party": {}, "where": {}, "class": {}, "status": {}}
    gis: dict[str, tuple[str, str, dt.date | None]] = {}      # one GI once: party, state, protection start
    for e in es:
        state = e.state(on)
        answer = e.answer(on)
        keys = {"annex": e.annex, "party": e.party,
                "where": (e.gi.places[0] if e.party == "CN" and e.gi.places else "CN?" if e.party == "CN"
                          else ", ".join(e.gi.countries) or "?"),
                "class": (e.gi.product_class.common if e.gi.product_class and e.gi.product_class.common else "?"),
                "status": state}
        for dim, key in keys.items():
            row = dims[dim].setdefault(key, {"names": 0, "linked_eu": 0, **{s: 0 for s in STATES}})
            row["names"] += 1
            row["linked_eu"] += e.eu_record is not None
            row[state] += 1
        key = e.eu_record or e.records[0].id
        start = answer.since or answer.known_by if answer.protected else None
        if key not in gis or (state == "protected" and gis[key][1] != "protected"):
            gis[key] = (e.party, state, start)
    for annex, row in dims["annex"].items():
        a = status["annexes"][annex]
        row.update(official_size=a["official_size"], unidentified=a["unidentified"], known=a["known"])
    order = {k: i for i, k in enumerate(agreement.ANNEX_ORDER)}
    dims["annex"] = dict(sorted(dims["annex"].items(), key=lambda kv: order.get(kv[0], 99)))
    for dim in ("party", "where", "class", "status"):
        dims[dim] = dict(sorted(dims[dim].items(), key=lambda kv: (-kv[1]["names"], kv[0])))
    protected_now = {p: sum(1 for party, s, _ in gis.values() if party == p and s == "protected") for p in ("CN", "EU")}
    headline = {"gis": len(gis), "cn": sum(1 for p, _, _ in gis.values() if p == "CN"),
                "eu": sum(1 for p, _, _ in gis.values() if p == "EU"),
                "protected_in_eu": protected_now["CN"], "protected_in_cn": protected_now["EU"],
                "known": {a: status["annexes"].get(a, {}).get("known", 0) for a in ("III", "IV", "V", "VI")}}
    stale = sorted(r["register"] for r in store.registers()
                   if r["register"] in ("eu.eambrosia", "agreement.china_eu", "cn.gi_products") and r["stale"])
    return {"date": on.isoformat(), "headline": headline, "total_entries": len(es), "by": dims,
            "over_time": _over_time(gis, on), "gaps": len(agreement.gaps(store, es)), "stale": stale}


def _over_time(gis: dict, on: dt.date) -> list[dict]:
    """Distinct GIs of the lists protected in each territory at the end of each year, and on the date."""
    dates = [dt.date(y, 12, 31) for y in range(2010, on.year)] + [on]
    out = []
    for d in dates:
        out.append({"date": d.isoformat(),
                    "EU": sum(1 for p, _, s in gis.values() if p == "CN" and s and s <= d),
                    "CN": sum(1 for p, _, s in gis.values() if p == "EU" and s and s <= d)})
    return out


def render(store, fmt: str, lang: str = "en", on: dt.date | None = None) -> str:
    if lang not in LABELS:
        raise UsageError("--lang is en or zh")
    d = data(store, on)
    if fmt == "json":
        return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(d, lang)
    if fmt == "md":
        return _markdown(d, lang)
    if fmt == "html":
        return _html(d, lang)
    raise UsageError("--format is md, html, csv, json or pdf")


def _columns(dim: str) -> tuple[str, ...]:
    return (("official_size", "names", "unidentified") if dim == "annex" else ("names",)) + ("linked_eu", *STATES)


def _cell(row: dict, col: str) -> str:
    value = row.get(col)
    return "–" if value is None else str(value)


def _headline(d: dict, lang: str) -> list[str]:
    t, h = LABELS[lang], d["headline"]
    lines = [t["headline"].format(gis=h["gis"], cn=h["cn"], eu=h["eu"], p_eu=h["protected_in_eu"],
                                  p_cn=h["protected_in_cn"]), t["sizes"].format(**h["known"])]
    if d["stale"]:
        lines.append(t["stale"].format(registers=", ".join(d["stale"])))
    return lines


def _csv(d: dict, lang: str) -> str:
    from .output import safe_cell

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    columns = _columns("annex")
    w.writerow(["date", "dimension", "key", "label", *columns])
    for dim, rows in d["by"].items():
        for key, row in rows.items():
            w.writerow([safe_cell(v) for v in (d["date"], dim, key, _label(dim, key, lang),
                                               *(row.get(c, "") for c in columns))])
    return out.getvalue()


def _markdown(d: dict, lang: str) -> str:
    t = LABELS[lang]
    lines = [f"# {t['title']}", "", f"{t['data_of']}: {d['date']}", "", *[f"- {x}" for x in _headline(d, lang)], ""]
    for dim in ("annex", "party", "where", "class", "status"):
        cols = _columns(dim)
        lines += [f"## {t['by']} {t[dim]}" if lang == "en" else f"## {t['by']}{t[dim]}", "",
                  "| " + " | ".join([t[dim], *(t[c] for c in cols)]) + " |", "|" + "---|" * (len(cols) + 1)]
        lines += ["| " + " | ".join([_label(dim, key, lang).replace("|", "\\|"), *(_cell(row, c) for c in cols)]) + " |"
                  for key, row in d["by"][dim].items()]
        lines.append("")
    lines += [f"{t['gaps']}: {d['gaps']}", "", t["note"], ""]
    return "\n".join(lines)


def _text_width(text: str, size: int = 12) -> int:
    """About how wide a text is drawn at ``size`` px: wide (CJK) characters a full em, others about 0.6 em."""
    return int(sum(size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.6 for ch in text))


def _bar_chart(d: dict, lang: str) -> str:
    t = LABELS[lang]
    rows = d["by"]["annex"]
    bar_h, gap, top = 22, 10, 34
    left = min(420, max(120, 16 + max((_text_width(_label("annex", a, lang)) for a in rows), default=0)))
    width = left + 470
    height = top + len(rows) * (bar_h + gap) + 44
    most = max((max(r["names"], r.get("official_size") or 0) for r in rows.values()), default=1)
    scale = (width - left - 60) / most
    e = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{e(t["chart"])}" font-size="12">',
             f'<text x="0" y="16" font-weight="bold">{e(t["chart"])}</text>']
    for i, (annex, row) in enumerate(rows.items()):
        y = top + i * (bar_h + gap)
        parts.append(f'<text x="{left - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end">{e(_label("annex", annex, lang))}</text>')
        x = left
        for state in STATES:
            w = row[state] * scale
            if w:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[state]}">'
                             f'<title>{e(_label("annex", annex, lang))}: {row[state]} {e(t[state])}</title></rect>')
                x += w
        size = row.get("official_size")
        if size:
            parts.append(f'<rect x="{left}" y="{y - 2}" width="{size * scale:.1f}" height="{bar_h + 4}" fill="none" '
                         f'stroke="#333" stroke-dasharray="4 2"/>')
        label = f"{row['names']}" + (f" / {size}" if size else "")
        parts.append(f'<text x="{left + max(x - left, (size or 0) * scale) + 6:.1f}" y="{y + bar_h * 0.7:.0f}">{label}</text>')
    y = height - 16
    for i, state in enumerate(STATES):
        parts.append(f'<rect x="{10 + i * 140}" y="{y - 10}" width="12" height="12" fill="{COLOURS[state]}"/>'
                     f'<text x="{10 + i * 140 + 16}" y="{y}">{e(t[state])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _time_chart(d: dict, lang: str) -> str:
    t = LABELS[lang]
    series = d["over_time"]
    width, height, left, bottom, top = 720, 260, 50, 40, 30
    most = max((max(p["EU"], p["CN"]) for p in series), default=1) or 1
    step = (width - left - 20) / max(len(series) - 1, 1)
    ys = lambda v: top + (height - top - bottom) * (1 - v / most)  # noqa: E731
    e = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{e(t["chart_time"])}" font-size="12">',
             f'<text x="0" y="16" font-weight="bold">{e(t["chart_time"])}</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 20}" y2="{height - bottom}" stroke="#999"/>']
    for tick in range(0, most + 1, max(most // 4, 1)):
        parts.append(f'<text x="{left - 6}" y="{ys(tick) + 4:.0f}" text-anchor="end">{tick}</text>'
                     f'<line x1="{left}" y1="{ys(tick):.1f}" x2="{width - 20}" y2="{ys(tick):.1f}" stroke="#eee"/>')
    for i, p in enumerate(series):
        if i % 2 == 0 or i == len(series) - 1:
            parts.append(f'<text x="{left + i * step:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                         f'{p["date"][:4]}</text>')
    for key, colour, label in (("EU", "#1565c0", t["in_eu"]), ("CN", "#c62828", t["in_cn"])):
        points = " ".join(f"{left + i * step:.1f},{ys(p[key]):.1f}" for i, p in enumerate(series))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2">'
                     f'<title>{e(label)}</title></polyline>')
    for i, (colour, label) in enumerate((("#1565c0", t["in_eu"]), ("#c62828", t["in_cn"]))):
        parts.append(f'<rect x="{left + i * 300}" y="{height - 14}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{left + i * 300 + 16}" y="{height - 4}">{e(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


STYLE = ("body{font-family:'Noto Sans','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif;"
         "max-width:980px;margin:2em auto;padding:0 1em;color:#222}"
         "table{border-collapse:collapse;margin-bottom:1.5em;width:100%;table-layout:auto}"
         "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}"
         "td:first-child,th:first-child{text-align:left;overflow-wrap:anywhere}th{background:#f0f0f0}"
         "svg{max-width:100%;height:auto}.headline{font-size:1.1em}"
         "@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}"
         "table,svg{break-inside:avoid}th{background:#eee!important;-webkit-print-color-adjust:exact;"
         "print-color-adjust:exact}@page{size:A4;margin:15mm}}")


def _html(d: dict, lang: str) -> str:
    t = LABELS[lang]
    e = html.escape

    def table(dim: str) -> str:
        cols = _columns(dim)
        head = "".join(f"<th>{e(t[c])}</th>" for c in cols)
        body = "".join(f"<tr><td>{e(_label(dim, key, lang))}</td>" + "".join(f"<td>{_cell(row, c)}</td>" for c in cols)
                       + "</tr>" for key, row in d["by"][dim].items())
        title = f"{t['by']} {t[dim]}" if lang == "en" else f"{t['by']}{t[dim]}"
        return (f"<h2>{e(title)}</h2><table><thead><tr><th>{e(t[dim])}</th>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table>")

    headline = "".join(f"<p class=\"headline\">{e(x)}</p>" for x in _headline(d, lang))
    return (f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(t['title'])}</title><style>{STYLE}</style></head><body><h1>{e(t['title'])}</h1>"
            f"<p>{e(t['data_of'])}: {d['date']}</p>{headline}{_bar_chart(d, lang)}{_time_chart(d, lang)}"
            + "".join(table(dim) for dim in ("annex", "party", "where", "class", "status"))
            + f"<p>{e(t['gaps'])}: {d['gaps']}</p><p><small>{e(t['note'])}</small></p></body></html>\n")


def render_pdf(store, lang: str, on: dt.date | None, out_path: str) -> None:
    """The HTML report printed to PDF with WeasyPrint (the optional ``pdf`` extra), which needs no browser.
    Without it, print the HTML page from a browser (its CSS lays it out for A4)."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise UsageError("--format pdf needs WeasyPrint: pip install 'gimatch[pdf]' (or print the --format html "
                         "page from a browser)") from None
    from .output import open_output

    pdf = HTML(string=render(store, "html", lang, on)).write_pdf()
    with open_output(out_path, encoding="latin-1") as fh:       # bytes through a 1:1 codec
        fh.write(pdf.decode("latin-1"))
