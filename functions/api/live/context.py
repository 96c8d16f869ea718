"""The context a subscription document is executed in: who subscribed, and the live use case.

Subscriptions are executed by the WebSocket handler (once, with no event, to validate and authorise
them) and by the fan-out (once per event, with the event as root value), never by the HTTP view.
"""

from __future__ import annotations

from dataclasses import dataclass

from functions.domain.principal import Principal
from functions.services.caller import Caller
from functions.services.live_updates import LiveUpdates

__all__ = ["LiveContext"]


@dataclass
class LiveContext:
    live: LiveUpdates
    caller: Caller
    topic: str | None = None
    """Set by the subscription field when it is authorised: what the subscription listens on."""

    @property
    def principal(self) -> Principal:
        return self.caller.principal

    @property
    def correlation_id(self) -> str:
        return self.caller.correlation_id
