"""The money slice's screens in a real Chromium on the local stack (docs/money.md, docs/web.md): the filing
form's card slip (checked in the browser, a slip used before refused by the API on its field), the slip
on the receipt and the request's page, and /centre/money: today's figures moved by exactly what was
filed, the statements' CSV downloaded, a remittance taking the drawer down, one too large refused on
its field, a past day closed. In Arabic and in English; axe finds nothing serious."""

from __future__ import annotations

import csv
import io
import secrets
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from functions.domain.madinah_time import business_day
from functions.local.pos_terminal import slip_for
from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.console_desk import choose_the_building_permit, fill_the_building_permit, sign_in_at_the_desk
from tests.e2e.browser.story import OPERATOR, client_of, file_building_permit
from tests.e2e.conftest import DevStack
from tests.support.people import open_and_activate, sign_in
from tests.support.transports import ServerClient

pytestmark = pytest.mark.e2e

FIGURES = "filings cashCollected madaCollected feesCollected chargesCollected expectedRemittance remitted"
STATEMENT = (
    "query ($d: Date!) { centreStatements(from: $d, to: $d) { ... on CentreStatements { centreId days { %s } } } }"
)
LEDGER = "{ centreLedger { ... on CentreLedger { cashInDrawer } } }"
PAYMENT = "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { trackingNumber payment { fee serviceCharge amount terminalId retrievalReference } } } }"
BY_NUMBER = "query ($s: DateTime!, $u: DateTime!) { centreRequests(since: $s, until: $u, first: 100) { items { id trackingNumber } } }"
CSV_HEADER = (
    "centre_id,day,filings,refunds,cash_collected_sar,cash_refunded_sar,mada_collected_sar,mada_refunded_sar,"
    "sadad_collected_sar,sadad_refunded_sar,fees_collected_sar,fees_refunded_sar,charges_collected_sar,"
    "charges_refunded_sar,expected_remittance_sar,remitted_sar,closed_at,settled_lines,settled_sar,discrepancies"
)
TEXT = {
    "ar": {
        "rrnMalformed": "الرقم المرجعي اثنا عشر رقمًا",
        "slipUsed": "هذا الإيصال سُجل لطلب آخر من قبل.",
        "exceeds": "المبلغ أكبر من النقد الموجود في صندوق المركز.",
        "dayNotPast": "اختر يومًا قبل اليوم",
        "open": "مفتوح",
    },
    "en": {
        "rrnMalformed": "The retrieval reference number is 12 digits",
        "slipUsed": "This card slip was already recorded for another request.",
        "exceeds": "The amount is more than the cash in the centre's drawer.",
        "dayNotPast": "Choose a day before today",
        "open": "Open",
    },
}


def sar(amount: Decimal) -> str:
    """As the page writes riyals, in either language (Western digits): "2,050.00"."""
    return f"{amount:,.2f}"


class Books:
    """The centre's money as the API tells it, to compare the page with."""

    def __init__(self, client: ServerClient, token: str) -> None:
        self.client, self.token = client, token
        self.today = business_day(datetime.now(UTC)).isoformat()

    def day(self) -> dict[str, Any]:
        answer = self.client.post(STATEMENT % FIGURES, {"d": self.today}, token=self.token).data
        day: dict[str, Any] = answer["centreStatements"]["days"][0]
        return day

    def drawer(self) -> Decimal:
        return Decimal(self.client.post(LEDGER, token=self.token).data["centreLedger"]["cashInDrawer"])

    def request_id(self, tracking_number: str) -> str:
        now = datetime.now(UTC)
        window = {"s": (now - timedelta(hours=1)).isoformat(), "u": (now + timedelta(hours=1)).isoformat()}
        items = self.client.post(BY_NUMBER, window, token=self.token).data["centreRequests"]["items"]
        return str(next(item["id"] for item in items if item["trackingNumber"] == tracking_number))

    def payment(self, tracking_number: str) -> dict[str, Any]:
        request_id = self.request_id(tracking_number)
        payment: dict[str, Any] = self.client.post(PAYMENT, {"id": request_id}, token=self.token).data["request"][
            "payment"
        ]
        return {"id": request_id, **payment}


