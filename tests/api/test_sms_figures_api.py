"""The monitoring office reads the citizen SMS figures over both transports (docs/sms.md): after the
simulated carrier delivers one record-opened SMS, fails one permanently and fails one temporarily before
its retry is delivered, the centre's, the region's and the message kind's figures count each SMS once."""

from __future__ import annotations

import itertools
from typing import Any

from functions.bootstrap import Settings, build_container
from functions.domain.madinah_time import today_in_madinah
from functions.domain.mobile import SaudiMobile
from functions.domain.sms_delivery import ReceiptOutcome
from functions.local.provision import ProvisionedStack
from functions.local.simulated_carrier import ALWAYS_PERMANENT, TEMPORARY_ONCE, SimulatedCarrier
from tests.support.people import OPEN_RECORD, record_input, sign_in, unique_mobile
from tests.support.sms import carrier_answers
from tests.support.transports import GraphQLClient

OPERATOR, MONITOR = "1000001014", "1000001055"  # MED-C01's operator, the monitor (the local seed)
_numbers = itertools.count()
SMS = "sent delivered permanentlyFailed expired finalOutcomes deliveryRate callList deliveryMedianSeconds"
REGION = f"""query ($f: Date!, $t: Date!) {{ regionOverview(from: $f, to: $t) {{ __typename
    ... on RegionOverview {{ figures {{ sms {{ {SMS} }} }} byCentre {{ centreId figures {{ sms {{ {SMS} }} }} }}
    byMessage {{ template sms {{ {SMS} }} }} }} }} }}"""
CENTRE = f"""query ($c: ID!, $f: Date!, $t: Date!) {{ centrePerformance(centreId: $c, from: $f, to: $t) {{
    __typename ... on CentrePerformance {{ figures {{ sms {{ {SMS} }} }} }} }} }}"""


def carrier_test_number(prefix: str) -> str:
    """A simulated carrier's test number (``+9665000 9X xxx``) as an operator types it."""
    return "0" + prefix.removeprefix("+966") + f"{next(_numbers) % 1000:03d}"


def sms_figures(client: GraphQLClient, monitor: str) -> dict[str, dict[str, Any]]:
    period = {"f": today_in_madinah().isoformat(), "t": today_in_madinah().isoformat()}
    region = client.post(REGION, period, token=monitor).data["regionOverview"]
    centre = client.post(CENTRE, {**period, "c": "MED-C01"}, token=monitor).data["centrePerformance"]
    return {
        "region": region["figures"]["sms"],
        "byCentre": next((c["figures"]["sms"] for c in region["byCentre"] if c["centreId"] == "MED-C01"), {}),
        "byMessage": next((m["sms"] for m in region["byMessage"] if m["template"] == "RECORD_OPENED"), {}),
        "centre": centre["figures"]["sms"],
    }


def counted(before: dict[str, Any], after: dict[str, Any]) -> dict[str, int]:
    return {name: after[name] - before.get(name, 0) for name in ("sent", "delivered", "permanentlyFailed", "expired")}


def test_the_carriers_answers_are_counted_once_for_the_centre_the_kind_and_the_region(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    operator, monitor = sign_in(client, OPERATOR), sign_in(client, MONITOR)
    before = sms_figures(client, monitor)

    container = build_container(Settings.from_environ({**stack.environment, "SMS_RETRY_FIRST_DELAY_SECONDS": "0"}))
    carrier = SimulatedCarrier(delay_seconds=0)
    outcomes = []
    for mobile in (unique_mobile(), carrier_test_number(ALWAYS_PERMANENT), carrier_test_number(TEMPORARY_ONCE)):
        record = client.post(OPEN_RECORD, {"input": record_input(mobile=mobile)}, token=operator).data
        citizen_id = record["openCitizenRecord"]["citizen"]["id"]
        sent = container.use_cases.notifications.deliver(citizen_id, "RECORD_OPENED")
        assert sent is not None
        to = SaudiMobile.parse(mobile).e164
        outcome = carrier_answers(container, carrier, sent, to)
        if outcome is ReceiptOutcome.RETRY_SCHEDULED:
            assert container.use_cases.sms_delivery.retry_due() >= 1
            again = container.adapters.notification_repository.get_notification(citizen_id, "RECORD_OPENED")
            assert again is not None
            assert again.attempts == 2
            outcomes.append((outcome, carrier_answers(container, carrier, again, to)))
        else:
            outcomes.append((outcome,))
        assert carrier_answers(container, carrier, sent, to) in {ReceiptOutcome.DUPLICATE, ReceiptOutcome.SUPERSEDED}
    assert outcomes == [
        (ReceiptOutcome.DELIVERED,),
        (ReceiptOutcome.CALL_LIST,),
        (ReceiptOutcome.RETRY_SCHEDULED, ReceiptOutcome.DELIVERED),
    ]

    after = sms_figures(client, monitor)
    for scope, figures in after.items():
        earlier = before[scope]
        assert counted(earlier, figures) == {"sent": 3, "delivered": 2, "permanentlyFailed": 1, "expired": 0}, scope
        assert figures["callList"] - earlier.get("callList", 0) == 1, scope
        assert figures["finalOutcomes"] == figures["delivered"] + figures["permanentlyFailed"] + figures["expired"]
        assert figures["deliveryRate"] == round(100 * figures["delivered"] / figures["finalOutcomes"], 1)
        assert figures["deliveryMedianSeconds"] is not None
