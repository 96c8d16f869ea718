"""The deployment tests read what ``make package`` produced (``make test`` runs it first): the packaged
CloudFormation template and the Lambda artifact. A missing or stale output fails, never skips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deploy.lambda_artifact import ARTIFACT, BUILD, Target, inputs_digest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / ".serverless" / "cloudformation-template-update-stack.json"
TEMPLATE_INPUTS = [
    ROOT / "serverless.yml",
    ROOT / "package-lock.json",
    ARTIFACT,
    *(ROOT / "infra").rglob("*.*"),
    *(ROOT / "deploy").glob("*.js"),
]


@pytest.fixture(scope="session")
def template() -> dict[str, Any]:
    if not TEMPLATE.exists():
        pytest.fail(f"{TEMPLATE.relative_to(ROOT)} is missing: run `make package` (make test does)")
    newer = [str(p.relative_to(ROOT)) for p in TEMPLATE_INPUTS if p.stat().st_mtime > TEMPLATE.stat().st_mtime]
    if newer:
        pytest.fail(f"the packaged template is older than {newer}: run `make package` (make test does)")
    loaded: dict[str, Any] = json.loads(TEMPLATE.read_text())
    return loaded


@pytest.fixture(scope="session")
def artifact() -> Path:
    target = Target.from_serverless()
    digest = BUILD / f"{target.name}.inputs-sha256"
    if not ARTIFACT.exists() or not digest.exists():
        pytest.fail(f"{ARTIFACT.relative_to(ROOT)} is missing: run `make package` (make test does)")
    if digest.read_text() != inputs_digest(target):
        pytest.fail(f"{ARTIFACT.relative_to(ROOT)} is older than its inputs: run `make package` (make test does)")
    return ARTIFACT
