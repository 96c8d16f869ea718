"""The reference graphql-ws client against ``make dev``'s WebSocket API with a refused token (issue 16).

API Gateway closes a refused connection with 1000, never the protocol's 4403, and graphql-ws reconnects
at once after a 1000 while it is kept connected (a subscription open, or ``lazy: false``): about fifty
reconnects a second here before the server's help. Its coded refusal before the ack (``error``,
UNAUTHENTICATED) is a message the client does not expect there: it fails the connection with that error
("First message cannot be of type error"), which it never retries — one attempt, whatever its settings.
The pages' own client (src/shared/api/live.ts) is walked in the browser tests.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.e2e.conftest import ROOT, DevStack

pytestmark = pytest.mark.e2e

CLIENT = ROOT / "web" / "test-support" / "reference-socket-client.mjs"
WATCH_SECONDS = 4


def node_flags() -> list[str]:
    """Node 22 has a WebSocket of its own; Node 20 has it behind a flag."""
    probe = subprocess.run(["node", "-e", "process.exit(typeof WebSocket === 'function' ? 0 : 1)"], check=False)
    return [] if probe.returncode == 0 else ["--experimental-websocket"]


def watch(stack: DevStack, token: str, mode: str) -> dict[str, object]:
    url = f"ws://127.0.0.1:{stack.http_port}/graphql"
    done = subprocess.run(
        ["node", *node_flags(), str(CLIENT), url, token, str(WATCH_SECONDS), mode],
        cwd=CLIENT.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


@pytest.mark.parametrize("mode", ["lazy", "eager"])
def test_a_refused_token_gets_one_attempt_and_a_coded_refusal(dev_stack: DevStack, mode: str) -> None:
    seen = watch(dev_stack, "not-a-valid-token", mode)
    assert seen["attempts"] == 1, seen
    assert seen["refusals"] == [["UNAUTHENTICATED"]]
    assert len(seen["closeCodes"]) == 1  # type: ignore[arg-type]
    ended = seen["subscriptionError" if mode == "lazy" else "nonLazyError"]
    assert ended == "First message cannot be of type error"
