"""Failed attempts at the sensitive operations, and the sources an account trusts, in the main table
(shared by every container; see ``domain/throttling.py``).

* failures: pk ``SOURCE#<address>`` | ``SIGN_IN#<nid>`` | ``TRACKING#<number>``  sk ``THROTTLE``
            failures, last failure, ``expires_at`` (TTL: the window after the last failure)
* trust:    pk ``SIGN_IN#<nid>``  sk ``TRUSTED#<address>``  ``expires_at`` (TTL: 30 days)
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.attributes import NumberAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import DoesNotExist, UpdateError

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.adapters.dynamodb.table import TableBinding
from functions.services.ports import Attempts

__all__ = ["AttemptItem", "DynamoAttemptLedger"]

FAILURES = "THROTTLE"
TRUSTED = "TRUSTED#"
_CONDITION_FAILED = "ConditionalCheckFailedException"


class AttemptItem(MainTableItem):
    failures = NumberAttribute(default=0)
    last_failure_at = UTCDateTimeAttribute(null=True)


class DynamoAttemptLedger:
    def __init__(self, table: TableBinding) -> None:
        self._items = table.bind(AttemptItem)

    def read(self, keys: list[str]) -> dict[str, Attempts]:
        found = self._items.batch_get([(key, FAILURES) for key in keys], consistent_read=True)
        return {item.pk: Attempts(int(item.failures or 0), item.last_failure_at) for item in found}

    def record_failure(self, key: str, now: datetime, window: timedelta) -> None:
        """Start the count again if its window ran out, else add one (each an atomic update)."""
        item = self._items(pk=key, sk=FAILURES)
        stale = AttemptItem.last_failure_at.does_not_exist() | (AttemptItem.last_failure_at < now - window)
        restart = [AttemptItem.failures.set(1), AttemptItem.last_failure_at.set(now)]
        try:
            item.update(actions=[*restart, AttemptItem.expires_at.set(now + window)], condition=stale)
        except UpdateError as error:
            if error.cause_response_code != _CONDITION_FAILED:
                raise
            item.update(
                actions=[
                    AttemptItem.failures.add(1),
                    AttemptItem.last_failure_at.set(now),
                    AttemptItem.expires_at.set(now + window),
                ]
            )

    def trusted(self, account: str, source: str, now: datetime) -> bool:
        try:
            item = self._items.get(account, f"{TRUSTED}{source}", consistent_read=True)
        except DoesNotExist:
            return False
        return item.expires_at is not None and item.expires_at > now

    def trust(self, account: str, source: str, until: datetime) -> None:
        self._items(pk=account, sk=f"{TRUSTED}{source}", expires_at=until).save()
