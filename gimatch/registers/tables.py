"""What the table-shaped registers share: decoding (UTF-8, BOM, GB18030), CSV and HTML tables with
their header row found by its labels, era and Buddhist-era dates, and XML parsed without entities.

A register module names the labels it knows (``{"产品名称": "name", ...}``); :func:`read_table`
finds the header row by those labels (skipping title rows and merged header cells above it), skips
header rows repeated further down (spreadsheet exports repeat them per page) and returns every data
row with its line, keyed by the verbatim labels.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from lxml import etree, html

from ..errors import InputError
from ..text import mojibake
from . import decode_utf8


@dataclass
class Table:
    """Rows of one table, each with its locator, keyed by the verbatim header labels."""

    shape: str
    encoding: str
    header: list[str]
    fields: dict[str, str]                     # verbatim label → the module's field name
    rows: list[tuple[str, dict[str, str] | InputError]] = field(default_factory=list)   # an error in place of
                                                                                       # a row it refuses
    context: str = ""                          # text around an HTML table (title, notice number)

    def whole_rows(self) -> list[tuple[str, dict[str, str]]]:
        """Every row, for a table read whole (facts, counts): a row the reader refused is an error here."""
        for _, row in self.rows:
            if isinstance(row, InputError):
                raise row
        return self.rows    # type: ignore[return-value]

    def get(self, row: dict[str, str], name: str) -> str:
        """The value of a field by the module's field name ('' when the column is absent)."""
        for label, fname in self.fields.items():
            if fname == name and row.get(label):
                return row[label]
        return ""


# --- decoding ----------------------------------------------------------------------------------



def decode(data: bytes, path: str, *, chinese: bool = False) -> tuple[str, str]:
    """Text and the encoding it was read in: UTF-8 (BOM or not), or GB18030 for Chinese registers."""
    try:
        text, encoding = decode_utf8(data, path), "utf-8"
    except InputError:
        if not chinese:
            raise
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError("neither UTF-8 nor GB18030/GBK text", path=path, where=f"line {line}") from None
    bad = mojibake.find(text)
    if bad:
        line = text[: text.index(bad)].count("\n") + 1
        raise InputError(f"mojibake {bad!r}: the text was decoded with the wrong codec before it was saved; "
                         "export it again from the source", path=path, where=f"line {line}")
    return text, encoding


def label(text: str) -> str:
    """A header label compared loosely: NFKC (full-width brackets), no spaces, no colon."""
    return re.sub(r"[\s:：*]+", "", unicodedata.normalize("NFKC", text or ""))


# --- tables ------------------------------------------------------------------------------------

MAX_CELLS = 500_000    # table cells in one HTML file, once spans are expanded: a register page holds far fewer
MAX_SPAN = 50          # colspan / rowspan taken at most


def _html_tables(text: str, path: str) -> list[tuple[list[list[str]], str]]:
    """Every <table> as rows of cell texts (colspan and rowspan expanded), with the page text before it. One
    pass over the page (linear in its size); a page that expands to more than MAX_CELLS cells is refused."""
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        doc = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"unreadable HTML: {exc}", path=path) from None
    before_table: dict = {}
    seen = ""                              # the page's text so far (its last few thousand characters)
    for event, el in etree.iterwalk(doc, events=("start", "end")):
        if event == "start":
            if el.tag == "table":
                before_table[el] = " ".join(seen.split())[-2000:]
            seen += " " + (el.text or "") if isinstance(el.tag, str) else ""
        else:
            seen += " " + (el.tail or "")
        if len(seen) > 8000:
            seen = seen[-4000:]
    out, cells = [], 0
    for table in doc.iter("table"):
        grid: list[list[str]] = []
        carried: dict[int, list] = {}          # column → [rows still to fill, text] from a rowspan above
        for tr in table.iter("tr"):
            row: list[str] = []
            for cell in tr:
                if not (isinstance(cell.tag, str) and cell.tag in ("td", "th")):
                    continue
                while len(row) in carried:
                    row.append(_take(carried, len(row)))
                value = " ".join(cell.text_content().split())
                across, down = _span(cell.get("colspan")), _span(cell.get("rowspan"))
                for _ in range(across):
                    if down > 1:
                        carried[len(row)] = [down - 1, value]
                    row.append(value)
            while len(row) in carried:
                row.append(_take(carried, len(row)))
            grid.append(row)
            cells += len(row)
            if cells > MAX_CELLS:
                raise InputError(f"the HTML tables expand to more than {MAX_CELLS:,} cells (colspan and rowspan "
                                 "counted); no register page is that large, so it is refused", path=path,
                                 where=f"line {tr.sourceline}")
        out.append((grid, before_table.get(table, "")))
    return out


