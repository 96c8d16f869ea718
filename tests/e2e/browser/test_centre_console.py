"""The centre console (/centre…) in a real Chromium on the local stack, issue 16's story, in Arabic and
again in English: an operator signs in, opens a citizen's record with the card's Hijri dates and hands
over the temporary password (the citizen takes the account over), files a building permit (two
agencies) with its documents, prints the receipt (A4 and 80 mm), watches the agencies act (through the
API) live, the citizen tracks it with the QR code's number and the PIN, the operator hands it over, the
citizen rates the centre. A double click or a lost answer files once. A suspended centre sees why and
files nothing. A return is answered with a new document; a request is cancelled with its refund. axe
finds nothing serious on any page; nothing breaks the Content-Security-Policy."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from functions.api.trusted_documents import MANIFEST as MANIFEST_FILE
from functions.local.sample_documents import SAMPLES_DIR
from tests.e2e.browser.conftest import SCREENSHOTS, PageUnderTest
from tests.e2e.browser.console_desk import (
    BIRTH,
    CARD_EXPIRY,
    SUSPENDED_OPERATOR,
    Desk,
    choose_the_building_permit,
    fill_the_building_permit,
    page_size_in_points,
    qr_text,
    returned_for_missing,
    sign_in_at_the_desk,
    type_printed_date,
)
from tests.e2e.browser.story import (
    CIVIL_DEFENCE,
    MUNICIPALITY,
    OPERATOR,
    Filed,
    agency_acts,
    back_at_centre,
    file_building_permit,
    open_record,
)
from tests.e2e.conftest import DevStack
from tests.support.people import open_and_activate, sign_in, unique_mobile, unique_national_id
from tests.support.transports import ServerClient

pytestmark = pytest.mark.e2e

TEXT = {
    "ar": {
        "hijri": "هـ",
        "received": "قيد المعالجة لدى الجهة",
        "forwarded": "أُرسل إلى الجهة",
        "due": "موعد الإنجاز",
        "completed": "أُنجز وهو في المركز",
        "delivered": "سُلّم",
        "permit": "رخصة",
        "search": "رخصة بناء",
        "confirm": "أكّد التسليم للمواطن",
        "tracked": "حالة طلبك",
        "civilDefence": "الدفاع المدني",
    },
    "en": {
        "hijri": "AH",
        "received": "Being processed by the agency",
        "forwarded": "Sent to the agency",
        "due": "Due",
        "completed": "Done, waiting at the centre",
        "delivered": "Handed over",
        "permit": "permit",
        "search": "building permit",
        "confirm": "Confirm it was handed to the citizen",
        "tracked": "Your request",
        "civilDefence": "Civil Defence",
    },
}
SUBMIT_DOCUMENT = "mutation SubmitServiceRequest"
MY_REQUESTS = "{ myRequests { items { id trackingNumber } } }"
MANIFEST: dict[str, str] = json.loads(MANIFEST_FILE.read_text())


@pytest.fixture
def desk(desk_pages: PageUnderTest) -> Desk:
    watched = Desk(desk_pages)
    watched.watch_sockets()
    return watched


@pytest.fixture(scope="module")
def api(dev_stack: DevStack) -> ServerClient:
    return ServerClient(f"http://127.0.0.1:{dev_stack.http_port}")


def accessible(under_test: PageUnderTest, name: str) -> None:
    assert under_test.serious_accessibility_violations() == [], name
    under_test.screenshot(name)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_story_of_a_building_permit_at_the_desk(
    desk: Desk, pages: PageUnderTest, dev_stack: DevStack, api: ServerClient, language: str
) -> None:
    text = TEXT[language]
    under_test = desk.under_test
    page = sign_in_at_the_desk(under_test, "/centre", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    expect(page.locator(".console__nav a[aria-current='page']")).to_have_attribute("href", "/centre")
    accessible(under_test, f"centre-desk-{language}")

    national_id, password = opens_a_record_with_the_cards_hijri_dates(under_test, language)
    citizen_token = takes_over_the_account(api, national_id, password)
    number, pin, qr = files_the_building_permit(under_test, national_id, language)
    request_id = follows_the_agencies_live(desk, dev_stack, number, language)

    # The citizen tracks it with the QR code's number and the PIN, on a phone.
    phone = pages.open(qr.removeprefix(pages.base_url))
    expect(phone.locator("#tracking-number")).to_have_value(number)
    phone.keyboard.type(pin)
    phone.keyboard.press("Enter")
    expect(phone.locator("h1")).to_have_text(TEXT["ar"]["tracked"])
    expect(phone.locator(".summary-list")).to_contain_text(TEXT["ar"]["completed"])

    # The operator calls the citizen and hands it over; the citizen rates the centre.
    page.get_by_role("button", name=text["confirm"]).click()
    expect(page.locator("#request-status")).to_have_text(text["delivered"])
    rated = api.post(
        "mutation ($id: ID!) { rateCentre(requestId: $id, stars: 5) { __typename } }",
        {"id": request_id},
        token=citizen_token,
    ).data["rateCentre"]
    assert rated["__typename"] == "Rating", rated
    accessible(under_test, f"centre-request-delivered-{language}")
    assert under_test.console_errors == []
    assert pages.console_errors == []


def opens_a_record_with_the_cards_hijri_dates(under_test: PageUnderTest, language: str) -> tuple[str, str]:
    """Looked up first (no record), then the card copied as printed, each date's calendar chosen."""
    page = under_test.page
    page.locator(".console__nav a[href='/centre/record']").click()
    page.wait_for_selector("#national-id")
    national_id = unique_national_id()
    page.locator("#national-id").fill(national_id)
    page.locator("#national-id").press("Enter")
    page.wait_for_selector("#name-ar")
    page.locator("#name-ar").fill("محمد أحمد الحربي")
    page.locator("#name-en").fill("Mohammed Ahmed Al-Harbi")
    page.locator("#mobile").fill(unique_mobile())
    page.locator("#language").check()
    type_printed_date(page, "birth-date", BIRTH, "hijri")
    page.locator("#document-type").check()
    page.locator("#document-number").fill(national_id)
    type_printed_date(page, "expires-on", CARD_EXPIRY, "hijri")
    accessible(under_test, f"centre-record-form-{language}")
    page.locator("form button[type=submit]").click()
    password = page.locator("#temporary-password")
    expect(password).to_be_visible()
    expect(page.locator("#opened-heading")).to_be_focused()
    accessible(under_test, f"centre-record-opened-{language}")
    return national_id, password.inner_text()


