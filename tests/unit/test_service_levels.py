"""Working-hours SLAs through the use cases and the simulated state machine: every wait is bounded by a
due time from the business calendar, the window shows it, and a calendar edit moves only the waits
that start after it. The business calendar itself: read by staff, kept (audited) by administrators."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from functions.domain.business_calendar import STANDARD_CALENDAR, AgencyHours, DailyHours, FixedHoliday
from functions.domain.calendar_dates import DateEntry
from functions.domain.catalogue import LocalizedText
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import ErrorCode, Forbidden, ValidationFailed
from functions.domain.madinah_time import MADINAH
from functions.domain.principal import Principal, Role
from functions.domain.request import HandoffStatus, PaymentMethod, RequestFile
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, IdentityWorld

OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
CIVIL_AFFAIRS = Caller(Principal("officer-ca", Role.AGENCY_OFFICER, agency_code="CIVIL-AFFAIRS"), "corr")
ADMIN = Caller(Principal("admin-1", Role.ADMIN), "corr")


def madinah(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=MADINAH).astimezone(UTC)


THURSDAY_13H = madinah(2026, 12, 3, 13)


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld()
    world.clock.at = THURSDAY_13H
    seed_catalogue(world.catalogue)
    return world


@pytest.fixture
def citizen_id(world: IdentityWorld) -> str:
    evidence = EvidenceForm(IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(date(2030, 1, 1)))
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, evidence)
    return world.records.open_citizen_record(OPERATOR, form).citizen.citizen_id


def renew_id(world: IdentityWorld, citizen_id: str, key: str) -> RequestFile:
    """National ID renewal: Civil Affairs, 4 working hours to acknowledge, 72 to finish."""
    form = SubmissionForm(
        citizen_id,
        "NID-RENEW",
        {"reason": "EXPIRED", "deliveryDistrict": "QUBA"},
        filed_documents(world, OPERATOR, "NID-RENEW", key),
        Decimal("125.00"),
        PaymentMethod.CASH,
        EvidenceForm(IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(date(2030, 1, 1))),
        key,
    )
    return world.submission.submit_service_request(OPERATOR, form).file


def test_a_file_forwarded_on_thursday_afternoon_is_due_on_sunday_and_the_wait_lasts_until_then(
    world: IdentityWorld, citizen_id: str
) -> None:
    file = renew_id(world, citizen_id, "thursday-000001")
    handoff = file.handoffs[0]
    assert handoff.status is HandoffStatus.FORWARDED
    assert handoff.due_at == madinah(2026, 12, 6, 10)  # 1.5 office hours Thursday, 2.5 Sunday
    seconds = int((handoff.due_at - THURSDAY_13H).total_seconds())
    assert world.machine.timeouts == [("CIVIL-AFFAIRS", "AWAIT_RECEIPT", seconds)]
    assert not handoff.overdue(madinah(2026, 12, 5, 23))  # Saturday night: not breached


def test_the_processing_wait_counts_from_the_acknowledgement_in_working_hours(
    world: IdentityWorld, citizen_id: str
) -> None:
    file = renew_id(world, citizen_id, "processing-0001")
    world.clock.at = madinah(2026, 12, 6, 9)
    world.window.acknowledge_receipt(CIVIL_AFFAIRS, file.request.request_id)
    received = world.updates.reload(file.request.request_id).handoffs[0]
    # 72 office hours of 7 a day from Sunday 09:00: 5.5 on Sunday, then 9 more days and 3.5 hours
    assert received.due_at == madinah(2026, 12, 20, 11)
    assert world.machine.timeouts[-1] == (
        "CIVIL-AFFAIRS",
        "AWAIT_COMPLETION",
        int((received.due_at - world.clock.now()).total_seconds()),
    )


def test_a_wait_that_lapsed_is_planned_again_from_the_breach_and_the_step_stays_due(
    world: IdentityWorld, citizen_id: str
) -> None:
    file = renew_id(world, citizen_id, "breached-000001")
    world.clock.at = madinah(2026, 12, 6, 10)
    world.machine.time_out(file.request.request_id, "CIVIL-AFFAIRS")
    again = world.updates.reload(file.request.request_id).handoffs[0]
    assert (again.due_at, again.escalations) == (madinah(2026, 12, 6, 10), 1)
    # the next escalation comes after another 4 office hours: Sunday 14:00
    assert world.machine.timeouts[-1] == ("CIVIL-AFFAIRS", "AWAIT_RECEIPT", 4 * 3600)


def test_a_processing_wait_that_lapsed_is_told_as_overdue_and_planned_again(
    world: IdentityWorld, citizen_id: str
) -> None:
    file = renew_id(world, citizen_id, "breached-000002")
    request_id = file.request.request_id
    world.window.acknowledge_receipt(CIVIL_AFFAIRS, request_id)
    received = world.updates.reload(request_id)
    assert [e.event for e in received.history][-1] == "RECEIVED"  # the processing wait's token, untold
    world.machine.time_out(request_id, "CIVIL-AFFAIRS")
    again = world.updates.reload(request_id)
    assert [e.event for e in again.history][-1] == "OVERDUE"
    assert (again.handoffs[0].escalations, again.handoffs[0].due_at) == (1, received.handoffs[0].due_at)
    assert world.machine.waiting(request_id) == [("CIVIL-AFFAIRS", "AWAIT_COMPLETION")]


def test_a_return_gives_the_centre_thirty_days_to_resubmit(world: IdentityWorld, citizen_id: str) -> None:
    file = renew_id(world, citizen_id, "returned-000001")
    world.window.acknowledge_receipt(CIVIL_AFFAIRS, file.request.request_id)
    world.window.return_to_centre(CIVIL_AFFAIRS, file.request.request_id, ["a clearer photo"])
    assert world.machine.timeouts[-1] == ("CIVIL-AFFAIRS", "AWAIT_RESUBMISSION", 30 * 24 * 3600)


def test_a_calendar_edit_moves_only_the_waits_that_start_after_it(world: IdentityWorld, citizen_id: str) -> None:
    before = renew_id(world, citizen_id, "before-edit-001").handoffs[0]
    closed_sunday = replace(
        STANDARD_CALENDAR,
        fixed_holidays=(*STANDARD_CALENDAR.fixed_holidays, FixedHoliday(LocalizedText("إغلاق", "Closed"), 12, 6)),
    )
    world.calendars.define_business_calendar(ADMIN, closed_sunday)
    after = renew_id(world, citizen_id, "after-edit-0001").handoffs[0]
    assert world.updates.reload(before.request_id).handoffs[0].due_at == madinah(2026, 12, 6, 10)
    assert after.due_at == madinah(2026, 12, 7, 10)  # Sunday closed: Monday
    first_wait, second_wait = world.machine.timeouts
    assert second_wait[2] - first_wait[2] == 24 * 3600


def test_only_administrators_keep_the_calendar_and_every_edit_is_audited(world: IdentityWorld) -> None:
    assert world.calendars.business_calendar(CIVIL_AFFAIRS) == STANDARD_CALENDAR  # nothing stored yet
    with pytest.raises(Forbidden):
        world.calendars.define_business_calendar(OPERATOR, STANDARD_CALENDAR)
    passports = AgencyHours("PASSPORTS", hours=DailyHours(8 * 60, 16 * 60))
    stored = world.calendars.define_business_calendar(ADMIN, replace(STANDARD_CALENDAR, agencies=(passports,)))
    assert (stored.version, stored.updated_by) == (1, "admin-1")
    assert world.calendars.business_calendar(OPERATOR).agencies == (passports,)
    assert world.log.records[-1].action == "defineBusinessCalendar"
    assert world.log.records[-1].actor == "admin-1"
    week = world.calendars.opening_hours("PASSPORTS", date(2026, 12, 3), date(2026, 12, 6))
    assert [d.hours.closes_text if d.hours else None for d in week] == ["16:00", None, None, "16:00"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"agencies": (AgencyHours("NO-SUCH-AGENCY", hours=DailyHours(480, 960)),)}, ErrorCode.ROUTE_UNKNOWN_AGENCY),
        ({"region": replace(STANDARD_CALENDAR.region, week=())}, ErrorCode.CALENDAR_INVALID),
        ({"region": replace(STANDARD_CALENDAR.region, hours=DailyHours(900, 480))}, ErrorCode.WORKING_HOURS_INVALID),
        ({"fixed_holidays": (FixedHoliday(LocalizedText("x", "x"), 2, 30),)}, ErrorCode.CALENDAR_INVALID),
        ({"fixed_holidays": (FixedHoliday(LocalizedText("x", "x"), 9, 23, days=0),)}, ErrorCode.CALENDAR_INVALID),
        ({"closures": (date(2026, 12, 6), date(2026, 12, 6))}, ErrorCode.CALENDAR_INVALID),
    ],
)
def test_a_calendar_agencies_cannot_work_by_is_refused_and_nothing_is_stored(
    world: IdentityWorld, change: dict[str, object], code: ErrorCode
) -> None:
    audited = len(world.log.records)
    with pytest.raises(ValidationFailed) as refused:
        world.calendars.define_business_calendar(ADMIN, replace(STANDARD_CALENDAR, **change))  # type: ignore[arg-type]
    assert refused.value.code is code
    assert world.calendar_store.stored is None
    assert len(world.log.records) == audited


def test_the_calendar_is_read_at_most_once_a_minute(world: IdentityWorld, citizen_id: str) -> None:
    renew_id(world, citizen_id, "cached-00000001")
    reads = world.calendar_store.reads
    renew_id(world, citizen_id, "cached-00000002")
    assert world.calendar_store.reads == reads
    world.clock.at += timedelta(minutes=2)
    renew_id(world, citizen_id, "cached-00000003")
    assert world.calendar_store.reads == reads + 1
