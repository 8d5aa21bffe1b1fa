"""The United States and the China–EU agreement lists. The AVA attribute table, the USPTO list and the
agreement list are the real files in shared/registers; the USPTO case-file XML is a fixture following
the layout of the USPTO trademark case-file bulk XML (case-file, case-file-header, case-file-statements,
classifications, case-file-owners), with illustrative numbers."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from gimatch.errors import InputError
from gimatch.registers.agreement import china_eu
from gimatch.registers.us import ava, uspto

from .conftest import SHARED, needs_shared

DATA = Path(__file__).parent / "data/registers"
AVA = SHARED / "registers/us/ttb_ava_attributes.csv"


@needs_shared
def test_ava_attribute_table():
    result = ava.load(str(AVA))
    assert (result.read, len(result.records), result.rejects) == (333, 269, [])
    assert result.note == "269 current AVAs, 64 superseded boundary versions counted on them"
    napa = next(g for g in result.records if g.id == "us.ava:9.23")
    assert napa.names[0].text == "Napa Valley" and napa.dates.registered == dt.date(1981, 2, 27)
    assert napa.places[:2] == ["CA", "Napa"] and napa.product_class.common == "wine"
    assert napa.native["within"] == "North Coast" and napa.protections[0].instrument == "27 CFR 9.23"
    alexander = next(g for g in result.records if g.native_id == "9.53")
    assert alexander.native["boundary_versions"] == "6"
    assert sum(1 for g in result.records if sum(len(p) == 2 for p in g.places) > 1) == 18   # multi-state AVAs
    by_state = sum(1 for g in result.records if "CA" in g.places)
    assert by_state >= 149


@needs_shared
def test_ava_geojson_gives_the_same_records(tmp_path):
    with AVA.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["name"] in ("Napa Valley", "Alexander Valley")]
    features = [{"type": "Feature", "geometry": None,
                 "properties": {k: (v or None) for k, v in r.items() if k not in ("is_current", "source_file")}}
                for r in rows]
    path = tmp_path / "avas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    from_geojson = ava.load(str(path))
    from_csv = {g.id: g for g in ava.load(str(AVA)).records}
    assert from_geojson.shape == "geojson" and len(from_geojson.records) == 2
    for gi in from_geojson.records:
        assert (gi.names, gi.dates, gi.places) == (from_csv[gi.id].names, from_csv[gi.id].dates, from_csv[gi.id].places)


def test_uspto_case_file_xml():
    result = uspto.load(str(DATA / "us_uspto_case_files.xml"))
    [idaho] = result.records
    assert (idaho.id, idaho.gi_type, idaho.holder) == ("us.uspto:700001", "certification mark", "Idaho Potato Commission")
    assert idaho.dates.registered == dt.date(1959, 7, 1) and idaho.product_class.common == "vegetables"
    assert idaho.native["certification-statement"].startswith("The certification mark certifies")
    assert result.snapshot == dt.date(2023, 12, 17)
    assert [r.field for r in result.rejects] == ["certification-mark-in", "registration-date"]


@pytest.mark.parametrize("name", ["us_uspto_xxe.xml", "us_uspto_billion_laughs.xml"])
def test_xml_entities_are_refused(name):
    with pytest.raises(InputError, match="document type declaration"):
        uspto.load(str(DATA / name))


def test_a_dtd_anywhere_and_in_any_encoding_is_refused(tmp_path):
    late = tmp_path / "late.xml"        # the declaration after 64 KB of comment
    late.write_text('<?xml version="1.0"?>\n<!-- ' + "x" * 70_000 + ' -->\n<!DOCTYPE r [<!ENTITY e "boom">]>\n'
                    "<case-file>&e;</case-file>\n", encoding="utf-8")
    with pytest.raises(InputError, match="document type declaration"):
        uspto.load(str(late))
    wide = tmp_path / "wide.xml"        # UTF-16: not read as text at all
    wide.write_bytes('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE r [<!ENTITY e "x">]><case-file>&e;</case-file>'
                     .encode("utf-16"))
    with pytest.raises(InputError):
        uspto.load(str(wide))


def test_case_file_xml_after_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.xml"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "us_uspto_case_files.xml").read_bytes())
    assert uspto.load(str(path)).shape == "case-file-xml"


@needs_shared
def test_uspto_confirmed_list():
    result = uspto.load(str(SHARED / "registers/us/uspto_geographic_certification_marks_confirmed.csv"))
    assert (len(result.records), result.rejects) == (10, [])
    darjeeling = next(g for g in result.records if g.id == "us.uspto:DARJEELING")
    assert darjeeling.product_class.common == "tea" and darjeeling.status == "registered"


@needs_shared
def test_agreement_lists():
    result = china_eu.load(str(SHARED / "registers/cn/china_eu_agreement.csv"))
    assert (result.read, len(result.records), result.rejects) == (265, 265, [])
    by_annex: dict[str, int] = {}
    for gi in result.records:
        annex = gi.native_id.split("/")[0]
        by_annex[annex] = by_annex.get(annex, 0) + 1
    assert by_annex == {"III": 63, "III|V": 8, "V": 33, "V|VII": 2, "IV": 94, "VI": 36, "pilot-10+10": 20,
                        "2017-list": 9}
    anji = next(g for g in result.records if g.id == "agreement.china_eu:III/安吉白茶")
    assert [n.text for n in anji.names] == ["安吉白茶", "Anji Bai Cha", "Anji White Tea"]
    protection = anji.protections[0]
    assert (protection.territory, protection.annex, protection.since) == ("EU", "III", dt.date(2021, 3, 1))
    assert anji.places == ["Zhejiang"] and anji.source.url.startswith("https://en.ctma.com.cn/")
    comte = next(g for g in result.records if g.id == "agreement.china_eu:IV/Comté")
    assert comte.protections[0].territory == "CN" and comte.countries == ["FR"]
    scotch = next(g for g in result.records if g.id == "agreement.china_eu:2017-list/Scotch Whisky")
    assert scotch.protections == [] and scotch.countries == ["GB"]
