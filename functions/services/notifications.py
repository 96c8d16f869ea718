"""Delivering citizen SMS from the outbox: at most once per (citizen, event), in the citizen's language."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from functions.domain.errors import NotFound
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.principal import Role
from functions.domain.sms import render
from functions.services.caller import Caller
from functions.services.ports import CitizenRepository, Clock, NotificationRepository, NotificationSignal, SmsGateway

__all__ = ["Notifications"]

logger = logging.getLogger("shubbak.notifications")


class Notifications:
    def __init__(
        self,
        *,
        notifications: NotificationRepository,
        citizens: CitizenRepository,
        gateway: SmsGateway,
        signal: NotificationSignal,
        clock: Clock,
    ) -> None:
        self._notifications = notifications
        self._citizens = citizens
        self._gateway = gateway
        self._signal = signal
        self._clock = clock

    def deliver(self, citizen_id: str, event_key: str) -> Notification | None:
        """Send one recorded SMS unless it already went; returns it as sent (None if nothing to do).

        A failure to send raises, so the queue redelivers it (and after its limit, dead-letters it).
        """
        notification = self._notifications.get_notification(citizen_id, event_key)
        if notification is None or notification.status is DeliveryStatus.SENT:
            return None
        citizen = self._citizens.get_citizen(citizen_id)
        if citizen is None:
            raise NotFound(field="citizenId")
        text = render(notification.template, citizen.language, notification.values)
        message_id = self._gateway.send_sms(citizen.mobile, text)
        now = self._clock.now()
        if not self._notifications.mark_sent(notification, text, message_id, now):
            logger.warning("sms sent concurrently by another delivery of the same event")
            return None
        logger.info("sms sent", extra={"template": notification.template.value, "to": citizen.mobile.masked})
        return replace(notification, status=DeliveryStatus.SENT, text=text, sent_at=now, provider_message_id=message_id)

    def my_notifications(self, caller: Caller, page: PageRequest) -> Page[Notification]:
        if caller.principal.role is not Role.CITIZEN:
            return Page([])
        return self._notifications.list_for_citizen(caller.principal.user_id, page)

    def announce_pending(self, older_than: timedelta) -> int:
        """The outbox sweeper: announce again every SMS left pending longer than ``older_than``."""
        pending = self._notifications.list_pending(self._clock.now() - older_than)
        for notification in pending:
            self._signal.announce(notification)
        return len(pending)
