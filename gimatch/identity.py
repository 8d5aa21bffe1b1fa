"""One GI across registers: its EU register entry, its agreement annex entries, its direct registration in
China, its Japanese designation and its AVA are records of one GI, grouped here once for the whole store.

Two records are the same GI when one names the other by an identifier (an EU file number on an agreement
entry or a Thai record, an AVA id on the EU entry of a US wine), or when they share a name and a country.
Two records of one register are never the same GI (山梨 wine and 山梨 sake are two NTA designations), except in
an agreement's lists, which name one GI in several annexes, and for an entry a register's secondary list writes
only in Latin letters for a GI of a country that writes in another script (Doi Tung coffee, of a Thai list of
protection abroad, is กาแฟดอยตุง of the register): it joins as an agreement entry does, by its place and product.
Homonyms (one name, two countries) stay apart.
A group is shown under the GI's home register: the EU register for a member state's GI, the Chinese register
for a Chinese GI, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text.fold import fold, joined

EU_MEMBERS = frozenset("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split())
HOME = {"EU": "eu.", "CN": "cn.", "JP": "jp.", "TH": "th.", "US": "us."}   # a territory's own registers
LINK_SCHEMES = {"eu_file_number": "eu", "ttb_ava_id": "ava", "ava_id": "ava"}   # other_ids naming another record
OWN_SCHEME = {"eu.eambrosia": "eu"}                                            # registers whose native id is one
OWN_SCRIPT_HOMES = frozenset("BG CY GR CN TW HK MO JP KR TH".split())   # countries whose GI names are not Latin


@dataclass(frozen=True)
class Card:
    """What grouping needs of a record."""

    id: str
    register: str
    countries: tuple[str, ...]
    names: frozenset[str]          # joined folded names
    links: frozenset[str]          # "eu:PDO-FR-0131", "ava:napa_valley"
    places: frozenset[tuple[str, frozenset[str]]] = frozenset()   # (place root, product concepts) of its names
    product: str | None = None              # its common product class


def links_of(register: str, native_id: str, other_ids: dict[str, str]) -> frozenset[str]:
    out = {f"{LINK_SCHEMES[k]}:{v}" for k, v in other_ids.items() if k in LINK_SCHEMES}
    if register in OWN_SCHEME:
        out.add(f"{OWN_SCHEME[register]}:{native_id}")
    return frozenset(out)


def name_key(text: str) -> str:
    return joined(fold(text))


def home_territory(countries) -> str | None:
    """Where a GI with these countries is registered at home (EU member states: the EU)."""
    if not countries:
        return None
    return "EU" if countries[0] in EU_MEMBERS else countries[0]


def home_rank(register: str, countries) -> int:
    """0 for a record of the GI's home register, 1 for the EU register (which also lists third-country GIs),
    2 for another register, 3 for an agreement list: the order in which one GI's records are shown."""
    home = HOME.get(home_territory(countries) or "")
    if home and register.startswith(home):
        return 0
    if register == "eu.eambrosia":
        return 1
    return 3 if register.startswith("agreement.") else 2


def latin_only(register: str, countries, names) -> bool:
    """Whether a register's record of a GI of a country that writes in another script has only names in Latin
    letters: an entry of a secondary list (protection abroad), not the register's own record of the GI."""
    return not register.startswith("agreement.") and bool(countries) and countries[0] in OWN_SCRIPT_HOMES and \
        all(n.isascii() for n in names)


def _listed(c: Card) -> bool:
    """Whether a card is an entry of a list rather than a register's own record: an agreement's, or a Latin-only
    one (:func:`latin_only`)."""
    return c.register.startswith("agreement.") or latin_only(c.register, c.countries, c.names)