def files_the_building_permit(under_test: PageUnderTest, national_id: str, language: str) -> tuple[str, str, str]:
    """The catalogue searched, the form, the documents, the fee; the receipt with its QR code (read
    back from its pixels: the tracker's address with the number, never the PIN), printed two ways."""
    text = TEXT[language]
    page = under_test.page
    page.locator(f"a[href='/centre/file?nid={national_id}']").click()
    page.wait_for_selector("#service-search")
    page.locator("#service-search").fill(text["search"])
    expect(page.locator(".service-options .radios__item")).to_have_count(1)
    accessible(under_test, f"centre-file-service-{language}")
    choose_the_building_permit(page, text["permit"])
    fill_the_building_permit(page, national_id)
    expect(page.locator(".fee-table__total")).to_contain_text("1,025.00")
    accessible(under_test, f"centre-file-form-{language}")
    page.locator("#file-request").click()
    expect(page.locator("#receipt-heading")).to_be_focused(timeout=20_000)
    number = page.locator("#receipt-tracking-number").inner_text()
    pin = page.locator("#receipt-pin").inner_text()
    assert len(pin) == 6
    qr = qr_text(page)
    assert qr == f"{under_test.base_url}/track?n={number}"
    assert pin not in qr
    accessible(under_test, f"centre-receipt-{language}")
    prints_on_a4_and_on_a_receipt_roll(page, language)
    return number, pin, qr


