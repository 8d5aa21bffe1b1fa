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


@pytest.fixture
def store(tmp_path):
    import gimatch

    return gimatch.open(tmp_path / "t.db")


@pytest.fixture(scope="session")
def eu_store(tmp_path_factory):
    """A store with the bundled data and the 2020 EU export (built once per session)."""
    if not EU_EXPORT.is_file():
        pytest.skip("../shared/registers is not beside the checkout")
    import gimatch

    s = gimatch.open(tmp_path_factory.mktemp("eu") / "eu.db")
    s.import_file("eu", str(EU_EXPORT))
    return s


@pytest.fixture
def eu_store_copy(eu_store, tmp_path):
    """A private copy of the EU store, for tests that import more into it."""
    import shutil

    import gimatch

    shutil.copy(eu_store.path, tmp_path / "copy.db")
    return gimatch.open(tmp_path / "copy.db")
