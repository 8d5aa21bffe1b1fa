"""Japan and Thailand. The confirmed lists in shared/registers/jp and /th are the readers' ``table`` layout
and are read whole; the MAFF notice page is a fixture following the numbered fields of a published
registration notice (DOMAIN.md §1.3.1), with the facts of registration no. 24 as the confirmed list has them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gimatch.errors import InputError
from gimatch.registers.jp import maff, maff_designated, nta
from gimatch.registers.tables import parse_any_date
from gimatch.registers.th import dip
from gimatch.text.anatomy import anatomy

from .conftest import SHARED, needs_shared

DATA = Path(__file__).parent / "data/registers"
JP = SHARED / "registers/jp"


@needs_shared
def test_maff_confirmed_list():
    result = maff.load(str(JP / "maff_gi_registered_confirmed.csv"))
    assert (result.read, len(result.records), result.rejects) == (89, 89, [])
    assert sum(1 for g in result.records if g.native_id.isdigit()) == 35
    gi = next(g for g in result.records if g.id == "jp.maff:24")
    assert [n.text for n in gi.names] == ["連島ごぼう", "ツラジマゴボウ", "TURAJIMA GOBOU"]
    pc = gi.product_class
    assert (pc.scheme, pc.code, pc.label, pc.common) == ("jp.maff.2015", "2", "第2類 野菜類 ごぼう", "vegetables")
    assert gi.dates.registered == dt.date(2016, 12, 7) and gi.holder == "晴れの国岡山農業協同組合"
    tajima = next(g for g in result.records if g.id == "jp.maff:2")
    assert [n.text for n in tajima.names][:2] == ["但馬牛", "Tajima Gyu"]


def test_maff_notice_page():
    result = maff.load(str(DATA / "jp_maff_notice_24.html"))
    [gi] = result.records
    assert (result.shape, gi.id, gi.dates.registered) == ("notice-html", "jp.maff:24", dt.date(2016, 12, 7))
    assert [(n.text, n.role) for n in gi.names] == [("連島ごぼう", "protected"), ("ツラジマゴボウ", "transcription"),
                                                    ("TURAJIMA GOBOU", "transcription")]
    assert gi.product_class.scheme == "jp.maff.2015" and gi.product_class.code == "2"
    assert gi.native["application_no"] == "第59号" and gi.holder == "晴れの国岡山農業協同組合"


@needs_shared
def test_maff_designated_keeps_both_class_schemes():
    result = maff_designated.load(str(JP / "maff_gi_designated_foreign_confirmed.csv"))
    assert (len(result.records), result.rejects) == (10, [])
    kren = result.records[0]
    assert kren.id == "jp.maff_designated:1" and kren.countries == ["AT"]
    schemes = [(c.scheme, c.code) for c in [kren.product_class, *kren.other_classes]]
    assert schemes == [("jp.maff.2022", "1"), ("jp.maff.2022", "8"), ("jp.maff.2015", "2"), ("jp.maff.2015", "27")]
    assert kren.protections[0].since == dt.date(2019, 2, 1) and kren.protections[0].basis == "agreement"


@needs_shared
def test_nta_same_name_in_two_categories():
    result = nta.load(str(JP / "nta_liquor_gi_confirmed.csv"))
    assert (len(result.records), result.rejects) == (26, [])
    ids = {g.id for g in result.records}
    assert {"jp.nta:山梨/ぶどう酒", "jp.nta:山梨/清酒", "jp.nta:壱岐/蒸留酒", "jp.nta:大阪"} <= ids
    iki = next(g for g in result.records if g.id == "jp.nta:壱岐/蒸留酒")
    assert iki.protections[0].since == dt.date(1995, 6, 30) and iki.product_class.common == "spirits"


@needs_shared
def test_dip_confirmed_list():
    result = dip.load(str(SHARED / "registers/th/dip_thai_gi_confirmed.csv"))
    assert (len(result.records), result.rejects) == (38, [])
    lamphun = next(g for g in result.records if g.id == "th.dip:สช 50100020")
    assert lamphun.dates.registered == dt.date(2007, 9, 27) and lamphun.product_class.common == "handicrafts"
    assert lamphun.names[1].role == "translation"         # a descriptive English phrase, not a transliteration
    doi_tung = next(g for g in result.records if g.native_id == "กาแฟดอยตุง")
    assert doi_tung.other_ids == {"eu_file_number": "PGI-TH-0814"}
    rayong = next(g for g in result.records if g.native_id == "สับปะรดสีทองระยอง")
    assert rayong.dates.registered is None and rayong.native["reg_date"] == "2019-07"   # month only: kept verbatim
    catfish = next(g for g in result.records if g.native_id == "Pla Meng Surat Thani (stinging catfish)")
    assert [n.text for n in catfish.names] == ["Pla Meng Surat Thani"]     # the gloss in brackets is no part of it
    assert catfish.native["name_en"] == "Pla Meng Surat Thani (stinging catfish)"
    mango = next(g for g in result.records if g.native_id.startswith("Nam Dok Mai"))
    assert "dok" in anatomy(mango.names[0].text, stored=True).place.split()   # no label word is taken off it


def test_dip_buddhist_era_dates_and_numbers():
    result = dip.load(str(DATA / "th_dip_be_dates.csv"))
    assert [g.dates.registered for g in result.records] == [dt.date(2007, 9, 27)]
    assert [(r.where, r.field) for r in result.rejects] == [("line 3", "reg_date_be"), ("line 4", "reg_no")]


@pytest.mark.parametrize("text, date", [
    ("平成28年12月7日", dt.date(2016, 12, 7)), ("令和元年5月1日", dt.date(2019, 5, 1)),
    ("27 กันยายน 2550", dt.date(2007, 9, 27)), ("14 ก.ค. 2566", dt.date(2023, 7, 14)),
    ("２０１２年８月２４日", dt.date(2012, 8, 24)), ("20120824", dt.date(2012, 8, 24)), ("", None),
])
def test_era_and_native_dates(text, date):
    assert parse_any_date(text, where="x", field_name="d") == date


@pytest.mark.parametrize("text", ["平成28年2月30日", "31 กุมภาพันธ์ 2551", "2012-13-01", "next Tuesday", "27 Sept 2550"])
def test_impossible_dates_are_errors(text):
    with pytest.raises(InputError):
        parse_any_date(text, where="line 2", field_name="reg_date")