def follows_the_agencies_live(desk: Desk, stack: DevStack, number: str, language: str) -> str:
    """From the centre's requests to the request's page, which shows each agency's step as it happens."""
    text = TEXT[language]
    page = desk.page
    page.locator(".console__nav a[href='/centre/requests']").click()
    row = page.locator("tr", has=page.locator(f"a:text-is('{number}')"))
    expect(row).to_be_visible()
    accessible(desk.under_test, f"centre-requests-{language}")
    row.locator("a").click()
    page.wait_for_selector("#request-status")
    request_id = page.url.rsplit("/", 1)[1]
    desk.wait_until_subscribed(request_id)
    agency_acts(stack, MUNICIPALITY, request_id, "acknowledgeReceipt")
    step = page.locator(".where-now .route__step").first
    expect(step).to_contain_text(text["received"], timeout=20_000)
    expect(step.locator(".due")).to_contain_text(text["due"])
    expect(page.locator(".timeline")).to_contain_text(text["hijri"])
    accessible(desk.under_test, f"centre-request-live-{language}")
    agency_acts(stack, MUNICIPALITY, request_id, "completeStep")
    agency_acts(stack, CIVIL_DEFENCE, request_id, "acknowledgeReceipt")
    expect(page.locator(".where-now")).to_contain_text(text["civilDefence"], timeout=20_000)
    agency_acts(stack, CIVIL_DEFENCE, request_id, "completeStep")
    back_at_centre(stack, request_id)
    expect(page.locator("#request-status")).to_have_text(text["completed"], timeout=20_000)
    accessible(desk.under_test, f"centre-request-completed-{language}")
    return request_id


def takes_over_the_account(api: ServerClient, national_id: str, temporary_password: str) -> str:
    """The citizen signs in with the password the operator handed over and sets their own."""
    challenge = api.post(
        "mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) { __typename"
        " ... on NewPasswordRequired { session } } }",
        {"n": national_id, "p": temporary_password},
    ).data["signIn"]
    assert challenge["__typename"] == "NewPasswordRequired", challenge
    done = api.post(
        "mutation ($n: String!, $s: String!, $p: String!) { completeNewPassword(nationalId: $n, session: $s,"
        " newPassword: $p) { __typename ... on SignedIn { accessToken } } }",
        {"n": national_id, "s": challenge["session"], "p": "the citizen's own password"},
    ).data["completeNewPassword"]
    assert done["__typename"] == "SignedIn", done
    return str(done["accessToken"])


