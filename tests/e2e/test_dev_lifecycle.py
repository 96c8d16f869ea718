"""Ctrl-C on ``make dev`` stops everything it started: the dev server, moto's server, the state file."""

from __future__ import annotations

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
        stack.process.send_signal(signal.SIGINT)
        assert stack.process.wait(timeout=30) == 0
        assert not port_is_open(stack.http_port)
        assert not port_is_open(stack.moto_port)
        assert not (tmp_path / "env.json").exists()
        assert "Local stack stopped." in (tmp_path / "dev.log").read_text()
