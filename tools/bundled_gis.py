"""Builders of the bundled GI datasets (datasets/gis/*.jsonl) from the compiled fact lists."""

from __future__ import annotations

from pathlib import Path


def build_all(shared: Path, datasets: Path) -> list[dict]:
    return []
