"""China's three registers. No Chinese register file is public (shared/registers/cn/PROVENANCE.md), so
these readers are tested on fixtures in tests/data/registers that follow the documented layouts field
for field (DOMAIN.md §1.2: the announcement table's 公告号/公告日期/产品名称/所在地域/保护范围/产品类别, the AGI
query system's 登记年份/产品名称/省（区市）/证书持有人名称/产品类别/登记证书编号 and the announcement table with
质量控制技术规范编号, a trademark record's 注册号/商标名称/国际分类/商品/注册人/日期/商标类型). Their values
are illustrative, not register extracts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gimatch.errors import InputError
from gimatch.registers.cn import agri_gis, gi_marks, gi_products

DATA = Path(__file__).parent / "data/registers"


def test_gi_products_csv_with_bom_title_row_and_repeated_header():
    result = gi_products.load(str(DATA / "cn_gi_products_bom.csv"))
    assert (result.shape, result.read, len(result.records)) == ("csv", 4, 3)
    wuyi = result.records[0]
    assert wuyi.id == "cn.gi_products:AQSIQ-2012-111-武夷岩茶"
    assert wuyi.places == ["福建省", "南平市", "武夷山市"]
    assert wuyi.product_class.label == "茶叶（乌龙茶）" and wuyi.product_class.common == "tea"
    assert wuyi.dates.registered == dt.date(2012, 8, 24) and wuyi.legal_instrument == "AQSIQ 公告2012年第111号"
    assert wuyi.native["国家标准"] == "GB/T 18745" and wuyi.native["公告单位"] == "国家质量监督检验检疫总局"
    anxi = result.records[1]
    assert [n.text for n in anxi.names] == ["安溪铁观音（安溪鐵觀音）", "安溪鐵觀音", "安溪铁观音"]
    cognac = result.records[2]
    assert cognac.countries == ["FR"] and cognac.product_class.common == "spirits"
    [reject] = result.rejects
    assert (reject.where, reject.field) == ("line 7", "公告日期") and "does not exist" in reject.reason


def test_gi_products_gb18030_without_declaration():
    result = gi_products.load(str(DATA / "cn_gi_products_gb18030.tsv"))
    assert [g.id for g in result.records] == ["cn.gi_products:AQSIQ-2008-135-郫县豆瓣", "cn.gi_products:CNIPA-2019-12-盘锦大米"]
    assert result.records[0].product_class.common == "spices_condiments"


def test_gi_products_announcement_page():
    result = gi_products.load(str(DATA / "cn_gi_products_notice.html"))
    assert result.shape == "html"
    assert [g.native_id for g in result.records] == ["AQSIQ-2012-111-武夷岩茶", "AQSIQ-2012-111-安溪铁观音"]
    assert all(g.holder == "福建省人民政府" for g in result.records)       # rowspan carried down
    assert result.records[0].dates.registered == dt.date(2012, 8, 24)


def test_gi_marks():
    result = gi_marks.load(str(DATA / "cn_gi_marks.csv"))
    assert [g.id for g in result.records] == ["cn.gi_marks:3094321", "cn.gi_marks:6013525"]
    anji, panjin = result.records
    assert anji.gi_type == "certification mark" and panjin.gi_type == "collective mark"
    assert anji.product_class.scheme == "nice" and anji.product_class.code == "30" and anji.product_class.common == "tea"
    assert [n.text for n in panjin.names] == ["盘锦大米（PANJIN RICE）", "PANJIN RICE", "盘锦大米"]
    assert anji.dates.applied == dt.date(2002, 1, 15) and anji.protections[0].since == dt.date(2003, 6, 28)
    assert [(r.where, r.field) for r in result.rejects] == [("line 4", "商标类型"), ("line 5", "注册号")]


def test_agri_gis_query_system_export_in_gb18030():
    result = agri_gis.load(str(DATA / "cn_agri_gis_query.csv"))
    assert result.shape == "query-csv"
    assert [g.id for g in result.records] == ["cn.agri_gis:AGI2012-02-869", "cn.agri_gis:AGI2016-01-1794"]
    assert result.records[0].product_class.common == "mushrooms" and result.records[1].product_class.common == "cereals"
    assert result.records[0].holder == "平泉县食用菌协会"
    reasons = [r.reason for r in result.rejects]
    assert "differs from the year 2016" in reasons[0] and "not an AGI number" in reasons[1]


def test_agri_gis_announcement_with_merged_title_row():
    result = agri_gis.load(str(DATA / "cn_agri_gis_notice.html"))
    [gi] = result.records
    assert gi.id == "cn.agri_gis:AGI2012-02-869" and gi.places == ["河北省", "承德市", "平泉县"]
    assert gi.native["划定的保护范围"] == "平泉县所辖19个乡镇"


def test_mojibake_is_refused():
    with pytest.raises(InputError, match="mojibake"):
        gi_products.load(str(DATA / "cn_gi_products_mojibake.csv"))


def test_another_registers_file_is_refused_by_name():
    with pytest.raises(InputError, match="not a cn.gi_marks"):
        gi_marks.load(str(DATA / "cn_agri_gis_query.csv"))
