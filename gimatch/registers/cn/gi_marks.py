"""China, GI certification and collective marks (地理标志证明商标 / 集体商标), CNIPA (formerly SAIC/CTMO).

Format: a trademark table exported as CSV or TSV (UTF-8, with or without BOM, or GB18030/GBK) or as an
HTML table, one row per registration: 注册号, 商标名称, 国际分类, 商品/服务, 注册人, 申请日期, 注册日期,
商标类型. A registration covers one Nice class, so the registration number is the id
(``cn.gi_marks:3094321``). Rows whose 商标类型 is an ordinary mark are refused: they are not GIs.
"""

from __future__ import annotations

import re

from ...classes import native_class
from ...errors import InputError
from ...model import GI, Dates, Protection, Source
from .. import LoadResult, RegisterInfo, collect, file_sha256, make_names, read_bytes
from ..tables import Table, parse_any_date, read_table
from . import split_region

REGISTER = RegisterInfo(
    name="cn.gi_marks",
    prefix="cn.gi_marks",
    title="China, GI certification and collective marks (地理标志证明商标/集体商标)",
    territory="CN",
    formats=("csv", "html"),
    url="https://sbj.cnipa.gov.cn",
)

LABELS = {
    "注册号": "reg_no", "商标注册号": "reg_no", "注册号/申请号": "reg_no", "申请号/注册号": "reg_no",
    "商标名称": "mark", "商标": "mark", "商标文字": "mark", "地理标志名称": "mark",
    "国际分类": "nice", "类别": "nice", "国际分类号": "nice", "类号": "nice",
    "商品/服务": "goods", "商品服务": "goods", "核定使用商品": "goods", "商品/服务项目": "goods",
    "注册人": "holder", "注册人名称": "holder", "商标注册人": "holder", "申请人名称": "holder",
    "注册人地址": "address", "申请日期": "filed", "申请日": "filed", "注册日期": "registered",
    "注册公告日期": "registered", "商标类型": "mark_type", "商标种类": "mark_type",
}
MARK_TYPES = {"证明商标": "certification mark", "集体商标": "collective mark"}


def load(path: str) -> LoadResult:
    """Read a GI mark table (CSV/TSV or HTML)."""
    data = read_bytes(path)
    table = read_table(data, str(path), LABELS, required=("reg_no", "mark"), register=REGISTER.name, chinese=True)
    digest = file_sha256(data)
    result = LoadResult(path=str(path), sha256=digest, shape=table.shape, snapshot=None)
    return collect(result, table.rows, lambda row, where, source: _record(table, row, where, source), id_field="注册号")


def _record(table: Table, row: dict, where: str, source: Source) -> GI:
    get = lambda f: table.get(row, f)  # noqa: E731
    reg_no = re.sub(r"\s+", "", get("reg_no"))
    if not re.fullmatch(r"[A-Z]?\d{4,9}", reg_no):
        raise InputError(f"not a trademark registration number: {reg_no!r}", where=where, field="注册号")
    mark = get("mark")
    if not mark:
        raise InputError("no mark text", where=where, field="商标名称")
    mark_type = get("mark_type")
    kind = next((v for k, v in MARK_TYPES.items() if k in mark_type), None)
    if mark_type and kind is None:
        raise InputError(f"{mark_type!r} is not a certification or collective mark", where=where, field="商标类型")
    nice = re.sub(r"\D", "", get("nice")) or None
    if nice and not 1 <= int(nice) <= 45:
        raise InputError(f"no Nice class {nice}", where=where, field="国际分类")
    filed = parse_any_date(get("filed"), where=where, field_name="申请日期")
    registered = parse_any_date(get("registered"), where=where, field_name="注册日期")
    names = make_names([mark], source="商标名称", chinese=True)
    for n in names:
        n.lang = "zh" if n.script == "Han" else None
    goods = get("goods")
    label = " ".join(x for x in (f"第{nice}类" if nice else "", goods) if x)
    return GI(id=f"{REGISTER.prefix}:{reg_no}", register=REGISTER.name, native_id=reg_no, names=names,
              gi_type=kind or "GI mark", countries=["CN"],
              product_class=native_class("nice", label, code=nice, shared=("cn",), goods=goods),
              status="registered" if registered else "applied",
              dates=Dates(applied=filed, registered=registered, protected=registered),
              legal_instrument="Trademark Law Art. 16(2)",
              protections=[Protection(territory="CN", basis="registration", instrument="Trademark Law Art. 16(2)",
                                      since=registered or filed, status="protected" if registered else "pending")],
              places=split_region(get("address"))[:1], holder=get("holder") or None,
              native={k: v for k, v in row.items() if v}, source=source)
