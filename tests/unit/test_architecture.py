"""The layering and hygiene rules of docs/architecture.md, checked on the source tree."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONS = ROOT / "functions"
FORBIDDEN_IN_DOMAIN = {
    "boto3",
    "botocore",
    "pynamodb",
    "strawberry",
    "aws_lambda_powertools",
    "graphql",
    "mangum",
}
LAYER_RANK = {"domain": 0, "services": 1, "adapters": 2, "api": 2, "handlers": 3}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_domain_imports_no_aws_or_graphql_library() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN_IN_DOMAIN)
        for path in python_files(FUNCTIONS / "domain")
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


@pytest.mark.parametrize("layer", ["domain", "services", "adapters", "api", "handlers"])
def test_imports_point_only_inwards(layer: str) -> None:
    """domain <- services <- adapters / api <- handlers; bootstrap and local sit outside the layers."""
    rank = LAYER_RANK[layer]
    wrong = []
    for path in python_files(FUNCTIONS / layer):
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] != "functions" or len(parts) < 2:
                continue
            target = parts[1]
            if target in {"bootstrap", "local"} or (target in LAYER_RANK and LAYER_RANK[target] > rank):
                if not (layer == "handlers" and target == "bootstrap"):
                    wrong.append(f"{path.relative_to(ROOT)} imports {module}")
            elif target in {"adapters", "api"} and layer in {"adapters", "api"} and target != layer:
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def test_graphql_folder_holds_no_python() -> None:
    """A Python file in graphql/ would shadow graphql-core (the engine under Strawberry)."""
    assert [p for p in (ROOT / "graphql").rglob("*") if p.suffix == ".py" or p.name == "__init__.py"] == []


def test_no_scan_in_any_request_path() -> None:
    hits = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in python_files(FUNCTIONS)
        if "local" not in path.relative_to(FUNCTIONS).parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".scan(" in line or '"Scan"' in line
    ]
    assert hits == []


def test_only_the_composition_root_reads_the_environment() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for path in python_files(FUNCTIONS)
        if "local" not in path.relative_to(FUNCTIONS).parts
        and path.name != "bootstrap.py"
        and ("os.environ" in path.read_text(encoding="utf-8") or "getenv" in path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_handlers_are_thin() -> None:
    for path in python_files(FUNCTIONS / "handlers"):
        code_lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.strip().startswith(("#", '"""'))
        ]
        assert len(code_lines) <= 40, path.name
