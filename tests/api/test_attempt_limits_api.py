"""AUTH-04, AUTH-09 and the tracking lock over the API, through both transports, with the client
address as each transport reports it (ASGI: the peer; Lambda: API Gateway's ``sourceIp``)."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx

from functions.local.http_api_event import http_api_event
from tests.api.test_requests_api import SUBMIT, filed_permit
from tests.support.people import COMPLETE, OPEN_RECORD, SIGN_IN, record_input, sign_in
from tests.support.transports import AsgiClient, GraphQLClient, LambdaClient, Reply

COUNTER = "192.0.2.10"
OPERATOR = "1000001014"
PASSWORD = "the citizen's own password"
TRACK = """query ($n: String!, $p: String!) { trackRequest(trackingNumber: $n, pin: $p) {
  __typename ... on TryLater { code retryAfter message { ar en } } ... on Problem { code } } }"""
SIGN_IN_RESULT = """mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) {
  __typename ... on TryLater { code retryAfter } ... on Problem { code } } }"""


class FromAddress:
    """Posts through ``client`` as if from ``source``."""

    def __init__(self, client: GraphQLClient, source: str) -> None:
        self.client, self.source = client, source

    def post(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None) -> Reply:
        body = {"query": query, "variables": variables or {}}
        if isinstance(self.client, LambdaClient):
            event = http_api_event(body, token=token, path="/graphql" if token else "/graphql/public")
            event["requestContext"]["http"]["sourceIp"] = self.source
            return self.client._invoke(event)
        assert isinstance(self.client, AsgiClient)
        headers = {"content-type": "application/json"} | ({"authorization": f"Bearer {token}"} if token else {})

        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.client.app, client=(self.source, 4000))
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return await client.post(
                    "/graphql" if token else "/graphql/public", content=json.dumps(body), headers=headers
                )

        response = asyncio.run(send())
        return Reply(response.status_code, dict(response.headers), response.text)


def test_a_strangers_wrong_passwords_do_not_keep_the_citizen_out_at_the_counter(client: GraphQLClient) -> None:
    counter = FromAddress(client, COUNTER)
    operator = counter.post(SIGN_IN, {"nationalId": OPERATOR, "password": "Shubbak-demo-2026"}).data["signIn"][
        "accessToken"
    ]
    record = record_input()
    opened = counter.post(OPEN_RECORD, {"input": record}, token=operator).data["openCitizenRecord"]
    national_id = record["nationalId"]
    challenge = counter.post(SIGN_IN, {"nationalId": national_id, "password": opened["temporaryPassword"]}).data[
        "signIn"
    ]
    counter.post(COMPLETE, {"nationalId": national_id, "session": challenge["session"], "newPassword": PASSWORD})

    answers = [
        FromAddress(client, f"203.0.113.{n}")
        .post(SIGN_IN_RESULT, {"n": national_id, "p": "a wrong guess!!"})
        .data["signIn"]
        for n in range(12)
    ]
    assert [a["code"] for a in answers[:5]] == ["SIGN_IN_FAILED"] * 5
    delayed = [a for a in answers if a["__typename"] == "TryLater"]
    assert delayed
    assert {a["code"] for a in delayed} == {"TOO_MANY_ATTEMPTS"}
    assert (
        counter.post(SIGN_IN, {"nationalId": national_id, "password": PASSWORD}).data["signIn"]["__typename"]
        == "SignedIn"
    )


def test_a_locked_tracking_number_says_so_and_until_when_issued_or_not(client: GraphQLClient) -> None:
    from tests.support.people import open_and_activate

    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    submitted = client.post(SUBMIT, {"i": filed_permit(client, operator, citizen)}, token=operator).data[
        "submitServiceRequest"
    ]
    number, pin = submitted["request"]["trackingNumber"], submitted["pin"]
    wrong = "000000" if pin != "000000" else "111111"
    public = FromAddress(client, "198.51.100.30")
    never_issued = f"MED-0001-{uuid.uuid4().int % 1_000_000:06d}"
    for candidate in (number, never_issued):
        codes = [public.post(TRACK, {"n": candidate, "p": wrong}).data["trackRequest"]["code"] for _ in range(5)]
        assert codes == ["TRACKING_FAILED"] * 5
        locked = public.post(TRACK, {"n": candidate, "p": pin}).data["trackRequest"]
        assert (locked["__typename"], locked["code"]) == ("TryLater", "TRACKING_LOCKED")
        assert locked["retryAfter"]
        assert locked["message"]["ar"]
    assert (
        FromAddress(client, "198.51.100.31").post(TRACK, {"n": number, "p": pin}).data["trackRequest"]["code"]
        == "TRACKING_LOCKED"
    )
