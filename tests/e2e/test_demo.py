"""``make demo`` against the running ``make dev``: the centre uploads the building permit's documents
(real files, straight to moto's S3), both agencies download them from their window, and the request
goes all the way to delivery."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT, DevStack

pytestmark = pytest.mark.e2e


def test_the_demo_uploads_the_documents_and_each_agency_downloads_them_from_its_window(dev_stack: DevStack) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "functions.local.demo"],
        cwd=ROOT,
        env={**os.environ, "SHUBBAK_GRAPHQL_URL": dev_stack.graphql_url},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    story = result.stdout
    assert result.returncode == 0, story + result.stderr
    assert [line.split()[0] for line in story.splitlines() if line.rstrip().endswith("ATTACHED")] == [
        "DEED",
        "PLANS",
        "SURVEY",
    ]
    assert story.count("SHA-256 verified") == 6  # three documents, two agencies
    assert "MISMATCH" not in story
    assert "status: DELIVERED" in story
