"""The register table matches the modules on disk, and every module has the same interface."""

from __future__ import annotations

import importlib
from pathlib import Path

import gimatch.registers
from gimatch import registry


def test_registry_matches_modules_on_disk():
    root = Path(gimatch.registers.__file__).parent
    on_disk = {".".join(p.relative_to(root).with_suffix("").parts) for p in root.glob("*/*.py")
               if p.name != "__init__.py"}
    assert set(registry.REGISTERS) == on_disk


def test_modules_share_the_interface():
    for name, path in registry.REGISTERS.items():
        mod = importlib.import_module(path)
        assert mod.REGISTER.name == name and callable(mod.load) and mod.__doc__
        for alias in mod.REGISTER.aliases:
            assert registry.resolve(alias) == name
