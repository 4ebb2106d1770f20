"""Dependencies flow one way: webui -> pooling -> solver; the referee never reads the solver."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(package: str) -> dict[Path, set[str]]:
    """Top-level module names each file of a package imports (absolute imports only)."""
    found: dict[Path, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
        found[path] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...], allowed_files: tuple[str, ...] = ()):
    return sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path, names in imported_modules(package).items()
        if path.name not in allowed_files
        for name in names
        if name.split(".")[0] in forbidden or any(name.startswith(f + ".") or name == f
                                                   for f in forbidden)
    )


@pytest.mark.parametrize("package, forbidden", [
    ("solver", ("flask", "sqlalchemy", "alembic", "pooling", "webui", "scenarios")),
    ("pooling", ("flask", "webui")),
])
def test_dependencies_flow_one_way(package, forbidden):
    # The CLI is the composition root: it alone may reach every package.
    assert offenders(package, forbidden, allowed_files=("cli.py",)) == []


def test_referee_shares_no_code_with_the_solver():
    assert offenders("pooling/referee", ("solver", "pooling.planning")) == []
