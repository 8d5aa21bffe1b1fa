"""Register readers: one module per register, all with the same small interface.

Each module defines ``REGISTER`` (a :class:`RegisterInfo`) and ``load(path) -> LoadResult``.
The table of modules is :data:`gimatch.registry.REGISTERS`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError
from ..model import GI, Name, Reject, Source
from ..text.fold import dominant_script


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
    records: list[GI] | Records = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    read: int = 0
    note: str | None = None     # what the register counts in its own terms ("269 current AVAs")


class Records:
    """The records of a file too large to hold: each iteration reads the file again and yields one record
    at a time. A first pass has already counted them, so ``len`` is known."""

    def __init__(self, count: int, produce: Callable[[], Iterator[GI]]):
        self._count = count
        self._produce = produce

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[GI]:
        return self._produce()


BOM = codecs.BOM_UTF8
CHUNK = 1 << 16


class CheckedFile(io.RawIOBase):
    """A register file read in chunks, its SHA-256 and its UTF-8 checked as it goes (a bad byte is an
    InputError naming its line), a byte-order mark left out of what is read."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        p = Path(path)
        if not p.is_file():
            raise InputError("no such file", path=self.path)
        self._file = p.open("rb")
        self._hash = hashlib.sha256()
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._offset = self._lines = 0
        self._started = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._file.read(max(len(buffer), len(BOM)))
        self._hash.update(data)
        try:
            self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:       # exc.object: the bytes a character began in before, then these
            seen = exc.object[: exc.start]
            line = self._lines + seen.count(b"\n") + 1
            offset = self._offset - (len(exc.object) - len(data)) + exc.start
            raise InputError(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {offset}); "
                             "save the file as UTF-8", path=self.path, where=f"line {line}") from None
        self._lines += data.count(b"\n")
        self._offset += len(data)
        if not self._started:
            self._started = True
            data = data.removeprefix(BOM)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._file.close()
        super().close()

    @property
    def sha256(self) -> str:
        """The file's digest, once it has been read to its end."""
        return self._hash.hexdigest()

    def finish(self) -> str:
        """Read what is left (so the digest covers the whole file) and return the digest."""
        while self.read(CHUNK):
            pass
        return self.sha256


def open_checked(path: str | Path) -> io.BufferedReader:
    """A buffered :class:`CheckedFile`; an empty (or blank) file is refused."""
    reader = io.BufferedReader(CheckedFile(path), buffer_size=CHUNK)
    head = reader.peek(CHUNK)
    if len(head) < CHUNK and not head.strip(b" \t\r\n"):      # the whole file seen, and blank (BOM read off)
        reader.close()
        raise InputError("the file is empty", path=str(path))
    return reader


MAX_JSON_DEPTH = 64       # no register nests more than a few levels


def json_records(stream: io.BufferedReader, path: str) -> Iterator[object]:
    """The items of a JSON array read incrementally, bare or as the ``results`` of an object; a
    malformed or truncated document, or one nested deeper than any register, is an InputError naming
    the record it stopped at."""
    import ijson

    building: list[list] = []          # [container, key] of the item being built, outermost first
    depth = 0                          # containers open in the document
    items_at = None                    # the depth of the records, once their array is open
    top_key = None
    n = 0

    def add(value) -> object | None:
        """Put a finished value in its container, or return it when it is a whole record."""
        if not building:
            return value
        container, key = building[-1]
        if isinstance(container, list):
            container.append(value)
        else:
            container[key] = value
        return None

    try:
        for event, value in ijson.basic_parse(stream, use_float=True):
            if event in ("start_map", "start_array"):
                if items_at is None and event == "start_array" and (depth == 0 or (depth == 1 and top_key == "results")):
                    items_at = depth + 1
                elif building or depth == items_at:
                    building.append([{} if event == "start_map" else [], None])
                depth += 1
                if depth > MAX_JSON_DEPTH:
                    raise RecursionError
            elif event in ("end_map", "end_array"):
                depth -= 1
                if building:
                    record = add(building.pop()[0])
                    if record is not None:
                        n += 1
                        yield record
                elif items_at is not None and depth == items_at - 1:
                    items_at = -1                  # the records' array is closed: nothing after it is a record
            elif event == "map_key":
                if building:
                    building[-1][1] = value
                elif depth == 1:
                    top_key = value
            elif building:
                add(value)
            elif depth == items_at:
                n += 1
                yield value
    except ijson.JSONError as exc:
        reason = str(exc).splitlines()[0].strip() or "unexpected end"
        where = f"after record {n}" if items_at == -1 else f"record {n + 1}"
        raise InputError(f"malformed or truncated JSON: {reason}", path=path, where=where) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to read (no register nests more than a few levels)",
                         path=path, where=f"record {n + 1}") from None


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
    except RecursionError:
        raise InputError("JSON nested too deeply to read (no register nests more than a few levels)",
                         path=path) from None
    except ValueError as exc:            # a number too long to convert, ...
        raise InputError(f"unreadable JSON: {exc}", path=path) from None


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


