"""The layers keep to themselves: the engine knows no domain and no Flask; the web no Spiff."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {(str(path.relative_to(ROOT)), a.name.split(".")[0]) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add((str(path.relative_to(ROOT)), node.module.split(".")[0]))
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("engine", {"processes", "web", "flask", "flask_login", "forms"}),
        ("processes", {"web", "flask", "flask_login"}),
        ("forms", {"engine", "processes", "web", "flask", "SpiffWorkflow", "sqlalchemy"}),
        ("web", {"SpiffWorkflow"}),
    ],
)
def test_package_does_not_import(package, forbidden):
    offending = sorted((path, name) for path, name in imported(package) if name in forbidden)
    assert offending == []
