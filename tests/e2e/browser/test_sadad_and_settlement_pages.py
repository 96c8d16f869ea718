"""SADAD and the card settlement in the centre console, in a real Chromium on the local stack
(docs/money.md, docs/web.md). A filing paid by SADAD through the form: the receipt prints the bill, the
request waits (AWAITING_PAYMENT) with its bill on its page and in the requests list; the local SADAD pays
it (a signed notification) and the page follows the request to the agencies. Card filings, then the
acquirer's settlement file for the day with one line lost and one paid short: the money page lists both
discrepancies with their requests, and today's figures move by what was settled. In Arabic and in
English; axe finds nothing serious."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from functions.domain.ledger import PosSlip
from functions.domain.madinah_time import business_day
from functions.domain.money import Money
from functions.local.acquirer_simulator import SHORT_BY, Faults, Processed, put_settlement, settlement_file
from functions.local.sadad_simulator import pay
from functions.local.stack import stack_client
from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.console_desk import (
    Desk,
    choose_the_building_permit,
    fill_the_building_permit,
    sign_in_at_the_desk,
)
from tests.e2e.browser.story import OPERATOR, client_of, file_building_permit, until
from tests.e2e.browser.test_money_page import STATEMENT, Books, sar
from tests.e2e.conftest import DevStack
from tests.support.people import open_and_activate, sign_in

pytestmark = pytest.mark.e2e

RECONCILED = "settledLines settled madaSettled discrepancies"
BILL = "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { status bill { billNumber amount status } } } }"
DISCREPANCIES = """query ($d: Date!) { settlementDiscrepancies(from: $d, to: $d, first: 100) {
    items { kind retrievalReference requestId ledgerAmount settledAmount foundIn } } }"""
TEXT = {
    "ar": {
        "awaiting": "بانتظار دفع فاتورة سداد",
        "atAgencies": "لدى الجهات الحكومية",
        "billOpen": "بانتظار الدفع",
        "billPaid": "مدفوعة",
        "missing": "لم يرد في ملف التسوية",
        "mismatch": "سُوّي بمبلغ مختلف",
    },
    "en": {
        "awaiting": "Waiting for its SADAD bill to be paid",
        "atAgencies": "With the government agencies",
        "billOpen": "Waiting for payment",
        "billPaid": "Paid",
        "missing": "Missing from the settlement file",
        "mismatch": "Settled for another amount",
    },
}


def files_by_sadad_at_the_desk(under_test: PageUnderTest, national_id: str) -> str:
    """The building permit filed through the form, to be paid by SADAD: the receipt prints the bill."""
    page = under_test.page
    page.goto(under_test.base_url + f"/centre/file?nid={national_id}")
    choose_the_building_permit(page, "permit")
    fill_the_building_permit(page, national_id)
    page.locator("#payment-method-SADAD").check()
    expect(page.locator("#pos-rrn")).to_have_count(0)
    page.locator("#file-request").click()
    expect(page.locator("#receipt-heading")).to_be_focused(timeout=20_000)
    expect(page.locator("#receipt-bill")).to_have_text(re.compile(r"^\d{12}$"))
    expect(page.locator("#receipt-bill-deadline time")).to_be_visible()
    return page.locator("#receipt-tracking-number").inner_text()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_filing_paid_by_sadad_waits_for_its_bill_then_moves_on(
    desk_pages: PageUnderTest, dev_stack: DevStack, language: str
) -> None:
    client = client_of(dev_stack)
    operator = sign_in(client, OPERATOR)
    books = Books(client, operator)
    citizen = open_and_activate(client, operator)
    desk = Desk(desk_pages)
    desk.watch_sockets()
    page = sign_in_at_the_desk(desk_pages, "/centre", language)

    tracking_number = files_by_sadad_at_the_desk(desk_pages, citizen.national_id)
    bill_on_receipt = page.locator("#receipt-bill").inner_text()
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-receipt-sadad-{language}")
    request_id = books.request_id(tracking_number)
    filed = client.post(BILL, {"id": request_id}, token=operator).data["request"]
    assert filed["status"] == "AWAITING_PAYMENT"
    assert filed["bill"]["billNumber"] == bill_on_receipt
    assert filed["bill"]["status"] == "OPEN"

    page.goto(desk_pages.base_url + "/centre/requests?status=AWAITING_PAYMENT")
    row = page.locator("tr", has_text=tracking_number)
    expect(row.locator(".tag--awaiting_payment")).to_have_text(TEXT[language]["awaiting"])

    page.goto(desk_pages.base_url + f"/centre/requests/{request_id}")
    expect(page.locator("#request-status")).to_have_text(TEXT[language]["awaiting"])
    expect(page.locator("#bill-number")).to_have_text(bill_on_receipt)
    expect(page.locator("#bill-amount")).to_contain_text(sar(Decimal(filed["bill"]["amount"])))
    expect(page.locator("#bill-status")).to_have_text(TEXT[language]["billOpen"])
    expect(page.locator("#bill-deadline .date-time__hijri")).to_be_visible()
    expect(page.locator("#bill-paid-at")).to_have_count(0)
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-request-sadad-open-{language}")

    desk.wait_until_subscribed(request_id)
    secret = dev_stack.environment()["SADAD_NOTIFICATION_SECRET"]
    url = f"http://127.0.0.1:{dev_stack.http_port}/sadad/payments"
    reply = pay(url, secret, bill_on_receipt, filed["bill"]["amount"])
    assert reply.status_code == 200, reply.text
    assert reply.json() == {"outcome": "PAID"}

    expect(page.locator("#request-status")).to_have_text(TEXT[language]["atAgencies"], timeout=30_000)
    expect(page.locator("#bill-status")).to_have_text(TEXT[language]["billPaid"])
    expect(page.locator("#bill-paid-at time")).to_be_visible()
    assert client.post(BILL, {"id": request_id}, token=operator).data["request"]["status"] == "AT_AGENCIES"
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-request-sadad-paid-{language}")
    assert desk_pages.console_errors == []


def settles_the_day(stack: DevStack, day: date, processed: list[Processed]) -> None:
    """The acquirer's file for the day in the stack's settlements bucket: one line lost, one paid short."""
    environment = stack.environment()
    s3 = stack_client("s3", environment)
    text = settlement_file(day, processed, Faults(drop=1, short=1))
    put_settlement(s3, environment["SETTLEMENTS_BUCKET"], day, text, name=f"browser-{secrets.token_hex(4)}")


def reconciled(books: Books, ours: set[str]) -> list[dict[str, Any]]:
    """This test's discrepancies as the API lists them, once both kinds are there (the day may hold other
    tests' card payments, all unsettled by this file)."""
    listed = books.client.post(DISCREPANCIES, {"d": books.today}, token=books.token).data
    items = [item for item in listed["settlementDiscrepancies"]["items"] if item["retrievalReference"] in ours]
    return items if {item["kind"] for item in items} == {"AMOUNT_MISMATCH", "MISSING_IN_SETTLEMENT"} else []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_money_page_lists_the_settlement_discrepancies_of_the_centres_card_payments(
    desk_pages: PageUnderTest, dev_stack: DevStack, language: str
) -> None:
    client = client_of(dev_stack)
    operator = sign_in(client, OPERATOR)
    books = Books(client, operator)
    citizen = open_and_activate(client, operator)
    payments = [
        books.payment(file_building_permit(dev_stack, citizen.citizen_id, citizen.national_id).tracking_number)
        for _ in range(3)
    ]
    today = business_day(datetime.now(UTC))
    processed = sorted(
        (Processed(PosSlip(p["terminalId"], p["retrievalReference"]), Money.sar(p["amount"]), today) for p in payments),
        key=lambda p: p.slip.key,
    )
    by_rrn = {p["retrievalReference"]: p for p in payments}
    dropped, short, paid = (by_rrn[p.slip.retrieval_reference] for p in processed)  # as the simulator orders them
    before = client.post(STATEMENT % RECONCILED, {"d": books.today}, token=operator).data
    before_day = before["centreStatements"]["days"][0]

    settles_the_day(dev_stack, today, processed)
    found = until("the reconciliation of the day's card payments", lambda: reconciled(books, set(by_rrn)), 30)
    assert {(item["kind"], item["retrievalReference"]) for item in found} == {
        ("MISSING_IN_SETTLEMENT", dropped["retrievalReference"]),
        ("AMOUNT_MISMATCH", short["retrievalReference"]),
    }
    after = client.post(STATEMENT % RECONCILED, {"d": books.today}, token=operator).data["centreStatements"]["days"][0]
    settled_now = Decimal(short["amount"]) - Decimal(SHORT_BY.riyals) + Decimal(paid["amount"])
    assert after["settledLines"] == before_day["settledLines"] + 2
    assert Decimal(after["settled"]) == Decimal(before_day["settled"]) + settled_now
    assert after["discrepancies"] >= before_day["discrepancies"] + 2

    page = sign_in_at_the_desk(desk_pages, "/centre/money", language)
    page.wait_for_selector("#today")
    expect(page.locator("#today-settledLines")).to_have_text(str(after["settledLines"]))
    expect(page.locator("#today-settled")).to_contain_text(sar(Decimal(after["settled"])))
    expect(page.locator("#today-madaSettled")).to_contain_text(sar(Decimal(after["madaSettled"])))
    expect(page.locator("#today-discrepancies")).to_have_text(str(after["discrepancies"]))
    today_row = page.locator(f"#day-{books.today} td")
    expect(today_row.nth(9)).to_have_text(str(after["settledLines"]))
    expect(today_row.nth(12)).to_have_text(str(after["discrepancies"]))

    missing = the_row(page, dropped["retrievalReference"], "MISSING_IN_SETTLEMENT")
    expect(missing.locator("th")).to_have_text(TEXT[language]["missing"])
    expect(missing.locator("td").nth(1)).to_have_text(dropped["terminalId"])
    expect(missing.locator("td").nth(3)).to_have_text(sar(Decimal(dropped["amount"])))
    expect(missing.locator("td").nth(4)).to_have_text("—")
    mismatch = the_row(page, short["retrievalReference"], "AMOUNT_MISMATCH")
    expect(mismatch.locator("th")).to_have_text(TEXT[language]["mismatch"])
    expect(mismatch.locator("td").nth(3)).to_have_text(sar(Decimal(short["amount"])))
    expect(mismatch.locator("td").nth(4)).to_have_text(sar(Decimal(short["amount"]) - Decimal(SHORT_BY.riyals)))
    expect(mismatch.locator("td").last).to_have_text(
        next(i["foundIn"] for i in found if i["kind"] == "AMOUNT_MISMATCH")
    )
    expect(page.locator(f"#discrepancies-table tr[data-rrn='{paid['retrievalReference']}']")).to_have_count(0)
    page.locator("#discrepancies").scroll_into_view_if_needed()
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-money-discrepancies-{language}")

    missing.locator("a").click()
    expect(page).to_have_url(desk_pages.base_url + f"/centre/requests/{dropped['id']}")
    expect(page.locator("#slip-rrn")).to_have_text(dropped["retrievalReference"])

    months_back = today.year * 12 + today.month - 1 - 11  # the oldest month the page offers: before the stack
    page.goto(desk_pages.base_url + f"/centre/money?period={months_back // 12}-{months_back % 12 + 1:02d}")
    expect(page.locator("#discrepancies-empty")).to_be_visible()
    assert desk_pages.serious_accessibility_violations() == []
    assert desk_pages.console_errors == []


def the_row(page: Page, rrn: str, kind: str) -> Any:
    """A discrepancy's row, on the list's later pages if the period holds more than one page of them."""
    row = page.locator(f"#discrepancies-table tr[data-rrn='{rrn}'][data-kind='{kind}']")
    more = page.locator("#discrepancies-more")
    page.wait_for_selector("#discrepancies-table, #discrepancies-empty")
    while row.count() == 0 and more.count() == 1:
        shown = page.locator("#discrepancies-table tbody tr").count()
        more.click()
        expect(page.locator("#discrepancies-table tbody tr")).not_to_have_count(shown)
    expect(row).to_have_count(1)
    return row
