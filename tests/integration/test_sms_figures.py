"""The citizen SMS figures on DynamoDB (moto): written in the SMS's own conditional transaction, so a
write from a stale read adds nothing; every message kind's days read in one query per month."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from functions.bootstrap import Container
from functions.domain.figures import Counter, Duration, FigureKey, Period, ScopeKind
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.sms_delivery import CallListEntry, sending
from functions.domain.sms_figures import figures_of_sms_change
from functions.local.provision import ProvisionedStack
from tests.integration.test_identity_repositories import audit, citizen, sms
from tests.integration.test_monitoring_repositories import MONITOR, dynamodb_calls

SENT_AT = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
DAY = date(2026, 12, 6)


def recorded(container: Container, national_id: str, mobile: str) -> Notification:
    record = citizen(national_id, mobile)
    message = replace(sms(record), centre_id="MED-C01", agency_code="TRAFFIC")
    container.adapters.citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), message)
    pending = container.adapters.notification_repository.get_notification(record.citizen_id, "RECORD_OPENED")
    assert pending is not None
    return pending


def sms_counts(container: Container, key: FigureKey) -> dict[str, int]:
    days = container.adapters.figures.days(key, DAY, DAY)
    return {name: value for d in days for name, value in d.counts.items() if name.startswith("sms") and value}


def test_an_attempt_and_its_end_are_counted_once_in_the_sms_transaction(
    container: Container, stack: ProvisionedStack
) -> None:
    repository = container.adapters.notification_repository
    pending = recorded(container, "1000000016", "0512345601")
    sent = sending(pending, "text", "sns", "fig-1", SENT_AT)
    assert repository.mark_sending(pending, sent, figures_of_sms_change(pending, sent)) is True
    again = sending(pending, "text", "sns", "fig-2", SENT_AT)
    assert repository.mark_sending(pending, again, figures_of_sms_change(pending, again)) is False
    scopes = (FigureKey.centre("MED-C01"), FigureKey.agency("TRAFFIC"), FigureKey.message("RECORD_OPENED"))
    for key in (*scopes, FigureKey.region()):
        assert sms_counts(container, key) == {"sms_sent": 1}, key

    failed = replace(
        sent,
        status=DeliveryStatus.PERMANENT_FAILURE,
        status_reason="Invalid phone number",
        status_at=SENT_AT + timedelta(seconds=4),
        on_call_list=True,
    )
    call = CallListEntry.of(failed, SENT_AT)
    assert repository.record_delivery(sent, failed, call, figures_of_sms_change(sent, failed)) is True
    delivered = replace(sent, status=DeliveryStatus.DELIVERED, status_at=SENT_AT + timedelta(seconds=9))
    assert repository.record_delivery(sent, delivered, None, figures_of_sms_change(sent, delivered)) is False
    expected = {"sms_sent": 1, "sms_failed": 1, "sms_call_list": 1}
    for key in (*scopes, FigureKey.region()):
        assert sms_counts(container, key) == expected, key


def test_a_delivery_carries_its_time_and_every_kind_is_read_in_one_query(container: Container) -> None:
    repository = container.adapters.notification_repository
    pending = recorded(container, "1000000024", "0512345602")
    sent = sending(pending, "text", "sns", "fig-3", SENT_AT)
    repository.mark_sending(pending, sent, figures_of_sms_change(pending, sent))
    delivered = replace(sent, status=DeliveryStatus.DELIVERED, status_at=SENT_AT + timedelta(seconds=7))
    assert repository.record_delivery(sent, delivered, None, figures_of_sms_change(sent, delivered)) is True
    stored = repository.get_notification(sent.citizen_id, sent.event_key)
    assert stored is not None
    assert stored.first_sent_at == SENT_AT
    assert stored.agency_code == "TRAFFIC"

    with dynamodb_calls(container) as calls:
        kinds = container.adapters.figures.days_of_every(ScopeKind.MESSAGE, DAY, DAY)
    assert calls == ["Query"]
    opened = [d for d in kinds if d.key == FigureKey.message("RECORD_OPENED")]
    assert len(opened) == 1
    assert opened[0].counts[Duration.SMS_DELIVERY.count_name] >= 1
    assert opened[0].counts["sms_delivered"] >= 1


def test_the_regions_overview_with_its_sms_kinds_stays_a_handful_of_calls(container: Container) -> None:
    repository = container.adapters.notification_repository
    pending = recorded(container, "1000000032", "0512345603")
    sent = sending(pending, "text", "sns", "fig-4", SENT_AT)
    repository.mark_sending(pending, sent, figures_of_sms_change(pending, sent))
    december = Period(date(2026, 12, 1), date(2026, 12, 30))
    with dynamodb_calls(container) as calls:
        overview = container.use_cases.performance.region_overview(MONITOR, december)
    # the caller's standing; the region's days and current counters; every centre's days from 28 days
    # before (Nov and Dec), every agency's and every SMS kind's days (Dec); results waiting. None a Scan.
    assert sorted(calls) == ["GetItem", "GetItem", *["Query"] * 6], calls
    assert overview.by_message["RECORD_OPENED"][Counter.SMS_SENT] >= 1
