"""The handoffs topic, read: the hand-off state machine publishes on it (its ``sns:publish`` states,
``infra/statemachines/handoff.asl.json``; tests/unit/test_state_machine_contract.py holds the two to
each other). A wait's task token is sealed here, as it arrives, and travels on sealed
(``adapters/task_token_seal.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from functions.domain.escalation import SlaPhase
from functions.services.handoff_routing import HandoffEvent

__all__ = ["parse_handoff_message"]

_ROUTE_EVENTS = {"ROUTE_COMPLETED", "ROUTE_EXPIRED"}


def parse_handoff_message(body: str, seal: Callable[[str], str]) -> HandoffEvent:
    message = json.loads(body)
    event = str(message["event"])
    if event in _ROUTE_EVENTS:
        return HandoffEvent(event=event, request_id=str(message["requestId"]))
    due = message.get("dueAt")
    return HandoffEvent(
        event=event,
        request_id=str(message["requestId"]),
        stage=int(message["stage"]),
        agency_code=str(message["agency"]),
        token=seal(str(message["taskToken"])),
        phase=SlaPhase(message["phase"]) if "phase" in message else None,
        due_at=datetime.fromisoformat(due) if due else None,
    )
