"""After the transaction that recorded an SMS in the outbox: the notifications handler is told, best
effort. If the signal fails the row stays pending, and the outbox sweeper announces it again
(``Notifications.announce_pending``)."""

from __future__ import annotations

import logging

from functions.domain.notification import Notification
from functions.services.ports import NotificationSignal

__all__ = ["announce_recorded"]

logger = logging.getLogger("shubbak.notifications")


def announce_recorded(signal: NotificationSignal, notification: Notification) -> None:
    try:
        signal.announce(notification)
    except Exception:
        logger.exception("SMS recorded but not announced; the sweeper announces it")
