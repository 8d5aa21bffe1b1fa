"""China's three GI systems: GI products, GI certification and collective marks, agricultural GIs."""

from __future__ import annotations

import re

_REGION = re.compile(r"^(?P<province>.+?(?:省|自治区|特别行政区|北京市|天津市|上海市|重庆市))?"
                     r"(?P<prefecture>.+?自治州|.+?地区|.+?盟|.+?市)?(?P<county>.+?(?:县|区|市|旗))?")
_ABBR_PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
                   "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
                   "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")


def split_region(text: str) -> list[str]:
    """'福建省南平市武夷山市' → ['福建省', '南平市', '武夷山市']; a bare province ('浙江') is kept as is."""
    text = re.sub(r"\s+", "", text or "")
    if not text:
        return []
    if text in _ABBR_PROVINCES:
        return [text]
    m = _REGION.match(text)
    parts = [p for p in (m.group("province"), m.group("prefecture"), m.group("county")) if p] if m else []
    return parts or [text]


ISSUERS = {"国家质量监督检验检疫总局": "AQSIQ", "质检总局": "AQSIQ", "国家质检总局": "AQSIQ", "AQSIQ": "AQSIQ",
           "国家知识产权局": "CNIPA", "知识产权局": "CNIPA", "CNIPA": "CNIPA", "农业部": "MOA", "农业农村部": "MARA"}


def issuer(text: str) -> str | None:
    """The issuing body's short name from any text that names it."""
    for key in sorted(ISSUERS, key=len, reverse=True):
        if key in (text or ""):
            return ISSUERS[key]
    return None
