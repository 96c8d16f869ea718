"""``handoffEvents`` and ``requestUpdates``: each document runs once when subscribed (no root value:
authorise and choose the topic) and once per event (the event as root value: yield it, if it is for
this subscriber). Served over the WebSocket API only (``handlers/graphql_ws.py``)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry.types import Info

from functions.api.live.context import LiveContext
from functions.api.types.live import HandoffEventType, RequestUpdateType
from functions.domain.request_event import RequestEvent

__all__ = ["LiveSubscriptions"]


@strawberry.type
class LiveSubscriptions:
    @strawberry.subscription(
        description="Agency officers: their own agency's hand-offs as they happen (the agency comes from the token)."
    )
    async def handoff_events(self, info: Info[LiveContext, None]) -> AsyncGenerator[HandoffEventType, None]:
        context, event = info.context, info.root_value
        if not isinstance(event, RequestEvent):
            context.topic = context.live.handoff_events_topic(context.caller)
            return
        if context.live.handoff_event_for(context.caller, event) is not None:
            yield HandoffEventType.of(event)

    @strawberry.subscription(
        description="One request's changes as they happen: for its citizen, its filing centre and the monitor."
    )
    async def request_updates(
        self, info: Info[LiveContext, None], request_id: strawberry.ID
    ) -> AsyncGenerator[RequestUpdateType, None]:
        context, event = info.context, info.root_value
        if not isinstance(event, RequestEvent):
            context.topic = context.live.request_updates_topic(context.caller, str(request_id))
            return
        if context.live.request_update_for(context.caller, str(request_id), event) is not None:
            yield RequestUpdateType.of(event)
