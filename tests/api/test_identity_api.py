"""The article's first duty, through GraphQL: an operator opens a record, the citizen takes it over."""

from __future__ import annotations

import base64
import json
import time
from datetime import date

import jwt
import pytest

from functions.local.provision import ProvisionedStack
from tests.support.aws import aws_client, item_count, user_count
from tests.support.people import (
    COMPLETE,
    OPEN_RECORD,
    SIGN_IN,
    TOMORROW,
    gregorian,
    open_and_activate,
    record_input,
    sign_in,
    unique_mobile,
    unique_national_id,
)
from tests.support.transports import GraphQLClient

OPERATOR_C01 = "1000001014"
OPERATOR_C02 = "1000001022"
OPERATOR_SUSPENDED = "2000001079"
MONITOR = "1000001055"

ME = """{ me { __typename
  ... on CitizenRecord { id nationalId nameAr mobile visibility openedAtCentre identityCheck { documentType } }
  ... on StaffProfile { id role centreId agencyCode }
  ... on Problem { code } } }"""
CITIZEN = "query ($id: ID!) { citizen(id: $id) { __typename ... on CitizenRecord { nationalId mobile nameAr visibility } ... on Problem { code } } }"


def test_the_whole_story_open_sign_in_set_password_see_only_your_own(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    operator = sign_in(client, OPERATOR_C01)
    national_id = unique_national_id()
    mobile = unique_mobile()
    eastern = mobile.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    opened = client.post(OPEN_RECORD, {"input": record_input(national_id, eastern)}, token=operator).data[
        "openCitizenRecord"
    ]
    assert opened["__typename"] == "CitizenRecordWithPassword"
    assert opened["citizen"]["mobile"] == f"+9665*****{mobile[-2:]}"
    password = opened["temporaryPassword"]
    assert len(password) >= 10

    first = client.post(SIGN_IN, {"nationalId": national_id, "password": password}).data["signIn"]
    assert first["__typename"] == "NewPasswordRequired"
    weak = client.post(COMPLETE, {"nationalId": national_id, "session": first["session"], "newPassword": "short"}).data
    assert weak["completeNewPassword"]["code"] == "PASSWORD_TOO_WEAK"
    done = client.post(
        COMPLETE, {"nationalId": national_id, "session": first["session"], "newPassword": "my very own password"}
    )
    token = done.data["completeNewPassword"]["accessToken"]

    me = client.post(ME, token=token).data["me"]
    assert me["__typename"] == "CitizenRecord"
    assert (me["nationalId"], me["mobile"], me["visibility"]) == (national_id, f"+966{mobile[1:]}", "FULL")
    assert me["openedAtCentre"] == "MED-C01"

    other = open_and_activate(client, sign_in(client, OPERATOR_C02))
    foreign = client.post(CITIZEN, {"id": other.citizen_id}, token=token).data["citizen"]
    assert foreign == {"__typename": "NotFound", "code": "NOT_FOUND"}
    lookup = client.post(
        f'{{ lookupCitizen(nationalId: "{other.national_id}") {{ __typename ... on Problem {{ code }} }} }}',
        token=token,
    )
    assert lookup.data["lookupCitizen"]["code"] == "FORBIDDEN"

    again = client.post(SIGN_IN, {"nationalId": national_id, "password": password}).data["signIn"]
    assert again == {"__typename": "ValidationFailed", "code": "SIGN_IN_FAILED"}


@pytest.mark.usefixtures("lambda_environment")
def test_the_citizen_gets_an_sms_that_the_record_is_open(client: GraphQLClient, stack: ProvisionedStack) -> None:
    from functions.handlers import notifications
    from functions.local.queue_pump import QueuePump, QueueRoute

    citizen = open_and_activate(client, sign_in(client, OPERATOR_C01))
    queue = stack.resources["NotificationsQueue"]
    pump = QueuePump(
        aws_client(stack, "sqs"),
        [QueueRoute("notifications", queue.ref, queue.attributes["Arn"], notifications.handler)],
        stack.region,
    )
    assert pump.drain() >= 1
    messages = client.post("{ myNotifications { items { event text status to } } }", token=citizen.token).data[
        "myNotifications"
    ]["items"]
    assert [(m["event"], m["status"]) for m in messages] == [("RECORD_OPENED", "SENDING")]
    assert "مركز العوالي" in messages[0]["text"]
    assert messages[0]["to"].startswith("+9665*****")


def test_an_operator_sees_masked_mobile_and_the_monitor_sees_masked_everything(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR_C01)
    citizen = open_and_activate(client, operator)
    seen_by_operator = client.post(CITIZEN, {"id": citizen.citizen_id}, token=operator).data["citizen"]
    assert seen_by_operator["nationalId"] == citizen.national_id
    assert seen_by_operator["mobile"].startswith("+9665*****")
    seen_by_monitor = client.post(CITIZEN, {"id": citizen.citizen_id}, token=sign_in(client, MONITOR)).data["citizen"]
    assert seen_by_monitor["visibility"] == "MASKED"
    assert seen_by_monitor["nationalId"] == f"{citizen.national_id[0]}******{citizen.national_id[-3:]}"
    assert seen_by_monitor["nameAr"] == "م. أ. ا."


def test_a_suspended_centre_opens_nothing(client: GraphQLClient, stack: ProvisionedStack) -> None:
    operator = sign_in(client, OPERATOR_SUSPENDED)
    before = (item_count(stack), user_count(stack))
    result = client.post(OPEN_RECORD, {"input": record_input()}, token=operator).data["openCitizenRecord"]
    assert result["code"] == "CENTRE_INACTIVE"
    assert result["message"]["ar"]
    assert (item_count(stack), user_count(stack)) == before


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"nationalId": "1000000000"}, "NATIONAL_ID_CHECK_DIGIT"),
        ({"nationalId": "3000000004"}, "NATIONAL_ID_PREFIX"),
        ({"nationalId": "123456789"}, "NATIONAL_ID_LENGTH"),
        ({"mobile": "+966112345678"}, "MOBILE_NOT_MOBILE"),
        ({"mobile": "+14155552671"}, "MOBILE_NOT_SAUDI"),
        ({"birthDate": gregorian(TOMORROW)}, "BIRTH_DATE_IN_FUTURE"),
        ({"birthDate": {"date": "1460-01-01", "calendar": "HIJRI"}}, "BIRTH_DATE_IN_FUTURE"),
        ({"birthDate": {"date": "1447-02-30", "calendar": "HIJRI"}}, "DATE_INVALID"),
        ({"birthDate": {"date": "2026-01-01", "calendar": "HIJRI"}}, "DATE_CALENDAR_MISMATCH"),
        ({"birthDate": {"date": "1412-05-17", "calendar": "GREGORIAN"}}, "DATE_CALENDAR_MISMATCH"),
        ({"birthDate": {"date": "1300-01-01", "calendar": "HIJRI"}}, "DATE_OUT_OF_RANGE"),
        ({"identityCheck": None}, "EVIDENCE_REQUIRED"),
        (
            {
                "identityCheck": {
                    "documentType": "PASSPORT",
                    "documentNumber": "A1234567",
                    "expiresOn": gregorian(date(2001, 1, 1)),
                }
            },
            "EVIDENCE_EXPIRED",
        ),
    ],
)
def test_bad_input_over_the_api_creates_nothing(
    client: GraphQLClient, stack: ProvisionedStack, changes: dict[str, object], code: str
) -> None:
    operator = sign_in(client, OPERATOR_C01)
    before = (item_count(stack), user_count(stack))
    result = client.post(OPEN_RECORD, {"input": record_input(**changes)}, token=operator).data["openCitizenRecord"]
    assert result["code"] == code
    assert (item_count(stack), user_count(stack)) == before


