"""China, agricultural-product GIs (农产品地理标志, AGI), MOA/MARA, registered 2008 – March 2022.

Formats (CSV/TSV in UTF-8, UTF-8 with BOM or GB18030/GBK, or an HTML table), told apart by their labels:

- ``query``: the online query system's columns 序号, 接口ID, 登记年份, 产品名称, 省（区市）, 证书持有人名称,
  产品类别, 登记证书编号;
- ``announcement``: a registration announcement's table 序号, 产品名称, 所在地域, 申请人全称, 划定的保护范围,
  质量控制技术规范编号 (产品类别 from 2017).

The id is the AGI number ``AGIyyyy-bb-nnnn`` (year, batch, running serial): the certificate number, or
the specification number when the certificate number is not given (``cn.agri_gis:AGI2012-02-869``).
"""

from __future__ import annotations

import re

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Protection, Source
from .. import LoadResult, RegisterInfo, collect, file_sha256, make_names, read_bytes
from ..tables import Table, read_table
from . import split_region

REGISTER = RegisterInfo(
    name="cn.agri_gis",
    prefix="cn.agri_gis",
    title="China, agricultural-product GIs (农产品地理标志; MOA/MARA)",
    territory="CN",
    formats=("query", "announcement"),
    url="http://www.greenfood.agri.cn/xxcx/dlbzcx/",
)

LABELS = {
    "序号": "seq", "接口ID": "api_id", "登记年份": "year", "产品名称": "name", "省(区市)": "province", "省": "province",
    "省份": "province", "所在地域": "region", "证书持有人名称": "holder", "证书持有人": "holder", "申请人全称": "holder",
    "产品类别": "category", "登记证书编号": "cert_no", "证书编号": "cert_no", "质量控制技术规范编号": "spec_no",
    "划定的保护范围": "area", "保护范围": "area",
}
AGI = re.compile(r"^AGI(\d{4})-(\d{2})-(\d{3,5})$")
INSTRUMENT = "农产品地理标志管理办法 (MOA, 2007)"


def load(path: str) -> LoadResult:
    """Read an AGI table from the query system or from an announcement (CSV/TSV or HTML)."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("name",), register=REGISTER.name, chinese=True)
    if "cert_no" not in table.fields.values() and "spec_no" not in table.fields.values():
        raise InputError("not a cn.agri_gis table: no 登记证书编号 or 质量控制技术规范编号 column", path=str(path))
    shape = "query" if "year" in table.fields.values() else "announcement"
    digest = file_sha256(data)
    result = LoadResult(path=str(path), sha256=digest, shape=f"{shape}-{table.shape}", snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="登记证书编号")


def _number(text: str, where: str, field: str) -> re.Match | None:
    text = re.sub(r"\s+", "", text).upper()
    if not text:
        return None
    m = AGI.match(text)
    if not m:
        raise InputError(f"not an AGI number (AGIyyyy-bb-nnnn): {text!r}", where=where, field=field)
    return m


def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    name = get("name")
    if not name:
        raise InputError("no product name", where=where, field="产品名称")
    number = _number(get("cert_no"), where, "登记证书编号") or _number(get("spec_no"), where, "质量控制技术规范编号")
    if number is None:
        raise InputError("no AGI number", where=where, field="登记证书编号")
    year = get("year")
    if year and year != number.group(1):
        raise InputError(f"登记年份 {year} differs from the year {number.group(1)} in {number.group(0)}",
                         where=where, field="登记年份")
    names = make_names([name], source="产品名称", chinese=True)
    for n in names:
        n.lang = "zh" if n.script == "Han" else None
    places = split_region(get("province")) if get("province") else split_region(get("region"))
    instrument = f"{INSTRUMENT}, registered {number.group(1)}"
    return GI(id=f"{REGISTER.prefix}:{number.group(0)}", register=REGISTER.name, native_id=number.group(0),
              other_ids={"spec_no": get("spec_no")} if get("spec_no") and get("cert_no") else {},
              names=names, gi_type="AGI", countries=["CN"],
              product_class=native_class("cn.agi", get("category"), shared=("cn",)), status="registered",
              legal_instrument=instrument, dates=Dates(),
              protections=[Protection(territory="CN", basis="registration", instrument=instrument, status="protected")],
              places=places, holder=get("holder") or None, native={k: v for k, v in row.items() if v}, source=source)
