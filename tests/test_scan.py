"""gimatch scan: protected names in free text, in every script, with their span, kind and usage."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import gimatch
from gimatch.cli import cli

KEYS = {"start", "end", "surface", "gi", "register", "native_id", "matched_name", "kind", "score", "severity",
        "context", "why", "legal_hooks", "linked"}


def mentions(store, text, **options):
    result = store.scan(text, **options)
    assert set(result) == {"text", "mentions", "territory", "date"}
    for m in result["mentions"]:
        assert set(m) == KEYS and text[m["start"]:m["end"]] == m["surface"]
    return [(m["surface"], m["gi"], m["kind"], m["context"]) for m in result["mentions"]]


@pytest.mark.parametrize("text, surface, gi, context", [
    ("Prosciutto di Parma DOP 24 mesi, affettato a mano", "Prosciutto di Parma", "eu:PDO-IT-0067", "none"),  # it
    ("Fromage type Roquefort, fabriqué en Belgique", "Roquefort", "eu:PDO-FR-0131", "style/type"),            # fr
    ("Geschenkset mit Tiroler Speck, hergestellt in Österreich", "Tiroler Speck", "eu:PGI-AT-1395", "origin claim"),  # de
    ("Queso tipo Manchego elaborado en México, 500 g", "Queso tipo Manchego", "eu:PDO-ES-0087", "style/type"),  # es
    ("Fresh Parma ham, thinly sliced", "Parma ham", "eu:PDO-IT-0067", "translation"),                         # en
    ("意大利帕尔玛火腿 仿制 风味 切片 200g", "帕尔玛火腿", "eu:PDO-IT-0067", "imitation"),                      # zh
    ("杭州西湖龙井茶 250克 原产地 中国", "龙井茶", "eu:PDO-CN-0621", "origin claim"),                           # zh
    ("国産 ロックフォール風 チーズ 100g", "ロックフォール", "eu:PDO-FR-0131", "style/type"),                     # ja
    ("ข้าวหอมมะลิทุ่งกุลาร้องไห้ 5 กก. ผลิตในประเทศไทย", "ข้าวหอมมะลิทุ่งกุลาร้องไห้",
     "th.dip:ข้าวหอมมะลิทุ่งกุลาร้องไห้", "origin claim"),                                                       # th
    ("Φέτα ΠΟΠ σε άλμη 400γρ", "Φέτα", "eu:PDO-GR-0427", "none"),              # el: Latin keys read letter by letter
])
def test_a_mention_in_every_script(store, text, surface, gi, context):
    found = mentions(store, text)
    assert (surface, gi) in [(s, g) for s, g, _, _ in found], found
    assert [c for s, g, _, c in found if (s, g) == (surface, gi)] == [context]


def test_a_transcription_no_dataset_holds_is_read_by_its_sounds(store):
    found = mentions(store, "法国夏布利白葡萄酒 750ml")
    assert [(s, g, k) for s, g, k, _ in found] == [("夏布利白葡萄酒", "eu:PDO-FR-A0736", "transcription")]


def test_near_spellings_inside_text(store):
    found = mentions(store, "Coffret cadeau: Champagen brut et flûtes")
    assert ("Champagen", "eu:PDO-FR-A1359", "fuzzy") in [(s, g, k) for s, g, k, _ in found]


def test_a_place_inside_a_name_written_out_is_that_names(store):
    """Bordeaux is a GI and the place of others (Crémant de Bordeaux): 'Bordeaux wine' names Bordeaux, not a
    translation of another GI of the place; a place that is no name of its own with a product word stays one."""
    assert mentions(store, "Bordeaux wine, 75 cl") == [("Bordeaux", "eu:PDO-FR-A0821", "identical", "none")]
    assert ("Parma ham", "eu:PDO-IT-0067", "translation", "translation") in mentions(store, "Parma ham, 200 g")
    assert [s for s, _, _, _ in mentions(store, "Alsace honey, 500 g")] == ["Alsace honey"]     # another product
    assert [(s, k) for s, _, k, _ in mentions(store, "Buy Stilton honey and Blue Stilton cheese")] == [
        ("Blue Stilton cheese", "identical")]                         # a product word of the name is the name's
    assert [(s, k) for s, _, k, _ in mentions(store, "Holsteiner Karpfen сыр")] == [("Holsteiner Karpfen", "identical")]


def test_a_place_written_as_texts_write_it(store):
    """A Greek GI writes its place in the genitive (Μαστίχα Χίου, Πατάτα Νάξου); a text writes Chios, Naxos."""
    assert {s for s, _, _, _ in mentions(store, "Chios mastic gum", territory="EU")} == {"Chios mastic gum"}
    assert [s for s, _, _, _ in mentions(store, "Naxos potatoes 2 kg")] == ["Naxos potatoes"]


@pytest.mark.parametrize("text", [
    "Tour guide of Parma: the best hotels and trattorias",      # a place alone
    "Fresh ham and cheese sandwich",                             # product words alone
    "山形さくらんぼ 佐藤錦 2kg",                                    # a place GI (sake) for another product
    "Plain mineral water, 6 x 1.5 l",
])
def test_no_mention_without_the_distinctive_part(store, text):
    assert mentions(store, text) == []


def test_territory_and_date(store):
    assert mentions(store, "Pixian Dou Ban chili paste", territory="EU", date="2020-01-01") == []
    assert mentions(store, "Pixian Dou Ban chili paste", territory="EU", date="2022-01-01")


def test_cli_exit_codes_and_json(db_path):
    runner = CliRunner()
    found = runner.invoke(cli, ["--db", str(db_path), "scan", "--text", "Feta cheese, Danish style", "--json"], obj={})
    assert found.exit_code == 1 and json.loads(found.output)["mentions"][0]["context"] == "style/type"
    none = runner.invoke(cli, ["--db", str(db_path), "scan", "--text", "Plain water"], obj={})
    assert none.exit_code == 0
    assert runner.invoke(cli, ["--db", str(db_path), "scan"], obj={}).exit_code == 2


def test_a_file_in_order_the_same_bytes_with_two_workers(db_path, tmp_path):
    rows = tmp_path / "texts.csv"
    rows.write_text("id,text,price\n1,Prosciutto di Parma DOP,12\n2,法国夏布利白葡萄酒,300\n3,water,1\n1,dup,2\n"
                    "4,,\n5,Roquefort-style cheese,3\n", encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        result = CliRunner().invoke(cli, ["--db", str(db_path), "scan", str(rows), "--out", str(out),
                                          "--workers", workers], obj={})
        assert result.exit_code == 1, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    records = [json.loads(line) for line in outs[0].decode().splitlines()]
    assert [r["id"] for r in records] == ["1", "2", "3", "1", "4", "5"]
    assert records[0]["fields"] == {"price": "12"} and "duplicate id" in records[3]["skipped"]
    assert records[4]["skipped"] == "no text" and not records[2]["mentions"]


def test_review_page_and_csv(db_path, tmp_path):
    rows = tmp_path / "texts.jsonl"
    rows.write_text('{"id": "a", "text": "<b>Feta</b> type cheese"}\n{"id": "b", "text": "water"}\n', encoding="utf-8")
    page = tmp_path / "review.html"
    assert CliRunner().invoke(cli, ["--db", str(db_path), "scan", str(rows), "--out", str(page)], obj={}).exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert "<mark" in html and "&lt;b&gt;" in html and "eu:PDO-GR-0427" in html and "<b>Feta</b> type" not in html
    table = tmp_path / "review.csv"
    CliRunner().invoke(cli, ["--db", str(db_path), "scan", str(rows), "--out", str(table)], obj={})
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,start,end,surface,gi") and len(lines) == 3


def test_library_scan(store):
    records = list(gimatch.scan([{"id": 1, "text": "Feta"}, {"id": 2, "text": "water"}], store=store))
    assert [bool(r["mentions"]) for r in records] == [True, False]


def test_a_countrys_name_cuts_a_run_of_transcription_characters_wherever_it_begins(store):
    """匈牙利 (Hungary) ends in 利, a transcription character: the run read by sound is 托卡伊, not 利托卡伊."""
    mentions = store.scan("匈牙利托卡伊葡萄酒")["mentions"]
    assert [(m["surface"], m["matched_name"]) for m in mentions][:1] == [("托卡伊葡萄酒", "Tokaj")]
    assert not store.scan("荷兰豪达")["mentions"]


def test_zero_width_characters_and_combining_accents(store):
    """A zero-width space joins the letters around it; a decomposed accent belongs to the mention's surface."""
    assert store.scan("Par\u200bma ham")["mentions"][0]["matched_name"] == "Prosciutto di Parma"
    assert store.scan("Comte\u0301 cheese")["mentions"][0]["surface"] == "Comte\u0301"


def test_many_texts_in_one_pass_are_each_scanned_as_alone(store):
    """scan_many joins the texts for its passes: every span stays in its own text, and nothing crosses from one
    text into the next (a name cut in two by the join, a short name beside the next text's product word)."""
    texts = ["Prosciutto di", "Parma ham", "", "  Φέτα ΠΟΠ  ", "Ahr", "Riesling", "法国夏布利", "白葡萄酒",
             "Queso tipo Manchego, 500 g", "Comte\u0301 24 mois", "water"]
    assert store.scan_many(texts) == [store.scan(text) for text in texts]
    assert store.scan_many([]) == []
    with pytest.raises(gimatch.UsageError, match="text 2: a text must be text"):
        store.scan_many(["Feta", 12])