RECORDS_PER_MOBILE = 5  # the default setting


def test_a_duplicate_national_id_or_a_full_mobile_is_a_conflict(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR_C01)
    first = record_input()
    assert (
        client.post(OPEN_RECORD, {"input": first}, token=operator).data["openCitizenRecord"]["__typename"]
        == "CitizenRecordWithPassword"
    )
    same_id = client.post(OPEN_RECORD, {"input": record_input(first["nationalId"])}, token=operator).data[
        "openCitizenRecord"
    ]
    assert (same_id["__typename"], same_id["code"]) == ("Conflict", "NATIONAL_ID_TAKEN")
    family = [
        client.post(OPEN_RECORD, {"input": record_input(mobile=first["mobile"])}, token=operator).data[
            "openCitizenRecord"
        ]
        for _ in range(RECORDS_PER_MOBILE)
    ]
    # a family shares a phone: four more records on the number (five in all), then the number is full
    assert [opened["__typename"] for opened in family] == ["CitizenRecordWithPassword"] * (RECORDS_PER_MOBILE - 1) + [
        "Conflict"
    ]
    assert (family[-1]["code"], family[-1]["field"]) == ("MOBILE_TAKEN", "mobile")


def test_two_sensitive_fields_in_one_document_are_refused(client: GraphQLClient) -> None:
    aliases = 'mutation { a: signIn(nationalId: "1000001014", password: "x") { __typename } b: signIn(nationalId: "1000001014", password: "y") { __typename } }'
    reply = client.post(aliases)
    assert reply.status == 400
    assert "Only one" in reply.json()["errors"][0]["message"]
    fragments = 'query { ...L ...L } fragment L on Query { lookupCitizen(nationalId: "1000000008") { __typename } }'
    assert client.post(fragments).status == 400


