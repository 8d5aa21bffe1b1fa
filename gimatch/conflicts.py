"""The conflict check: which protected GIs a name conflicts with, on what ground, and why.

The matchers of :mod:`gimatch.match` (exact, translation, phonetic, evocation, fuzzy) offer hits; each GI
keeps its best. The legal situation then changes some kinds (a TSG name, a name generic in the territory
checked, a homonym of the query's own GI), the records of one GI across registers become one conflict under
its home register, and the protections in scope on the date decide between conflicts and pending GIs.

Kinds, strongest first, with their scores (``datasets/legal_kinds.csv``):

===============  ======  =============================================================
identical           100  equal to a protected name once case, accents, width and
                         punctuation and traditional/simplified Chinese are folded
variant           96–98  a listed variant or transcription, a spelling variant, or the
                         name's words in another order (Sagrantino di Montefalco)
transliteration      95  gimatch's romanization of a name in another script
style/type           93  a GI name next to a "style", "type", 式, 風, แบบ … word
contains             90  the whole GI name inside a longer sign
translation       80–88  same place, product term translated (Parma ham ↔ Prosciutto di Parma)
transcription     60–92  the GI's sounds in another script (帕尔玛火腿, シャブリ, 샴페인)
evocation         60–85  likeness of the distinctive word (Verlados ↔ Calvados)
partial           60–89  the query's distinctive words are part of a longer GI name
fuzzy             75–90  a typo, in any script
tsg               70–85  a registered TSG name used as such: reserved for products made to
                         its specification (a recipe, not a place), reported apart from GIs
homonym          0–100  a same-named GI of another country than the query's own
same place        40–50  the same place, another product (below the default threshold)
generic              40  only a generic component is shared (camembert)
recipe             ≤50  a TSG name matched only in part, by sound or by a typo
===============  ======  =============================================================
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from . import legal
from .dates import as_date
from .errors import UsageError
from .index import IndexedGI, NameIndex
from .match import MATCHERS, Collector, Hit, Query, analyze, exact, phonetic, readings, translation, windows
from .match.base import CHINESE_HOMES, chinese_in_cyrillic, institution_named, other_goods, reads_as_a_person
from .model import Conflict, Protection
from .text.fold import fold, japanese_forms_read, joined
from .text.lexicon import class_within, classes_comparable, concepts_agree

DEFAULT_THRESHOLD = 70.0
# the other texts a sign is read as: (the reading, what it says, the countries whose GIs it may meet: None for any);
# a sign in Japanese forms of characters in the traditional forms Chinese names fold from (安溪鉄観音), and a Chinese
# name in Russian's or Ukrainian's Cyrillic
ALSO_READ = ((japanese_forms_read, "read with its Japanese characters in their traditional forms", None),
             (chinese_in_cyrillic, "read as Chinese written in Cyrillic by the Palladius system", CHINESE_HOMES))
__all__ = ["check", "CheckResult", "DEFAULT_THRESHOLD", "Query", "analyze"]


@dataclass
class CheckResult:
    """The answer to one check: conflicts in force (best first), pending ones, and homonymous GIs that
    coexist with the query's own GI, for a territory and date."""

    query: str
    conflicts: list[Conflict]
    pending: list[Conflict] = field(default_factory=list)
    coexistence: list[Conflict] = field(default_factory=list)
    territory: str | None = None
    date: dt.date | None = None
    coverage: dict | None = None

    def to_json_dict(self) -> dict:
        dump = lambda cs: [c.model_dump(mode="json") for c in cs]  # noqa: E731
        return {"query": self.query, "conflicts": dump(self.conflicts), "pending": dump(self.pending),
                "coexistence": dump(self.coexistence), "territory": self.territory,
                "date": self.date.isoformat() if self.date else None, "coverage": self.coverage}


_TSG_WHY = ("the name of a traditional speciality guaranteed (TSG) is reserved for products made to its "
            "specification: it protects a recipe, not a place")


PLACE_LED = frozenset({"transcription", "fuzzy", "partial"})     # kinds a shared place can produce alone


