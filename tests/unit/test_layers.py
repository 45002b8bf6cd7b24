"""The layers keep to themselves.

The engine knows no domain and no Flask; the web no SpiffWorkflow; nothing outside the
engine touches its tables. Inside `processes/`, each area imports only the areas below it,
in the order of `AREAS` (lowest first): a function-level import counts like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The areas of `processes/`, lowest first. `errors` sits below them all.
AREAS = (
    "db", "workflow", "accounts", "reference", "records", "access", "reading", "letters",
    "work", "setup",
)


def imports_of(source: str) -> list[str]:
    """Every absolute module a source imports, at any depth (functions included)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def imported(package: str) -> set[tuple[str, str]]:
    return {
        (str(path.relative_to(ROOT)), name.split(".")[0])
        for path in (ROOT / package).rglob("*.py")
        for name in imports_of(path.read_text("utf-8"))
    }


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


def upward_imports(area: str, source: str) -> list[str]:
    """The imports in `area`'s source of an area above it (or of an unknown area)."""
    rank = AREAS.index(area)
    wrong = []
    for name in imports_of(source):
        parts = name.split(".")
        if parts[0] != "processes" or len(parts) < 2 or parts[1] == "errors":
            continue
        if parts[1] not in AREAS or AREAS.index(parts[1]) > rank:
            wrong.append(name)
    return wrong


def relative_imports(source: str) -> list[int]:
    return [
        node.lineno for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]


def area_modules() -> list[tuple[str, Path]]:
    return [
        (path.relative_to(ROOT / "processes").parts[0], path)
        for path in sorted((ROOT / "processes").rglob("*.py"))
        if len(path.relative_to(ROOT / "processes").parts) > 1
    ]


def test_each_area_imports_only_areas_below_it():
    offending = {
        str(path.relative_to(ROOT)): wrong
        for area, path in area_modules()
        if (wrong := upward_imports(area, path.read_text("utf-8")))
    }
    assert offending == {}


def test_areas_name_each_other_absolutely():
    # A relative import between areas would hide from the check above.
    offending = {
        str(path.relative_to(ROOT)): lines
        for area, path in area_modules()
        if area != "letters" or "pdf" not in path.parts
        if (lines := relative_imports(path.read_text("utf-8")))
    }
    assert offending == {}


def test_a_planted_upward_import_is_caught():
    planted = "def later():\n    from processes.work.runtime import RUNTIME\n"
    assert upward_imports("records", planted) == [
        "processes.work.runtime", "processes.work.runtime.RUNTIME",
    ]
    assert upward_imports("records", "from processes import reading\n") == ["processes.reading"]
    assert upward_imports("records", "from processes.reading import reads\n") == [
        "processes.reading", "processes.reading.reads",
    ]
    assert upward_imports("setup", "from processes.records.models import Record\n") == []


def test_processes_has_only_areas_and_errors_at_its_top():
    top = {p.name for p in (ROOT / "processes").iterdir() if p.suffix == ".py"}
    areas = {p.name for p in (ROOT / "processes").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert top == {"__init__.py", "errors.py"}
    assert areas == set(AREAS)
    for area in AREAS:
        face = ast.parse((ROOT / "processes" / area / "__init__.py").read_text("utf-8"))
        assert ast.get_docstring(face), f"processes/{area}/__init__.py says what the area owns"


def engine_table_uses(source: str) -> list[int]:
    """Lines that import `engine.models` or reach it as `engine.models`."""
    tree = ast.parse(source)
    lines = [
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "models"
        and isinstance(node.value, ast.Name) and node.value.id == "engine"
    ]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = imports_of(ast.unparse(node))
            lines += [node.lineno] * any(n.startswith("engine.models") for n in names)
    return sorted(set(lines))


@pytest.mark.parametrize("package", ["processes", "web", "bench"])
def test_only_the_engine_touches_its_tables(package):
    offending = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / package).rglob("*.py")
        if (lines := engine_table_uses(path.read_text("utf-8")))
    }
    assert offending == {}


def test_a_planted_use_of_engine_tables_is_caught():
    assert engine_table_uses("import engine\nengine.models.OpenTask\n") == [2]
    assert engine_table_uses("from engine.models import OpenTask\n") == [1]
    assert engine_table_uses("from engine import inbox\n") == []
