"""GQL-16: wrong-typed, missing and unknown values are the client's mistake, never a crash.

Each answers a coded client error (``BAD_USER_INPUT`` for a value a type refused,
``GRAPHQL_VALIDATION_FAILED`` for a document that breaks the schema, its literals included) in Arabic and English, runs
nothing, and is logged at INFO at most, without the value: a PIN or password sent as a JSON number
must not land in the log.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.transports import GraphQLClient

ARABIC = re.compile(r"[\u0600-\u06FF]")
CANARY = 6510119  # a PIN-like number: it must never reach the log

SIGN_IN = "mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) { __typename } }"
REGION = "query ($d: Date!) { regionOverview(from: $d, to: $d) { __typename } }"
OPEN = "mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { __typename } }"
WINDOW = "query ($s: HandoffStatus) { agencyWindow(status: $s) { __typename } }"
TRACK = "query ($t: String!, $p: String!) { trackRequest(trackingNumber: $t, pin: $p) { __typename } }"

CASES: dict[str, tuple[str, dict[str, Any], str]] = {
    "a string for Int!": (
        "query ($first: Int!) { services(first: $first) { code } }",
        {"first": "many"},
        "BAD_USER_INPUT",
    ),
    "a number for a password (String!)": (SIGN_IN, {"n": "1000001014", "p": CANARY}, "BAD_USER_INPUT"),
    "a number for a PIN (String!)": (TRACK, {"t": "MED-1", "p": CANARY}, "BAD_USER_INPUT"),
    "a number for Date!": (REGION, {"d": CANARY}, "BAD_USER_INPUT"),
    "a date that is no date": (REGION, {"d": f"{CANARY}-99-99"}, "BAD_USER_INPUT"),
    "a missing variable": (REGION, {}, "BAD_USER_INPUT"),
    "a missing required input field": (OPEN, {"i": {"nationalId": str(CANARY)}}, "BAD_USER_INPUT"),
    "an unknown enum value": (WINDOW, {"s": f"STATUS_{CANARY}"}, "BAD_USER_INPUT"),
    "a number literal for a password": (
        f'mutation {{ signIn(nationalId: "1000001014", password: {CANARY}) {{ __typename }} }}',
        {},
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "a date literal that is no date": (
        f'{{ regionOverview(from: "{CANARY}", to: "{CANARY}") {{ __typename }} }}',
        {},
        "GRAPHQL_VALIDATION_FAILED",
    ),
}


@pytest.fixture
def log() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler, shubbak = Keep(level=logging.DEBUG), logging.getLogger("shubbak")
    level = shubbak.level
    shubbak.addHandler(handler)
    shubbak.setLevel(logging.DEBUG)
    yield records
    shubbak.removeHandler(handler)
    shubbak.setLevel(level)


def logged_text(records: list[logging.LogRecord]) -> str:
    out = io.StringIO()
    formatter = logging.Formatter("%(levelname)s %(message)s")
    for record in records:
        out.write(formatter.format(record) + " " + repr(record.__dict__) + "\n")
    return out.getvalue()


@pytest.mark.parametrize("case", list(CASES))
def test_a_wrong_value_is_a_coded_bilingual_client_error(
    client: GraphQLClient, log: list[logging.LogRecord], case: str
) -> None:
    query, variables, code = CASES[case]
    reply = client.post(query, variables)
    body = reply.json()
    assert reply.status in {200, 400}
    assert body.get("data") is None
    assert body["errors"]
    for error in body["errors"]:
        extensions = error["extensions"]
        assert extensions["code"] == code, error
        assert ARABIC.search(extensions["messageAr"])
        assert extensions["messageEn"].isascii()
        assert "correlationId" not in extensions  # nothing was masked
    assert not [record for record in log if record.levelno > logging.INFO], logged_text(log)
    assert any(record.name == "shubbak.graphql" for record in log)  # the refusal was logged, at INFO
    assert str(CANARY) not in logged_text(log)
