"""Fuzzing (``make fuzz``): random and mutated bytes to every register reader, random text to ``check``,
``scan`` and ``normalize``. Only gimatch's own errors may come out, and the same input gives the same result. The budget
is fixed (FUZZ_EXAMPLES per target, derandomized), so a run is repeatable and bounded in time."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gimatch
from gimatch.errors import GimatchError
from gimatch.registry import REGISTERS, module

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "registers"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))
BUDGET = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Seeds: the real files of each register (their first 64 KB) and the test fixtures, mutated by the fuzzer.
SEEDS = sorted([*SHARED.rglob("*.csv"), *SHARED.rglob("*.json"), *(ROOT / "tests/data/registers").iterdir()])
SEED_BYTES = [p.read_bytes()[:65536] for p in SEEDS if p.is_file()]


def _read(register: str, data: bytes):
    with tempfile.NamedTemporaryFile(suffix=".dat", delete=False) as fh:
        fh.write(data)
    try:
        result = module(register).load(fh.name)
        return result, list(result.records)       # a streaming reader reads the file again here
    except GimatchError:
        return None
    finally:
        os.unlink(fh.name)


def _summary(read) -> object:
    if read is None:
        return None
    result, records = read
    return ([g.model_dump_json(exclude={"source", "other_sources"}) for g in records],     # the temporary
            [(r.where, r.field, r.reason.replace(result.path, "")) for r in result.rejects])   # file's name aside


@st.composite
def mutated(draw):
    """A seed file cut, with bytes flipped, inserted or repeated."""
    data = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "insert", "cut", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "cut":
            data = data[:at]
        elif data:
            chunk = data[at:at + draw(st.integers(1, 64))]
            data[at:at] = chunk * draw(st.integers(1, 50))
    return bytes(data)


@pytest.mark.parametrize("register", sorted(REGISTERS))
@BUDGET
@given(data=st.one_of(st.binary(max_size=4096), mutated()))
def test_readers_raise_only_their_own_errors(register, data):
    first = _summary(_read(register, data))
    assert first == _summary(_read(register, data))        # deterministic


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return gimatch.open(tmp_path_factory.mktemp("fuzz") / "fuzz.db")


TEXT = st.one_of(st.text(max_size=80), st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
                 st.sampled_from(["Parma ham", "帕尔玛火腿", "シャブリ", "Champagne", "龙井茶"]).map(lambda s: s + "\x1b\u202e"))


# signs of several scripts, words and marks that fold away (・ ʼ ﾞ and combining marks): read whole and in parts
MIXED = st.lists(st.sampled_from(["Parmigiano", "Reggiano", "・", "ʼ", "ﾞ", "\u0301", "ั", "蒙切哥", "奶酪", "酒庄",
                                  "(", ")", " ", "보졸레", "빌라쥬", "Бордо", "Μπορντό", "2015", "DOCG", "シャブリ"]),
                 min_size=1, max_size=8).map("".join)


@BUDGET
@given(text=MIXED)
def test_check_answers_a_sign_with_letters(store, text):
    """A sign that folds to letters is answered, never refused, however its parts read."""
    from gimatch.text.fold import fold

    if any(ch.isalpha() for ch in fold(text)):
        store.check(text)


@BUDGET
@given(text=TEXT)
def test_check_answers_or_refuses(store, text):
    try:
        first = store.check(text).to_json_dict()
    except GimatchError:
        return
    first.pop("coverage")
    again = store.check(text).to_json_dict()
    again.pop("coverage")
    assert first == again


@BUDGET
@given(text=TEXT)
def test_normalize_answers_or_refuses(text):
    from gimatch.normalize import describe

    try:
        assert describe(text, ()) == describe(text, ())
    except GimatchError:
        pass


@BUDGET
@given(text=st.one_of(TEXT, st.lists(TEXT, max_size=6).map(" ".join)))
def test_scan_answers_or_refuses(store, text):
    try:
        first = store.scan(text)
    except GimatchError:
        return
    assert first == store.scan(text)
    for m in first["mentions"]:
        assert text[m["start"]:m["end"]] == m["surface"] and 0 <= m["start"] < m["end"] <= len(text)


@BUDGET
@given(text=TEXT)
def test_fold_map_is_folding_letter_by_letter(text):
    from gimatch.text.fold import _fold_letter_by_letter, fold_map, to_simplified

    folded, where = _fold_letter_by_letter(text)
    simplified = to_simplified(folded)
    assert fold_map(text) == ((simplified if len(simplified) == len(folded) else folded), where)