_FULLWIDTH_BRACKET = re.compile(r"（([^）]+)）")
_LATIN_BRACKET = re.compile(r"\(([^()]+)\)")


def split_names(joined: str) -> list[str]:
    """Names joined by ' / ' (and the one ' ; ') are separate names of one GI."""
    parts = re.split(r"\s+/\s+|\s+;\s+", joined.strip())
    return [p.strip() for p in parts if p.strip()]


def make_names(texts: list[str], *, role: str = "protected", source: str, chinese: bool = False) -> list[Name]:
    """Names with their scripts; full-width brackets (and, for Chinese GIs, any brackets) hold
    further protected names, added as variants, unless they hold only a product word (纳帕河谷（葡萄酒）)."""
    from ..text.lexicon import is_product_term

    out: list[Name] = []
    seen: set[str] = set()

    def add(text: str, role_: str) -> None:
        text = " ".join(text.split())
        if text and text not in seen:
            seen.add(text)
            out.append(Name(text=text, script=dominant_script(text), role=role_, source=source))

    for text in texts:
        add(text, role)
        inner = _FULLWIDTH_BRACKET.findall(text) + (_LATIN_BRACKET.findall(text) if chinese else [])
        for part in inner:
            if not is_product_term(part):
                add(part, "variant")
        if inner:
            add(_LATIN_BRACKET.sub(" ", _FULLWIDTH_BRACKET.sub(" ", text)), "variant")
    return out


def model_error(exc: ValueError) -> tuple[str | None, str]:
    """The field and the reason of a value the model refused (pydantic's first error, in words)."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        field = ".".join(str(x) for x in error.get("loc", ())) or None
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return field, str(error.get("msg", exc)).removeprefix("Value error, ") + more
    return None, str(exc)


def collect(result: LoadResult, rows, make, *, id_field: str) -> LoadResult:
    """Run ``make(row, where, source)`` over located rows into ``result``: a row that cannot be read (or
    that the file's reader refused, given as an InputError in its place) becomes a Reject naming its line and field, a repeated id is refused, and the snapshot is the
    latest date in the records unless the reader set one."""
    seen: set[str] = set()
    for where, row in rows:
        result.read += 1
        if isinstance(row, InputError):            # a row the file's reader already refused
            result.rejects.append(Reject(where=where, field=row.field, reason=row.reason))
            continue
        try:
            gi = make(row, where, Source(file=result.path, record=where, sha256=result.sha256))
        except InputError as exc:
            result.rejects.append(Reject(where=where, field=exc.field, reason=exc.reason))
            continue
        except ValueError as exc:        # the model refused a value (an empty or over-long name, ...)
            field, reason = model_error(exc)
            result.rejects.append(Reject(where=where, field=field, reason=reason))
            continue
        if gi.id in seen:
            result.rejects.append(Reject(where=where, field=id_field, reason=f"duplicate record {gi.id}"))
            continue
        seen.add(gi.id)
        result.records.append(gi)
    if result.snapshot is None:
        dates = [d for gi in result.records for d in (gi.dates.registered, gi.dates.protected, gi.dates.applied) if d]
        result.snapshot = max(dates) if dates else None
    for gi in result.records:
        gi.source.snapshot = gi.source.snapshot or result.snapshot
    return result