def prints_on_a4_and_on_a_receipt_roll(page: Page, language: str) -> None:
    """Printed, only the receipt shows: on A4 by default, on an 80 mm roll after that button."""
    a4 = page.pdf(prefer_css_page_size=True, print_background=True)
    width, height = page_size_in_points(a4)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".console__bar")).to_be_hidden()
    expect(page.locator(".receipt .qr-code")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / f"centre-receipt-print-a4-{language}.png"), full_page=True)
    page.emulate_media(media="screen")
    page.evaluate("() => { window.print = () => undefined; }")  # headless: nothing to print to
    page.locator(".no-print button").nth(1).click()
    expect(page.locator("html")).to_have_attribute("data-print", "thermal")
    page.emulate_media(media="print")  # page.pdf prints with the media emulated last
    roll = page.pdf(prefer_css_page_size=True, print_background=True)
    width, _ = page_size_in_points(roll)
    assert round(width) == 227  # 80 mm
    page.set_viewport_size({"width": 302, "height": 900})  # 80 mm at 96 dpi
    page.screenshot(path=str(SCREENSHOTS / f"centre-receipt-print-80mm-{language}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="null")


def filing_for(under_test: PageUnderTest, dev_stack: DevStack) -> tuple[Page, str, str]:
    """An operator at the last step of a building permit for a citizen whose account is active."""
    client = ServerClient(f"http://127.0.0.1:{dev_stack.http_port}")
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    page = sign_in_at_the_desk(under_test, f"/centre/file?nid={citizen.national_id}", "ar")
    choose_the_building_permit(page, "permit")
    fill_the_building_permit(page, citizen.national_id)
    return page, citizen.national_id, citizen.token


def filed_requests(api: ServerClient, citizen_token: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = api.post(MY_REQUESTS, token=citizen_token).data["myRequests"]["items"]
    return items


def test_a_double_click_files_once(desk: Desk, api: ServerClient, dev_stack: DevStack) -> None:
    page, _, citizen_token = filing_for(desk.under_test, dev_stack)
    page.locator("#file-request").dblclick()
    expect(page.locator("#receipt-heading")).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1500)  # a second filing, had one been sent, lands meanwhile
    [filed] = filed_requests(api, citizen_token)
    assert filed["trackingNumber"] == page.locator("#receipt-tracking-number").inner_text()


def test_an_answer_lost_on_the_way_back_is_retried_with_the_same_key_and_files_once(
    desk: Desk, api: ServerClient, dev_stack: DevStack
) -> None:
    page, _, citizen_token = filing_for(desk.under_test, dev_stack)
    lost: list[dict[str, Any]] = []

    def lose_the_answer(route: Route) -> None:
        body = route.request.post_data or ""
        if not lost and SUBMIT_DOCUMENT in _operation_of(body):
            answer = route.fetch()  # the filing reaches the API and is done there...
            lost.append({"request": json.loads(body), "answer": answer.json()})
            route.abort("connectionreset")  # ...but its answer never reaches the desk
            return
        route.continue_()

    page.route("**/graphql", lose_the_answer)
    page.locator("#file-request").click()
    expect(page.locator("#file-request-error")).to_be_visible(timeout=20_000)
    assert lost, "the filing never went out"
    first = lost[0]["answer"]["data"]["submitServiceRequest"]
    assert first["__typename"] == "SubmittedRequest", first
    page.locator("#file-request").click()  # the operator tries again: the same idempotency key
    expect(page.locator("#receipt-heading")).to_be_visible(timeout=20_000)
    expect(page.locator("#receipt-tracking-number")).to_have_text(first["request"]["trackingNumber"])
    [filed] = filed_requests(api, citizen_token)
    assert filed["trackingNumber"] == first["request"]["trackingNumber"]


def _operation_of(body: str) -> str:
    """The operation a request of the pages runs: they send its id; the manifest has its text."""
    document_id = json.loads(body or "{}").get("documentId", "")
    return str(MANIFEST.get(document_id, "")).split("(", 1)[0]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_suspended_centre_sees_why_and_can_file_nothing(desk: Desk, language: str) -> None:
    under_test = desk.under_test
    page = sign_in_at_the_desk(under_test, "/centre", language, SUSPENDED_OPERATOR)
    notice = page.locator(".notice--warning")
    expect(notice).to_be_visible()
    expect(notice.locator("q")).not_to_be_empty()  # the monitoring office's reason, in its words
    expect(page.locator(".task-list")).to_have_count(0)  # no way offered to file or open a record
    accessible(under_test, f"centre-suspended-{language}")
    page.goto(under_test.base_url + "/centre/file")
    page.wait_for_selector(".notice--warning")
    expect(page.locator("#service-search, #national-id")).to_have_count(0)
    assert under_test.console_errors == []


def filed_permit(stack: DevStack) -> Filed:
    record = open_record(stack)
    return file_building_permit(stack, record.citizen_id, record.national_id)


def test_a_return_is_answered_with_a_new_document_and_resubmitted(desk: Desk, dev_stack: DevStack) -> None:
    filed = filed_permit(dev_stack)
    agency_acts(dev_stack, MUNICIPALITY, filed.request_id, "acknowledgeReceipt")
    returned_for_missing(dev_stack, MUNICIPALITY, filed.request_id, ["DEED"])
    under_test = desk.under_test
    page = sign_in_at_the_desk(under_test, f"/centre/requests/{filed.request_id}", "ar")
    panel = page.locator("section.panel", has=page.locator("#returned-heading"))
    expect(panel).to_contain_text("صك الملكية")  # what the agency asked for, by its name
    panel.locator("#document-deed").set_input_files(SAMPLES_DIR / "title-deed.pdf")
    expect(panel.locator("#document-deed-state .tag--upload-attached")).to_be_visible(timeout=20_000)
    accessible(under_test, "centre-request-returned-ar")
    panel.get_by_role("button", name="أعد تقديم الطلب").click()
    expect(page.locator("#request-status")).to_have_text("لدى الجهات الحكومية", timeout=20_000)
    assert under_test.console_errors == []


def test_a_request_is_cancelled_before_receipt_and_the_fee_refunded(desk: Desk, dev_stack: DevStack) -> None:
    filed = filed_permit(dev_stack)
    under_test = desk.under_test
    page = sign_in_at_the_desk(under_test, f"/centre/requests/{filed.request_id}", "en")
    page.locator("summary", has_text="Cancel the request").click()
    page.locator("#cancel-reason").fill("The citizen changed their mind")
    accessible(under_test, "centre-request-cancel-en")
    page.get_by_role("button", name="Cancel the request and refund").click()
    expect(page.locator("#request-status")).to_have_text("Cancelled")
    expect(page.locator(".summary-list")).to_contain_text("Fee refunded")
    expect(page.locator(".timeline")).to_contain_text("The citizen changed their mind")
    assert under_test.console_errors == []
