"""Delivering citizen SMS from the outbox: at most once per (citizen, event), in the citizen's language;
reading them back (the citizen's list, a request's)."""

from __future__ import annotations

import logging
from datetime import timedelta

from functions.domain.errors import NotFound
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.principal import Role
from functions.domain.request import ServiceRequest
from functions.domain.sms_delivery import sending
from functions.domain.sms_figures import figures_of_sms_change
from functions.services.caller import Caller
from functions.services.ports import CitizenRepository, Clock, NotificationRepository, NotificationSignal, SmsGateway
from functions.services.sms_delivery import SmsDelivery
from functions.services.sms_ports import SmsHeld
from functions.services.sms_text import sms_text

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
        delivery: SmsDelivery,
    ) -> None:
        self._delivery = delivery
        self._notifications = notifications
        self._citizens = citizens
        self._gateway = gateway
        self._signal = signal
        self._clock = clock

    def deliver(self, citizen_id: str, event_key: str) -> Notification | None:
        """Send one recorded SMS unless it already went; returns it as sent (None if nothing to do).

        A failure to send (every provider refused it) raises, so the queue redelivers it (and after its
        limit, dead-letters it); one over the number's hourly limit or the day's quota is held for a retry;
        once sent, its receipts and retries are ``SmsDelivery``'s.
        """
        notification = self._notifications.get_notification(citizen_id, event_key)
        if notification is None or notification.status is not DeliveryStatus.PENDING:
            return None
        citizen = self._citizens.get_citizen(citizen_id)
        if citizen is None:
            raise NotFound(field="citizenId")
        text = sms_text(notification, citizen, self._citizens)
        try:
            taken = self._gateway.send_sms(citizen.mobile, text)
        except SmsHeld as held:
            self._delivery.hold(notification, str(held))
            return None
        sent = sending(notification, text, taken.provider, taken.message_id, self._clock.now())
        if not self._notifications.mark_sending(notification, sent, figures_of_sms_change(notification, sent)):
            logger.warning("sms sent concurrently by another delivery of the same event")
            return None
        logger.info(
            "sms sent",
            extra={"template": notification.template.value, "to": citizen.mobile.masked, "provider": taken.provider},
        )
        return sent

    def my_notifications(self, caller: Caller, page: PageRequest) -> Page[Notification]:
        if caller.principal.role is not Role.CITIZEN:
            return Page([])
        return self._notifications.list_for_citizen(caller.principal.user_id, page)

    def for_request(self, caller: Caller, request: ServiceRequest) -> list[Notification]:
        """The SMS about a request the caller already may read, for its citizen and its centre only."""
        principal = caller.principal
        own = (principal.role is Role.CITIZEN and principal.user_id == request.citizen_id) or (
            principal.role is Role.CENTRE_OPERATOR and principal.centre_id == request.centre_id
        )
        return self._notifications.list_for_request(request.citizen_id, request.request_id) if own else []

    def announce_pending(self, older_than: timedelta) -> int:
        """The outbox sweeper: announce again every SMS left pending longer than ``older_than``."""
        pending = self._notifications.list_pending(self._clock.now() - older_than)
        for notification in pending:
            self._signal.announce(notification)
        return len(pending)
