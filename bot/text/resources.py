"""Data files: hazm's (found without importing hazm) and our own."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path


def hazm_data(name: str) -> Path:
    """Path of a file in hazm's ``data`` folder, located without importing hazm."""
    spec = find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"hazm is not installed: cannot read {name}")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


@cache
def data_lines(name: str, package: str = "bot.text") -> tuple[str, ...]:
    """Non-blank, non-comment lines of one of our data files (``<package>/data/<name>``)."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def hazm_lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of one of hazm's data files."""
    lines = hazm_data(name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip())
