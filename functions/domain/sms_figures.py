"""What a citizen SMS's change adds to the monitoring office's figures, and the rates read from them
(docs/sms.md, "Figures for the monitoring office").

Counted on Madinah business days, for every scope the message belongs to: the centre that filed the
request (or opened the record), the agency whose step it is about (received, returned, rejected), its
kind (the template) and the region.

* ``sms_sent``: a provider took the message's first attempt (retries are not sent messages);
* its **final outcome**, one of: ``sms_delivered``; ``sms_failed`` (a permanent failure);
  ``sms_expired`` (a retryable failure whose retry window ran out). At most one holds for a message at a
  time: when a late receipt delivers (or fails permanently) a message whose window had run out, its
  expiry is taken back on the day it was counted;
* ``sms_call_list``: it landed on its centre's call list (counted once; a later delivery leaves the
  call on the list, so it is not taken back);
* the time to delivery (:attr:`Duration.SMS_DELIVERY`): from the first attempt to the time the
  carrier gives for the delivery, on the day it was delivered.

Nothing here decides once-only: the figures are written with the SMS's own conditional write (status
and attempt as read), so a duplicate, stale or superseded receipt writes nothing, and of two writes
racing from the same state one is refused (``functions/domain/sms_delivery.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from functions.domain.figures import (
    Counter,
    Duration,
    DurationSummary,
    FigureDelta,
    FigureKey,
    Figures,
    merge_deltas,
    observation,
)
from functions.domain.madinah_time import business_day
from functions.domain.notification import RETRYABLE_STATUSES, DeliveryStatus, Notification

__all__ = ["SmsSummary", "figures_of_sms_change"]

_FINAL = {
    DeliveryStatus.DELIVERED: Counter.SMS_DELIVERED,
    DeliveryStatus.PERMANENT_FAILURE: Counter.SMS_FAILED,
}


def figures_of_sms_change(previous: Notification, updated: Notification) -> tuple[FigureDelta, ...]:
    """The counters ``previous`` -> ``updated`` adds (nothing when the change is not a counted one)."""
    scopes = _scopes_of(updated)
    deltas: list[FigureDelta] = []

    def count(counts: dict[str, int], at: datetime) -> None:
        deltas.extend(FigureDelta(scope, business_day(at), counts) for scope in scopes)

    if previous.attempts == 0 < updated.attempts:
        count({Counter.SMS_SENT.value: 1}, updated.first_sent_at or _status_time(updated))
    was, now = _outcome(previous), _outcome(updated)
    if was is not now:
        if was is not None:
            count(_outcome_counts(previous, was, -1), _status_time(previous))
        if now is not None:
            count(_outcome_counts(updated, now, 1), _status_time(updated))
    if updated.on_call_list and not previous.on_call_list:
        count({Counter.SMS_CALL_LIST.value: 1}, _status_time(updated))
    return merge_deltas(deltas)


def _scopes_of(notification: Notification) -> list[FigureKey]:
    scopes = [FigureKey.region(), FigureKey.message(notification.template.value)]
    if notification.centre_id:
        scopes.append(FigureKey.centre(notification.centre_id))
    if notification.agency_code:
        scopes.append(FigureKey.agency(notification.agency_code))
    return scopes


def _outcome(notification: Notification) -> Counter | None:
    if notification.status in _FINAL:
        return _FINAL[notification.status]
    if notification.on_call_list and notification.status in RETRYABLE_STATUSES:
        return Counter.SMS_EXPIRED
    return None


def _outcome_counts(notification: Notification, outcome: Counter, sign: int) -> dict[str, int]:
    counts = {outcome.value: sign}
    if outcome is Counter.SMS_DELIVERED and notification.first_sent_at is not None:
        taken = _status_time(notification) - notification.first_sent_at
        counts.update(observation(Duration.SMS_DELIVERY, taken.total_seconds(), sign))
    return counts


def _status_time(notification: Notification) -> datetime:
    return notification.status_at or notification.sent_at or notification.created_at


@dataclass(frozen=True)
class SmsSummary:
    """A scope's SMS over a period, as the office reads them."""

    sent: int
    delivered: int
    permanently_failed: int
    expired: int
    on_call_list: int
    time_to_delivery: DurationSummary

    @classmethod
    def of(cls, figures: Figures) -> SmsSummary:
        return cls(
            sent=figures[Counter.SMS_SENT],
            delivered=figures[Counter.SMS_DELIVERED],
            permanently_failed=figures[Counter.SMS_FAILED],
            expired=figures[Counter.SMS_EXPIRED],
            on_call_list=figures[Counter.SMS_CALL_LIST],
            time_to_delivery=figures.duration(Duration.SMS_DELIVERY),
        )

    @property
    def final_outcomes(self) -> int:
        """Messages that reached an end: delivered, failed permanently, or out of retries."""
        return self.delivered + self.permanently_failed + self.expired

    @property
    def delivery_rate(self) -> float | None:
        """Delivered per final outcome, in percent (None before any message reached an end)."""
        return self._percent(self.delivered)

    @property
    def permanent_failure_rate(self) -> float | None:
        return self._percent(self.permanently_failed)

    def _percent(self, count: int) -> float | None:
        return round(100 * count / self.final_outcomes, 1) if self.final_outcomes else None
