"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent (CI has it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EU_EXPORT = SHARED / "registers/eu/eambrosia_export_2020-08_defra-prototype.json"
EU_API = SHARED / "registers/eu/eambrosia_api-v1_modified-2020-01_to_2022-03.json"
DEV_CHECKS = SHARED / "eval/dev_checks.json"

needs_shared = pytest.mark.skipif(not EU_EXPORT.is_file(), reason="../shared/registers is not beside the checkout")


@pytest.fixture(scope="session")
def bundled_store_path(tmp_path_factory):
    """A store built from the bundled datasets, once per session (tests copy it)."""
    import gimatch

    path = tmp_path_factory.mktemp("bundled") / "bundled.db"
    gimatch.open(path).index()                 # persisted beside it, copied with it
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a store with its persisted index."""
    import shutil

    shutil.copy(source, target)
    index = source.with_name(source.name + ".index")
    if index.exists():
        shutil.copy(index, target.with_name(target.name + ".index"))
    return target


@pytest.fixture(scope="session")
def bundled_store(bundled_store_path):
    """The bundled store, opened once per session: for tests that only read."""
    import gimatch

    return gimatch.open(bundled_store_path)


@pytest.fixture
def db_path(bundled_store_path, tmp_path):
    """The path of a private copy of the bundled store."""

    return copy_store(bundled_store_path, tmp_path / "t.db")


@pytest.fixture
def store(db_path):
    import gimatch

    return gimatch.open(db_path)


@pytest.fixture(scope="session")
def eu_store(bundled_store_path, tmp_path_factory):
    """The bundled store with the 2020 EU export imported over it, as a user would (built once per session)."""
    if not EU_EXPORT.is_file():
        pytest.skip("../shared/registers is not beside the checkout")

    import gimatch

    s = gimatch.open(copy_store(bundled_store_path, tmp_path_factory.mktemp("eu") / "eu.db"))
    s.import_file("eu", str(EU_EXPORT))
    return s


@pytest.fixture
def eu_store_copy(eu_store, tmp_path):
    """A private copy of the EU store, for tests that import more into it."""

    import gimatch

    copy_store(eu_store.path, tmp_path / "copy.db")
    return gimatch.open(tmp_path / "copy.db")