def files_in_cash_at_the_desk(under_test: PageUnderTest, national_id: str) -> str:
    """The building permit filed through the form, paid in cash; the tracking number on the receipt."""
    page = under_test.page
    page.goto(under_test.base_url + f"/centre/file?nid={national_id}")
    choose_the_building_permit(page, "permit")
    fill_the_building_permit(page, national_id)  # pays cash: no slip asked for
    expect(page.locator("#pos-rrn")).to_have_count(0)
    page.locator("#file-request").click()
    expect(page.locator("#receipt-heading")).to_be_focused(timeout=20_000)
    return page.locator("#receipt-tracking-number").inner_text()


def refused_on(page: Page, field: str, message: str) -> None:
    """The message in the error summary, linked to the field, and on the field itself."""
    expect(page.locator(f".error-summary a[href='#{field}']")).to_contain_text(message)
    expect(page.locator(f"#{field}-error")).to_contain_text(message)
    expect(page.locator(f"#{field}")).to_have_attribute("aria-invalid", "true")


def a_card_filing_refused_then_corrected(
    under_test: PageUnderTest, national_id: str, used: tuple[str, str], language: str
) -> str:
    """A malformed RRN never leaves the browser; a slip recorded for another request is refused by the
    API on the RRN; the slip as printed files it."""
    page = under_test.page
    page.goto(under_test.base_url + f"/centre/file?nid={national_id}")
    choose_the_building_permit(page, "permit")
    fill_the_building_permit(page, national_id)
    page.locator("#payment-method-MADA").check()
    page.locator("#pos-terminal-id").fill(used[0].lower())  # typed in small letters: read as capitals
    page.locator("#pos-rrn").fill("12345")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.url.endswith("/graphql") else None)
    page.locator("#file-request").click()
    refused_on(page, "pos-rrn", TEXT[language]["rrnMalformed"])
    assert not sent, "a malformed slip went to the API"
    page.locator("#pos-rrn").fill(used[1])
    page.locator("#file-request").click()
    refused_on(page, "pos-rrn", TEXT[language]["slipUsed"])
    assert under_test.serious_accessibility_violations() == []
    under_test.screenshot(f"centre-file-slip-used-{language}")
    terminal, rrn = slip_for(secrets.token_hex(16))
    page.locator("#pos-terminal-id").fill(terminal)
    page.locator("#pos-rrn").fill(rrn)
    page.locator("#file-request").click()  # the same idempotency key: the refusal filed nothing under it
    expect(page.locator("#receipt-heading")).to_be_focused(timeout=20_000)
    expect(page.locator("#slip-terminal-id")).to_have_text(terminal)
    expect(page.locator("#slip-rrn")).to_have_text(rrn)
    under_test.screenshot(f"centre-receipt-card-{language}")
    return page.locator("#receipt-tracking-number").inner_text()


def remits(page: Page, amount: str, reference: str) -> None:
    page.locator("#remit-amount").fill(amount)
    page.locator("#remit-reference").fill(reference)
    page.locator("#remit").click()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_operator_files_by_card_and_cash_and_reads_the_days_money(
    desk_pages: PageUnderTest, dev_stack: DevStack, language: str
) -> None:
    client = client_of(dev_stack)
    operator = sign_in(client, OPERATOR)
    books = Books(client, operator)
    citizen = open_and_activate(client, operator)
    earlier = file_building_permit(dev_stack, citizen.citizen_id, citizen.national_id)  # by card, through the API
    used = books.payment(earlier.tracking_number)
    before, drawer_before = books.day(), books.drawer()

    page = sign_in_at_the_desk(desk_pages, "/centre", language)
    card_number = a_card_filing_refused_then_corrected(
        desk_pages, citizen.national_id, (used["terminalId"], used["retrievalReference"]), language
    )
    card = books.payment(card_number)
    page.goto(desk_pages.base_url + f"/centre/requests/{card['id']}")
    expect(page.locator("#slip-rrn")).to_have_text(card["retrievalReference"])
    expect(page.locator("#slip-terminal-id")).to_have_text(card["terminalId"])
    cash = books.payment(files_in_cash_at_the_desk(desk_pages, citizen.national_id))
    assert cash["terminalId"] is None

    page.locator(".console__nav a[href='/centre/money']").click()
    page.wait_for_selector("#today")
    expect(page.locator(".console__nav [aria-current=page]")).to_have_attribute("href", "/centre/money")
    expected = todays_figures_moved_by_the_two_filings(page, books, before, (cash, card), language)
    expect(page.locator("#cash-in-drawer")).to_contain_text(sar(drawer_before + Decimal(cash["amount"])))
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-money-{language}")

    downloads_the_csv(page, books, expected)
    remits_and_is_refused_more_than_the_drawer(page, books, Decimal(before["remitted"]), language)
    closes_a_past_day(page, books, language)
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-money-after-{language}")
    assert desk_pages.console_errors == []