def _span(value: str | None) -> int:
    value = (value or "").strip()
    return max(1, min(int(value), MAX_SPAN)) if value.isdigit() and len(value) < 6 else 1


def _take(carried: dict[int, list], col: int) -> str:
    left, value = carried[col]
    if left <= 1:
        del carried[col]
    else:
        carried[col][0] = left - 1
    return value


def _find_header(grid: list[list[str]], labels: dict[str, str], need: int) -> int | None:
    for i, row in enumerate(grid[:15]):
        if sum(1 for cell in row if label(cell) in labels) >= need:
            return i
    return None


def read_table(data: bytes, path: str, labels: dict[str, str], *, required: tuple[str, ...],
               register: str, chinese: bool = False) -> Table:
    """The register's table in a CSV or HTML file, with its header found by the known labels.

    ``labels`` maps loose labels (see :func:`label`) to field names; ``required`` field names must
    all have a column. A file without such a header is another register's file, refused by name.
    """
    text, encoding = decode(data, path, chinese=chinese)
    loose = {label(k): v for k, v in labels.items()}
    need = min(2, len(set(loose.values())))
    if re.match(r"\s*(<!doctype html|<html|<table|<\?xml[^>]*>\s*<html)", text[:500], re.I):
        candidates = [(grid, before, "html") for grid, before in _html_tables(text, path)]
        lines = None
    else:
        first = text.splitlines()[0] if text else ""
        dialect = "excel-tab" if first.count("\t") > first.count(",") else "excel"
        grid, lines, ended = csv_grid(text, path, dialect)
        candidates = [(grid, "", "tsv" if dialect == "excel-tab" else "csv")]
    for grid, before, shape in candidates:
        at = _find_header(grid, loose, need)
        if at is None:
            continue
        header = [cell.strip() for cell in grid[at]]
        fields = {h: loose[label(h)] for h in header if label(h) in loose}
        missing = [f for f in required if f not in fields.values()]
        if missing:
            raise InputError(f"not a {register} table: no column for {', '.join(missing)} "
                             f"(header: {', '.join(h for h in header if h)})", path=path, where=_where(shape, lines, at))
        table = Table(shape=shape, encoding=encoding, header=header, fields=fields, context=before)
        header_key = [label(h) for h in header]
        for i in range(at + 1, len(grid)):
            row = grid[i]
            filled = {cell.strip() for cell in row if cell.strip()}
            if not filled or [label(c) for c in row[:len(header)]] == header_key:
                continue
            if len(filled) == 1 and len(header) > 2:
                continue                    # a merged title or note row (one value across the table)
            where = _where(shape, lines, i)
            values: dict[str, str] | InputError = {h: row[j].strip() if j < len(row) else ""
                                                   for j, h in enumerate(header) if h}
            if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
                values = InputError(f"{len(row)} cells under a header of {len(header)}", path=path, where=where)
            elif lines is not None and i == len(grid) - 1 and not ended:
                values = InputError(CUT_OFF, path=path, where=where)
            table.rows.append((where, values))
        return table
    raise InputError(f"not a {register} file: no table with the register's column labels "
                     f"({', '.join(sorted(labels)[:6])}, …)", path=path)


CUT_OFF = ("the file ends inside this row (no line break after it): it may be cut off, so it is not "
           "imported; if the row is complete, end the file with a line break")
CSV_FIELD_LIMIT = 1_000_000     # characters in one cell: no register writes more


