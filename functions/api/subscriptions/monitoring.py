"""``monitoringAlerts``: escalations as they are opened or raised again, for the monitoring office.

Like the other subscriptions (``subscriptions/live.py``), the document runs once when subscribed (no
root value: authorise and choose the topic) and once per alert (the alert as root value: yield it).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry.types import Info

from functions.api.live.context import LiveContext
from functions.api.types.monitoring_alert import MonitoringAlertType
from functions.domain.monitoring_alert import MonitoringAlert

__all__ = ["MonitoringSubscriptions"]


@strawberry.type
class MonitoringSubscriptions:
    @strawberry.subscription(
        description="The monitoring office: each SLA breach and overdue inspection follow-up as it is escalated."
    )
    async def monitoring_alerts(self, info: Info[LiveContext, None]) -> AsyncGenerator[MonitoringAlertType, None]:
        context, alert = info.context, info.root_value
        if alert is None:
            context.topic = context.live.monitoring_alerts_topic(context.caller)
            return
        if isinstance(alert, MonitoringAlert) and context.live.monitoring_alert_for(context.caller, alert) is not None:
            yield MonitoringAlertType.of(alert)
