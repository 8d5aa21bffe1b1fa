"""Every code example of README.md and docs/ runs and prints what the documentation says it prints: the
``>>>`` sessions as doctests, the ``$ gimatch ...`` console sessions through the CLI, and the JSON shapes
against the command they document."""

from __future__ import annotations

import doctest
import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from gimatch.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


@pytest.fixture
def default_store(db_path, monkeypatch):
    """The documentation's default store: a copy of the bundled store."""
    import gimatch

    monkeypatch.setenv("GIMATCH_DB", str(db_path))
    monkeypatch.setattr(gimatch, "_default", None)
    return db_path


@pytest.mark.parametrize("path", [p for p in DOCS if _blocks(p, "pycon")], ids=lambda p: p.name)
def test_python_sessions(path, default_store):
    text = "\n".join(_blocks(path, "pycon"))
    test = doctest.DocTestParser().get_doctest(text, {}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 5


def _sessions(path: Path):
    for block in _blocks(path, "console"):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    yield command, "\n".join(output)
                command, output = line[2:].split("  #")[0].strip(), []
            elif command is not None:
                output.append(line)
        if command:
            yield command, "\n".join(output)


@pytest.mark.parametrize("path", [p for p in DOCS if _blocks(p, "console")], ids=lambda p: p.name)
def test_console_sessions(path, default_store):
    sessions = list(_sessions(path))
    checker, last = doctest.OutputChecker(), 0
    for command, expected in sessions:
        if command == "echo $?":
            assert expected.strip() == str(last), command
            continue
        args = shlex.split(command)
        assert args[0] == "gimatch", command
        result = CliRunner().invoke(cli, args[1:], obj={}, env={"COLUMNS": "120"})
        last = result.exit_code
        assert last in (0, 1), (command, result.output)
        assert checker.check_output(expected.strip() + "\n", result.output, FLAGS), (command, result.output)


def _shape(value):
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__ if value is not None else None


def test_json_shapes_are_what_the_commands_print(default_store):
    text = (ROOT / "docs/json.md").read_text(encoding="utf-8")
    documented = re.findall(r"\(`(gimatch [^`]+--json)`\):\s*```json\n(.*?)```", text, re.S)
    assert documented
    for command, example in documented:
        result = CliRunner().invoke(cli, shlex.split(command)[1:], obj={})
        printed, shown = json.loads(result.output), json.loads(example)
        assert set(printed) == set(shown), command
        for key in ("query", "territory", "date"):
            assert printed.get(key) == shown.get(key), (command, key)
        if shown.get("conflicts"):
            mine, theirs = printed["conflicts"][0], shown["conflicts"][0]
            assert _shape(mine) == _shape(theirs) or set(mine) == set(theirs), command
            for key in ("gi", "kind", "score", "why", "severity", "names", "legal_hooks", "linked"):
                assert mine[key] == theirs[key], (command, key)
