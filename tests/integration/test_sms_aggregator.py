"""The HTTP aggregator adapter against the fake aggregator (a real HTTP server on a free loopback port):
the send mapping, its failures as SmsProviderError, failover to the other provider, and the signed
delivery reports the simulated carrier makes (docs/sms.md)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from functions.adapters.sms_aggregator import AggregatorSmsGateway, parse_report
from functions.adapters.sms_failover import FailoverSmsGateway
from functions.domain.mobile import SaudiMobile
from functions.domain.notification import DeliveryStatus
from functions.local.fake_aggregator import FakeAggregator
from functions.local.simulated_carrier import ALWAYS_PERMANENT, ALWAYS_TEMPORARY, TEMPORARY_ONCE, SimulatedCarrier
from functions.services.sms_ports import SmsProviderError
from tests.fakes.identity import RecordingSmsGateway
from tests.support.ports import free_port

ARABIC = "شبّاك: سُجل طلبك MED-2611-000123 ودُفع 125.00 ر.س، احتفظ بالإيصال"


@pytest.fixture
def fake() -> Iterator[FakeAggregator]:
    with FakeAggregator(api_key="key-1", report_secret="s", carrier=SimulatedCarrier(delay_seconds=0.01)) as served:
        yield served


def gateway(fake: FakeAggregator, key: str = "key-1", sender: str = "Shubbak") -> AggregatorSmsGateway:
    return AggregatorSmsGateway(fake.url, key, sender)


def test_a_message_goes_out_with_the_registered_sender_and_its_encoding(fake: FakeAggregator) -> None:
    taken = gateway(fake).send_sms(SaudiMobile("+966512345678"), ARABIC)
    latin = gateway(fake).send_sms(SaudiMobile("+966512345678"), "Shubbak: request done.")
    assert (taken.provider, latin.provider) == ("aggregator", "aggregator")
    assert [(m["sender"], m["to"], m["text"], m["encoding"], m["messageId"]) for m in fake.messages] == [
        ("Shubbak", "+966512345678", ARABIC, "UCS2", taken.message_id),
        ("Shubbak", "+966512345678", "Shubbak: request done.", "GSM7", latin.message_id),
    ]


@pytest.mark.parametrize("fault", ["wrong key", "unregistered sender", "outage", "nobody listening"])
def test_every_refusal_is_a_provider_error(fake: FakeAggregator, fault: str) -> None:
    fake.refusing = fault == "outage"
    sender = gateway(fake, key="wrong" if fault == "wrong key" else "key-1")
    if fault == "unregistered sender":
        sender = gateway(fake, sender="NotOurs")
    if fault == "nobody listening":
        sender = AggregatorSmsGateway(f"http://127.0.0.1:{free_port()}", "key-1", "Shubbak")
    with pytest.raises(SmsProviderError) as refused:
        sender.send_sms(SaudiMobile("+966512345678"), ARABIC)
    assert "+96651" not in str(refused.value)
    assert fake.messages == []


def test_a_provider_error_fails_over_to_the_other_provider(fake: FakeAggregator) -> None:
    sns = RecordingSmsGateway()
    both = FailoverSmsGateway(gateway(fake), sns)
    fake.refusing = True
    assert both.send_sms(SaudiMobile("+966512345678"), ARABIC).provider == "sns"
    fake.refusing = False
    assert both.send_sms(SaudiMobile("+966512345678"), ARABIC).provider == "aggregator"
    assert len(sns.sent) == 1
    fake.refusing, sns.failing = True, True
    with pytest.raises(SmsProviderError):
        both.send_sms(SaudiMobile("+966512345678"), ARABIC)


def test_the_simulated_carriers_test_numbers_come_back_as_signed_reports(fake: FakeAggregator) -> None:
    numbers = [f"{ALWAYS_PERMANENT}001", f"{ALWAYS_TEMPORARY}001", f"{TEMPORARY_ONCE}001", f"{TEMPORARY_ONCE}001"]
    numbers.append("+966512345678")
    sent = [gateway(fake).send_sms(SaudiMobile(n), "Shubbak: test").message_id for n in numbers]
    deadline = time.monotonic() + 5
    while len(fake.reports) < len(numbers) and time.monotonic() < deadline:
        time.sleep(0.01)
    reports = {parse_report(r.body).receipt.message_id: parse_report(r.body).receipt for r in fake.reports}
    assert [reports[m].status for m in sent] == [
        DeliveryStatus.PERMANENT_FAILURE,
        DeliveryStatus.TEMPORARY_FAILURE,
        DeliveryStatus.TEMPORARY_FAILURE,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.DELIVERED,
    ]
    assert all(r.signature.startswith("sha256=") and json.loads(r.body)["reportId"] for r in fake.reports)


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"reportId": "r", "messageId": "m"}',
        b'{"reportId": "r", "messageId": "m", "status": "LOST"}',
    ],
)
def test_what_is_not_a_report_does_not_parse(body: bytes) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the one error parse_report raises, by contract)
        parse_report(body)
