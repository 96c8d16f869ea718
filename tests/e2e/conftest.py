"""End-to-end tests drive the real ``make dev`` entry point (moto server + provisioning + seed + uvicorn)
as a child process on free loopback ports, and stop it with Ctrl-C (SIGINT) as a developer would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.ports import free_port, port_is_open

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 90


@dataclass
class DevStack:
    process: subprocess.Popen[str]
    http_port: int
    moto_port: int
    state_dir: Path
    started_in_seconds: float

    @property
    def graphql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/graphql"

    def environment(self) -> dict[str, str]:
        environment: dict[str, str] = json.loads((self.state_dir / "env.json").read_text())
        return environment


@contextmanager
def running_dev_stack(state_dir: Path) -> Iterator[DevStack]:
    """``python -m functions.local.dev`` (what ``make dev`` runs) until the block ends, then Ctrl-C."""
    http_port, moto_port = free_port(), free_port()
    environment = {
        **os.environ,
        "SHUBBAK_HTTP_PORT": str(http_port),
        "SHUBBAK_MOTO_PORT": str(moto_port),
        "SHUBBAK_LOCAL_STATE": str(state_dir),
        "CONNECTION_INIT_SECONDS": "2",  # graphql-transport-ws's init timeout, short for the tests
    }
    started = time.monotonic()
    with open(state_dir / "dev.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "functions.local.dev"],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, which the tests signal as a terminal would
        )
        try:
            while not port_is_open(http_port):
                if process.poll() is not None or time.monotonic() - started > START_TIMEOUT_SECONDS:
                    pytest.fail("make dev did not start:\n" + (state_dir / "dev.log").read_text())
                time.sleep(0.2)
            yield DevStack(process, http_port, moto_port, state_dir, time.monotonic() - started)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture(scope="session")
def dev_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevStack]:
    with running_dev_stack(tmp_path_factory.mktemp("local-stack")) as stack:
        yield stack


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client