def _reclassify(hits: list[Hit], q: Query, idx: NameIndex, scope: legal.Scope, origin: str | None,
                goods: set[str]) -> None:
    """Kinds the name's products and the legal situation change: a match led by the place for another product
    (松溪红茶 / 松溪绿茶), a GI's name as part of a person's name (Peter Graves) or its place as part of an
    institution's (FC Porto), unless the caller's ``goods`` are comparable with the GI's, TSGs, names generic in
    the territory checked (the US semi-generic wine names), homonyms of the query's own GI."""
    generic_here = legal.generic_in(scope.territory) if scope.territory else {}
    person, institution = reads_as_a_person(q, idx), institution_named(q)
    for h in hits:
        g = idx.gis[h.gi]
        own_goods = (person or bool(institution)) and _relation(goods, g.class_common) in ("same", "comparable")
        key = joined(fold(g.names[h.name]))
        theirs = idx.name_concepts.get((h.gi, h.name), frozenset())
        if h.kind in PLACE_LED and concepts_agree(q.anat.concepts, set(theirs)) is False and \
                (h.kind != "fuzzy" or idx.name_places.get((h.gi, h.name), ("", ""))[1] == q.anat.place_key
                 and not _slip_of_a_word(q, g.names[h.name])):    # a typo is no product
            h.kind, h.score = "same place", 45.0
            h.why = (f"{h.why}; but it names another product ({', '.join(sorted(q.anat.concepts))} / "
                     f"{', '.join(sorted(theirs))})")
        elif person and h.kind not in NAME_KINDS and not own_goods:
            h.kind, h.score = "personal name", 50.0
            h.why = (f"{h.why}; but {q.text!r} reads as a person's name, which its bearer may use in trade unless it "
                     "misleads the public")
        elif institution and h.kind not in NAME_KINDS and not theirs and not own_goods:
            h.kind, h.score = "institution", 45.0
            h.why = f"{h.why}; but {q.text!r} names an institution ({institution!r}) of the place, not a product"
        elif (g.gi_type or "").upper() == "TSG":
            if h.kind in NAME_KINDS | {"contains", "style/type"}:     # the TSG's name used as such
                h.kind, h.score, h.why = "tsg", min(h.score - 15.0, 85.0), f"{h.why}; {_TSG_WHY}"
            else:
                h.kind, h.score, h.why = "recipe", min(h.score, 50.0), f"{h.why}; {_TSG_WHY}"
        elif key in generic_here and scope.territory not in g.countries and h.kind in NAME_KINDS | {"contains"}:
            h.kind, h.score, h.why = "generic", 40.0, f"{g.names[h.name]!r} is {generic_here[key]}: {h.why}"
        elif origin and origin not in g.countries and h.kind in NAME_KINDS:
            h.kind = "homonym"
            h.why = (f"a GI of another country ({', '.join(g.countries)}) with the same name {g.names[h.name]!r}: "
                     "homonymous GIs coexist; their origin must be told apart")


def _slip_of_a_word(q: Query, name: str) -> bool:
    """Whether a Latin product word of the query is one letter off a word of the name (Olo di Roma: olo, oats
    in Basque, for olio; Panne Toscano): a slip that happens to spell another product, not that product."""
    from rapidfuzz.distance import OSA

    words = fold(name).split()
    return any(t.isascii() and len(t) >= 3 and any(OSA.distance(t, w, score_cutoff=1) == 1 for w in words)
               for term in q.anat.terms for t in term.tokens)


NAME_KINDS = frozenset({"identical", "variant", "transliteration"})   # kinds that name the GI by its name written out
_WHOLE_SIGN = NAME_KINDS | {"fuzzy"}      # kinds that read the sign whole as the name, product word and all


OTHER_PRODUCT_RANK = 5.0   # in the order of the results, a GI of a product unrelated to the one the sign names
                           # counts this much less (Chios mastic: the mastic GI of Chios before the Chios wine),
OTHER_KIND_RANK = 1.0      # and one of another product of its class this much (Da Hong Pao, an oolong: the
                           # Da Hong Pao GIs before a black tea's)


