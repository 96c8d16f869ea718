"""``make bench-load`` against the real ``make dev``, briefly and lightly (30 s at a fifth of the rate): the
scenario itself must keep working (every screen operation it sends is still a trusted document and
still answered as the screen expects), and its after-run checks must find nothing lost. The figures
of the full run (10 minutes at 30 requests/s) are in docs/performance.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, running_dev_stack

pytestmark = pytest.mark.e2e


def test_a_short_region_day_files_tracks_and_loses_nothing(tmp_path: Path) -> None:
    """On a stack of its own: the figures it checks must move by this run only, not by the SMS retries and
    the files other tests leave in the officers' windows."""
    report = tmp_path / "region_day.json"
    arguments = ["--rate", "0.2", "--minutes", "0.5", "--subscribers", "2", "--report", str(report)]
    (tmp_path / "stack").mkdir()
    with running_dev_stack(tmp_path / "stack") as stack:
        result = subprocess.run(
            [sys.executable, "-m", "bench.region_day", "--url", stack.graphql_url, *arguments],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    figures = json.loads(report.read_text())
    assert figures["errors"] == 0
    assert figures["lost"]["problems"] == []
    assert figures["filings"] >= 2, figures
    assert figures["lost"]["counted"]["receipts_delivered"] == figures["filings"]
    sent = figures["requests_by_name"]
    for operation in (
        "filing · SubmitServiceRequest",
        "read · TrackRequest",
        "read · AgencyWindow",
        "read · RegionOverview",
    ):
        assert sent[operation]["count"] > 0, sorted(sent)
    assert sent["write · AcknowledgeReceipt"]["count"] > 0, sorted(sent)