def csv_records(lines: Iterable[str], path: str, dialect: str = "excel") -> Iterator[tuple[int, list[str]]]:
    """The records of CSV lines (newline=""), each with the physical line it starts on (cells can span lines).
    Line breaks may be CRLF, LF or CR alone."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(lines, dialect)
    start = 0
    try:
        for record in reader:
            yield start + 1, record
            start = reader.line_num
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", path=path, where=f"line {max(reader.line_num, 1)}") from None


def csv_grid(text: str, path: str, dialect: str = "excel") -> tuple[list[list[str]], list[int], bool]:
    """The records of a CSV text, the line each starts on, and whether the text ends with a line break."""
    located = list(csv_records(io.StringIO(text, newline=""), path, dialect))
    return [r for _, r in located], [n for n, _ in located], text.endswith(("\n", "\r"))


def csv_dicts(text: str, path: str) -> tuple[list[str], list[tuple[str, dict[str, str] | InputError]]]:
    """The header of a CSV text (its first record) and its rows keyed by it, each with its line. A row with
    more cells than the header, or a last row the file may have cut off, is an InputError in its place."""
    header, rows = csv_stream(io.StringIO(text, newline=""), path)
    return header, list(rows)


def csv_stream(text: Iterable[str], path: str) -> tuple[list[str], Iterator[tuple[str, dict[str, str] | InputError]]]:
    """:func:`csv_dicts` over the lines of an open text (newline=""), read one row at a time."""
    last = [""]

    def lines():
        for line in text:
            last[0] = line
            yield line

    grid = csv_records(lines(), path)
    first = next(grid, None)
    if first is None:
        raise InputError("no header row", path=path, where="line 1")
    header = [h.strip() for h in first[1]]

    def rows():
        pending = None
        for line, record in grid:
            if pending:
                yield pending
            pending = None
            if not any(cell.strip() for cell in record):
                continue
            where = f"line {line}"
            if len(record) > len(header) and any(cell.strip() for cell in record[len(header):]):
                pending = (where, InputError(f"{len(record)} cells under a header of {len(header)}", path=path,
                                             where=where))
            else:
                pending = (where, {h: record[j] if j < len(record) else "" for j, h in enumerate(header)})
        if pending:
            where, row = pending
            if isinstance(row, dict) and not last[0].endswith(("\n", "\r")):
                row = InputError(CUT_OFF, path=path, where=where)
            yield where, row

    return header, rows()


def _where(shape: str, lines: list[int] | None, index: int) -> str:
    if lines is not None and index < len(lines):
        return f"line {lines[index]}"
    return f"table row {index + 1}"


# --- dates -------------------------------------------------------------------------------------

ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
THAI_MONTHS = {m: i for i, m in enumerate(
    ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
     "ตุลาคม", "พฤศจิกายน", "ธันวาคม"], 1)}
THAI_MONTHS_ABBR = {m: i for i, m in enumerate(
    ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."], 1)}
_ERA = re.compile(r"^(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_THAI = re.compile(r"^(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$")
_NUMERIC = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_any_date(value: str | None, *, where: str, field_name: str, buddhist: bool = False) -> dt.date | None:
    """A date written the register's way: ISO, 2012年12月5日, 平成28年12月7日, 27 กันยายน 2550,
    20120505. ``buddhist`` reads four-digit years as Buddhist era (BE = CE + 543) unless they are
    plainly CE. A date that does not exist is an error, never stored wrong."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        return None
    try:
        if m := _ERA.match(text):
            year = ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
            return dt.date(year, int(m.group(3)), int(m.group(4)))
        if m := _THAI.match(text):
            month = THAI_MONTHS.get(m.group(2)) or THAI_MONTHS_ABBR.get(m.group(2))
            if month is None:
                raise InputError(f"unknown Thai month {m.group(2)!r} in {text!r}", where=where, field=field_name)
            return dt.date(int(m.group(3)) - 543, month, int(m.group(1)))
        m = _CJK.match(text) or _NUMERIC.match(text) or _COMPACT.match(text)
        if m:
            year = int(m.group(1))
            if buddhist and year > 2400:
                year -= 543
            return dt.date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise InputError(f"the date {text!r} does not exist", where=where, field=field_name) from None
    raise InputError(f"not a date: {text!r}", where=where, field=field_name)


# --- XML ---------------------------------------------------------------------------------------

def parse_xml(data: bytes, path: str) -> etree._Element:
    """An XML document parsed with no DTD loaded, no entity expanded and no network. A document with a
    document type declaration or an entity reference anywhere, in any encoding (XXE, entity expansion, a
    DTD gimatch does not load), is refused: no register's export has one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML: {exc.msg}", path=path, where=f"line {exc.lineno}") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise InputError("the XML has a document type declaration (<!DOCTYPE>, a DTD or entities: an XXE or "
                         "entity-expansion attack, or a DTD gimatch does not load); refused", path=path)
    entity = next((e for e in root.iter() if isinstance(e, etree._Entity)), None)
    if entity is not None:
        raise InputError(f"the XML refers to the entity {entity.text} gimatch does not expand; refused", path=path,
                         where=f"line {entity.sourceline}")
    return root
