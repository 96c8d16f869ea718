"""SNS's SMS delivery-status logs to the receipts function, on moto: the events are written to and read
from the log groups infra/sms.yml declares, handed over as CloudWatch Logs' subscription filter does
(gzipped, base64), and each updates its SMS once (docs/sms.md)."""

from __future__ import annotations

import base64
import gzip
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import boto3
import pytest

from functions import bootstrap
from functions.bootstrap import Container
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.local.lambda_context import FakeLambdaContext
from functions.local.provision import ProvisionedStack
from functions.local.seeding import seed_people
from functions.local.simulated_carrier import DELIVERED, INVALID, UNREACHABLE, CarrierOutcome, sns_delivery_log
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm

OPERATOR = Caller(Principal("op-it", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "it")


@pytest.fixture(scope="module")
def receipts(stack: ProvisionedStack, container: Container) -> Iterator[Container]:
    """The handler's own container (read from the environment, as on Lambda), on the module's moto."""
    seed_people(container)
    with pytest.MonkeyPatch.context() as patch:
        for key, value in {**stack.environment, "SMS_RETRY_FIRST_DELAY_SECONDS": "1"}.items():
            patch.setitem(os.environ, key, value)
        bootstrap.container.cache_clear()
        yield bootstrap.container()
    bootstrap.container.cache_clear()


def sent_sms(container: Container, national_id: str, mobile: str) -> Notification:
    evidence = EvidenceForm(
        IdentityDocumentType.NATIONAL_ID_CARD, national_id, DateEntry.gregorian(date.today() + timedelta(days=90))
    )
    form = OpenRecordForm(
        national_id, "محمد", None, DateEntry.gregorian(date(1990, 1, 1)), mobile, Language.AR, evidence
    )
    citizen = container.use_cases.citizen_records.open_citizen_record(OPERATOR, form).citizen
    sent = container.use_cases.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    assert sent is not None
    assert (sent.provider, sent.status) == ("sns", DeliveryStatus.SENDING)  # moto's SNS took it
    return sent


def logged(stack: ProvisionedStack, group: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Write the entries as SNS would, read them back, and wrap them as a subscription filter does."""
    logs, name = boto3.client("logs", region_name=stack.region), stack.resources[group].ref
    stream = f"stream-{datetime.now(UTC).timestamp()}"
    logs.create_log_stream(logGroupName=name, logStreamName=stream)
    now = int(datetime.now(UTC).timestamp() * 1000)
    logs.put_log_events(
        logGroupName=name,
        logStreamName=stream,
        logEvents=[{"timestamp": now, "message": json.dumps(entry)} for entry in entries],
    )
    events = logs.get_log_events(logGroupName=name, logStreamName=stream)["events"]
    data = {
        "messageType": "DATA_MESSAGE",
        "owner": "123456789012",
        "logGroup": name,
        "logStream": stream,
        "subscriptionFilters": ["SmsDeliveryReceipts"],
        "logEvents": [
            {"id": str(i), "timestamp": e["timestamp"], "message": e["message"]} for i, e in enumerate(events)
        ],
    }
    return {"awslogs": {"data": base64.b64encode(gzip.compress(json.dumps(data).encode())).decode()}}


def entry(sms: Notification, outcome: CarrierOutcome) -> dict[str, Any]:
    return sns_delivery_log(sms.provider_message_id or "", "+966512340001", outcome, datetime.now(UTC))


def stored(container: Container, sms: Notification) -> Notification:
    current = container.adapters.notification_repository.get_notification(sms.citizen_id, sms.event_key)
    assert current is not None
    return current


def test_delivery_logs_update_each_sms_once_and_failures_reach_the_call_list(
    stack: ProvisionedStack, receipts: Container
) -> None:
    from functions.handlers import sms_receipts

    delivered = sent_sms(receipts, "1000000008", "0512340001")
    unreachable = sent_sms(receipts, "1000000016", "0512340002")
    invalid = sent_sms(receipts, "1000000024", "0512340003")
    successes = logged(stack, "SmsDeliveryLogGroup", [entry(delivered, DELIVERED)])
    failures = logged(stack, "SmsDeliveryFailureLogGroup", [entry(unreachable, UNREACHABLE), entry(invalid, INVALID)])

    assert sms_receipts.handler(successes, FakeLambdaContext()) == {"DELIVERED": 1}
    assert sms_receipts.handler(failures, FakeLambdaContext()) == {"RETRY_SCHEDULED": 1, "CALL_LIST": 1}
    assert sms_receipts.handler(failures, FakeLambdaContext()) == {"DUPLICATE": 2}  # redelivered: no change

    assert stored(receipts, delivered).status is DeliveryStatus.DELIVERED
    waiting = stored(receipts, unreachable)
    assert (waiting.status, waiting.status_reason) == (
        DeliveryStatus.TEMPORARY_FAILURE,
        "Phone is currently unreachable/unavailable",
    )
    assert waiting.next_attempt_at is not None
    calls = receipts.use_cases.call_list.calls(OPERATOR, False, PageRequest(10)).items
    assert [(c.citizen_id, c.status, c.reason) for c in calls] == [
        (invalid.citizen_id, DeliveryStatus.PERMANENT_FAILURE, "Invalid phone number")
    ]


def test_the_temporary_failure_is_sent_again_when_due_by_the_sweeper(receipts: Container) -> None:
    repository = receipts.adapters.notification_repository
    due = repository.list_retry_due(datetime.now(UTC) + timedelta(hours=1))
    assert len(due) == 1
    first = due[0]
    assert first.next_attempt_at is not None
    time.sleep(max((first.next_attempt_at - datetime.now(UTC)).total_seconds() + 0.05, 0))
    assert receipts.use_cases.sms_delivery.retry_due() == 1
    again = stored(receipts, first)
    assert (again.status, again.attempts) == (DeliveryStatus.SENDING, 2)
    assert repository.find_by_message("sns", again.provider_message_id or "") == again
    assert repository.list_retry_due(datetime.now(UTC) + timedelta(hours=1)) == []


def test_a_log_event_that_is_no_delivery_status_is_skipped(stack: ProvisionedStack, receipts: Container) -> None:
    from functions.handlers import sms_receipts

    assert sms_receipts.handler(logged(stack, "SmsDeliveryLogGroup", [{"hello": "world"}]), FakeLambdaContext()) == {}
