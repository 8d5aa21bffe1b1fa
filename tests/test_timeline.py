"""The protection timeline: the as-of facts table (tests/data/asof_facts.csv, each fact with its public
source), and check, agreement asof and agreement status reading the same timeline."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from gimatch import agreement, timeline
from gimatch.model import Protection

from .conftest import ROOT

FACTS = list(csv.DictReader((ROOT / "tests/data/asof_facts.csv").open(encoding="utf-8")))


def test_the_facts_table_is_large_enough_and_sourced():
    assert len(FACTS) >= 40
    assert all(f["source"] and "DOMAIN" not in f["source"] and ".md" not in f["source"] for f in FACTS)


@pytest.mark.parametrize("fact", FACTS, ids=[f["id"] for f in FACTS])
def test_asof_fact(bundled_store, fact):
    on = dt.date.fromisoformat(fact["date"])
    answer = agreement.asof(bundled_store, fact["name"], fact["territory"], on)
    expected = {"yes": True, "no": False, "unknown": None}[fact["protected"]]
    assert answer["protected"] is expected, answer
    if expected:
        assert answer["basis_kind"] == fact["basis"], answer
        if fact["since"]:
            assert answer["since"] == fact["since"] or answer["known_by"] == fact["since"], answer


def test_check_and_asof_read_one_timeline(bundled_store):
    store = bundled_store
    for name, territory, date in (("Comté", "CN", "2005-01-01"), ("Roquefort", "CN", "2015-01-01"),
                                  ("Pixian Dou Ban", "EU", "2021-01-01"), ("Champagne", "CN", "2020-12-31")):
        on = dt.date.fromisoformat(date)
        asof = agreement.asof(store, name, territory, on)
        checked = store.check(name, territory=territory, date=on)
        assert bool(checked.conflicts) is bool(asof["protected"]), (name, territory, date)


def test_prior_right_compares_the_earliest_protection_whatever_its_basis(bundled_store):
    store = bundled_store
    roquefort = store.check("Roquefort type", territory="CN", filed=dt.date(2015, 1, 1)).conflicts[0]
    assert roquefort.prior_right is None                        # protected in China since the 2012 pilot
    early = store.check("Champagne", territory="CN", filed=dt.date(2012, 1, 1)).conflicts[0]
    assert "before protection in CN" in early.prior_right and "Trademark Law Art. 16(1)" in early.prior_right
    us = store.check("Napa Valley", territory="US", filed=dt.date(1980, 1, 1)).conflicts[0]
    assert "27 CFR 4.39(i)(2)" in us.prior_right and "China–EU" not in us.prior_right


def test_legal_hooks_follow_the_register_of_each_protection(bundled_store):
    store = bundled_store
    napa = store.check("Napa Valley", territory="US").conflicts[0]
    assert napa.gi == "us.ava:9.23"                              # shown under its home register
    assert not [h for h in napa.legal_hooks if "Lanham" in h]
    assert any("27 CFR part 9" in h for h in napa.legal_hooks)
    assert all(h.count("(") == h.count(")") for c in store.check("Cognac").conflicts for h in c.legal_hooks)


def test_status_counts_only_lists_that_existed(bundled_store):
    store = bundled_store
    annexes = agreement.status(store, dt.date(2012, 1, 1))["annexes"]
    assert set(annexes) == {"pilot-10+10"}
    now = agreement.status(store, dt.date(2026, 11, 29))["annexes"]
    assert (now["III"]["official_size"], now["IV"]["official_size"], now["V"]["official_size"]) == (100, 96, 175)
    assert now["IV"]["known"] <= 96 and now["IV"]["unidentified"] == 96 - now["IV"]["names"]


def test_unknown_start_is_reported_as_unknown():
    p = Protection(territory="CN", not_before=dt.date(2007, 7, 1), known_by=dt.date(2012, 11, 30))
    assert timeline.state(p, dt.date(2010, 1, 1)) == timeline.UNKNOWN
    assert timeline.answer([], "CN", dt.date(2010, 1, 1)).status == "not protected"
