"""Register readers: one module per register, all with the same small interface.

Each module defines ``REGISTER`` (a :class:`RegisterInfo`) and ``load(path) -> LoadResult``.
The table of modules is :data:`gimatch.registry.REGISTERS`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import GI, Reject


@dataclass(frozen=True)
class RegisterInfo:
    """What a register module reads."""

    name: str            # module name, e.g. "eu.eambrosia"
    prefix: str          # id prefix, e.g. "eu" in "eu:PDO-IT-0067"
    title: str
    territory: str       # where its registrations protect
    formats: tuple[str, ...]
    url: str
    aliases: tuple[str, ...] = ()


@dataclass
class LoadResult:
    """What a reader got out of one file."""

    path: str
    sha256: str
    shape: str
    snapshot: dt.date | None
    records: list[GI] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    read: int = 0


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path=str(path))
    data = p.read_bytes()
    if not data.strip():
        raise InputError("the file is empty", path=str(path))
    return data


def decode_utf8(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM); anything else is an error naming the first bad byte's line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "save the file as UTF-8", path=path, where=f"line {line}") from None


def parse_json(text: str, path: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed or truncated JSON: {exc.msg}", path=path,
                         where=f"line {exc.lineno}, column {exc.colno}") from None


_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(value, *, where: str, field_name: str) -> dt.date | None:
    """A date from 'DD/MM/YYYY', 'YYYY-MM-DD' or an ISO timestamp; '' or None is None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        m = _DMY.match(text)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"not a valid date: {text!r}", where=where, field=field_name) from None