def unsigned(claims: dict[str, object], header: dict[str, object]) -> str:
    def encode(part: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(part).encode()).decode().rstrip("=")

    return f"{encode(header)}.{encode(claims)}."


@pytest.fixture
def real_claims(client: GraphQLClient) -> dict[str, object]:
    return dict(jwt.decode(sign_in(client, OPERATOR_C01), options={"verify_signature": False}))


@pytest.mark.parametrize(
    "forgery", ["alg-none", "hs256-with-public-key", "expired", "wrong-client", "garbage", "basic-scheme"]
)
def test_forged_tokens_are_refused_before_any_resolver(
    client: GraphQLClient, stack: ProvisionedStack, real_claims: dict[str, object], forgery: str
) -> None:
    claims = dict(real_claims)
    if forgery == "alg-none":
        token = unsigned(claims, {"alg": "none", "typ": "JWT", "kid": "dummy"})
    elif forgery == "hs256-with-public-key":
        token = jwt.encode(
            claims, "public-key-material-used-as-secret-0123456789", algorithm="HS256", headers={"kid": "dummy"}
        )
    elif forgery == "expired":
        claims["exp"] = int(time.time()) - 3600
        token = unsigned(claims, {"alg": "RS256", "kid": "dummy"}) + "c2lnbmF0dXJl"
    elif forgery == "wrong-client":
        claims["client_id"] = "someone-else"
        token = unsigned(claims, {"alg": "RS256", "kid": "dummy"}) + "c2lnbmF0dXJl"
    else:
        token = "not-a-jwt"
    before = item_count(stack, "AuditTable")
    if forgery == "basic-scheme":
        reply = client.raw(
            "POST",
            json.dumps({"query": "{ me { __typename } }"}),
            {"content-type": "application/json", "authorization": "Basic dXNlcjpwYXNz"},
        )
    else:
        reply = client.post(OPEN_RECORD, {"input": record_input()}, token=token)
    assert reply.status == 401
    assert reply.error_codes == ["UNAUTHENTICATED"]
    assert item_count(stack, "AuditTable") == before


def test_an_id_token_is_not_an_access_token(client: GraphQLClient, stack: ProvisionedStack) -> None:
    cognito = aws_client(stack, "cognito-idp")
    pool, app = stack.resources["UserPool"].ref, stack.resources["UserPoolClient"].ref
    users = cognito.list_users(UserPoolId=pool)["Users"]
    operator = next(
        u
        for u in users
        if cognito.admin_list_groups_for_user(UserPoolId=pool, Username=u["Username"])["Groups"][0][
            "GroupName"
        ].startswith(("center", "centre"))
    )
    tokens = cognito.initiate_auth(
        ClientId=app,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": operator["Username"], "PASSWORD": "Shubbak-demo-2026"},
    )["AuthenticationResult"]
    assert client.post(ME, token=tokens["AccessToken"]).status == 200
    assert client.post(ME, token=tokens["IdToken"]).status == 401


