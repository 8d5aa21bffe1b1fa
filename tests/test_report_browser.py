"""The agreement report in a real headless browser (Debian's chromium; ``make browser-test`` installs it with
the CJK and Thai fonts): both languages render, every character has a glyph in an installed font, no table,
chart label or page overflows, and a screenshot is taken of each. Skipped where no chromium is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gimatch.report import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (make browser-test installs it)")

# Run in the page once it has laid out: what overflows, and the text as rendered.
PROBE = """<script>
window.addEventListener("load", () => {
  const over = [];
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth + 1) over.push("page " + page.scrollWidth + " > " + window.innerWidth);
  document.querySelectorAll("table").forEach((t, i) => {
    const box = t.parentElement.getBoundingClientRect();
    if (t.getBoundingClientRect().right > box.right + 1) over.push("table " + i);
  });
  document.querySelectorAll("svg").forEach((svg, i) => {
    const w = svg.viewBox.baseVal.width || svg.width.baseVal.value;
    svg.querySelectorAll("text").forEach(t => {
      const b = t.getBBox();
      if (b.x < -0.5 || b.x + b.width > w + 0.5) over.push("svg " + i + " text " + t.textContent);
    });
  });
  document.body.setAttribute("data-probe", JSON.stringify({over: over, text: document.body.innerText}));
});
</script>"""


def _chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
                          capture_output=True, text=True, timeout=120)


def _font_coverage() -> list[tuple[int, int]]:
    out = subprocess.run(["fc-list", "--format", "%{charset}\\n"], capture_output=True, text=True, check=True).stdout
    ranges = []
    for token in out.split():
        lo, _, hi = token.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_renders_whole_in_a_browser(bundled_store, lang, tmp_path):
    page = render(bundled_store, "html", lang)
    path = tmp_path / f"report-{lang}.html"
    path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium("--window-size=1200,900", "--virtual-time-budget=3000", "--dump-dom", path.as_uri()).stdout
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, dom[:500]
    probe = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                       .replace("&gt;", ">"))
    assert probe["over"] == []                                        # nothing overflows or is clipped
    text = probe["text"]
    if lang == "zh":
        assert "附录三" in text and "中欧“10+10”地理标志互认试点" in text and "pilot-10+10" not in text
        assert "plant_products" not in text and "protected" not in text
    else:
        assert "Annex III" in text and "10+10 pilot" in text and "plant_products" not in text
    ranges = _font_coverage()
    missing = sorted({ch for ch in text if not ch.isspace() and not any(lo <= ord(ch) <= hi for lo, hi in ranges)})
    assert missing == []                                              # every character has a glyph
    shot = Path(os.environ.get("GIMATCH_SCREENSHOTS", tmp_path)) / f"report-{lang}.png"
    plain = tmp_path / f"plain-{lang}.html"
    plain.write_text(page, encoding="utf-8")
    _chromium("--window-size=1200,2400", f"--screenshot={shot}", plain.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_pdf_without_a_browser(bundled_store, tmp_path):
    pytest.importorskip("weasyprint", reason="the pdf extra is not installed")
    from gimatch.report import render_pdf

    out = tmp_path / "report.pdf"
    render_pdf(bundled_store, "zh", None, str(out))
    assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 50_000
