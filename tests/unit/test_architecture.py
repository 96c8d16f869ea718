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
ROOT_MODULES = {"bootstrap", "composition", "settings", "local"}
"""The composition root and the local tooling: outside the layers, which never import them (but handlers
call the root, ``functions.bootstrap``)."""


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
    """domain <- services <- adapters / api <- handlers; the composition root and local sit outside the layers."""
    rank = LAYER_RANK[layer]
    wrong = []
    for path in python_files(FUNCTIONS / layer):
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] != "functions" or len(parts) < 2:
                continue
            target = parts[1]
            if target in ROOT_MODULES or (target in LAYER_RANK and LAYER_RANK[target] > rank):
                if not (layer == "handlers" and target == "bootstrap"):
                    wrong.append(f"{path.relative_to(ROOT)} imports {module}")
            elif target in {"adapters", "api"} and layer in {"adapters", "api"} and target != layer:
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every module of ``functions`` and the modules of ``functions`` it imports, anywhere in its code
    (inside functions and under ``TYPE_CHECKING`` too: a cycle there is one refactoring away from a
    circular import). ``from package import name`` counts as importing ``package.name`` where that is a module."""
    modules = {module_name(path): path for path in python_files(FUNCTIONS)}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def cycles_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for each edge that closes one, found by depth-first search."""
    found: list[list[str]] = []
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_the_import_graph_of_functions_has_no_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 200  # every module was read
    assert cycles_in(graph) == []


def test_a_cycle_in_an_import_graph_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles_in(graph) == [["a", "b", "c", "a"]]
    assert cycles_in({"a": {"b"}, "b": set()}) == []


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


def test_each_enum_is_registered_with_strawberry_once_in_the_enums_package() -> None:
    """One registration per enum, all in ``functions/api/types/enums/``: a second one elsewhere would give
    the schema two conflicting definitions of the same enum."""
    registrations = [
        (str(path.relative_to(FUNCTIONS)), ast.unparse(node.args[0]))
        for path in python_files(FUNCTIONS)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "strawberry.enum" and node.args
    ]
    enums = [enum for _, enum in registrations]
    assert len(enums) >= 30  # every registration was found
    assert sorted({enum for enum in enums if enums.count(enum) > 1}) == []
    assert {path for path, _ in registrations if not path.startswith("api/types/enums/")} == set()
