"""Fresh, valid identities for tests, and signing in through the API."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from functions.domain.calendar_dates import hijri_day_of
from functions.domain.identity_numbers import luhn_valid
from functions.domain.madinah_time import today_in_madinah
from tests.support.transports import GraphQLClient

DEMO_PASSWORD = "Shubbak-demo-2026"
_counter = itertools.count(3_000_001)


def unique_national_id(prefix: str = "1") -> str:
    body = f"{prefix}{next(_counter):08d}"[:9]
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


def unique_mobile() -> str:
    return f"0561{next(_counter) % 1_000_000:06d}"


def gregorian(day: date) -> dict[str, str]:
    """A ``CalendarDateInput`` for a Gregorian date (as iqamas and passports may print it)."""
    return {"date": day.isoformat(), "calendar": "GREGORIAN"}


def hijri(day: date) -> dict[str, str]:
    """A ``CalendarDateInput`` for the same day as a national ID card prints it (Umm al-Qura)."""
    printed = hijri_day_of(day)
    assert printed is not None
    return {"date": printed.iso, "calendar": "HIJRI"}


TOMORROW = today_in_madinah() + timedelta(days=1)


def record_input(national_id: str | None = None, mobile: str | None = None, **changes: Any) -> dict[str, Any]:
    """A citizen's national ID card prints its dates in Hijri; a resident's iqama here in Gregorian."""
    national_id = national_id or unique_national_id()
    as_printed = hijri if national_id.startswith("1") else gregorian
    value: dict[str, Any] = {
        "nationalId": national_id,
        "nameAr": "محمد أحمد الحربي",
        "nameEn": "Mohammed Ahmed Al-Harbi",
        "birthDate": as_printed(date(1990, 5, 17)),
        "mobile": mobile or unique_mobile(),
        "language": "AR",
        "identityCheck": {
            "documentType": "NATIONAL_ID_CARD" if national_id.startswith("1") else "IQAMA",
            "documentNumber": national_id,
            "expiresOn": as_printed(today_in_madinah() + timedelta(days=400)),
        },
    }
    value.update(changes)
    return value


SIGN_IN = """
mutation SignIn($nationalId: String!, $password: String!) {
  signIn(nationalId: $nationalId, password: $password) {
    __typename
    ... on SignedIn { accessToken }
    ... on NewPasswordRequired { session }
    ... on Problem { code }
  }
}"""

COMPLETE = """
mutation Complete($nationalId: String!, $session: String!, $newPassword: String!) {
  completeNewPassword(nationalId: $nationalId, session: $session, newPassword: $newPassword) {
    __typename
    ... on SignedIn { accessToken }
    ... on Problem { code }
  }
}"""

OPEN_RECORD = """
mutation Open($input: OpenCitizenRecordInput!) {
  openCitizenRecord(input: $input) {
    __typename
    ... on CitizenRecordWithPassword { temporaryPassword citizen { id nationalId mobile visibility } }
    ... on Problem { code field message { ar en } }
  }
}"""


def sign_in(client: GraphQLClient, national_id: str, password: str = DEMO_PASSWORD) -> str:
    result = client.post(SIGN_IN, {"nationalId": national_id, "password": password}).data["signIn"]
    assert result["__typename"] == "SignedIn", result
    return str(result["accessToken"])


@dataclass(frozen=True)
class SignedInCitizen:
    citizen_id: str
    national_id: str
    token: str
    temporary_password: str = field(default="", repr=False)
    password: str = field(default="", repr=False)


def open_and_activate(
    client: GraphQLClient, operator_token: str, password: str = "citizen's own password"
) -> SignedInCitizen:
    """An operator opens a record; the citizen signs in with the temporary password and sets their own."""
    national_id = unique_national_id()
    opened = client.post(OPEN_RECORD, {"input": record_input(national_id)}, token=operator_token).data[
        "openCitizenRecord"
    ]
    assert opened["__typename"] == "CitizenRecordWithPassword", opened
    challenge = client.post(SIGN_IN, {"nationalId": national_id, "password": opened["temporaryPassword"]}).data[
        "signIn"
    ]
    assert challenge["__typename"] == "NewPasswordRequired", challenge
    done = client.post(
        COMPLETE, {"nationalId": national_id, "session": challenge["session"], "newPassword": password}
    ).data["completeNewPassword"]
    assert done["__typename"] == "SignedIn", done
    return SignedInCitizen(
        opened["citizen"]["id"], national_id, done["accessToken"], opened["temporaryPassword"], password
    )
