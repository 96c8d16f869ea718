"""Dates as ID cards print them, over both transports: Hijri or Gregorian, said explicitly; mixed-up or
impossible dates get their own code and write nothing, start no route and send no SMS."""

from __future__ import annotations

from typing import Any

import pytest

from functions.local.provision import ProvisionedStack
from tests.api.test_requests_api import SUBMIT, filed_permit
from tests.support.aws import aws_client, item_count, user_count
from tests.support.people import (
    OPEN_RECORD,
    TOMORROW,
    gregorian,
    open_and_activate,
    record_input,
    sign_in,
    unique_national_id,
)
from tests.support.transports import GraphQLClient

OPERATOR = "1000001014"
AS_SEEN = """query ($id: ID!) { citizen(id: $id) { __typename ... on CitizenRecord {
  birthDate birthDateCalendars { gregorian weekday enteredIn hijri { iso monthName { ar en } } }
  openedAtMadinah { at time day { gregorian } }
  identityCheck { expiresOn expiresOnCalendars { enteredIn hijri { iso } } } } } }"""
REISSUE = """mutation ($n: String!, $c: IdentityCheckInput!) { reissueTemporaryPassword(nationalId: $n, identityCheck: $c) {
  __typename ... on CitizenRecordWithPassword { temporaryPassword } ... on Problem { code field } } }"""

BAD_DATES = [
    ({"date": "1447-02-30", "calendar": "HIJRI"}, "DATE_INVALID"),  # Safar 1447 has 29 days
    ({"date": "2026-01-01", "calendar": "HIJRI"}, "DATE_CALENDAR_MISMATCH"),
    ({"date": "1412-05-17", "calendar": "GREGORIAN"}, "DATE_CALENDAR_MISMATCH"),
    ({"date": "1300-01-01", "calendar": "HIJRI"}, "DATE_OUT_OF_RANGE"),
    ({"date": "17/05/1412", "calendar": "HIJRI"}, "DATE_INVALID"),
]


def executions(stack: ProvisionedStack) -> int:
    listed = aws_client(stack, "stepfunctions").list_executions(
        stateMachineArn=stack.resources["HandoffStateMachine"].ref
    )
    return len(listed["executions"])


def nothing_changed(stack: ProvisionedStack) -> tuple[int, int, int]:
    """Items (SMS outbox rows among them), accounts, and routes started."""
    return item_count(stack), user_count(stack), executions(stack)


def test_a_record_opens_with_a_hijri_birth_date_and_expiry_as_the_card_prints_them(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR)
    national_id = unique_national_id()
    card = {"documentType": "NATIONAL_ID_CARD", "documentNumber": national_id}
    record = record_input(
        national_id,
        birthDate={"date": "1412-05-17", "calendar": "HIJRI"},
        identityCheck={**card, "expiresOn": {"date": "1450-01-01", "calendar": "HIJRI"}},
    )
    opened = client.post(OPEN_RECORD, {"input": record}, token=operator).data["openCitizenRecord"]
    assert opened["__typename"] == "CitizenRecordWithPassword", opened
    seen = client.post(AS_SEEN, {"id": opened["citizen"]["id"]}, token=operator).data["citizen"]
    assert seen["birthDate"] == "1991-11-23"
    assert seen["birthDateCalendars"] == {
        "gregorian": "1991-11-23",
        "weekday": "SAT",
        "enteredIn": "HIJRI",
        "hijri": {"iso": "1412-05-17", "monthName": {"ar": "جمادى الأولى", "en": "Jumada al-Ula"}},
    }
    assert seen["identityCheck"]["expiresOn"] == "2028-05-25"
    assert seen["identityCheck"]["expiresOnCalendars"] == {"enteredIn": "HIJRI", "hijri": {"iso": "1450-01-01"}}
    opened_at = seen["openedAtMadinah"]
    assert opened_at["at"].endswith("+03:00")
    assert opened_at["at"][11:16] == opened_at["time"]
    assert opened_at["day"]["gregorian"] == opened_at["at"][:10]


@pytest.mark.parametrize(("date", "code"), [*BAD_DATES, (gregorian(TOMORROW), "BIRTH_DATE_IN_FUTURE")])
def test_a_bad_birth_date_opens_nothing(
    client: GraphQLClient, stack: ProvisionedStack, date: dict[str, str], code: str
) -> None:
    operator = sign_in(client, OPERATOR)
    before = nothing_changed(stack)
    result = client.post(OPEN_RECORD, {"input": record_input(birthDate=date)}, token=operator).data["openCitizenRecord"]
    assert (result["code"], result["field"]) == (code, "birthDate")
    assert result["message"]["ar"]
    assert result["message"]["en"]
    assert nothing_changed(stack) == before


@pytest.mark.parametrize(("date", "code"), BAD_DATES)
def test_a_bad_expiry_on_the_identity_check_opens_nothing(
    client: GraphQLClient, stack: ProvisionedStack, date: dict[str, str], code: str
) -> None:
    operator = sign_in(client, OPERATOR)
    national_id = unique_national_id()
    check = {"documentType": "NATIONAL_ID_CARD", "documentNumber": national_id, "expiresOn": date}
    before = nothing_changed(stack)
    result = client.post(OPEN_RECORD, {"input": record_input(national_id, identityCheck=check)}, token=operator).data[
        "openCitizenRecord"
    ]
    assert (result["code"], result["field"]) == (code, "evidence.expiresOn")
    assert nothing_changed(stack) == before


def expiry_changed(to: dict[str, str]) -> Any:
    return lambda check: {**check, "expiresOn": to}


@pytest.mark.usefixtures("lambda_environment")
def test_a_filing_takes_the_cards_hijri_expiry_and_refuses_a_mixed_up_one(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    for date, code in BAD_DATES:
        filing = filed_permit(client, operator, citizen, identityCheck=expiry_changed(date))
        before = nothing_changed(stack)
        refused = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
        assert (refused["code"], refused["field"]) == (code, "evidence.expiresOn")
        assert nothing_changed(stack) == before
    hijri = {"date": "1450-01-01", "calendar": "HIJRI"}
    filing = filed_permit(client, operator, citizen, identityCheck=expiry_changed(hijri))
    accepted = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
    assert accepted["__typename"] == "SubmittedRequest", accepted


def test_a_password_is_reissued_on_the_cards_hijri_expiry(client: GraphQLClient, stack: ProvisionedStack) -> None:
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    card = {"documentType": "NATIONAL_ID_CARD", "documentNumber": citizen.national_id}
    before = nothing_changed(stack)
    mixed_up = {**card, "expiresOn": {"date": "1450-01-01", "calendar": "GREGORIAN"}}
    refused = client.post(REISSUE, {"n": citizen.national_id, "c": mixed_up}, token=operator).data
    assert refused["reissueTemporaryPassword"] == {
        "__typename": "ValidationFailed",
        "code": "DATE_CALENDAR_MISMATCH",
        "field": "evidence.expiresOn",
    }
    assert nothing_changed(stack) == before
    printed = {**card, "expiresOn": {"date": "1450-01-01", "calendar": "HIJRI"}}
    reissued = client.post(REISSUE, {"n": citizen.national_id, "c": printed}, token=operator).data
    assert reissued["reissueTemporaryPassword"]["__typename"] == "CitizenRecordWithPassword"
