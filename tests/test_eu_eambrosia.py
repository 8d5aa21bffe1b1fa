"""The EU reader on the real files in ../shared/registers/eu and on fixtures of the other shapes."""

from __future__ import annotations

import json

import pytest

from gimatch.errors import InputError
from gimatch.registers.eu import eambrosia

from .conftest import EU_API, EU_EXPORT, needs_shared


@pytest.fixture(scope="module")
def export():
    return eambrosia.load(str(EU_EXPORT))


@pytest.fixture(scope="module")
def api():
    return eambrosia.load(str(EU_API))


def by_id(result):
    return {gi.native_id: gi for gi in result.records}


@needs_shared
def test_export_counts(export):
    assert export.shape == "export-json"
    assert export.read == 3715
    assert len(export.records) == 3546                     # 169 procedure files are not GIs
    assert sum(len(gi.procedures) for gi in export.records) == 168
    assert [r.where for r in export.rejects] == ["PGI-HU-A1507-AM04"]   # its base GI is not in the export
    assert str(export.snapshot) == "2020-07-24"
    statuses = [gi.status for gi in export.records]
    assert statuses.count("registered") + statuses.count("removed") >= 3300


@needs_shared
def test_export_spot_checks(export):
    gis = by_id(export)
    longjing = gis["PDO-CN-0621"]
    assert [n.text for n in longjing.names] == ["龙井茶", "Longjing cha"]
    assert [n.script for n in longjing.names] == ["Han", "Latin"]
    feta = gis["PDO-GR-0427"]
    assert [n.text for n in feta.names] == ["Φέτα", "Feta"]
    assert feta.product_class.code == "1.3" and feta.product_class.common == "cheese"
    port = gis["PDO-PT-A1540"]
    assert len(port.names) == 9 and port.names[0].text == "Porto" and port.names[-1].text == "Portwijn"
    parma = gis["PDO-IT-0067"]
    assert parma.countries == ["IT"] and str(parma.dates.registered) == "1996-06-21"
    assert parma.protections[0].territory == "EU" and parma.protections[0].status == "protected"
    assert parma.product_class.label == "Class 1.2. Meat products (cooked, salted, smoked, etc.)"


@needs_shared
def test_amendment_hangs_on_base(export):
    gis = by_id(export)
    sherry = gis["PDO-ES-A1483"]
    assert [p.native_id for p in sherry.procedures] == ["PDO-ES-A1483-AM03"]
    assert sherry.procedures[0].kind == "amendment" and sherry.status == "registered"
    assert "PDO-ES-A1483-AM03" not in gis


@needs_shared
def test_lookalike_file_numbers_are_three_gis(export):
    gis = by_id(export)
    assert {"PGI-ES-0232", "PGI-ES-02321", "PGI-ES-2322"} <= set(gis)
    assert len({gis[k].names[0].text for k in ("PGI-ES-0232", "PGI-ES-02321", "PGI-ES-2322")}) == 3


@needs_shared
def test_api_v1_counts_and_records(api):
    assert api.shape == "api-v1" and api.read == 641 and len(api.records) == 641 and not api.rejects
    gis = by_id(api)
    sakar = gis["PDO-BG-A0013"]
    assert [(n.text, n.role) for n in sakar.names] == [("Сакар", "protected"), ("Sakar", "transcription")]
    moutai = gis["PGI-CN-2726"]
    texts = [n.text for n in moutai.names]
    assert texts[0] == "茅台酒（贵州茅台酒）"                      # verbatim, full-width brackets kept
    assert "贵州茅台酒" in texts and "Kweichow Moutai Chiew" in texts   # bracket content is a name too
    assert moutai.product_class.common == "spirits"
    assert sum(gi.status == "removed" for gi in api.records) == 16
    assert gis["PDO-GR-0427"].other_ids["giIdentifier"].startswith("EUGI")


def test_filter_api_shape(tmp_path):
    """Rows as the filter endpoint returns them (fields listed in DOMAIN.md §1.1.2)."""
    rows = {"count": 2, "results": [
        {"id": 1, "appUniqueId": "X1", "fileName": "PGI-CN-2704", "protectedName": "辽中玫瑰 / Liaozhong Mei Gui",
         "countryId": "cn", "countries": "China", "qualityProductType": "Food", "geographicalIndicatorTypeCode": "PGI",
         "status": "Registered", "productCategory": "Class 2.1. Beers", "registrationDate": "01/03/2021"},
        {"id": 2, "fileName": "PDO-IT-A0277", "protectedName": "Barolo", "countryId": "it",
         "qualityProductType": "Wine", "geographicalIndicatorTypeCode": "PDO", "status": "Published",
         "productCategory": "", "registrationDate": None}]}
    path = tmp_path / "filter.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = eambrosia.load(str(path))
    assert result.shape == "filter-api"
    rose, barolo = result.records
    assert [n.text for n in rose.names] == ["辽中玫瑰", "Liaozhong Mei Gui"]
    assert rose.product_class.code == "2.1" and str(rose.dates.registered) == "2021-03-01"
    assert barolo.status == "published" and barolo.protections[0].status == "pending"
    assert barolo.product_class.common == "wine"


def test_export_csv_shape(tmp_path):
    """The search export as CSV, columns as in DOMAIN.md §1.1.3 (class column in its 2024 spelling)."""
    path = tmp_path / "export.csv"
    path.write_text(
        "Product type,Name,Product category (obsolete),File number,Type,Country,Status,Legal instrument,"
        "Application date,Date of registration,Date of publication\n"
        "Food,Prosciutto di Parma,\"Class 1.2. Meat products (cooked, salted, smoked, etc.)\",PDO-IT-0067,"
        "Protected Designation of Origin (PDO),Italia,Registered,\"Official Journal L 148, 21.06.1996\",,21/06/1996,\n"
        "Food,Prosciutto di Parma,,PDO-IT-0067-AM01,Protected Designation of Origin (PDO),Italia,Applied,,,,\n"
        "Food,Bad Date,Class 1.3. Cheeses,PDO-FR-9999,Protected Designation of Origin (PDO),France,Registered,,,31/02/2001,\n",
        encoding="utf-8")
    result = eambrosia.load(str(path))
    assert result.shape == "export-csv" and result.read == 3
    assert [gi.native_id for gi in result.records] == ["PDO-IT-0067"]
    assert list(result.records)[0].procedures[0].native_id == "PDO-IT-0067-AM01"
    (reject,) = result.rejects
    assert reject.where == "line 4" and reject.field == "Date of registration" and "31/02/2001" in reject.reason


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b'[{"EA_FileNumber": "PDO-IT-0067", "EA_Name": "Prosciutto', "malformed or truncated JSON"),
    ("Name;Pays\nComté;France\n".encode(), "missing columns"),
    ("File number,Name,Status\nPDO-FR-0116,Comt\xe9,Registered\n".encode("latin-1"), "not UTF-8"),
    (b'[{"ava_id": "napa_valley", "name": "Napa Valley", "cfr_index": "9.23"}]', "not an eAmbrosia file"),
    (b"ava_id,name,aka,is_current,cfr_index\nnapa_valley,Napa Valley,,true,9.23\n", "missing columns"),
])
def test_bad_files_are_refused_with_the_file_named(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        eambrosia.load(str(path))
    assert message in str(err.value) and str(path) in str(err.value)
