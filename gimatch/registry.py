"""The explicit table of register modules. Nothing walks packages at run time."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import UsageError

REGISTERS: dict[str, str] = {
    "eu.eambrosia": "gimatch.registers.eu.eambrosia",
}

ALIASES: dict[str, str] = {"eu": "eu.eambrosia"}

# Registers whose records come only from the bundled datasets so far (no native-format reader yet).
BUNDLED_ONLY: dict[str, str] = {
    "agreement.china_eu": "China–EU agreement lists (Annexes III–VII, pilot)",
    "jp.maff": "Japan, MAFF GI register",
    "jp.maff_designated": "Japan, MAFF designated foreign GIs",
    "jp.nta": "Japan, NTA liquor GIs",
    "th.dip": "Thailand, DIP GI register",
}


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
