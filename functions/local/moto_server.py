"""moto's server as a child process on loopback, with Step Functions execution switched on.

``MOTO_PORT`` is set in the child's environment so that state-machine service integrations
(``sns:publish`` and friends) call back into this server rather than the default port 5000.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["MotoServer"]

_READY_TIMEOUT_SECONDS = 30.0


class MotoServer:
    def __init__(self, port: int, host: str = "127.0.0.1", log_path: Path | None = None) -> None:
        self.host = host
        self.port = port
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int:
        """The server's process (the chaos tests pause it to stall every AWS call)."""
        if self._process is None:
            raise RuntimeError("moto's server is not running")
        return self._process.pid

    def start(self) -> MotoServer:
        if self._answers():
            raise RuntimeError(f"something already listens on {self.endpoint_url}; stop it or pick another port")
        self._log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115 (closed in stop)
        # Without moto's blanket CORS, the buckets' own CORS rules answer browsers, as S3 does.
        environment = {**os.environ, "MOTO_PORT": str(self.port), "MOTO_DISABLE_GLOBAL_CORS": "true"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "functions.local.moto_launcher", "-H", self.host, "-p", str(self.port)],
            env=environment,
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            # Its own process group: Ctrl-C in a terminal signals the whole foreground group, and moto
            # must outlive the queue pump's last poll; whoever started it stops it, in order (stop()).
            process_group=0,
        )
        deadline = time.monotonic() + _READY_TIMEOUT_SECONDS
        while not self._answers():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"moto server did not start on {self.endpoint_url}")
            time.sleep(0.1)
        self._post("/moto-api/config", {"stepfunctions": {"execute_state_machine": True}})
        return self

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def reset(self) -> None:
        """Forget every resource (between test modules); Step Functions execution stays on."""
        self._post("/moto-api/reset", {})
        self._post("/moto-api/config", {"stepfunctions": {"execute_state_machine": True}})

    def __enter__(self) -> MotoServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.endpoint_url}/moto-api/data.json", timeout=1):  # noqa: S310
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def _post(self, path: str, body: dict[str, object]) -> None:
        request = urllib.request.Request(  # noqa: S310
            f"{self.endpoint_url}{path}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10):  # noqa: S310
            pass
