"""Locks a key (an ID number signing in, a tracking number looked up) for a while after repeated
failures; shared by every container, since the counter lives in DynamoDB."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, timedelta

from pynamodb.exceptions import DeleteError, DoesNotExist

from functions.adapters.dynamodb.identity_items import ThrottleItem
from functions.adapters.dynamodb.table import TableBinding
from functions.services.ports import Clock

__all__ = ["DynamoThrottle"]

THROTTLE = "THROTTLE"
MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


class DynamoThrottle:
    def __init__(self, table: TableBinding, clock: Clock) -> None:
        self._items = table.bind(ThrottleItem)
        self._clock = clock

    def is_locked(self, key: str) -> bool:
        try:
            item = self._items.get(key, THROTTLE, consistent_read=True)
        except DoesNotExist:
            return False
        return item.locked_until is not None and item.locked_until > self._clock.now()

    def record_failure(self, key: str) -> None:
        """Count a failure in the current window (a window that ran out, not yet reaped by TTL, restarts)."""
        now = self._clock.now()
        item = self._items(pk=key, sk=THROTTLE)
        stale = (ThrottleItem.expires_at.exists()) & (ThrottleItem.expires_at < now)
        with suppress(DeleteError):  # nothing stale to restart
            item.delete(condition=stale)
        item.update(actions=[ThrottleItem.failures.add(1), ThrottleItem.expires_at.set(now + WINDOW)])
        if item.failures >= MAX_FAILURES:
            self._lock(item, now)

    def reset(self, key: str) -> None:
        self._items(pk=key, sk=THROTTLE).delete()

    def _lock(self, item: ThrottleItem, now: datetime) -> None:
        item.update(actions=[ThrottleItem.locked_until.set(now + WINDOW), ThrottleItem.expires_at.set(now + WINDOW)])
