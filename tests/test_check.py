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
    ("Сакар", "eu:PDO-BG-A0013", "variant"),
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
    assert set(data) == {"query", "conflicts", "pending", "coexistence", "territory", "date"}
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


@pytest.mark.parametrize("query", ["", "   ", "!!!", "—·—"])
def test_empty_query_is_a_usage_error(store, query):
    with pytest.raises(UsageError):
        store.check(query)
