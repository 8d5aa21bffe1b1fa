"""Every reader, fed files that are not its register's: a clear InputError or a result with rejects,
never another exception and never a record read from another register's file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gimatch import registry
from gimatch.errors import InputError

DATA = Path(__file__).parent / "data/registers"
FOREIGN = sorted(p for p in DATA.iterdir() if p.is_file())


def _bad_files(tmp_path: Path) -> list[Path]:
    rng = random.Random(7)
    files = {
        "empty.csv": b"",
        "blank.csv": b"\n\n  \n",
        "binary.bin": bytes(rng.randrange(256) for _ in range(4096)),
        "header_only.csv": "产品名称,公告号\n".encode(),
        "truncated.json": b'[{"fileNumber": "PDO-IT-0067", "protectedNames": ["Prosciutto',
        "html_without_table.html": b"<html><body><p>nothing here</p></body></html>",
        "latin1.csv": "name,année\nCôte,1\n".encode("latin-1"),
        "control_chars.csv": b"reg_no,name_th\n\x00\x01,\x02\x03\n",
        "huge_cell.csv": b"name_ja,reg_no,reg_date\n" + b"a" * 200_000 + b",1,2020-01-01\n",
    }
    out = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        out.append(path)
    return out


@pytest.mark.parametrize("register", sorted(registry.REGISTERS))
def test_readers_refuse_what_is_not_theirs(register, tmp_path):
    module = registry.module(register)
    for path in _bad_files(tmp_path) + [p for p in FOREIGN if not p.name.startswith(register.replace(".", "_"))]:
        try:
            result = module.load(str(path))
        except InputError as exc:
            assert exc.path == str(path) or str(path) in str(exc), (register, path.name, str(exc))
            continue
        assert not result.records or path.name == "huge_cell.csv", (register, path.name, list(result.records)[:1])


def test_missing_file():
    for register in registry.REGISTERS:
        with pytest.raises(InputError, match="no such file"):
            registry.module(register).load("/nonexistent/file.csv")
