"""Identity on DynamoDB (moto): all-or-nothing transactions, unique claims, append-only audit, SMS once."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from pynamodb.exceptions import TransactWriteError

from functions.bootstrap import Container
from functions.domain.audit import AuditRecord, Outcome
from functions.domain.citizen import Citizen, IdentityDocumentType, IdentityEvidence, Language
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.notification import Notification
from functions.domain.paging import PageRequest
from functions.domain.sms import SmsTemplate
from functions.domain.sms_delivery import sending
from functions.local.provision import ProvisionedStack
from functions.services.ports import Attempts
from tests.support.aws import item_count

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def citizen(national_id: str = "1000000008", mobile: str = "0512345678") -> Citizen:
    evidence = IdentityEvidence(
        IdentityDocumentType.NATIONAL_ID_CARD, national_id, date(2030, 1, 1), "op-1", NOW, "MED-C01"
    )
    return Citizen(
        citizen_id=uuid.uuid4().hex,
        national_id=NationalId.parse(national_id),
        name_ar="محمد",
        name_en=None,
        birth_date=date(1990, 1, 1),
        mobile=SaudiMobile.parse(mobile),
        language=Language.AR,
        opened_at_centre="MED-C01",
        opened_by="op-1",
        opened_at=NOW,
        evidence=evidence,
    )


def audit(target: str, actor: str = "op-1", at: datetime = NOW) -> AuditRecord:
    return AuditRecord(
        uuid.uuid4().hex, at, actor, "center-operator", "MED-C01", "openCitizenRecord", target, Outcome.ALLOWED, "corr"
    )


def sms(record: Citizen, event: str = "RECORD_OPENED") -> Notification:
    return Notification(
        record.citizen_id,
        event,
        SmsTemplate.RECORD_OPENED,
        {"centre": "مركز العوالي"},
        NOW,
        masked_mobile=record.mobile.masked,
    )


def test_a_record_its_claims_audit_and_sms_are_written_together(container: Container, stack: ProvisionedStack) -> None:
    record = citizen()
    container.adapters.citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), sms(record))
    assert container.adapters.citizens.get_citizen(record.citizen_id) == record
    assert container.adapters.citizens.find_by_national_id(record.national_id) == record
    assert container.adapters.citizens.records_on(record.mobile) == 1
    assert container.adapters.notification_repository.get_notification(record.citizen_id, "RECORD_OPENED") is not None


@pytest.mark.parametrize(
    ("national_id", "mobile", "code"),
    [("1000000008", "0598765432", ErrorCode.NATIONAL_ID_TAKEN), ("2000000006", "0512345678", ErrorCode.MOBILE_TAKEN)],
)
def test_a_taken_claim_cancels_the_whole_transaction(
    container: Container, stack: ProvisionedStack, national_id: str, mobile: str, code: ErrorCode
) -> None:
    main, audits = item_count(stack, "MainTable"), item_count(stack, "AuditTable")
    record = citizen(national_id, mobile)
    with pytest.raises(Conflict) as raised:
        container.adapters.citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), sms(record))
    assert raised.value.code is code
    assert (item_count(stack, "MainTable"), item_count(stack, "AuditTable")) == (main, audits)
    assert container.adapters.citizens.get_citizen(record.citizen_id) is None


def test_a_phone_is_shared_by_at_most_the_records_allowed(container: Container, stack: ProvisionedStack) -> None:
    citizens, shared = container.adapters.citizens, "0511122233"
    for national_id in ("1000000107", "1000000115", "1000000123"):
        record = citizen(national_id, shared)
        citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), sms(record), records_per_mobile=3)
    assert citizens.records_on(citizen(mobile=shared).mobile) == 3
    main = item_count(stack, "MainTable")
    fourth = citizen("1000000131", shared)
    with pytest.raises(Conflict) as full:
        citizens.create_citizen(fourth, audit(f"citizen:{fourth.citizen_id}"), sms(fourth), records_per_mobile=3)
    assert full.value.code is ErrorCode.MOBILE_TAKEN
    assert item_count(stack, "MainTable") == main
    assert citizens.records_on(fourth.mobile) == 3


def test_an_sms_is_marked_sent_once(container: Container) -> None:
    record = citizen("1000001014", "0550001014")
    container.adapters.citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), sms(record))
    repository = container.adapters.notification_repository
    pending = repository.get_notification(record.citizen_id, "RECORD_OPENED")
    assert pending is not None
    assert pending in repository.list_pending(NOW + timedelta(minutes=5))
    assert repository.mark_sending(pending, sending(pending, "text", "sns", "m-1", NOW), ()) is True
    assert repository.mark_sending(pending, sending(pending, "text", "sns", "m-2", NOW), ()) is False
    sent = repository.get_notification(record.citizen_id, "RECORD_OPENED")
    assert sent is not None
    assert (sent.provider_message_id, sent.status.value, sent.attempts) == ("m-1", "SENDING", 1)
    assert sent not in repository.list_pending(NOW + timedelta(minutes=5))
    assert repository.find_by_message("sns", "m-1") == sent
    assert repository.find_by_message("sns", "m-2") is None
    page = container.adapters.notification_repository.list_for_citizen(record.citizen_id, PageRequest())
    assert [n.event_key for n in page.items] == ["RECORD_OPENED"]


def test_a_second_sms_for_the_same_event_is_refused(container: Container) -> None:
    record = citizen("1000001022", "0550001022")
    container.adapters.citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), sms(record))
    with pytest.raises(TransactWriteError):
        container.adapters.citizens.record_password_reissue(record, audit(f"citizen:{record.citizen_id}"), sms(record))


def test_audit_records_are_append_only_and_read_by_target_or_actor(container: Container) -> None:
    first = audit("citizen:t-1", actor="op-9", at=NOW)
    container.adapters.audit_log.record(first)
    with pytest.raises(Exception, match="ConditionalCheckFailed"):
        container.adapters.audit_log.record(replace(first, outcome=Outcome.DENIED))
    container.adapters.audit_log.record(audit("citizen:t-1", actor="op-8", at=NOW + timedelta(seconds=1)))
    window = {"since": NOW - timedelta(hours=1), "until": NOW + timedelta(hours=1)}
    by_target = container.adapters.audit_log.trail(
        target="citizen:t-1", actor=None, page=PageRequest(first=1), **window
    )
    assert [r.actor for r in by_target.items] == ["op-8"]
    assert by_target.next_cursor is not None
    rest = container.adapters.audit_log.trail(
        target="citizen:t-1", actor=None, page=PageRequest(first=5, after=by_target.next_cursor), **window
    )
    assert list(rest.items) == [first]
    by_actor = container.adapters.audit_log.trail(target=None, actor="op-9", page=PageRequest(), **window)
    assert by_actor.items == [first]


def test_a_cursor_from_another_list_is_refused(container: Container) -> None:
    window = {"since": NOW - timedelta(hours=1), "until": NOW + timedelta(hours=1)}
    container.adapters.audit_log.record(audit("citizen:t-2", at=NOW))
    container.adapters.audit_log.record(audit("citizen:t-2", at=NOW + timedelta(seconds=1)))
    page = container.adapters.audit_log.trail(target="citizen:t-2", actor=None, page=PageRequest(first=1), **window)
    with pytest.raises(Exception, match="BAD_CURSOR"):
        container.adapters.audit_log.trail(
            target="citizen:t-1", actor=None, page=PageRequest(after=page.next_cursor), **window
        )


def test_the_attempt_ledger_counts_restarts_after_its_window_and_keeps_trust(container: Container) -> None:
    """The DynamoDB ledger behind the per-source and per-ID delays (shared by every container)."""
    ledger = container.use_cases.attempt_limits._ledger  # the composition root's own instance
    now, window = datetime(2026, 11, 28, 9, 0, tzinfo=UTC), timedelta(minutes=15)
    for minute in range(3):
        ledger.record_failure("SIGN_IN#1000000008", now + timedelta(minutes=minute), window)
    ledger.record_failure("SOURCE#203.0.113.9", now, window)
    counted = ledger.read(["SIGN_IN#1000000008", "SOURCE#203.0.113.9", "SOURCE#never"])
    assert counted == {
        "SIGN_IN#1000000008": Attempts(3, now + timedelta(minutes=2)),
        "SOURCE#203.0.113.9": Attempts(1, now),
    }
    later = now + timedelta(minutes=2) + window + timedelta(seconds=1)
    ledger.record_failure("SIGN_IN#1000000008", later, window)  # the window ran out: counting starts again
    assert ledger.read(["SIGN_IN#1000000008"])["SIGN_IN#1000000008"] == Attempts(1, later)
    assert not ledger.trusted("SIGN_IN#1000000008", "192.0.2.10", now)
    ledger.trust("SIGN_IN#1000000008", "192.0.2.10", now + timedelta(days=30))
    assert ledger.trusted("SIGN_IN#1000000008", "192.0.2.10", now)
    assert not ledger.trusted("SIGN_IN#1000000008", "192.0.2.10", now + timedelta(days=31))


def test_a_sampled_audit_record_is_written_once_and_never_overwritten(container: Container) -> None:
    """Issue 14, item 6: the anonymous denials' sample keeps the first of the hour (append-only)."""
    hour = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    sample = AuditRecord(
        "centre-UNAUTHENTICATED",
        hour,
        "anonymous",
        "anonymous",
        None,
        "centre",
        "anonymous:centre",
        Outcome.DENIED,
        "c-1",
    )
    assert container.adapters.audit_log.record_once(sample) is True
    assert container.adapters.audit_log.record_once(replace(sample, correlation_id="c-2")) is False
    page = container.adapters.audit_log.trail(
        target="anonymous:centre", actor=None, since=hour, until=hour, page=PageRequest()
    )
    assert [r.correlation_id for r in page.items] == ["c-1"]


def test_a_change_of_language_and_its_audit_are_written_together(container: Container, stack: ProvisionedStack) -> None:
    record = citizen("1000000016", "0551234567")
    container.adapters.citizens.create_citizen(record, audit(f"citizen:{record.citizen_id}"), sms(record))
    audits = item_count(stack, "AuditTable")
    container.adapters.citizens.set_language(record, Language.ID, audit(f"citizen:{record.citizen_id}"))
    assert container.adapters.citizens.get_citizen(record.citizen_id) == replace(record, language=Language.ID)
    assert item_count(stack, "AuditTable") == audits + 1
    stranger = citizen("1000000024", "0561234567")  # never written: the condition fails, no audit either
    main = item_count(stack, "MainTable")
    with pytest.raises(TransactWriteError):
        container.adapters.citizens.set_language(stranger, Language.UR, audit(f"citizen:{stranger.citizen_id}"))
    assert (item_count(stack, "MainTable"), item_count(stack, "AuditTable")) == (main, audits + 1)
