"""The explicit table of register modules. Nothing walks packages at run time."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import UsageError

REGISTERS: dict[str, str] = {
    "eu.eambrosia": "gimatch.registers.eu.eambrosia",
    "cn.gi_products": "gimatch.registers.cn.gi_products",
    "cn.gi_marks": "gimatch.registers.cn.gi_marks",
    "cn.agri_gis": "gimatch.registers.cn.agri_gis",
    "jp.maff": "gimatch.registers.jp.maff",
    "jp.maff_designated": "gimatch.registers.jp.maff_designated",
    "jp.nta": "gimatch.registers.jp.nta",
    "th.dip": "gimatch.registers.th.dip",
    "us.ava": "gimatch.registers.us.ava",
    "us.uspto": "gimatch.registers.us.uspto",
    "us.wine_names": "gimatch.registers.us.wine_names",
    "agreement.china_eu": "gimatch.registers.agreement.china_eu",
    "agreement.eu_japan": "gimatch.registers.agreement.eu_japan",
}

ALIASES: dict[str, str] = {"eu": "eu.eambrosia", "ava": "us.ava", "china_eu": "agreement.china_eu",
                           "eu_japan": "agreement.eu_japan"}


def resolve(name: str) -> str:
    """The canonical register name for a name or alias."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in REGISTERS:
        known = ", ".join(sorted(set(REGISTERS) | set(ALIASES)))
        raise UsageError(f"unknown register {name!r}; gimatch reads: {known}")
    return key


def module(name: str) -> ModuleType:
    return importlib.import_module(REGISTERS[resolve(name)])
