"""The one model every register is read into.

A GI has a stable id ``"<register prefix>:<native id>"`` (``eu:PDO-IT-0067``), one or more
names, a product class (native label verbatim plus the common class), dates, protections per
territory, and the source it was read from.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Literal

import unicodedata

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .text import mojibake

NameRole = Literal["protected", "transcription", "translation", "variant"]
Status = Literal["registered", "applied", "published", "rejected", "removed"]
ProtectionStatus = Literal["protected", "pending", "ended"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# "register" is a field name of the JSON contract; it shadows ABCMeta.register, which gimatch never uses.
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)


class Name(_Model):
    """One name of a GI, as the register gives it."""

    text: str = Field(min_length=1, max_length=500, description="The name verbatim (at most 500 characters)")
    script: str = Field(description="Dominant script: Latin, Han, Kana, Hangul, Thai, Greek, Cyrillic, ...")
    lang: str | None = Field(None, description="ISO 639-1 code when the source states or implies it")
    role: NameRole = "protected"
    source: str | None = Field(None, description="The field the name came from, e.g. 'EA_Name'")

    @field_validator("text")
    @classmethod
    def _no_hidden_characters(cls, text: str) -> str:
        """A name holds no control character, no lone surrogate and no bidirectional override: they hide or
        reorder what a reader sees, and no register writes them. Line breaks and tabs become spaces."""
        if any(ch in "\t\n\r\x0b\x0c" for ch in text):
            text = " ".join(text.split())
        if garbled := mojibake.find(text):
            raise ValueError(f"the name holds mojibake {garbled!r} (UTF-8 read with another codec before it was "
                             "saved); export it again from the source")
        for ch in text:
            if unicodedata.category(ch) in ("Cc", "Cs") or "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
                raise ValueError(f"the name holds the hidden character U+{ord(ch):04X} "
                                 f"({unicodedata.name(ch, 'control')})")
        return text


class ProductClass(_Model):
    """A product class: the register's own label kept verbatim, plus the common class."""

    scheme: str = Field(description="Class scheme, e.g. 'eu.food', 'eu.wine', 'eu.spirit', 'jp.maff.2015'")
    code: str | None = Field(None, description="Class number within the scheme, e.g. '1.2'")
    label: str = Field(description="The register's label, verbatim")
    common: str | None = Field(None, description="gimatch's common class id (datasets/classes.csv)")


class Protection(_Model):
    """Where, on what basis and since when a GI is protected (or pending)."""

    territory: str = Field(description="CN, EU, JP, TH, US, ...")
    basis: Literal["registration", "agreement"] = "registration"
    instrument: str | None = Field(None, description="Legal instrument or agreement, verbatim")
    annex: str | None = None
    since: dt.date | None = Field(None, description="First day of protection; None when the sources do not say")
    known_by: dt.date | None = Field(None, description="When the start is unknown: a date by which the "
                                                       "sources show the protection in force")
    not_before: dt.date | None = Field(None, description="When the start is unknown: a date before which the "
                                                         "sources show no protection (an application, a list)")
    status: ProtectionStatus = "protected"
    register: str | None = Field(None, description="In a conflict that groups records of several registers: the "
                                                   "register whose record gives this protection")


class Procedure(_Model):
    """A procedure file on a GI (amendment, cancellation), kept on its base GI."""

    native_id: str
    kind: Literal["amendment", "minor amendment", "cancellation"]
    status: str | None = None
    applied: dt.date | None = None
    published: dt.date | None = None
    registered: dt.date | None = None


class Dates(_Model):
    applied: dt.date | None = None
    published: dt.date | None = None
    registered: dt.date | None = None
    protected: dt.date | None = Field(None, description="Start of protection in the home register")


class Source(_Model):
    """Where a record was read from."""

    file: str
    record: str = Field(description="Record locator inside the file: line, index or key")
    snapshot: dt.date | None = None
    sha256: str | None = None
    url: str | None = None
    other_urls: list[str] = Field(default_factory=list, description="Further evidence for the record")


class GI(_Model):
    """A geographical indication (or TSG) as one register records it."""

    id: str = Field(description="Stable id '<prefix>:<native id>', e.g. 'eu:PDO-IT-0067'")
    register: str = Field(description="Register module name, e.g. 'eu.eambrosia'")
    native_id: str
    other_ids: dict[str, str] = Field(default_factory=dict, description="Other identifiers, e.g. giIdentifier")
    names: list[Name]
    gi_type: str | None = None
    countries: list[str] = Field(default_factory=list, description="ISO 3166-1 alpha-2 codes")
    product_class: ProductClass | None = None
    other_classes: list[ProductClass] = Field(default_factory=list,
                                              description="The same product in the register's other class schemes")
    status: Status = "registered"
    dates: Dates = Field(default_factory=Dates)
    legal_instrument: str | None = None
    protections: list[Protection] = Field(default_factory=list)
    procedures: list[Procedure] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list, description="Province, prefecture, county or state, verbatim")
    holder: str | None = Field(None, description="Applicant, producer group or mark owner")
    native: dict[str, str] = Field(default_factory=dict,
                                   description="The register's own labels and values, verbatim")
    source: Source
    other_sources: list[Source] = Field(default_factory=list,
                                        description="Older files this record was merged with (see merge_records)")

    @property
    def is_tsg(self) -> bool:
        return (self.gi_type or "").upper() == "TSG"


