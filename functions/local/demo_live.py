"""The demo's live subscription: an agency officer hears each hand-off as it happens."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import websockets

from functions.local.demo_client import SOCKET_URL, STEP_TIMEOUT_SECONDS, say

HANDOFF_EVENTS = "subscription { handoffEvents { kind trackingNumber serviceCode stage agencyCode dueAt at } }"


class AgencyListener:
    """The Municipality officer's live subscription (graphql-transport-ws, the standard `websockets`
    client): prints each hand-off event of the agency the moment it arrives."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.ready = threading.Event()
        self.stop = threading.Event()
        self.received: list[dict[str, Any]] = []
        self.thread = threading.Thread(target=lambda: asyncio.run(self._listen()), name="agency-listener", daemon=True)

    def start(self) -> AgencyListener:
        self.thread.start()
        if not self.ready.wait(STEP_TIMEOUT_SECONDS):
            raise SystemExit(f"could not subscribe at {SOCKET_URL}")
        return self

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)

    async def _listen(self) -> None:
        async with websockets.connect(
            SOCKET_URL, subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
        ) as socket:
            await socket.send(
                json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {self.token}"}})
            )
            if json.loads(await socket.recv()).get("type") != "connection_ack":
                return
            await socket.send(json.dumps({"id": "demo", "type": "subscribe", "payload": {"query": HANDOFF_EVENTS}}))
            await socket.send(json.dumps({"type": "ping"}))  # answered after the subscription is stored
            while json.loads(await socket.recv()).get("type") != "pong":
                pass
            self.ready.set()
            while not self.stop.is_set():
                try:
                    message = json.loads(await asyncio.wait_for(socket.recv(), 0.5))
                except TimeoutError:
                    continue
                if message.get("type") == "next":
                    event = message["payload"]["data"]["handoffEvents"]
                    self.received.append(event)
                    due = f", due {event['dueAt'][11:19]}" if event["dueAt"] else ""
                    say(
                        f"      🔔 live to Municipality: {event['kind']:<10} {event['trackingNumber']} stage {event['stage']}"
                        f" {event['agencyCode']}{due}"
                    )
