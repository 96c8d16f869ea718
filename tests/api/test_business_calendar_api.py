"""The business calendar over both transports: administrators keep it (audited, validated, nothing
written on bad input), staff read it with any agency's opening hours, and the due time a person reads
on a request is the calendar's, on Madinah's wall clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from functions.domain.business_calendar import STANDARD_CALENDAR, AgencyHours, DailyHours
from functions.domain.madinah_time import MADINAH, today_in_madinah
from functions.local.provision import ProvisionedStack
from tests.api.test_requests_api import SUBMIT, filed_permit, pump_until
from tests.support.aws import item_count
from tests.support.calendars import calendar_input, closed_for
from tests.support.people import open_and_activate, sign_in
from tests.support.transports import GraphQLClient

ADMIN, OPERATOR, OFFICER = "1000001063", "1000001014", "1000001030"
DEFINE = """mutation ($i: BusinessCalendarInput!) { defineBusinessCalendar(input: $i) { __typename
  ... on BusinessCalendar { version agencies { agencyCode hours { opens closes } } }
  ... on Problem { code field message { ar en } } } }"""
OPENING = """query ($a: String, $f: Date!, $t: Date!) { businessCalendar {
  region { week hours { opens closes } ramadanHours { opens closes } }
  holidays { name { en } calendar month day days }
  openingHours(agencyCode: $a, from: $f, to: $t) { day { gregorian weekday } hours { opens closes } holiday { en } } } }"""
WHERE_NOW = """query ($id: ID!) { request(id: $id) { ... on ServiceRequest {
  whereNow { agencyCode dueAt dueAtMadinah { at time day { gregorian weekday hijri { iso } } } } } } }"""
PASSPORTS = replace(STANDARD_CALENDAR, agencies=(AgencyHours("PASSPORTS", hours=DailyHours(8 * 60, 16 * 60)),))


def written(stack: ProvisionedStack) -> tuple[int, int]:
    return item_count(stack), item_count(stack, "AuditTable")


def test_an_administrator_keeps_the_calendar_and_staff_read_it(client: GraphQLClient, stack: ProvisionedStack) -> None:
    admin = sign_in(client, ADMIN)
    before = written(stack)
    defined = client.post(DEFINE, {"i": calendar_input(PASSPORTS)}, token=admin).data["defineBusinessCalendar"]
    assert defined["__typename"] == "BusinessCalendar", defined
    assert defined["agencies"] == [{"agencyCode": "PASSPORTS", "hours": {"opens": "08:00", "closes": "16:00"}}]
    after = written(stack)
    assert after[1] == before[1] + 1  # the edit's audit record, in the same transaction
    week = {"a": "PASSPORTS", "f": "2026-09-20", "t": "2026-09-26"}
    calendar = client.post(OPENING, week, token=sign_in(client, OFFICER)).data["businessCalendar"]
    assert calendar["region"] == {
        "week": ["SUN", "MON", "TUE", "WED", "THU"],
        "hours": {"opens": "07:30", "closes": "14:30"},
        "ramadanHours": {"opens": "10:00", "closes": "15:00"},
    }
    assert {"name": {"en": "Eid al-Adha"}, "calendar": "HIJRI", "month": 12, "day": 9, "days": 4} in calendar[
        "holidays"
    ]
    days = {d["day"]["gregorian"]: d for d in calendar["openingHours"]}
    assert days["2026-09-20"]["hours"] == {"opens": "08:00", "closes": "16:00"}  # Sunday, the agency's own hours
    assert days["2026-09-23"]["holiday"] == {"en": "National Day"}
    assert (days["2026-09-25"]["day"]["weekday"], days["2026-09-25"]["hours"]) == ("FRI", None)


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"region": {"hours": {"opens": "25:00", "closes": "14:30"}}}, "WORKING_HOURS_INVALID", "region.hours"),
        ({"region": {"hours": {"opens": "14:30", "closes": "07:30"}}}, "WORKING_HOURS_INVALID", "region.hours"),
        ({"region": {"week": []}}, "CALENDAR_INVALID", "region.week"),
        ({"agencies": [{"agencyCode": "NO-SUCH", "hours": None}]}, "ROUTE_UNKNOWN_AGENCY", "agencies.agencyCode"),
        (
            {"gregorianHolidays": [{"name": {"ar": "ع", "en": "x"}, "month": 2, "day": 30}]},
            "CALENDAR_INVALID",
            "holidays",
        ),
    ],
)
def test_a_calendar_nobody_can_work_by_is_refused_and_nothing_is_written(
    client: GraphQLClient, stack: ProvisionedStack, change: dict[str, Any], code: str, field: str
) -> None:
    value = calendar_input(STANDARD_CALENDAR)
    for key, part in change.items():
        value[key] = {**value[key], **part} if isinstance(part, dict) else part
    before = written(stack)
    refused = client.post(DEFINE, {"i": value}, token=sign_in(client, ADMIN)).data["defineBusinessCalendar"]
    assert (refused["code"], refused["field"]) == (code, field)
    assert refused["message"]["ar"]
    assert written(stack) == before


def test_only_administrators_edit_it(client: GraphQLClient, stack: ProvisionedStack) -> None:
    operator = sign_in(client, OPERATOR)  # a sign-in may note its address as the account's own
    before = written(stack)
    refused = client.post(DEFINE, {"i": calendar_input(STANDARD_CALENDAR)}, token=operator)
    assert refused.data["defineBusinessCalendar"]["code"] == "FORBIDDEN"
    assert written(stack)[0] == before[0]


@pytest.mark.usefixtures("lambda_environment")
def test_the_due_time_a_person_reads_is_the_calendars_on_madinahs_wall_clock(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    """Closed today and for two days, open round the clock after: the Municipality's 8-hour receipt SLA
    from a file forwarded now ends at 08:00 on the third day, whatever the hour of the run."""
    today = today_in_madinah()
    admin = sign_in(client, ADMIN)
    client.post(DEFINE, {"i": calendar_input(closed_for(today, 3))}, token=admin)
    try:
        operator = sign_in(client, OPERATOR)
        citizen = open_and_activate(client, operator)
        filed = client.post(SUBMIT, {"i": filed_permit(client, operator, citizen)}, token=operator)
        request_id = filed.data["submitServiceRequest"]["request"]["id"]

        def where_now() -> list[dict[str, Any]]:
            return list(client.post(WHERE_NOW, {"id": request_id}, token=operator).data["request"]["whereNow"])

        pump_until(stack, lambda: bool(where_now()))
    finally:
        client.post(DEFINE, {"i": calendar_input(STANDARD_CALENDAR)}, token=admin)
    [step] = where_now()
    due_day = today + timedelta(days=3)
    assert datetime.fromisoformat(step["dueAt"]) == datetime(
        due_day.year, due_day.month, due_day.day, 8, tzinfo=MADINAH
    )
    shown = step["dueAtMadinah"]
    assert (shown["at"], shown["time"], shown["day"]["gregorian"]) == (
        f"{due_day.isoformat()}T08:00:00+03:00",
        "08:00",
        due_day.isoformat(),
    )
    assert shown["day"]["hijri"]["iso"].startswith("14")
