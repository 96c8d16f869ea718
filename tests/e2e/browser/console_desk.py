"""What the centre console's browser tests share: a desk (a desktop-sized page signed in as an
operator), the filing steps as an operator types them, an agency's return through the API (the rest
of the agencies' part: story.py), and the receipt's QR code read back from its pixels (jsQR, from web/node_modules, in a blank page: the console's
Content-Security-Policy allows no data: images)."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, WebSocket, expect

from functions.local.sample_documents import SAMPLES_DIR
from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.story import OPERATOR, client_of, until
from tests.e2e.conftest import ROOT, DevStack
from tests.support.people import DEMO_PASSWORD, sign_in

JSQR = ROOT / "web" / "node_modules" / "jsqr" / "dist" / "jsQR.js"
DOCUMENTS = {"deed": "title-deed.pdf", "plans": "building-plans.pdf", "survey": "site-survey.jpg"}
SUSPENDED_OPERATOR = "2000001079"
RETURN = "mutation ($id: ID!, $m: [String!]!) { returnToCentre(requestId: $id, missingItems: $m) { __typename } }"

# The card's dates as printed (Umm al-Qura Hijri): born 17 Jumada I 1412, card valid to 1 Muharram 1452.
BIRTH = ("17", "5", "1412")
CARD_EXPIRY = ("1", "1", "1452")


@dataclass
class Desk:
    """An operator's browser page, with the WebSocket frames it sent (to know when it is subscribed)."""

    under_test: PageUnderTest
    sent_frames: list[str] = field(default_factory=list)

    @property
    def page(self) -> Page:
        return self.under_test.page

    def watch_sockets(self) -> None:
        def on_socket(socket: WebSocket) -> None:
            socket.on("framesent", lambda payload: self.sent_frames.append(str(payload)))

        self.page.on("websocket", on_socket)

    def wait_until_subscribed(self, request_id: str, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any('"subscribe"' in frame and request_id in frame for frame in self.sent_frames):
                self.page.wait_for_timeout(1000)  # the emulated WebSocket API stores it as the frame lands
                return
            self.page.wait_for_timeout(100)
        raise AssertionError(f"the page never subscribed to {request_id}")


def sign_in_at_the_desk(under_test: PageUnderTest, path: str, language: str, national_id: str = OPERATOR) -> Page:
    """The console's page sends a signed-out operator to the sign-in page and back after signing in."""
    page = under_test.page
    page.goto(under_test.base_url + path)
    page.wait_for_url("**/sign-in**")
    page.wait_for_selector("#national-id")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.locator("#national-id").fill(national_id)
    page.locator("#password").fill(DEMO_PASSWORD)
    page.locator("#password").press("Enter")
    page.wait_for_url(f"**{path}")
    page.wait_for_selector("main h1")
    return page


def type_printed_date(page: Page, field_id: str, day_month_year: tuple[str, str, str], calendar: str) -> None:
    day, month, year = day_month_year
    page.locator(f"#{field_id}").fill(day)
    page.locator(f"#{field_id}-month").fill(month)
    page.locator(f"#{field_id}-year").fill(year)
    page.locator(f"#{field_id}-calendar-{calendar}").check()


def fill_identity_check(page: Page, national_id: str) -> None:
    page.locator("#document-type").check()  # the national ID card
    page.locator("#document-number").fill(national_id)
    type_printed_date(page, "expires-on", CARD_EXPIRY, "hijri")


def choose_the_building_permit(page: Page, search: str) -> None:
    page.locator("#service-search").fill(search)
    page.locator("#service-BUILDING-PERMIT").check()
    page.locator("#service-BUILDING-PERMIT").press("Enter")
    page.wait_for_selector("#answer-deedNumber")


def fill_the_building_permit(page: Page, national_id: str) -> None:
    page.locator("#answer-deedNumber").fill("D-9")
    page.locator("#answer-floors").fill("٢")  # typed on an Arabic keyboard
    page.locator("#answer-district").fill("قباء")
    fill_identity_check(page, national_id)
    for code, file_name in DOCUMENTS.items():
        page.locator(f"#document-{code}").set_input_files(Path(SAMPLES_DIR) / file_name)
    for code in DOCUMENTS:
        expect(page.locator(f"#document-{code}-state .tag--upload-attached")).to_be_visible(timeout=20_000)
    page.locator("#payment-method").check()  # cash


def qr_text(page: Page, locator: str = ".qr-code") -> str | None:
    """What a phone's camera reads from the QR code as drawn on the page."""
    picture = base64.b64encode(page.locator(locator).screenshot()).decode()
    reader = page.context.new_page()
    try:
        reader.goto("about:blank")
        reader.add_script_tag(path=str(JSQR))
        decoded: str | None = reader.evaluate(
            """async (png) => {
                const image = new Image();
                image.src = 'data:image/png;base64,' + png;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
                const found = jsQR(pixels.data, canvas.width, canvas.height);
                return found ? found.data : null;
            }""",
            picture,
        )
        return decoded
    finally:
        reader.close()


def page_size_in_points(pdf: bytes) -> tuple[float, float]:
    """The first page's MediaBox of a PDF Chromium printed."""
    marker = pdf.index(b"/MediaBox")
    numbers = pdf[marker : marker + 80].split(b"[", 1)[1].split(b"]", 1)[0].split()
    return float(numbers[2]) - float(numbers[0]), float(numbers[3]) - float(numbers[1])


def returned_for_missing(stack: DevStack, officer_id: str, request_id: str, missing: list[str]) -> None:
    """An officer who acknowledged the file returns it to the centre for missing items."""
    client = client_of(stack)
    officer = sign_in(client, officer_id)
    variables = {"id": request_id, "m": missing}

    def returned() -> bool:
        answer = client.post(RETURN, variables, token=officer).data["returnToCentre"]
        return bool(answer["__typename"] == "ServiceRequest")

    until(f"returnToCentre by {officer_id}", returned)
