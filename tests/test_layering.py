"""Imports point down the layers of ``bot/__init__.py``, without loops; tgsandbox stays apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

#: Layer of each unit (a package or a top-level module of ``bot``), lowest first.
LAYERS: dict[str, int] = {
    "bot.text": 0,
    "bot.schedule": 0,
    "bot.config": 1,
    "bot.article": 1,
    "bot.storage": 2,
    "bot.pipeline": 3,
    "bot.render": 3,
    "bot.messages": 3,
    "bot.digest": 4,
    "bot.tg": 5,
    "bot.cli": 6,
    "bot.__main__": 7,
}


def module_name(path: Path, top: Path) -> str:
    """``bot/tg/app.py`` → ``bot.tg.app``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(top).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, name: str) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def graph(top: Path, package: str) -> dict[str, set[str]]:
    """Module → the modules of the same tree it imports."""
    paths = {module_name(path, top): path for path in sorted((top / package).rglob("*.py"))}
    return {
        name: {target for target in imports_of(path, name) if target in paths and target != name}
        for name, path in paths.items()
    }


def unit(module: str) -> str:
    """The layered unit a module belongs to (``bot.tg.app`` → ``bot.tg``)."""
    return ".".join(module.split(".")[:2])


def violations(edges: dict[str, set[str]]) -> list[str]:
    """Imports from a lower layer to a higher one, or across units of one layer."""
    found = []
    for source, targets in edges.items():
        if source == "bot":
            continue
        for target in targets:
            if target == "bot" or unit(source) == unit(target):
                continue
            if LAYERS[unit(target)] >= LAYERS[unit(source)]:
                found.append(f"{source} imports {target}")
    return sorted(found)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import loops between modules, each as the path that closes it."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def test_every_unit_of_bot_has_a_layer() -> None:
    units = {unit(name) for name in graph(ROOT, "bot")} - {"bot"}
    assert units <= set(LAYERS), f"give these a layer: {sorted(units - set(LAYERS))}"


def test_imports_point_down_the_layers() -> None:
    assert violations(graph(ROOT, "bot")) == []


def test_no_import_loops() -> None:
    assert cycles(graph(ROOT, "bot")) == []


def test_only_the_text_package_imports_hazm() -> None:
    offenders = [
        name
        for name, path in ((module_name(p, ROOT), p) for p in (ROOT / "bot").rglob("*.py"))
        if not name.startswith("bot.text")
        and any(t.split(".")[0] == "hazm" for t in imports_of(path, name))
    ]
    assert offenders == []


def test_the_emulator_imports_nothing_from_bot() -> None:
    top = ROOT / "packages" / "tgsandbox" / "src"
    offenders = [
        f"{module_name(path, top)} imports {target}"
        for path in top.rglob("*.py")
        for target in imports_of(path, module_name(path, top))
        if target.split(".")[0] == "bot"
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({}, []),
        ({"bot.tg.app": {"bot.storage.articles"}}, []),
        ({"bot.tg.app": {"bot.tg.views"}}, []),
        ({"bot.digest.sending": {"bot.tg.views"}}, ["bot.digest.sending imports bot.tg.views"]),
        ({"bot.render": {"bot.messages"}}, ["bot.render imports bot.messages"]),
        ({"bot.text.words": {"bot.article.model"}}, ["bot.text.words imports bot.article.model"]),
    ],
)
def test_violations_table(edges: dict[str, set[str]], expected: list[str]) -> None:
    assert violations(edges) == expected


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({}, []),
        ({"a": {"b"}, "b": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c", "a"]]),
    ],
)
def test_cycles_table(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(edges) == expected
