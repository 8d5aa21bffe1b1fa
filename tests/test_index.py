"""The persisted index: read entry by entry by a process that checks a few names, whole by a run over many."""

from __future__ import annotations

import gimatch
from gimatch.index import NameIndex, Section


def _fresh(store_path):
    """The store opened as a new process opens it: the index loaded from its file, nothing read yet."""
    store = gimatch.open(store_path)
    index = NameIndex.load(store.index_path(), store.state())
    assert index is not None
    return store, index


def test_a_loaded_index_reads_only_the_entries_a_check_touches(bundled_store_path):
    store, index = _fresh(bundled_store_path)
    store._index = index
    result = store.check("Parma ham")
    assert result.conflicts[0].gi == "eu:PDO-IT-0067"
    assert isinstance(index.by_key, Section) and isinstance(index.by_gram, Section)   # still keyed: not read whole
    read = sum(len(getattr(index, name)._seen) for name in ("by_key", "by_token", "by_gram", "fuzzy_choices"))
    assert 0 < read < 0.05 * sum(len(getattr(index, name)) for name in ("by_key", "by_token", "by_gram",
                                                                         "fuzzy_choices"))


def test_a_sound_form_query_reads_only_the_skeletons_it_meets(bundled_store_path):
    store, index = _fresh(bundled_store_path)
    store._index = index
    assert store.check("帕尔玛火腿").conflicts[0].gi == "eu:PDO-IT-0067"
    positions, skeletons, _ = index._view("all")
    assert isinstance(positions, Section) and 0 < len(positions._seen) < 0.05 * len(skeletons)
    index.materialize()
    assert isinstance(index._view("all")[0], dict) and index._view("all")[1] == skeletons


def test_entry_by_entry_and_whole_give_the_same_answers(bundled_store_path):
    store, index = _fresh(bundled_store_path)
    built = NameIndex.from_store(store)
    for name in ("by_key", "by_token", "by_place", "name_tokens", "members", "territories"):
        whole = getattr(built, name)
        keys = list(whole)[::97]
        assert [getattr(index, name)[k] for k in keys] == [whole[k] for k in keys], name
    positions = list(range(0, len(built.fuzzy_choices), 53))
    assert index.choices_at(positions) == built.choices_at(positions)
    records = range(0, len(built.gis), 41)
    assert [index.gis[i].id for i in records] == [built.gis[i].id for i in records]
    assert index.gis[len(built.gis) - 1].protections == built.gis[len(built.gis) - 1].protections
    assert index.by_key.get("no such key", ()) == ()
    queries = ["Parma ham", "帕尔玛火腿", "シャブリ", "Tieh Kuan Yin", "Champagen", "Σαντρίνη", "ข้าวหอมมะลิ"]
    lazy = [gimatch.open(bundled_store_path).check(q).to_json_dict() for q in queries]
    store._index = built
    assert [store.check(q).to_json_dict() for q in queries] == lazy


def test_a_part_asked_often_is_read_whole(bundled_store_path, monkeypatch):
    monkeypatch.setattr("gimatch.index.HOT", 5)
    _, index = _fresh(bundled_store_path)
    keys = [k for k in list(index.materialize("by_token"))[:10]]
    _, index = _fresh(bundled_store_path)
    for k in keys:
        index.by_token.get(k)
    assert isinstance(index.by_token, dict) and isinstance(index.by_key, Section)
    index.materialize()
    assert not any(isinstance(getattr(index, name), Section) for name in ("by_key", "phon", "pos"))
    assert not isinstance(index.gis.rows, Section)


def test_an_index_of_another_state_or_layout_is_not_used(bundled_store_path, tmp_path):
    store = gimatch.open(bundled_store_path)
    assert NameIndex.load(store.index_path(), "another state") is None
    stale = tmp_path / "old.index"
    stale.write_bytes(b"\x80\x05not a SQLite file")
    assert NameIndex.load(stale, store.state()) is None


def test_a_record_without_a_class_takes_the_class_its_name_names(bundled_store):
    """Most MAFF records give no product class; 宮崎牛 names beef (牛), so Miyazaki beef in Thai (beef first, the
    place in Thai script) renders it."""
    idx = bundled_store.index()
    assert idx.gis[idx.position("jp.maff:宮崎牛")].class_common == "fresh_meat"
    assert any("宮崎牛" in c.names for c in bundled_store.check("เนื้อวัวมิยาซากิ").conflicts)