def _group(hits: list[Hit], idx: NameIndex, classes: set[str] = frozenset(),
           concepts: set[str] = frozenset()) -> list[tuple[Hit, int, list[int]]]:
    """Hits on records of one GI (its EU register entry, its agreement annex entries, its direct registration
    in China, its Japanese designation: :mod:`gimatch.identity`) become one conflict, shown under the GI's
    home register record with the others linked: (the best hit, the record shown, the linked records); best
    first, the GIs of another product than the goods' ``classes`` and the sign's ``concepts`` behind those of
    that product (the order only: each GI keeps its best hit)."""
    def key(h: Hit) -> tuple:
        return -h.score, legal.rank(h.kind), idx.gis[h.gi].id

    def rank(h: Hit) -> tuple:
        less = 0.0
        if h.kind not in _WHOLE_SIGN:    # read whole, the sign's product word is a part of the name
            if _relation(classes, idx.gis[h.gi].class_common) == "unrelated":
                less = OTHER_PRODUCT_RANK
            elif concepts_agree(concepts, set(idx.name_concepts.get((h.gi, h.name), ()))) is False:
                less = OTHER_KIND_RANK
        return (less - h.score, *key(h))

    best: dict[int, Hit] = {}
    for h in sorted(hits, key=key):
        best.setdefault(idx.group_of[h.gi], h)
    out = []
    for hit in sorted(best.values(), key=rank):
        members = idx.members[idx.group_of[hit.gi]]
        out.append((hit, members[0], members[1:]))
    return out


def _relation(qclasses: set[str], gi_class: str | None) -> str | None:
    if not qclasses or not gi_class:
        return None
    if gi_class in qclasses:
        return "same"
    return "comparable" if any(classes_comparable(c, gi_class) for c in qclasses) else "unrelated"


def _conflict(idx: NameIndex, hit: Hit, shown: int, linked: list[int], protections: list[Protection],
              scope: legal.Scope, qclasses: set[str]) -> Conflict:
    g: IndexedGI = idx.gis[shown]
    matched = idx.gis[hit.gi].names[hit.name]
    level = legal.severity(hit.kind)
    relation = _relation(qclasses, g.class_common)
    notes = []
    if relation == "unrelated" and hit.kind not in ("generic", "recipe", "homonym", "same place"):
        level = legal.lower(level)
        notes.append(f"the products are not comparable ({', '.join(sorted(qclasses))} / {g.class_common}): a conflict "
                     "only where the use exploits the GI's reputation")
    if scope.territory != "US" and "US" not in g.countries and (why := legal.generic_in("US").get(joined(fold(matched)))):
        notes.append(f"{matched!r} is {why}")
    return Conflict(gi=g.id, register=g.register, native_id=g.native_id, names=list(g.names), matched_name=matched,
                    kind=hit.kind, score=hit.score, country=list(g.countries), product_class=g.class_label,
                    why=hit.why, protections=protections, status=g.status, gi_type=g.gi_type,
                    evidence=[hit.evidence], severity=level,
                    legal_hooks=legal.hooks(hit.kind, protections, g.register, g.class_common),
                    linked=[idx.gis[x].id for x in linked], class_relation=relation,
                    prior_right=scope.prior_right(protections, g.register), notes=notes)


def _protections(idx: NameIndex, records: list[int]) -> list[Protection]:
    """The protections of the records of one GI, each once."""
    return list({(p.territory, p.basis, p.annex, p.since, p.known_by, p.status): p
                 for i in records for p in idx.gis[i].protection_models()}.values())


def in_force(idx: NameIndex, hit: Hit, scope: legal.Scope) -> Conflict | None:
    """The conflict of one hit (shown under its GI's home record, the others linked) when the GI is protected
    in the scope, else None. The legal step of :func:`check` for a hit found elsewhere (scan)."""
    members = idx.members[idx.group_of[hit.gi]]
    shown, linked = members[0], members[1:]
    protected, _ = scope.split(_protections(idx, members))
    return _conflict(idx, hit, shown, linked, protected, scope, set()) if protected else None


def reclassify(hits: list[Hit], text: str, idx: NameIndex, scope: legal.Scope) -> None:
    """The legal step's kinds (TSG names, names generic in the territory, a place for another product) for
    hits found in ``text`` (the text is analysed only where a kind led by the place needs its product)."""
    _reclassify(hits, analyze(text) if any(h.kind in PLACE_LED for h in hits) else _bare(), idx, scope, None, set())


