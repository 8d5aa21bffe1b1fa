"""The China–EU agreement tracker: links, status as of a date, diffs, gaps, validation, reports."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gimatch import agreement
from gimatch.report import render

from .conftest import SHARED, needs_shared

LISTS = SHARED / "registers/cn/china_eu_agreement.csv"
HEADER = "annex,party,name_original,name_zh,transliteration,translation_en,product_type,country_province,source_url,confidence,notes\n"


@needs_shared
def test_status_links_annex_iii_and_iv_to_the_eu_register(eu_store):
    annexes = agreement.status(eu_store, dt.date(2026, 11, 28))["annexes"]
    assert annexes["III"]["linked_eu"] >= 99 and annexes["III"]["protected"] == annexes["III"]["names"]
    assert annexes["IV"]["names"] >= 94 and annexes["IV"]["linked_eu"] >= 90
    assert annexes["V"]["pending"] == annexes["V"]["names"] and annexes["2017-list"]["dropped"] == 4
    before = agreement.status(eu_store, dt.date(2020, 1, 1))["annexes"]
    assert "III" not in before and before["pilot-10+10"]["protected"] == 20      # listed from 2020-09-14


def test_bundled_data_alone_links_annex_iii(store):
    assert agreement.status(store)["annexes"]["III"]["linked_eu"] >= 99


def test_an_annex_name_given_in_english_only_is_linked_by_its_place_and_product_word(store):
    """The annex writes 凤凰单丛 as Fenghuang Single Cluster: the same place and oolong as the EU entry
    PGI-CN-2696, to which it is linked (and the EU entry adds no second annex entry)."""
    gi = store.get("agreement.china_eu:III/Fenghuang Single Cluster")
    assert gi.other_ids["eu_file_number"] == "PGI-CN-2696"
    assert store.get("agreement.china_eu:III/凤凰单丛") is None


def test_of_two_entries_of_one_place_and_class_the_one_writing_the_same_product_is_linked(store):
    """武夷大红袍 (Mount Wuyi Da Hong Pao) meets two oolongs of Wuyi in the EU register, 武夷山大红袍 and 武夷岩茶:
    the first says da hong pao as the annex name does, and is the one linked."""
    gi = store.get("agreement.china_eu:III/武夷大红袍")
    assert gi.other_ids["eu_file_number"] == "PGI-CN-2699"
    assert store.get("agreement.china_eu:III/武夷山大红袍") is None
    assert store.get("agreement.china_eu:III/武夷岩茶").other_ids.get("eu_file_number") != "PGI-CN-2699"


@needs_shared
def test_asof_pixian_dou_ban(eu_store):
    before = agreement.asof(eu_store, "Pixian Dou Ban", "EU", dt.date(2021, 1, 1))
    after = agreement.asof(eu_store, "Pixian Dou Ban", "EU", dt.date(2021, 6, 1))
    assert before["protected"] is False and before["status"] == "pending"
    assert after["protected"] is True and after["basis"] == "agreement, Annex III" and after["since"] == "2021-03-01"
    assert after["eu_record"] == "eu:PGI-CN-2667"
    assert agreement.asof(eu_store, "郫县豆瓣", "CN", dt.date(2021, 6, 1))["protected"] is False


def test_one_name_has_its_events(store):
    comte = next(e for e in agreement.find(store, "Comté") if e.annex == "IV")
    kinds = [(e.kind, e.territory) for e in comte.events()]
    assert ("listed", "CN") in kinds and ("protected", "CN") in kinds and ("in force by", "CN") in kinds
    assert all(e.source and ".md" not in e.source for e in comte.events())          # public references only
    feta = next(e for e in agreement.find(store, "Feta") if e.annex == "IV")
    assert any(ev.kind == "transition" and ev.territory == "CN" for ev in feta.events())


def test_diff_between_snapshots(tmp_path):
    old = tmp_path / "old.csv"
    new = tmp_path / "new.csv"
    old.write_text(HEADER + "III,CN,安吉白茶,安吉白茶,Anji Bai Cha,,tea,CN/Zhejiang,https://a.example,partial,\n"
                   "IV,EU,Comté,,,,cheese,FR,https://b.example,confirmed,\n", encoding="utf-8")
    new.write_text(HEADER + "III,CN,安吉白茶,安吉白茶,Anji Bai Cha,Anji White Tea,tea,CN/Zhejiang,https://a.example,confirmed,\n"
                   "IV,EU,Roquefort,,,,cheese,FR,https://c.example,confirmed,\n", encoding="utf-8")
    d = agreement.diff(str(old), str(new))
    assert d["added"] == ["agreement.china_eu:IV/Roquefort"] and d["removed"] == ["agreement.china_eu:IV/Comté"]
    [changed] = d["changed"]
    assert changed["fields"]["confidence"] == {"old": "partial", "new": "confirmed"}
    assert changed["fields"]["translation_en"] == {"old": None, "new": "Anji White Tea"}


def test_validation_reports_bad_rows(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "VIII,CN,某茶,某茶,Mou Cha,,tea,CN,https://a.example,confirmed,\n"
                   "III,CN,安吉白茶,安吉白茶,Anji Bai Cha,,tea,CN,https://a.example,confirmed,\n"
                   "III,CN,安吉白茶,安吉白茶,Anji Bai Cha,,tea,CN,https://a.example,confirmed,\n"
                   "III,CN,龙井茶,龙井茶,Wuyi Yan Cha,,tea,CN,https://a.example,confirmed,\n", encoding="utf-8")
    problems = agreement.validate(str(bad))
    reasons = [(p["where"], p["reason"]) for p in problems]
    assert ("line 2", "unknown annex 'VIII' (one of III, IV, V, VI, VII, III|V, V|VII, pilot-10+10, 2017-list)") in reasons
    assert any(w == "line 4" and "duplicate" in r for w, r in reasons)
    assert any(w == "line 5" and "not the pinyin of '龙井茶'" in r for w, r in reasons)


@needs_shared
def test_the_shared_lists_validate_cleanly():
    assert agreement.validate(str(LISTS)) == []


def test_gaps_name_what_is_missing(store):
    rows = {r["id"]: r["missing"] for r in agreement.gaps(store)}
    assert {"Chinese characters", "EU register link"} <= set(rows["agreement.china_eu:III/Fenggang Zinc Selenium Tea"])
    assert "agreement.china_eu:III/郫县豆瓣" not in rows


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_reports(store, fmt):
    text = render(store, fmt, "en", dt.date(2026, 11, 28))
    assert "2026-11-28" in text
    if fmt == "html":
        assert "<svg" in text and "src=" not in text and "href=" not in text and "http" not in text.split("<svg")[0]
    if fmt == "json":
        data = json.loads(text)
        assert data["by"]["annex"]["III"]["official_size"] == 100 and data["by"]["annex"]["IV"]["official_size"] == 96
        assert data["headline"]["gis"] <= data["total_entries"]          # one GI counted once
        assert data["over_time"][-1]["date"] == "2026-11-28"
    zh = render(store, "md", "zh")
    assert "中欧地理标志协定" in zh and "附录三" in zh and "plant_products" not in zh and "pilot-10+10" not in zh
