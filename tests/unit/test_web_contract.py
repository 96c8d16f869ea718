"""The screens' contract (docs/web.md): the typed client code in web/src/generated/ and the manifest of
trusted documents (functions/api/trusted_documents.json) are what the generator makes of schema.graphql
and graphql/ today, every document of graphql/ is in the manifest under the hash of its text, and no
page writes GraphQL of its own."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, parse

from functions.api.trusted_documents import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
GENERATED = WEB / "src" / "generated"
DOCUMENTS = sorted((ROOT / "graphql").rglob("*.graphql"))


def manifest() -> dict[str, str]:
    texts: dict[str, str] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return texts


def operation_names(text: str) -> set[str]:
    return {
        definition.name.value
        for definition in parse(text).definitions
        if isinstance(definition, OperationDefinitionNode) and definition.name
    }


def test_the_generated_client_and_the_manifest_are_what_the_generator_makes_now(tmp_path: Path) -> None:
    if not (WEB / "node_modules" / ".bin" / "graphql-codegen").exists():
        pytest.fail("web/node_modules is missing: run `make web-install` (make test does)")
    out, regenerated_manifest = tmp_path / "generated", tmp_path / "trusted_documents.json"
    subprocess.run(
        ["node", "codegen.mjs", "--out", str(out), "--manifest", str(regenerated_manifest)],
        cwd=WEB,
        check=True,
        capture_output=True,
    )
    stale = "stale: run `make web-codegen` and commit web/src/generated/ and functions/api/trusted_documents.json"
    assert regenerated_manifest.read_text() == MANIFEST.read_text(), stale
    committed = {path.name: path.read_text() for path in GENERATED.iterdir()}
    assert committed == {path.name: path.read_text() for path in out.iterdir()}, stale


def test_every_operation_of_graphql_is_in_the_manifest_exactly_once() -> None:
    in_manifest = [name for text in manifest().values() for name in operation_names(text)]
    in_documents = {name for path in DOCUMENTS for name in operation_names(path.read_text(encoding="utf-8"))}
    assert in_documents
    assert sorted(in_manifest) == sorted(in_documents)


def test_each_manifest_id_is_the_sha256_of_its_text() -> None:
    texts = manifest()
    assert texts
    for document_id, text in texts.items():
        assert document_id == "sha256:" + hashlib.sha256(text.encode()).hexdigest()


# A gql/graphql tag or call (not the path "/graphql"), or an operation's text ("query Name(", "mutation {").
INLINE_GRAPHQL = re.compile(r"(?<![/\w.])(gql|graphql)\s*[(`]|(?<![.\w])(query|mutation|subscription)(\s+\w+)?\s*[({]")


def web_sources() -> list[Path]:
    source = WEB / "src"
    return sorted(
        path for path in source.rglob("*") if path.suffix in {".ts", ".tsx"} and GENERATED not in path.parents
    )


def test_pages_write_no_graphql_of_their_own() -> None:
    """Only the generated documents: no GraphQL text, no gql tag, nothing from the generator's gql()."""
    sources = web_sources()
    assert sources
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if INLINE_GRAPHQL.search(text := path.read_text(encoding="utf-8"))
        or re.search(r"generated/(gql|index)['\"]|generated['\"]", text)
    ]
    assert offenders == []


def test_node_is_available_for_the_generator() -> None:
    assert shutil.which("node"), "Node.js 20 or newer is required (README)"
