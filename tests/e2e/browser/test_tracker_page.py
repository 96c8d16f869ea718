"""The citizen's tracker (/track), in a real Chromium on the local stack: a request filed through the
API is tracked with the QR code's number and the PIN, by keyboard alone, in Arabic (right to left, the
default) and in English (chosen, and kept); its route's steps follow the agencies; wrong PINs and the
lockout are said plainly; axe finds nothing serious; nothing breaks the Content-Security-Policy."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect

from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.story import (
    MUNICIPALITY,
    OPERATOR,
    Filed,
    agency_acts,
    client_of,
    file_building_permit,
    open_record,
)
from tests.e2e.conftest import DevStack
from tests.support.people import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def filed(dev_stack: DevStack) -> Filed:
    """As a centre does it: the record opened, the documents uploaded, the permit filed and paid."""
    record = open_record(dev_stack)
    return file_building_permit(dev_stack, record.citizen_id, record.national_id)


def filed_at(stack: DevStack, filed: Filed) -> str:
    client = client_of(stack)
    request = client.post(
        "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { createdAt } } }",
        {"id": filed.request_id},
        token=sign_in(client, OPERATOR),
    ).data["request"]
    return str(request["createdAt"])


def madinah_date(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone(ZoneInfo("Asia/Riyadh")).strftime("%-d")


def test_the_qr_code_opens_the_tracker_in_arabic_with_the_number_and_asks_for_the_pin(
    pages: PageUnderTest, filed: Filed
) -> None:
    page = pages.open(f"/track?n={filed.tracking_number}")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("تتبّع طلبك")
    expect(page.locator("#tracking-number")).to_have_value(filed.tracking_number)
    expect(page.locator("#tracking-pin")).to_be_focused()
    assert page.title().endswith("شبّاك")
    # right to left: the header's name sits at the right, the language switch at the left
    name_box = page.locator(".site-header__name").bounding_box()
    switch_box = page.locator(".language-switch").bounding_box()
    assert name_box
    assert switch_box
    assert name_box["x"] > switch_box["x"]
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("tracker-form-ar")
    assert pages.console_errors == []


def test_a_missing_pin_is_summarised_and_linked_to_its_field(pages: PageUnderTest, filed: Filed) -> None:
    page = pages.open(f"/track?n={filed.tracking_number}")
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_text("أدخل الرمز السري")
    expect(page.locator("#tracking-pin")).to_have_attribute("aria-invalid", "true")
    assert "tracking-pin-error" in (page.locator("#tracking-pin").get_attribute("aria-describedby") or "")
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("tracker-error-ar")
    summary.locator("a").click()
    expect(page.locator("#tracking-pin")).to_be_focused()


def test_a_wrong_pin_is_said_plainly_with_the_lockout_rule(pages: PageUnderTest, filed: Filed) -> None:
    page = pages.open(f"/track?n={filed.tracking_number}")
    wrong = "000000" if filed.pin != "000000" else "111111"
    page.keyboard.type(wrong)
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary a")).to_have_text("رقم التتبع أو الرمز السري غير صحيح")
    expect(page.get_by_text("بعد خمس محاولات خاطئة")).to_be_visible()


def test_the_request_is_tracked_by_keyboard_alone_in_arabic(
    pages: PageUnderTest, filed: Filed, dev_stack: DevStack
) -> None:
    page = pages.open("/track")
    pages.tab_to("tracking-number")
    page.keyboard.type(filed.tracking_number.lower())  # as typed on a phone: case forgiven
    page.keyboard.press("Tab")
    page.keyboard.type(filed.pin)
    page.keyboard.press("Enter")
    heading = page.locator("h1")
    expect(heading).to_have_text("حالة طلبك")
    expect(heading).to_be_focused()
    summary = page.locator(".summary-list")
    expect(summary).to_contain_text(filed.tracking_number)
    expect(summary).to_contain_text("رخصة بناء")
    expect(summary.locator("time")).to_contain_text(madinah_date(filed_at(dev_stack, filed)))
    expect(summary.locator(".date-time__hijri")).to_contain_text("هـ")  # the Umm al-Qura date beside it
    stages = page.locator(".route__stage")
    expect(stages).to_have_count(2)
    expect(stages.nth(0)).to_contain_text("أمانة منطقة المدينة المنورة")
    expect(stages.nth(1)).to_contain_text("الدفاع المدني")
    expect(stages.nth(1)).to_contain_text("لم يصل بعد")
    expect(page.locator("#tracking-pin")).to_have_count(0)  # the PIN is gone once used
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("tracker-result-ar")
    assert pages.console_errors == []


def test_each_agencys_step_follows_the_window_with_its_due_time(
    pages: PageUnderTest, filed: Filed, dev_stack: DevStack
) -> None:
    agency_acts(dev_stack, MUNICIPALITY, filed.request_id, "acknowledgeReceipt")
    page = pages.open(f"/track?n={filed.tracking_number}")
    page.keyboard.type(filed.pin)
    page.keyboard.press("Enter")
    first = page.locator(".route__stage").nth(0)
    expect(first).to_contain_text("قيد المعالجة لدى الجهة")
    expect(first.locator(".route__due")).to_contain_text("موعد الإنجاز")
    expect(page.locator(".timeline")).to_contain_text("استلمت الجهة الملف")


def test_english_is_chosen_kept_and_laid_out_left_to_right(pages: PageUnderTest, filed: Filed) -> None:
    page = pages.open(f"/track?n={filed.tracking_number}")
    page.get_by_role("button", name="English").click()
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en")
    expect(html).to_have_attribute("dir", "ltr")
    page.reload()
    page.wait_for_selector("main h1")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text("Track your request")
    name_box = page.locator(".site-header__name").bounding_box()
    switch_box = page.locator(".language-switch").bounding_box()
    assert name_box
    assert switch_box
    assert name_box["x"] < switch_box["x"]
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("tracker-form-en")
    page.locator("#tracking-pin").focus()
    page.keyboard.type(filed.pin)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Your request")
    expect(page.locator(".summary-list")).to_contain_text("Building permit")
    expect(page.locator(".route__stage").nth(1)).to_contain_text("Civil Defence")
    expect(page.locator(".date-time__hijri").first).to_contain_text("AH")
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("tracker-result-en")
    assert pages.console_errors == []


def test_after_five_wrong_pins_the_lockout_is_said_plainly(pages: PageUnderTest) -> None:
    number = f"MED-0101-{uuid.uuid4().int % 10**6:06d}"  # no such request: it locks all the same
    page = pages.open(f"/track?n={number}")
    page.get_by_role("button", name="English").click()
    for _ in range(6):
        page.locator("#tracking-pin").fill("123456")
        page.locator("#tracking-pin").press("Enter")
        page.wait_for_selector(".error-summary, .notice--warning")
    notice = page.locator(".notice--warning")
    expect(notice).to_contain_text("Tracking this number is locked for now")
    expect(notice).to_contain_text("fifteen minutes")
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("tracker-locked-en")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_start_page_leads_to_the_tracker_in_both_languages(pages: PageUnderTest, language: str) -> None:
    page = pages.open("/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert pages.serious_accessibility_violations() == []
    pages.screenshot(f"start-{language}")
    page.locator("a[href='/track']").click()
    page.wait_for_selector("#tracking-number")
    assert pages.console_errors == []


def test_the_pages_are_served_with_the_cloudfront_policys_security_headers(dev_stack: DevStack) -> None:
    from functions.local.provision import Templates
    from functions.local.web_pages import security_headers

    reply = httpx.get(f"http://127.0.0.1:{dev_stack.http_port}/track", timeout=10)
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/html")
    for name, value in security_headers(Templates.load(), f"http://127.0.0.1:{dev_stack.moto_port}"):
        assert reply.headers[name] == value
    assert "'unsafe-inline'" not in reply.headers["content-security-policy"]
    missing = httpx.get(f"http://127.0.0.1:{dev_stack.http_port}/assets/missing.js", timeout=10)
    assert missing.status_code == 404