def groups(cards: list[Card]) -> list[int]:
    """For each card, the index of its group's first card."""
    parent = list(range(len(cards)))
    registers: list[set[str]] = [set() if _listed(c) else {c.register} for c in cards]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or registers[ra] & registers[rb]:      # two records of one register: two GIs
            return
        ra, rb = min(ra, rb), max(ra, rb)
        parent[rb] = ra
        registers[ra] |= registers[rb]

    by_link: dict[str, int] = {}
    for i, c in enumerate(cards):
        for link in c.links:
            if link in by_link:
                join(by_link[link], i)
            else:
                by_link[link] = i
    by_name: dict[tuple[str, str], int] = {}
    countryless: list[int] = []
    for i, c in enumerate(cards):
        if not c.countries:
            countryless.append(i)
        for name in c.names:
            for country in c.countries:
                if (name, country) in by_name:
                    join(by_name[(name, country)], i)
                else:
                    by_name[(name, country)] = i
    for i in countryless:                                   # joins the one GI of that name, if there is one
        candidates = {root(j) for (name, _), j in by_name.items() if name in cards[i].names}
        if len(candidates) == 1:
            join(candidates.pop(), i)
    _by_place_and_product(cards, root, join, registers)
    return [root(i) for i in range(len(cards))]


def _by_place_and_product(cards: list[Card], root, join, registers: list[set[str]]) -> None:
    """An agreement entry no register record shares a name with (Kalamata olives) joins the one register record
    of its country that names the same place, for the same product (Ελιά Καλαμάτας): annexes write a party's GIs
    in English or in other cases of the place name; so does a Latin-only list entry (see :func:`latin_only`). A
    place too short to tell once its ending is off (Chios, Chiou) joins nothing."""
    from .text.lexicon import classes_comparable, concepts_agree

    by_place: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] = {}
    for i, c in enumerate(cards):
        if not _listed(c) and c.countries:
            for place, concepts in c.places:
                by_place.setdefault((place, c.countries[0]), []).append((i, concepts))

    def same_product(a: Card, concepts: frozenset[str], b: Card, theirs: frozenset[str]) -> bool:
        """The products the names name agree, in classes that do not tell them apart (a mastic gum and a mastic
        liqueur name one product word); names that name none need the same class."""
        agree = concepts_agree(set(concepts), set(theirs))
        if agree is None:
            return bool(a.product) and a.product == b.product
        return agree and (not (a.product and b.product) or classes_comparable(a.product, b.product))

    for i, c in enumerate(cards):
        if not _listed(c) or not c.countries or registers[root(i)]:
            continue
        candidates = {root(j) for place, concepts in c.places for j, theirs in by_place.get((place, c.countries[0]), ())
                      if same_product(c, concepts, cards[j], theirs)}
        if len(candidates) == 1:
            join(candidates.pop(), i)


_CASE_ENDINGS = ("ou", "as", "is", "es", "os", "on", "a", "e", "i", "o", "s")   # longest first
PLACE_ROOT_MIN = 4


def place_root(place_key: str) -> str:
    """A place key without one case or number ending (Kalamatas and Kalamata, Sitias and Sitia), or '' when
    less than PLACE_ROOT_MIN letters would be left."""
    for ending in _CASE_ENDINGS:
        if place_key.endswith(ending):
            place_key = place_key[: -len(ending)]
            break
    return place_key if len(place_key) >= PLACE_ROOT_MIN and place_key.isascii() else ""


def records_of(store, gi_id: str) -> list:
    """Every record of the GI a record belongs to, home register first."""
    idx = store.index()
    members = idx.group_members(idx.position(gi_id))
    return [store.get(idx.gis[m].id) for m in members]


def records_named(store, name: str) -> list[list]:
    """The GIs a name refers to (once folded): for each, its records, home register first."""
    idx = store.index()
    seen, out = set(), []
    for gi_id in store.ids_with_keys([name_key(name)]):
        group = idx.group_of[idx.position(gi_id)]
        if group not in seen:
            seen.add(group)
            out.append(records_of(store, gi_id))
    return out
