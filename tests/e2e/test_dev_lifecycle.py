"""Ctrl-C on ``make dev`` stops everything it started: the dev server, moto's server, the state file,
quietly (the terminal sends SIGINT to the whole process group, moto's server included)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import running_dev_stack
from tests.support.ports import port_is_open

pytestmark = pytest.mark.e2e


def test_ctrl_c_stops_everything_it_started(tmp_path: Path) -> None:
    with running_dev_stack(tmp_path) as stack:
        assert port_is_open(stack.moto_port)
        assert (tmp_path / "env.json").exists()
        os.killpg(stack.process.pid, signal.SIGINT)  # Ctrl-C in a terminal: every process of the group
        assert stack.process.wait(timeout=30) == 0
        assert not port_is_open(stack.http_port)
        assert not port_is_open(stack.moto_port)
        assert not (tmp_path / "env.json").exists()
        log = (tmp_path / "dev.log").read_text()
        assert "Local stack stopped." in log
        assert "Traceback" not in log
        assert '"level":"ERROR"' not in log