def todays_figures_moved_by_the_two_filings(
    page: Page, books: Books, before: dict[str, Any], filed: tuple[dict[str, Any], dict[str, Any]], language: str
) -> dict[str, Decimal]:
    """Today's statement and its row in the days' table: the two filings at the desk, and nothing else."""
    cash, card = filed
    fee = Decimal(cash["fee"])
    expected = {
        "filings": Decimal(before["filings"] + 2),
        "cashCollected": Decimal(before["cashCollected"]) + Decimal(cash["amount"]),
        "madaCollected": Decimal(before["madaCollected"]) + Decimal(card["amount"]),
        "feesCollected": Decimal(before["feesCollected"]) + fee + Decimal(card["fee"]),
        "chargesCollected": Decimal(before["chargesCollected"])
        + Decimal(cash["serviceCharge"])
        + Decimal(card["serviceCharge"]),
        "expectedRemittance": Decimal(before["expectedRemittance"]) + fee,
    }
    expect(page.locator("#today-filings")).to_have_text(str(before["filings"] + 2))
    for figure, amount in expected.items():
        if figure != "filings":
            expect(page.locator(f"#today-{figure}")).to_contain_text(sar(amount))
    expect(page.locator("#today-status")).to_contain_text(TEXT[language]["open"])
    today_row = page.locator(f"#day-{books.today}")
    expect(today_row.locator("td").first).to_have_text(str(before["filings"] + 2))
    expect(today_row.locator("td").nth(2)).to_have_text(sar(expected["cashCollected"]))
    return expected


def downloads_the_csv(page: Page, books: Books, expected: dict[str, Decimal]) -> None:
    """The API's CSV, saved by the browser under the centre's id and the period's days."""
    with page.expect_download() as downloading:
        page.locator("#download-csv").click()
    download = downloading.value
    centre_id = books.client.post(STATEMENT % "filings", {"d": books.today}, token=books.token).data[
        "centreStatements"
    ]["centreId"]
    first_day = (business_day(datetime.now(UTC)) - timedelta(days=29)).isoformat()
    assert download.suggested_filename == f"{centre_id}-statements-{first_day}_{books.today}.csv"
    text = Path(download.path()).read_bytes().decode("utf-8")
    assert text.split("\r\n")[0] == CSV_HEADER
    rows = {row["day"]: row for row in csv.DictReader(io.StringIO(text))}
    assert len(rows) == 30
    row = rows[books.today]
    assert row["centre_id"] == centre_id
    assert Decimal(row["filings"]) == expected["filings"]
    assert Decimal(row["cash_collected_sar"]) == expected["cashCollected"]
    assert Decimal(row["mada_collected_sar"]) == expected["madaCollected"]
    assert Decimal(row["expected_remittance_sar"]) == expected["expectedRemittance"]


def remits_and_is_refused_more_than_the_drawer(page: Page, books: Books, remitted: Decimal, language: str) -> None:
    drawer = books.drawer()
    reference = f"DEP-{secrets.token_hex(4).upper()}"
    remits(page, "40.50", reference.lower())  # typed in small letters: read as capitals
    expect(page.locator("#remit-done")).to_contain_text(reference)
    expect(page.locator("#cash-in-drawer")).to_contain_text(sar(drawer - Decimal("40.50")))
    expect(page.locator("#today-remitted")).to_contain_text(sar(remitted + Decimal("40.50")))
    assert books.drawer() == drawer - Decimal("40.50")
    remits(page, f"{drawer - Decimal('40.50') + 1:.2f}", f"DEP-{secrets.token_hex(4).upper()}")
    refused_on(page, "remit-amount", TEXT[language]["exceeds"])
    assert books.drawer() == drawer - Decimal("40.50")


def closes_a_past_day(page: Page, books: Books, language: str) -> None:
    """Today is refused in the browser (it has not ended in Madinah); yesterday closes."""
    page.locator("#close-day").fill(books.today)
    page.locator("#close").click()
    refused_on(page, "close-day", TEXT[language]["dayNotPast"])
    yesterday = (business_day(datetime.now(UTC)) - timedelta(days=1)).isoformat()
    page.locator("#close-day").fill(yesterday)
    page.locator("#close").click()
    expect(page.locator("#close-done")).to_be_visible()
    expect(page.locator(f"#day-{yesterday} td").last).not_to_have_text(TEXT[language]["open"])