@functools.lru_cache(maxsize=1)
def _bare() -> Query:
    return analyze("x")            # a query that names no product


def _mark_homonyms(conflicts: list[Conflict]) -> None:
    by_name: dict[str, list[Conflict]] = {}
    for c in conflicts:
        if c.kind in NAME_KINDS:
            by_name.setdefault(joined(fold(c.matched_name)), []).append(c)
    for group in by_name.values():
        if len({tuple(c.country) for c in group}) > 1:
            for c in group:
                others = [f"{o.gi} ({', '.join(o.country)})" for o in group if o is not c and o.country != c.country]
                c.notes.append(f"homonymous GIs: {', '.join(others)} bear the same name; they coexist and their "
                               "origin must be told apart (TRIPS Art. 22.4, 23.3)")


IN_A_LONGER_SIGN = 6.0     # less for a GI a run of the sign's words names (조르쥐 뒤뵈프 보졸레: a producer, then the GI)
SOUNDS_IN_A_LONGER_SIGN = 3.0   # less where the run renders the GI's name sound for sound, the sign names no GI
                                # whole and no other goods (깜포 엘리세오 또로: a producer, then Toro), as a Latin
                                # sign holding the name as written does


WITHIN = 2.0   # less for a GI whose name is inside the name a sign renders whole than for that name's GI


def _names_within(idx: NameIndex, out: Collector, script: str) -> None:
    """The GIs whose name is inside a name a sign in another script than Latin renders whole, of that name's
    product: the sign renders that name too (샤또 마고, Chateau Margaux, holds Margaux; 모젤-자르-루베르,
    Mosel-Saar-Ruwer, holds Mosel), as a sign in Latin letters would contain it (see :mod:`gimatch.match.exact`:
    a short name only beside label words); not the blackcurrant of Cassis de Bourgogne, a liqueur, for the wine
    Cassis."""
    if script == "Latin":
        return
    for hit in list(out.best.values()):
        if hit.kind == "transliteration" or phonetic.renders_name(hit, False):
            for gi, ni in _held_names(idx, hit.gi, hit.name):
                out.offer(Hit(gi, ni, hit.kind, hit.score - WITHIN,
                              f"{hit.why}; that name holds the GI name {idx.gis[gi].names[ni]!r}", hit.evidence))


def _held_names(idx: NameIndex, gi: int, ni: int) -> list[tuple[int, int]]:
    """The names of other GIs of its product that a GI's name contains, as the exact matcher finds them in it,
    read once per index and name."""
    held = idx.__dict__.setdefault("_held_names", {})
    if (gi, ni) not in held:
        inside, outer = Collector(idx), idx.gis[gi]
        exact.find(analyze(outer.names[ni]), idx, inside)
        held[gi, ni] = [(h.gi, h.name) for h in inside.best.values() if h.kind == "contains" and h.gi != gi
                        and idx.gis[h.gi].class_common == outer.class_common]
    return held[gi, ni]


def _find(q: Query, idx: NameIndex, out: Collector) -> Collector:
    for matcher in MATCHERS:
        matcher.find(q, idx, out)
    return out


