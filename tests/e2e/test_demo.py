"""``make demo`` against the real ``make dev``: the whole story, then the monitoring office sees the
centre's figures move, suspends the centre, watches its next filing refused, and reinstates it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT, DevStack

pytestmark = pytest.mark.e2e


def test_the_demo_runs_and_the_monitor_sees_the_figures_move_and_the_suspension_bite(dev_stack: DevStack) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "functions.local.demo"],
        cwd=ROOT,
        env={**os.environ, "SHUBBAK_GRAPHQL_URL": dev_stack.graphql_url},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    moved = next(line for line in lines if line.strip().startswith("requests filed") and "→" in line)
    before, after = (int(part) for part in moved.split()[-3::2])
    assert after == before + 1
    assert any(line.strip().startswith("CENTRE_INACTIVE:") for line in lines)
    assert "'status': 'ACTIVE', 'serving': True" in result.stdout  # reinstated: the demo can run again
