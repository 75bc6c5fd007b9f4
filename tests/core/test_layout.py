"""The rooms of the house and what each may import (docs/architecture.md):
the base knows no domain, and no two apps import each other."""

import ast
from collections import defaultdict
from pathlib import Path

import eportal

ROOT = Path(eportal.__file__).parent
# Shared bases: they import no feature app (vntext and the pure half of
# workdays import no Django either; their own tests check that).
BASES = {"core": set(), "vntext": set(), "api": {"core"}}


def _imports() -> dict[str, dict[str, list[str]]]:
    """app → imported app → the files that import it (function-level imports too)."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts or len(relative.parts) < 2:
            continue
        app = relative.parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                if parts[0] == "eportal" and len(parts) > 1 and parts[1] != app:
                    graph[app][parts[1]].append(str(relative))
    return graph


def test_the_bases_import_no_feature_app():
    graph = _imports()

    for base, allowed in BASES.items():
        assert set(graph[base]) <= allowed, {k: v for k, v in graph[base].items()}


def test_no_two_apps_import_each_other():
    graph = _imports()
    circles = sorted(
        (a, b, graph[a][b][0], graph[b][a][0])
        for a in graph
        for b in graph[a]
        if a < b and a in graph.get(b, {})
    )

    assert circles == []


def test_only_the_demo_imports_the_demo():
    graph = _imports()

    assert [app for app in graph if "demo" in graph[app]] == []
