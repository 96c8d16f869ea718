"""The demo's monitoring office: figures that move, a suspension that bites, a reinstatement."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

from functions.domain.madinah_time import today_in_madinah
from functions.local.demo_client import Demo, card_expiry, say, step

MONITOR = "1000001055"
FIGURES = """query ($c: ID!, $f: Date!, $t: Date!) { centrePerformance(centreId: $c, from: $f, to: $t) {
  ... on CentrePerformance { figures { submitted feesCollected delivered returnsPer100
      acknowledgement { count medianMinutes p90Minutes } deliveryAfterCompletion { count medianMinutes }
      slaBreaches { total } } openEscalations flags { kind } } } }"""


def last_thirty_days(today: date) -> dict[str, str]:
    """The 30 Madinah days ending ``today``: figures are kept by the Madinah day, so the period must end
    on Madinah's today (from 21:00 UTC it is already tomorrow there)."""
    return {"f": (today - timedelta(days=29)).isoformat(), "t": today.isoformat()}


def centre_figures(demo: Demo, monitor: str) -> dict[str, Any]:
    period = {"c": "MED-C01", **last_thirty_days(today_in_madinah())}
    performance = demo.call(FIGURES, period, monitor)["centrePerformance"]
    return {**performance["figures"], "openEscalations": performance["openEscalations"], "flags": performance["flags"]}


def show_figures(figures: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    def value(source: dict[str, Any], path: str) -> Any:
        for key in path.split("."):
            source = source[key]
        return source

    for label, path in (
        ("requests filed", "submitted"),
        ("fees collected, SAR", "feesCollected"),
        ("handed over", "delivered"),
        ("acknowledged by the first agency", "acknowledgement.count"),
        ("  median minutes to that", "acknowledgement.medianMinutes"),
        ("SLA breaches", "slaBreaches.total"),
        ("open escalations", "openEscalations"),
    ):
        now = value(figures, path)
        was = f"{value(before, path)} → " if before is not None else ""
        say(f"   {label:<34} {was}{now}")


def monitoring_office(
    demo: Demo, monitor: str, operator: str, before: dict[str, Any], citizen_id: str, national_id: str
) -> None:
    """The office watches the figures move, suspends the centre, sees it refused, reinstates it."""
    step("The monitoring office reads MED-C01's figures again: they moved with the request")
    after = demo.until(
        "the figures to count the delivery",
        lambda: (f := centre_figures(demo, monitor))["delivered"] > before["delivered"] and f,
    )
    show_figures(after, before)

    step("An inspection found receipts missing: the office suspends MED-C01")
    suspended = demo.call(
        """mutation ($c: ID!, $r: String!) { suspendCentre(centreId: $c, reason: $r) {
            __typename ... on Centre { status serving } ... on Problem { code } } }""",
        {"c": "MED-C01", "r": "Receipts not issued for every fee (field inspection)"},
        monitor,
    )["suspendCentre"]
    say(f"   MED-C01: {suspended}")
    notices = demo.call(
        '{ centreNotices(centreId: "MED-C01", first: 1) { items { kind text { ar en } } } }', token=operator
    )["centreNotices"]["items"]
    say(f"   the centre's notice: {notices[0]['text']['ar']}")

    step("The centre tries to file its next request: refused")
    refused = demo.call(
        """mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) {
            __typename ... on Problem { code message { ar en } } } }""",
        {
            "i": {
                "citizenId": citizen_id,
                "serviceCode": "NID-RENEW",
                "answers": [{"key": "reason", "value": "EXPIRED"}, {"key": "deliveryDistrict", "value": "AL-AWALI"}],
                "documents": ["CURRENT-ID", "PHOTO"],
                "amount": "125.00",
                "paymentMethod": "CASH",
                "identityCheck": {
                    "documentType": "NATIONAL_ID_CARD",
                    "documentNumber": national_id,
                    "expiresOn": card_expiry(),
                },
                "idempotencyKey": f"demo-{secrets.token_hex(8)}",
            }
        },
        operator,
    )["submitServiceRequest"]
    say(f"   {refused['code']}: {refused['message']['ar']} / {refused['message']['en']}")
    if refused.get("code") != "CENTRE_INACTIVE":
        raise SystemExit(f"a suspended centre was not refused: {refused}")

    step("Receipts are printed again: the office reinstates MED-C01 (so the demo can run again)")
    reinstated = demo.call(
        """mutation ($c: ID!) { reinstateCentre(centreId: $c, note: "Receipt printer installed") {
            __typename ... on Centre { status serving } ... on Problem { code } } }""",
        {"c": "MED-C01"},
        monitor,
    )["reinstateCentre"]
    say(f"   MED-C01: {reinstated}")