def check(store, name: str, *, threshold: float = DEFAULT_THRESHOLD, limit: int | None = 20,
          territory: str | None = None, date: dt.date | None = None, filed: dt.date | None = None,
          product_class: str | None = None, origin: str | None = None) -> CheckResult:
    """Conflicts of ``name`` with the GIs of ``store`` protected in ``territory`` (default: any) on
    ``date`` (default: today; a date or an ISO string, as ``filed``), best first, scores at or above ``threshold``. ``filed`` is a trademark's
    filing date (prior rights); ``product_class`` a common class or product word for the goods;
    ``origin`` the country of the query's own GI (identical GIs elsewhere are homonyms)."""
    if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise UsageError(f"threshold must be a number between 0 and 100, not {threshold!r}")
    date, filed = as_date(date, "date"), as_date(filed, "filed")
    if territory is not None and territory not in legal.TERRITORIES:
        raise UsageError(f"unknown territory {territory!r}; one of {', '.join(legal.TERRITORIES)}")
    scope = legal.Scope(territory=territory, date=date, filed=filed)
    idx = store.index()              # first: it brings the compiled lexicon the analysis reads
    out = Collector(idx)
    texts = readings(name)
    signs = [analyze(text) for text in texts]
    for sign in signs:
        _find(sign, idx, out)
    # a sign read as another text it writes (see ALSO_READ)
    for read_as, said, homes in ALSO_READ:
        for text in dict.fromkeys(filter(None, map(read_as, texts))):
            for hit in _find(analyze(text), idx, Collector(idx)).best.values():
                if homes is None or homes.intersection(idx.gis[hit.gi].countries):
                    hit.why = f"{hit.why}; {said} ({text})"
                    out.offer(hit)
    # a run of the sign's words alone, for less than the whole sign: a GI's whole name by its sounds, or its place
    # and product translated (the exact matchers find a name inside a sign themselves); none of a person's name,
    # nor of a GI's name as written (กาแฟดอยตุง: its words are that GI's). A run is all the sign names, and is not
    # scored down, when the other words name no place and no other product (Ланге Россо; 랑게 네비올로, a wine's
    # grape) and the whole sign names no other GI (Мускат Ривезальт: Muscat de Rivesaltes before Rivesaltes);
    # it is scored down less when it renders the name sound for sound (SOUNDS_IN_A_LONGER_SIGN)
    named = any(hit.kind == "identical" for hit in out.best.values())
    named_whole = {gi for gi, hit in out.best.items() if hit.score >= threshold}
    for text, rest in [] if named or phonetic.names_a_person(signs[0]) else windows(name):
        part, run = Collector(idx), analyze(text)
        phonetic.find(run, idx, part)
        translation.find(run, idx, part)
        for hit in part.best.values():
            if hit.kind == "translation" or phonetic.renders_name(hit, bool(run.anat.concepts)):
                if hit.whole_sign:
                    continue
                whole = rest is not None and not _others(idx, named_whole, hit.gi) and all(
                    class_within(product, idx.gis[hit.gi].class_common) for product in rest)
                as_written = hit.sound_for_sound and not named_whole and \
                    not other_goods(signs[0], idx.gis[hit.gi].class_common)
                out.offer(hit, less=0.0 if whole else SOUNDS_IN_A_LONGER_SIGN if as_written else IN_A_LONGER_SIGN)
    _names_within(idx, out, signs[0].script)
    q = next((s for s in signs if s.anat.concepts), signs[0])     # the reading that names the product, if one does
    hits = list(out.best.values())
    qclasses = _classes_of(product_class) if product_class else set()
    _reclassify(hits, q, idx, scope, origin, qclasses)
    conflicts, pending, coexistence = [], [], []
    for hit, shown, linked in _group(hits, idx, qclasses or q.anat.classes, q.anat.concepts):
        if hit.score < threshold and hit.kind != "homonym":
            continue
        in_force, waiting = scope.split(_protections(idx, [shown, *linked]))
        if not in_force and not waiting:
            continue
        conflict = _conflict(idx, hit, shown, linked, in_force or waiting, scope, qclasses)
        (coexistence if hit.kind == "homonym" else conflicts if in_force else pending).append(conflict)
    _mark_homonyms(conflicts)
    if limit:
        conflicts, pending, coexistence = conflicts[:limit], pending[:limit], coexistence[:limit]
    return CheckResult(query=name, conflicts=conflicts, pending=pending, coexistence=coexistence,
                       territory=territory, date=scope.on, coverage=store.coverage(territory))


def _others(idx: NameIndex, gis: set[int], gi: int) -> list[int]:
    """The GIs among ``gis`` other than ``gi`` and than its records in other registers (those sharing a name)."""
    names = set(idx.gis[gi].names)
    return [g for g in gis if g != gi and not names.intersection(idx.gis[g].names)]


@functools.lru_cache(maxsize=1)
def _classes_of(product: str) -> set[str]:
    """The common classes of a caller's goods (see :func:`gimatch.classes.goods_classes`)."""
    from .classes import goods_classes

    return goods_classes(product)
