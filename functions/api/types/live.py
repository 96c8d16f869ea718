"""Live event types: what a subscriber receives as each request event happens (no personal data)."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from functions.api.types.enums.requests import HandoffStatus, RequestStatus
from functions.api.types.time import MadinahTimeType, madinah
from functions.domain.request_event import RequestEvent

__all__ = ["HandoffEventType", "LiveEventType", "RequestUpdateType"]


@strawberry.interface(name="LiveEvent", description="Something that happened to a request, as it happened.")
class LiveEventType:
    id: strawberry.ID = strawberry.field(description="The event's id: the same event is never sent twice with another.")
    kind: str = strawberry.field(
        description="FORWARDED, RECEIVED, COMPLETED, RETURNED, REJECTED, OVERDUE (escalated), "
        "AWAITING_RESUBMISSION, RESUBMITTED, CANCELLED, SUBMITTED, COMPLETED_AT_CENTRE, DELIVERED, EXPIRED."
    )
    at: datetime = strawberry.field(description="When it happened.")
    request_id: strawberry.ID
    tracking_number: str
    service_code: str
    status: RequestStatus = strawberry.field(description="The request's status after the event.")
    actor_role: str = strawberry.field(description="Who did it: a role, or system for the state machine.")
    stage: int | None = strawberry.field(description="The route's stage the event is about, if any.")
    agency_code: str | None = strawberry.field(description="The agency whose step the event is about, if any.")
    handoff_status: HandoffStatus | None = strawberry.field(description="That agency's step after the event.")
    due_at: datetime | None = strawberry.field(
        description="The step's SLA due time, in working hours: receipt while FORWARDED, the step once RECEIVED."
    )

    @strawberry.field(description="When it happened, on Madinah's wall clock.")
    def at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.at)

    @strawberry.field(description="The step's due time on Madinah's wall clock (due Sunday 09:40).")
    def due_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.due_at)

    @classmethod
    def of(cls, event: RequestEvent) -> Self:
        return cls(
            id=strawberry.ID(event.event_id),
            kind=event.kind,
            at=event.at,
            request_id=strawberry.ID(event.request_id),
            tracking_number=event.tracking_number,
            service_code=event.service_code,
            status=RequestStatus(event.status),
            actor_role=event.actor_role,
            stage=event.stage,
            agency_code=event.agency_code,
            handoff_status=HandoffStatus(event.handoff_status) if event.handoff_status else None,
            due_at=event.due_at,
        )


@strawberry.type(
    name="HandoffEvent",
    description="A hand-off of the officer's own agency: forwarded, acknowledged, escalated, decided.",
)
class HandoffEventType(LiveEventType):
    pass


@strawberry.type(name="RequestUpdate", description="Any change to one request, for those who may follow it.")
class RequestUpdateType(LiveEventType):
    pass
