"""PII-01 / issue 3 item 7: run the identity and request flows with canary personal data, capture
every log record — ours through the production formatter (what the Powertools handler writes to
CloudWatch), every other library's as the Lambda runtime would print it — and find no canary in clear,
while the masked forms do appear, so the test sees real log lines."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from aws_lambda_powertools.logging.filters import SuppressFilter

from functions.domain.madinah_time import today_in_madinah
from functions.handlers.observability import MaskingFormatter
from functions.local.provision import ProvisionedStack
from tests.api.test_requests_api import SUBMIT, filed_permit, pump_until
from tests.support.people import COMPLETE, OPEN_RECORD, SIGN_IN, SignedInCitizen, record_input, sign_in
from tests.support.transports import GraphQLClient

# One set of canaries per transport (the module's stack is shared): Luhn-valid IDs, Saudi mobiles.
CANARIES_BY_TRANSPORT = {"asgi": ("1999999996", "0599999917"), "lambda": ("1999999988", "0599999925")}
CANARY_NAME_AR = "كناري الاختبار"
CANARY_NAME_EN = "Canary Testname"


@pytest.fixture
def logs() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """(ours, formatted for CloudWatch by the production formatter; everyone else's, printed plainly)."""
    ours, others = io.StringIO(), io.StringIO()
    production = logging.StreamHandler(ours)
    production.setFormatter(MaskingFormatter())
    plain = logging.StreamHandler(others)
    plain.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    # On Lambda the runtime's root handler exists when Powertools starts, which filters our loggers
    # out of it (they are printed once, by the Powertools handler); this handler came later.
    plain.addFilter(SuppressFilter("shubbak"))
    shubbak, root = logging.getLogger("shubbak"), logging.getLogger()
    shubbak.addHandler(production)
    root.addHandler(plain)
    level = root.level
    root.setLevel(logging.INFO)
    yield ours, others
    shubbak.removeHandler(production)
    root.removeHandler(plain)
    root.setLevel(level)


@pytest.mark.usefixtures("lambda_environment")
def test_no_personal_data_reaches_the_logs(
    client: GraphQLClient,
    stack: ProvisionedStack,
    logs: tuple[io.StringIO, io.StringIO],
    request: pytest.FixtureRequest,
) -> None:
    CANARY_ID, CANARY_MOBILE = CANARIES_BY_TRANSPORT[request.node.callspec.params["client"]]  # noqa: N806
    canaries = (CANARY_ID, CANARY_MOBILE[1:], CANARY_NAME_AR, CANARY_NAME_EN)
    operator = sign_in(client, "1000001014")
    evidence = {
        "documentType": "NATIONAL_ID_CARD",
        "documentNumber": CANARY_ID,
        "expiresOn": {"date": (today_in_madinah() + timedelta(days=30)).isoformat(), "calendar": "GREGORIAN"},
    }
    opened = client.post(
        OPEN_RECORD,
        {
            "input": record_input(
                CANARY_ID, CANARY_MOBILE, nameAr=CANARY_NAME_AR, nameEn=CANARY_NAME_EN, identityCheck=evidence
            )
        },
        token=operator,
    ).data["openCitizenRecord"]
    assert opened["__typename"] == "CitizenRecordWithPassword"
    challenge = client.post(SIGN_IN, {"nationalId": CANARY_ID, "password": opened["temporaryPassword"]}).data["signIn"]
    client.post(SIGN_IN, {"nationalId": CANARY_ID, "password": "a wrong password"})
    done = client.post(
        COMPLETE, {"nationalId": CANARY_ID, "session": challenge["session"], "newPassword": "canary password 123"}
    )
    token = done.data["completeNewPassword"]["accessToken"]
    client.post("{ me { ... on CitizenRecord { nameAr } } }", token=token)
    client.post(
        "query ($n: String!) { lookupCitizen(nationalId: $n) { __typename } }", {"n": CANARY_ID}, token=operator
    )
    client.post(
        "query ($n: String!) { lookupCitizen(nationalId: $n) { __typename } }", {"n": "1000000000"}, token=operator
    )
    canary = SignedInCitizen(opened["citizen"]["id"], CANARY_ID, token)
    submitted = client.post(SUBMIT, {"i": filed_permit(client, operator, canary)}, token=operator)
    assert submitted.data["submitServiceRequest"]["__typename"] == "SubmittedRequest"

    def both_sent() -> bool:
        items = client.post("{ myNotifications { items { status } } }", token=token).data["myNotifications"]["items"]
        return [m["status"] for m in items] == ["SENDING", "SENDING"]

    pump_until(stack, both_sent)
    logging.getLogger("shubbak.graphql").error("lookup failed for %s (%s)", CANARY_ID, CANARY_MOBILE)

    ours, others = (stream.getvalue() for stream in logs)
    output = ours + others
    assert "sms sent" in ours  # real log lines were captured
    assert f"{CANARY_ID[0]}******{CANARY_ID[-3:]}" in ours
    for canary in canaries:
        assert canary not in output, f"a canary reached the logs: {canary[:3]}…"
    assert opened["temporaryPassword"] not in output
    assert "canary password 123" not in output