def _newer_first(a: GI, b: GI) -> tuple[GI, GI]:
    """(newer, older) by snapshot; on a tie the second argument counts as newer."""
    sa, sb = a.source.snapshot, b.source.snapshot
    if sa and sb and sa > sb:
        return a, b
    if sa and not sb:
        return a, b
    return b, a


def merge_records(a: GI, b: GI) -> GI:
    """One record of a GI read from two sources: every field the newer snapshot states wins, the older
    source fills what the newer leaves empty. The newer source's protected names, status and
    protections (in the territories it speaks of; all of them when it says the GI is removed) are
    authoritative, since an amendment or cancellation may have changed them; older
    transcriptions and variants it does not repeat are kept, and older dates and instruments fill the
    same protection's gaps (a GI is registered once: the earliest registration date stated wins). The
    merged record names both sources. A record read again from the one file it came from is replaced."""
    if not a.other_sources and a.source.file == b.source.file:
        return b
    new, old = _newer_first(a, b)
    names = list(new.names)
    have = {n.text.casefold() for n in names}
    names += [n for n in old.names if n.role != "protected" and n.text.casefold() not in have]
    protections = []
    for p in new.protections:
        same = next((q for q in old.protections if (q.territory, q.basis, q.annex) == (p.territory, p.basis, p.annex)
                     and q.status == p.status), None)
        if same:      # one protection seen twice: the earliest start any source states, the gaps filled
            starts = [d for d in (p.since, same.since) if d]
            p = p.model_copy(update={"instrument": p.instrument or same.instrument,
                                     "since": min(starts) if starts else None, "known_by": p.known_by or same.known_by})
        protections.append(p)
    if new.status not in ("removed", "rejected"):      # territories only the older source speaks of stay
        stated = {p.territory for p in new.protections}
        protections += [q for q in old.protections if q.territory not in stated]
    procedures = {p.native_id: p for p in old.procedures} | {p.native_id: p for p in new.procedures}
    classes = {(c.scheme, c.label): c for c in [*old.other_classes, *new.other_classes]}
    dates = Dates(**{k: getattr(new.dates, k) or getattr(old.dates, k) for k in Dates.model_fields})
    if new.dates.registered and old.dates.registered:        # a GI is registered once; amendments come later
        dates.registered = min(new.dates.registered, old.dates.registered)
    sources = [old.source, *old.other_sources, *new.other_sources]
    seen, other_sources = {(new.source.file, new.source.record)}, []
    for s in sources:
        if (s.file, s.record) not in seen:
            seen.add((s.file, s.record))
            other_sources.append(s)
    return new.model_copy(update={
        "names": names, "protections": protections, "procedures": sorted(procedures.values(), key=lambda p: p.native_id),
        "other_classes": list(classes.values()), "dates": dates,
        "other_ids": {**old.other_ids, **new.other_ids}, "native": {**old.native, **new.native},
        "gi_type": new.gi_type or old.gi_type, "countries": new.countries or old.countries,
        "product_class": new.product_class or old.product_class, "places": new.places or old.places,
        "holder": new.holder or old.holder, "legal_instrument": new.legal_instrument or old.legal_instrument,
        "other_sources": other_sources})


class Reject(_Model):
    """A record a reader could not take, and why."""

    where: str = Field(description="Record or line locator")
    field: str | None = None
    reason: str


class Evidence(_Model):
    """What a conflict rests on: which names and keys met."""

    query_key: str
    gi_key: str
    key_kind: str
    detail: str | None = None


class Conflict(_Model):
    """One protected GI a query conflicts with. Its JSON form is the `check --json` contract."""

    gi: str
    register: str
    native_id: str
    names: list[str]
    matched_name: str
    kind: str
    score: float
    country: list[str]
    product_class: str | None
    why: str
    protections: list[Protection]
    status: Status = "registered"
    gi_type: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    severity: Literal["high", "medium", "low"] = "medium"
    legal_hooks: list[str] = Field(default_factory=list, description="The provisions the conflict is argued under")
    linked: list[str] = Field(default_factory=list,
                              description="Records of other registers for the same GI (agreement lists, designations)")
    class_relation: Literal["same", "comparable", "unrelated"] | None = Field(
        None, description="The GI's product against the product the query names or the caller gave")
    prior_right: str | None = Field(None, description="Set when the trademark was filed before the protection")
    notes: list[str] = Field(default_factory=list)