def test_a_signed_out_session_does_no_more_high_risk_work(client: GraphQLClient, stack: ProvisionedStack) -> None:
    """RELIABILITY AUTH-06. An access token still verifies after its session ended (a JWT is valid until it
    expires): low-risk calls go on for at most its lifetime, but a high-risk operation asks Cognito first."""
    operator = sign_in(client, OPERATOR_C01)
    username = jwt.decode(operator, options={"verify_signature": False})["username"]
    # an administrator ends every session of the user (moto routes the user's own GlobalSignOut, which is
    # unsigned, to another region's backend)
    aws_client(stack, "cognito-idp").admin_user_global_sign_out(
        UserPoolId=stack.resources["UserPool"].ref, Username=username
    )
    before = (item_count(stack), user_count(stack))

    refused = client.post(OPEN_RECORD, {"input": record_input()}, token=operator).data["openCitizenRecord"]
    assert refused["code"] == "SESSION_ENDED"
    assert refused["message"] == {
        "ar": "انتهت جلستك، يرجى تسجيل الدخول من جديد.",
        "en": "Your session has ended: sign in again.",
    }
    assert (item_count(stack), user_count(stack)) == before
    assert client.post(ME, token=operator).data["me"]["__typename"] == "StaffProfile"

    signed_in_again = sign_in(client, OPERATOR_C01)
    opened = client.post(OPEN_RECORD, {"input": record_input()}, token=signed_in_again).data["openCitizenRecord"]
    assert opened["__typename"] == "CitizenRecordWithPassword"


SIGNED_IN = """
mutation ($n: String!, $p: String!) {
  signIn(nationalId: $n, password: $p) { __typename ... on SignedIn { accessToken refreshToken expiresIn } }
}"""
REFRESH = """
mutation ($t: String!) {
  refreshSession(refreshToken: $t) {
    __typename ... on SignedIn { accessToken refreshToken expiresIn } ... on Problem { code message { en } }
  }
}"""
SIGN_OUT = "mutation { signOut { __typename ... on SignedOut { signedOut } ... on Problem { code } } }"


def test_a_session_is_renewed_without_a_token_until_the_person_signs_out(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    """The pages renew the access token (15 minutes) with the refresh token on /graphql/public, where the
    expired access token is not needed; signing out revokes the refresh token and ends the session."""
    citizen = open_and_activate(client, sign_in(client, OPERATOR_C01), password="my own long password")
    tokens = client.post(SIGNED_IN, {"n": citizen.national_id, "p": "my own long password"}).data["signIn"]
    assert tokens["refreshToken"]

    renewed = client.post(REFRESH, {"t": tokens["refreshToken"]}, path="/graphql/public").data["refreshSession"]
    assert renewed["__typename"] == "SignedIn"
    assert renewed["refreshToken"] is None  # keep the one you have
    assert renewed["expiresIn"] > 0
    assert client.post(ME, token=renewed["accessToken"]).data["me"]["id"] == citizen.citizen_id

    signed_out = client.post(SIGN_OUT, token=renewed["accessToken"]).data["signOut"]
    assert signed_out == {"__typename": "SignedOut", "signedOut": True}

    again = client.post(REFRESH, {"t": tokens["refreshToken"]}, path="/graphql/public").data["refreshSession"]
    assert again == {
        "__typename": "Forbidden",
        "code": "SESSION_ENDED",
        "message": {"en": "Your session has ended: sign in again."},
    }
    operator = sign_in(client, OPERATOR_C01)
    assert client.post(SIGN_OUT, token=operator).data["signOut"]["__typename"] == "SignedOut"
    refused = client.post(OPEN_RECORD, {"input": record_input()}, token=operator).data["openCitizenRecord"]
    assert refused["code"] == "SESSION_ENDED"


@pytest.mark.parametrize("refresh_token", ["", "not-a-refresh-token", "x" * 2_800])
def test_a_refresh_token_not_honoured_is_refused_with_a_code(client: GraphQLClient, refresh_token: str) -> None:
    answer = client.post(REFRESH, {"t": refresh_token}, path="/graphql/public").data["refreshSession"]
    assert (answer["__typename"], answer["code"]) == ("Forbidden", "SESSION_ENDED")


def test_nobody_signed_in_has_nothing_to_sign_out(client: GraphQLClient) -> None:
    answer = client.post(SIGN_OUT, path="/graphql/public").data["signOut"]
    assert answer == {"__typename": "Forbidden", "code": "UNAUTHENTICATED"}


def test_two_refreshes_in_one_document_are_refused(client: GraphQLClient) -> None:
    twice = 'mutation { a: refreshSession(refreshToken: "x") { __typename } b: refreshSession(refreshToken: "y") { __typename } }'
    assert client.post(twice, path="/graphql/public").status == 400
