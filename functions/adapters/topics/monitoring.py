"""The monitoring topic, read: the hand-off state machine publishes an SLA breach on it when a wait
times out (``infra/statemachines/handoff.asl.json``)."""

from __future__ import annotations

import json

from functions.domain.escalation import SlaBreach, SlaPhase

__all__ = ["parse_sla_breach"]


def parse_sla_breach(body: str) -> SlaBreach:
    """``{"event": "SLA_BREACHED", "phase": "RECEIPT"|"PROCESSING", "requestId", "stage", "agency"}``."""
    message = json.loads(body)
    if message.get("event") != "SLA_BREACHED":
        raise ValueError(f"not an SLA breach: {message.get('event')!r}")
    return SlaBreach(
        request_id=str(message["requestId"]),
        stage=int(message["stage"]),
        agency_code=str(message["agency"]),
        phase=SlaPhase(message["phase"]),
    )
