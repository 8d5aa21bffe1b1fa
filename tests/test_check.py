"""The conflict check on a store with the bundled data and the 2020 EU export."""

from __future__ import annotations

import pytest

from gimatch.errors import UsageError

from .conftest import DEV_CHECKS, needs_shared


@needs_shared
@pytest.mark.parametrize("query, gi, kind", [
    ("Parma ham", "eu:PDO-IT-0067", "translation"),
    ("Prosciutto di Parma", "eu:PDO-IT-0067", "identical"),
    ("龙井茶", "eu:PDO-CN-0621", "identical"),
    ("龍井茶", "eu:PDO-CN-0621", "identical"),
    ("Longjing tea", "eu:PDO-CN-0621", "translation"),
    ("Cambozola", "eu:PDO-IT-0010", "evocation"),
    ("Roquefort-type cheese", "eu:PDO-FR-0131", "style/type"),
    ("Сакар", "eu:PDO-BG-A0013", "identical"),   # the API protects the Cyrillic form
    ("Kobe beef", "jp.maff:3", "variant"),
])
def test_top_hit(eu_store, query, gi, kind):
    top = eu_store.check(query).conflicts[0]
    assert (top.gi, top.kind) == (gi, kind)
    assert top.why and 0 < top.score <= 100


@needs_shared
def test_same_place_other_product_ranks_below(eu_store):
    gis = [c.gi for c in eu_store.check("烟台葡萄酒", threshold=0).conflicts]
    assert gis[0] == "eu:PGI-CN-2716"
    assert "eu:PGI-CN-2670" not in gis[:1]


@needs_shared
@pytest.mark.parametrize("query", ["camembert", "emmental", "Sunshine Valley apple juice", "春天牌绿茶"])
def test_quiet_on_generic_and_clean_names(eu_store, query):
    assert not [c for c in eu_store.check(query).conflicts if c.kind == "identical"]


@needs_shared
def test_json_shape(eu_store):
    data = eu_store.check("Parma ham").to_json_dict()
    assert set(data) == {"query", "conflicts", "pending", "coexistence", "territory", "date", "coverage"}
    first = data["conflicts"][0]
    assert {"gi", "register", "native_id", "names", "matched_name", "kind", "score", "country", "product_class",
            "why", "protections", "severity", "legal_hooks", "linked", "notes"} <= set(first)
    scores = [c["score"] for c in data["conflicts"]]
    assert scores == sorted(scores, reverse=True)


@needs_shared
def test_dev_checks_targets(eu_store):
    from gimatch.evaluate import evaluate

    report = evaluate(eu_store, str(DEV_CHECKS))
    assert report["recall_at_5"] >= 0.95
    assert report["false_positives"] == 0
    assert report["generic_reported_identical"] == 0


def test_eval_tells_the_gis_the_store_holds(store):
    """A positive whose GI the store does not hold is a gap of the data: the eval marks it, and reports recall
    on the others apart."""
    from gimatch.evaluate import evaluate_cases

    report = evaluate_cases(store, {"positives": [{"q": "Parma ham", "any": ["Prosciutto di Parma"]},
                                                  {"q": "Nowhere ham", "any": ["No Such GI"]}]})
    assert [r["held"] for r in report["cases"]] == [True, False]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "—·—"])
def test_empty_query_is_a_usage_error(store, query):
    with pytest.raises(UsageError):
        store.check(query)


@needs_shared
def test_cambozola_is_an_evocation_with_its_legal_hook(eu_store):
    top = eu_store.check("Cambozola").conflicts[0]
    assert (top.gi, top.kind, top.severity) == ("eu:PDO-IT-0010", "evocation", "medium")
    assert "Reg. (EU) 2024/1143 Art. 26(1)(b)" in top.legal_hooks
    assert "agreement.china_eu:IV/Gorgonzola" in top.linked            # the same GI in the agreement's Annex IV
    assert {p.territory for p in top.protections} == {"EU", "CN"}


@needs_shared
def test_a_tsg_name_is_a_conflict_of_its_own_kind(eu_store):
    result = eu_store.check("mozzarella")
    assert not [c for c in result.conflicts if c.kind == "identical"]
    tsg = next(c for c in result.conflicts if c.native_id == "TSG-IT-0001")
    assert tsg.kind == "tsg" and 70 <= tsg.score <= 85 and tsg.severity == "medium" and "TSG" in tsg.why
    assert any("Title III" in hook for hook in tsg.legal_hooks)
    near = eu_store.check("mozzarela", threshold=0)      # a typo of the TSG's name: a recipe, below the threshold
    assert [c.kind for c in near.conflicts if c.native_id == "TSG-IT-0001"] == ["recipe"]


@needs_shared
def test_territory_and_date(eu_store):
    import datetime as dt

    before = eu_store.check("Pixian Dou Ban", territory="EU", date=dt.date(2021, 1, 1))
    after = eu_store.check("Pixian Dou Ban", territory="EU", date=dt.date(2021, 6, 1))
    assert not before.conflicts and before.pending[0].gi == "eu:PGI-CN-2667"
    assert after.conflicts[0].gi == "eu:PGI-CN-2667"
    assert not eu_store.check("Pixian Dou Ban", territory="JP").conflicts
    comte_in_china = eu_store.check("Comté", territory="CN").conflicts[0]
    assert {p.territory for p in comte_in_china.protections} == {"CN"}


@needs_shared
def test_prior_right_from_the_filing_date(eu_store):
    import datetime as dt

    early = eu_store.check("Pixian Dou Ban", territory="EU", filed=dt.date(2019, 5, 1)).conflicts[0]
    late = eu_store.check("Pixian Dou Ban", territory="EU", filed=dt.date(2022, 5, 1)).conflicts[0]
    assert early.prior_right and "coexistence may apply" in early.prior_right and late.prior_right is None


@needs_shared
def test_pending_gis_are_reported_apart(eu_store):
    import datetime as dt

    result = eu_store.check("Willamette Valley", territory="EU", date=dt.date(2020, 8, 1))   # an AVA in the US since 1983
    assert not result.conflicts and "eu:PGI-US-02439" in {result.pending[0].gi, *result.pending[0].linked}


@needs_shared
def test_us_semigeneric_names(eu_store):
    anywhere = eu_store.check("Champagne").conflicts[0]
    assert anywhere.kind == "identical" and any("semi-generic" in n for n in anywhere.notes)
    in_us = eu_store.check("Champagne", territory="US", threshold=0)
    assert not [c for c in in_us.conflicts if c.kind == "identical"]


@needs_shared
def test_homonyms_coexist_with_the_querys_own_gi(eu_store):
    result = eu_store.check("Pisco", origin="CL")
    assert not result.conflicts or result.conflicts[0].native_id != "PGI-PE-01825"
    assert result.coexistence[0].native_id == "PGI-PE-01825" and result.coexistence[0].kind == "homonym"


@needs_shared
def test_class_relation_lowers_severity_for_unrelated_goods(eu_store):
    cheese = eu_store.check("Gorgonzola", product_class="cheese").conflicts[0]
    wine = eu_store.check("Gorgonzola", product_class="wine").conflicts[0]
    assert (cheese.class_relation, cheese.severity) == ("same", "high")
    assert (wine.class_relation, wine.severity) == ("unrelated", "medium")
