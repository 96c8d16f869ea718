"""TIME-01: every day in the system is a Madinah day, whatever the hour in UTC or on the host.

From 21:00 UTC it is already tomorrow in Madinah. A request filed, acknowledged and delivered then
must count on Madinah's day, the monitor's "last thirty days up to today" (as the demo asks) must see
it, and its SMS must show Madinah's wall time. Each test runs the injected clock at the instants
around the boundary, so the suite gives the same answer at any hour of the real day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.figures import Counter, FigureKey, Period
from functions.domain.madinah_time import business_day, sms_time, wall_time
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod
from functions.local.demo_monitoring import last_thirty_days
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, IdentityWorld

MONITOR = Caller(Principal("mon-1", Role.MONITOR), "corr")
OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
CIVIL_AFFAIRS = Caller(Principal("officer-ca", Role.AGENCY_OFFICER, agency_code="CIVIL-AFFAIRS"), "corr")

# (instant in UTC, its Madinah day, its SMS time)
BOUNDARY = [
    pytest.param(datetime(2026, 12, 3, 20, 59, tzinfo=UTC), date(2026, 12, 3), "03/12 23:59", id="20:59-UTC"),
    pytest.param(datetime(2026, 12, 3, 21, 1, tzinfo=UTC), date(2026, 12, 4), "04/12 00:01", id="00:01-Madinah"),
    pytest.param(datetime(2026, 12, 3, 21, 30, tzinfo=UTC), date(2026, 12, 4), "04/12 00:30", id="21:30-UTC"),
    pytest.param(datetime(2026, 12, 3, 23, 59, tzinfo=UTC), date(2026, 12, 4), "04/12 02:59", id="23:59-UTC"),
    pytest.param(datetime(2026, 12, 31, 22, 0, tzinfo=UTC), date(2027, 1, 1), "01/01 01:00", id="new-year"),
]


@pytest.mark.parametrize(("instant", "madinah_day", "shown"), BOUNDARY)
def test_an_instant_belongs_to_its_madinah_day(instant: datetime, madinah_day: date, shown: str) -> None:
    assert business_day(instant) == madinah_day
    assert business_day(instant.astimezone(wall_time(instant).tzinfo)) == madinah_day
    assert sms_time(instant) == shown
    assert wall_time(instant).utcoffset() == timedelta(hours=3)


def test_a_naive_datetime_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="naive"):
        business_day(datetime(2026, 12, 3, 21, 30))


def world_at(instant: datetime) -> tuple[IdentityWorld, str]:
    world = IdentityWorld()
    world.clock.at = instant
    seed_catalogue(world.catalogue)
    evidence = EvidenceForm(
        IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(business_day(instant) + timedelta(400))
    )
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, evidence)
    citizen_id = world.records.open_citizen_record(OPERATOR, form).citizen.citizen_id
    filing = SubmissionForm(
        citizen_id,
        "NID-RENEW",
        {"reason": "EXPIRED", "deliveryDistrict": "QUBA"},
        filed_documents(world, OPERATOR, "NID-RENEW", "boundary-000001"),
        Decimal("125.00"),
        PaymentMethod.CASH,
        evidence,
        "boundary-000001",
    )
    request_id = world.submission.submit_service_request(OPERATOR, filing).file.request.request_id
    return world, request_id


@pytest.mark.parametrize(("instant", "madinah_day", "shown"), BOUNDARY)
def test_figures_the_demo_period_and_the_sms_agree_on_the_madinah_day(
    instant: datetime, madinah_day: date, shown: str
) -> None:
    world, request_id = world_at(instant)
    world.window.acknowledge_receipt(CIVIL_AFFAIRS, request_id)
    world.window.complete_step(CIVIL_AFFAIRS, request_id, None)
    world.desk.confirm_delivery(OPERATOR, request_id)
    for event in world.events.published:
        world.figure_recording.record(event)

    assert world.figures.day(FigureKey.centre("MED-C01"), madinah_day)[Counter.DELIVERED.value] == 1

    # the demo's question: the thirty days up to Madinah's today, from the same clock
    period = last_thirty_days(business_day(world.clock.now()))
    asked = Period(date.fromisoformat(period["f"]), date.fromisoformat(period["t"]))
    figures = world.performance.centre_performance(MONITOR, "MED-C01", asked).figures
    assert (figures[Counter.SUBMITTED], figures[Counter.DELIVERED]) == (1, 1)

    # the SMS that says when the agency received the file shows Madinah's wall time
    received = [n for (_, key), n in world.notification_store.items.items() if "#RECEIVED#" in key]
    assert [n.values["time"] for n in received] == [shown]


def test_the_utc_date_misses_figures_filed_after_21_utc() -> None:
    """The bug this suite guards against: at 21:30 UTC the UTC date is still yesterday in Madinah's
    terms, and a period ending on it does not hold the day the figures were kept on."""
    instant = datetime(2026, 12, 3, 21, 30, tzinfo=UTC)
    world, _ = world_at(instant)
    for event in world.events.published:
        world.figure_recording.record(event)
    utc_period = last_thirty_days(instant.date())
    asked = Period(date.fromisoformat(utc_period["f"]), date.fromisoformat(utc_period["t"]))
    assert world.performance.centre_performance(MONITOR, "MED-C01", asked).figures[Counter.SUBMITTED] == 0
