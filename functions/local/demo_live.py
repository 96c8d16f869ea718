"""The demo's live subscription: an agency officer hears each hand-off as it happens."""

from __future__ import annotations

import threading
from typing import Any

from functions.local.demo_client import SOCKET_URL, STEP_TIMEOUT_SECONDS, say
from functions.local.live_client import LiveClient

HANDOFF_EVENTS = "subscription { handoffEvents { kind trackingNumber serviceCode stage agencyCode dueAt at } }"


class AgencyListener:
    """The Municipality officer's live subscription (graphql-transport-ws, ``local/live_client.py``):
    prints each hand-off event of the agency the moment it arrives."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.ready = threading.Event()
        self.stop = threading.Event()
        self.received: list[dict[str, Any]] = []
        self.thread = threading.Thread(target=self._listen, name="agency-listener", daemon=True)

    def start(self) -> AgencyListener:
        self.thread.start()
        if not self.ready.wait(STEP_TIMEOUT_SECONDS):
            raise SystemExit(f"could not subscribe at {SOCKET_URL}")
        return self

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)

    def _listen(self) -> None:
        with LiveClient.connect(SOCKET_URL) as live:
            if (live.init(self.token) or {}).get("type") != "connection_ack":
                return
            live.subscribe("demo", HANDOFF_EVENTS)
            live.settle()  # answered after the subscription is stored
            self.ready.set()
            live.listen(self._heard, self.stop)

    def _heard(self, payload: dict[str, Any]) -> None:
        event = payload["data"]["handoffEvents"]
        self.received.append(event)
        due = f", due {event['dueAt'][11:19]}" if event["dueAt"] else ""
        say(
            f"      🔔 live to Municipality: {event['kind']:<10} {event['trackingNumber']} stage {event['stage']}"
            f" {event['agencyCode']}{due}"
        )
