"""China, GI products (地理标志产品), approved by announcement (公告) of AQSIQ until 2018, CNIPA since.

Formats, told apart from the content:

- ``csv``: an announcement table exported as CSV or TSV, in UTF-8 (with or without BOM) or GB18030/GBK,
  with the columns 公告号, 公告日期, 产品名称, 所在地域, 保护范围, 产品类别 (also 公告单位, 公告类型,
  国民经济行业分类, 申请人名称, 国家标准). Title rows above the header and header rows repeated
  further down are skipped.
- ``html``: the HTML page of one announcement: a table of products (序号, 产品名称, 所在地域 or
  申请人, 保护范围) under a title naming the issuer and number (``国家质量监督检验检疫总局公告2012年第111号``).

There is no per-product number: a product's id is issuer, announcement year and number, and product
name (``cn.gi_products:AQSIQ-2012-111-武夷岩茶``). 所在地域 is split into province, prefecture and county.
"""

from __future__ import annotations

import re

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Protection, Source
from .. import LoadResult, RegisterInfo, collect, file_sha256, make_names, read_bytes
from ..tables import Table, parse_any_date, read_table
from . import issuer, split_region

REGISTER = RegisterInfo(
    name="cn.gi_products",
    prefix="cn.gi_products",
    title="China, GI products (地理标志产品; AQSIQ, now CNIPA)",
    territory="CN",
    formats=("csv", "html"),
    url="https://www.cnipa.gov.cn",
)

LABELS = {
    "序号": "seq", "公告号": "notice", "公告编号": "notice", "公告文号": "notice", "公告日期": "date", "发布日期": "date",
    "批准日期": "date", "公告单位": "issuer", "发布单位": "issuer", "公告类型": "notice_type", "产品名称": "name",
    "地理标志产品名称": "name", "所在地域": "region", "所在地区": "region", "产地": "region", "保护范围": "area",
    "产地范围": "area", "保护地域范围": "area", "产品类别": "category", "国民经济行业分类": "industry",
    "申请人名称": "applicant", "申请人": "applicant", "国家标准": "standard", "标准号": "standard",
}
_NOTICE = re.compile(r"(?:(\d{4})\s*年\s*)?第\s*(\d+)\s*号")
FOREIGN = {"法国": "FR", "英国": "GB", "美国": "US", "墨西哥": "MX", "意大利": "IT", "西班牙": "ES", "德国": "DE",
           "葡萄牙": "PT", "希腊": "GR", "爱尔兰": "IE", "奥地利": "AT", "比利时": "BE", "荷兰": "NL", "日本": "JP",
           "泰国": "TH", "印度": "IN", "秘鲁": "PE", "哥伦比亚": "CO"}


def load(path: str) -> LoadResult:
    """Read an announcement table (CSV/TSV) or an announcement page (HTML)."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("name",), register=REGISTER.name, chinese=True)
    digest = file_sha256(data)
    result = LoadResult(path=str(path), sha256=digest, shape=table.shape, snapshot=None)
    page_notice = _notice(table.context) if table.shape == "html" else None
    page_issuer = issuer(table.context) if table.shape == "html" else None
    page_date = _page_date(table.context)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source,
                         page_notice, page_issuer, page_date), id_field="产品名称")


def _notice(text: str) -> tuple[int | None, int] | None:
    m = _NOTICE.search(text or "")
    return (int(m.group(1)) if m.group(1) else None, int(m.group(2))) if m else None


def _page_date(text: str):
    m = re.search(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", text or "")
    return parse_any_date(m.group(), where="page", field_name="date") if m else None


def _record(table: Table, row: dict, where: str, source: Source, page_notice, page_issuer, page_date) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    name = get("name")
    if not name:
        raise InputError("no product name", where=where, field="产品名称")
    notice = _notice(get("notice")) or page_notice
    if notice is None:
        raise InputError("no announcement number (公告号)", where=where, field="公告号")
    date = parse_any_date(get("date"), where=where, field_name="公告日期") or page_date
    year = notice[0] or (date.year if date else None)
    if year is None:
        raise InputError("the announcement number has no year and there is no 公告日期", where=where, field="公告号")
    body = issuer(get("issuer")) or issuer(get("notice")) or page_issuer or ("AQSIQ" if year <= 2017 else "CNIPA")
    native_id = f"{body}-{year}-{notice[1]}-{name}"
    region = get("region")
    country = next((cc for zh, cc in FOREIGN.items() if region.startswith(zh)), "CN")
    pending = "受理" in get("notice_type")
    names = make_names([name], source="产品名称", chinese=True)
    for n in names:
        n.lang = "zh" if n.script == "Han" else None
    instrument = f"{body} 公告{year}年第{notice[1]}号"
    return GI(id=f"{REGISTER.prefix}:{native_id}", register=REGISTER.name, native_id=native_id, names=names,
              gi_type="GI product", countries=[country],
              product_class=native_class("cn.aqsiq", get("category"), shared=("cn",)),
              status="applied" if pending else "registered",
              dates=Dates(applied=date if pending else None, registered=None if pending else date,
                          protected=None if pending else date),
              legal_instrument=instrument,
              protections=[Protection(territory="CN", basis="registration", instrument=instrument, since=date,
                                      status="pending" if pending else "protected")],
              places=split_region(region) if country == "CN" else [region],
              holder=get("applicant") or None,
              native={k: v for k, v in row.items() if v}, source=source)
