"""The citizen's signed-in pages, in a real Chromium on the local stack, in Arabic and again in English.

An operator opens the record through the API; in the browser the citizen signs in with the temporary
password, by keyboard alone, sets their own, finds the record (dates in both calendars, as the API
gives them) and changes the language of their SMS to Urdu; a building permit filed through the API
appears, its page follows the agencies live as they act through the API (where the file is, due times
on Madinah's wall clock, the dated history), a filed document downloads, the centre hands the result
over, the citizen rates the centre once and files a complaint that the page then follows; the SMS and
the documents have their pages; signing out leaves nothing usable behind. axe finds nothing serious on
any page, nothing breaks the Content-Security-Policy, and each page is photographed
(test-output/browser/me-*.png).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from functions.local.sample_documents import sample_for
from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.story import (
    CIVIL_DEFENCE,
    MUNICIPALITY,
    OPERATOR,
    Filed,
    OpenedRecord,
    agency_acts,
    client_of,
    file_building_permit,
    hand_over,
    open_record,
)
from tests.e2e.conftest import DevStack
from tests.support.people import sign_in

pytestmark = pytest.mark.e2e

OWN_PASSWORD = "a phrase only I know 2026"
LIVE = 60_000  # ms: an agency's action reaches the page through the state machine, the queue and the socket
REFRESH = "mutation ($t: String!) { refreshSession(refreshToken: $t) { __typename ... on Problem { code } } }"
DUE = """query ($id: ID!) { request(id: $id) { ... on ServiceRequest {
  whereNow { agencyCode dueAtMadinah { time day { weekday } } } } } }"""


@dataclass(frozen=True)
class Words:
    """What each page says, in one language (the catalogue's words, as a person reads them)."""

    switch: str | None
    sign_in: str
    new_password: str
    too_short: str
    greeting: str
    no_requests: str
    birth_hijri: str
    birth_gregorian: str
    entered_hijri: str
    urdu: str
    change_language: str
    language_saved: str
    permit: str
    at_agencies: str
    received: str
    civil_defence: str
    completed_at_centre: str
    delivered: str
    due: str
    weekdays: dict[str, str]
    rate: str
    stars_missing: str
    rated: str
    thanks: str
    complain: str
    complaint_received: str
    complaint_open: str
    sms_delivered: str
    documents: str
    title_deed: str
    signed_out: str


WORDS = {
    "ar": Words(
        switch=None,
        sign_in="تسجيل الدخول",
        new_password="اختر كلمة مرور خاصة بك",
        too_short="كلمة المرور يجب ألا تقل عن عشرة أحرف",
        greeting="أهلًا محمد أحمد الحربي",
        no_requests="لا طلبات بعد",
        birth_hijri="22 شوال 1410 هـ",
        birth_gregorian="17 مايو 1990",
        entered_hijri="أُدخل بالتقويم الهجري",
        urdu="الأردية",
        change_language="غيّر لغة الرسائل",
        language_saved="ستصلك رسائلك من الآن باللغة الأردية.",
        permit="رخصة بناء",
        at_agencies="لدى الجهات الحكومية",
        received="استلمت الجهة الملف",
        civil_defence="الدفاع المدني",
        completed_at_centre="أُنجز وهو في المركز",
        delivered="سُلّم",
        due="موعد الإنجاز",
        weekdays={
            "SAT": "السبت",
            "SUN": "الأحد",
            "MON": "الاثنين",
            "TUE": "الثلاثاء",
            "WED": "الأربعاء",
            "THU": "الخميس",
            "FRI": "الجمعة",
        },
        rate="قيّم المركز",
        stars_missing="اختر عدد النجوم",
        rated="قيّمت المركز 4 من 5",
        thanks="شكرًا، وصل تقييمك",
        complain="قدّم شكوى",
        complaint_received="وصلت شكواك",
        complaint_open="قيد المتابعة لدى مكتب المتابعة",
        sms_delivered="وصلت",
        documents="مستنداتي",
        title_deed="صك الملكية",
        signed_out="سجّلت الخروج",
    ),
    "en": Words(
        switch="English",
        sign_in="Sign in",
        new_password="Choose your own password",
        too_short="Your password must be at least 10 characters long",
        greeting="Welcome, Mohammed Ahmed Al-Harbi",
        no_requests="No requests yet",
        birth_hijri="22 Shawwal 1410 AH",
        birth_gregorian="17 May 1990",
        entered_hijri="Entered in the Hijri calendar",
        urdu="Urdu",
        change_language="Change the language of the messages",
        language_saved="Your messages come in Urdu from now on.",
        permit="Building permit",
        at_agencies="With the government agencies",
        received="The agency received the file",
        civil_defence="Civil Defence",
        completed_at_centre="Done, waiting at the centre",
        delivered="Handed over",
        due="Due",
        weekdays={
            "SAT": "Saturday",
            "SUN": "Sunday",
            "MON": "Monday",
            "TUE": "Tuesday",
            "WED": "Wednesday",
            "THU": "Thursday",
            "FRI": "Friday",
        },
        rate="Rate the centre",
        stars_missing="Choose how many stars",
        rated="You rated the centre 4 out of 5",
        thanks="Thank you, your rating was received",
        complain="Make a complaint",
        complaint_received="Your complaint was received",
        complaint_open="Being looked into by the monitoring office",
        sms_delivered="Delivered",
        documents="My documents",
        title_deed="Title deed",
        signed_out="You have signed out",
    ),
}


class Walk:
    """One citizen's pages in one language, each checked with axe and photographed."""

    def __init__(self, pages: PageUnderTest, language: str) -> None:
        self.pages = pages
        self.page: Page = pages.page
        self.language = language
        self.words = WORDS[language]

    def settled(self, name: str) -> None:
        assert self.pages.serious_accessibility_violations() == [], name
        self.pages.screenshot(f"me-{name}-{self.language}")

    def goto(self, path: str) -> None:
        self.page.goto(self.pages.base_url + path)
        self.page.wait_for_selector("main h1")

    def then(self, path: str) -> None:
        """A link followed: the next page's heading is there."""
        self.page.wait_for_url(f"**{path}")
        self.page.wait_for_selector("main h1")

    def nav_runs_the_languages_way(self) -> None:
        first = self.page.locator(".my-nav__link").nth(0).bounding_box()
        second = self.page.locator(".my-nav__link").nth(1).bounding_box()
        assert first
        assert second
        assert (first["x"] > second["x"]) == (self.language == "ar")

    def takes_over_the_account(self, record: OpenedRecord) -> None:
        """/me without a session: the sign-in page; the temporary password, then their own, by keyboard."""
        page, pages, words = self.page, self.pages, self.words
        self.goto("/me")
        expect(page).to_have_url(f"{pages.base_url}/sign-in?next=%2Fme")
        if words.switch:
            page.get_by_role("button", name=words.switch).click()
        expect(page.locator("h1")).to_have_text(words.sign_in)
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if self.language == "ar" else "ltr")
        self.settled("sign-in")
        pages.tab_to("national-id")
        page.keyboard.type(record.national_id)
        page.keyboard.press("Tab")
        page.keyboard.type(record.temporary_password)
        page.keyboard.press("Enter")

        heading = page.locator("h1")
        expect(heading).to_have_text(words.new_password)
        expect(heading).to_be_focused()
        expect(page.locator("#new-password-hint li")).to_have_count(4)
        self.settled("new-password")
        pages.tab_to("new-password")
        page.keyboard.type("too short")
        page.keyboard.press("Enter")
        summary = page.locator(".error-summary")
        expect(summary).to_be_focused()
        expect(summary.locator("a")).to_have_text(words.too_short)
        expect(page.locator("#new-password")).to_have_attribute("aria-invalid", "true")
        self.settled("new-password-error")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator("#new-password")).to_be_focused()
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(OWN_PASSWORD)
        page.keyboard.press("Enter")

        expect(page).to_have_url(f"{pages.base_url}/me")
        expect(page.locator("h1")).to_have_text(words.greeting)
        expect(page.locator("main")).to_contain_text(words.no_requests)
        self.nav_runs_the_languages_way()
        self.settled("home-empty")

    def reads_the_record(self, record: OpenedRecord) -> None:
        """The record, its dates in both calendars as the API gives them."""
        self.goto("/me/record")
        details = self.page.locator(".summary-list")
        expect(details).to_contain_text(record.national_id)
        expect(details).to_contain_text(self.words.birth_gregorian)
        expect(details).to_contain_text(self.words.birth_hijri)
        expect(details).to_contain_text(self.words.entered_hijri)
        self.settled("record")

    def changes_the_sms_language(self) -> None:
        """The citizen's own choice: Urdu from now on (the rest of the walk's SMS come in it)."""
        page, words = self.page, self.words
        page.get_by_label(words.urdu, exact=True).check()
        page.get_by_role("button", name=words.change_language).click()
        expect(page.get_by_role("status")).to_have_text(words.language_saved)
        expect(page.locator(".summary-list")).to_contain_text(words.urdu)
        self.settled("record-language")

    def opens_the_request(self, stack: DevStack, filed: Filed) -> None:
        """From the list, by keyboard: where the file is, due on Madinah's wall clock as the API says."""
        page, words = self.page, self.words
        self.goto("/me/requests")
        listed = page.locator(".item-list__item").filter(has_text=filed.tracking_number)
        expect(listed).to_contain_text(words.permit)
        self.settled("requests")
        listed.get_by_role("link").focus()
        page.keyboard.press("Enter")
        self.then(f"/me/requests/{filed.request_id}")
        expect(page.locator(".summary-list")).to_contain_text(words.at_agencies)
        operator = sign_in(client_of(stack), OPERATOR)
        (due,) = client_of(stack).post(DUE, {"id": filed.request_id}, token=operator).data["request"]["whereNow"]
        said = due["dueAtMadinah"]
        where_now = page.locator(".where-now")
        expect(where_now).to_contain_text(f"{words.due} {words.weekdays[said['day']['weekday']]}")
        expect(where_now).to_contain_text(said["time"])
        self.settled("request-filed")

    def follows_the_agencies_live(self, stack: DevStack, filed: Filed) -> None:
        """The agencies act through the API; the open page follows, without a reload."""
        page, words = self.page, self.words
        agency_acts(stack, MUNICIPALITY, filed.request_id, "acknowledgeReceipt")
        expect(page.locator(".timeline")).to_contain_text(words.received, timeout=LIVE)
        agency_acts(stack, MUNICIPALITY, filed.request_id, "completeStep")
        expect(page.locator(".where-now")).to_contain_text(words.civil_defence, timeout=LIVE)
        agency_acts(stack, CIVIL_DEFENCE, filed.request_id, "acknowledgeReceipt")
        agency_acts(stack, CIVIL_DEFENCE, filed.request_id, "completeStep")
        expect(page.locator(".summary-list .tag")).to_have_text(words.completed_at_centre, timeout=LIVE)
        self.settled("request-done")

    def downloads_a_document(self) -> None:
        """Through a short-lived link the API makes when the button is pressed."""
        with self.page.expect_download() as downloading:
            self.page.get_by_role("button", name=self.words.title_deed).first.click()
        downloaded = downloading.value
        assert downloaded.suggested_filename == "DEED.pdf"
        assert downloaded.path().read_bytes() == sample_for("DEED").content

    def rates_the_centre_once(self, stack: DevStack, filed: Filed) -> None:
        """Handed over at the centre: the page offers the rating; stars and comment by keyboard."""
        page, pages, words = self.page, self.pages, self.words
        hand_over(stack, filed.request_id)
        expect(page.locator(".summary-list .tag")).to_have_text(words.delivered, timeout=LIVE)
        page.get_by_role("link", name=words.rate).click()
        self.then(f"/me/requests/{filed.request_id}/rate")
        self.settled("rate")
        pages.tab_to("comment")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # nothing chosen yet
        expect(page.locator(".error-summary")).to_be_focused()
        expect(page.locator(".error-summary a")).to_have_text(words.stars_missing)
        self.settled("rate-error")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator("#stars")).to_be_focused()
        page.keyboard.press("ArrowDown")  # from 5 stars to 4
        expect(page.locator("#stars-4")).to_be_checked()
        page.keyboard.press("Tab")
        page.keyboard.type("Quick and kind.")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator("h1")).to_have_text(words.thanks)
        expect(page.locator("h1")).to_be_focused()
        self.settled("rated")
        self.goto(f"/me/requests/{filed.request_id}")
        expect(page.locator(".rating")).to_have_text(words.rated)
        expect(page.get_by_role("link", name=words.rate)).to_have_count(0)

    def complains_and_follows_it(self, record: OpenedRecord, filed: Filed) -> None:
        page, words = self.page, self.words
        page.get_by_role("link", name=words.complain).click()
        self.then(f"/me/requests/{filed.request_id}/complain")
        self.settled("complain")
        self.pages.tab_to("complaint")
        page.keyboard.type(f"I waited an hour. My ID is {record.national_id}.")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator("h1")).to_have_text(words.complaint_received)
        self.goto(f"/me/requests/{filed.request_id}")
        complaint = page.locator(".complaint")
        expect(complaint).to_contain_text(words.complaint_open)
        expect(complaint).to_contain_text("I waited an hour.")
        expect(complaint).not_to_contain_text(record.national_id)  # masked before it was stored
        self.settled("request-delivered")

    def reads_the_messages_and_documents(self) -> None:
        page, words = self.page, self.words
        self.goto("/me/messages")
        expect(page.locator(".sms .tag").first).to_have_text(words.sms_delivered, timeout=LIVE)
        assert page.locator(".sms").count() >= 4  # record opened, filed, received, done
        self.settled("messages")
        self.goto("/me/documents")
        expect(page.locator("h1")).to_have_text(words.documents)
        expect(page.locator(".item-list__item")).to_have_count(3)
        self.settled("documents")
        self.goto("/me")
        expect(page.locator(".item-list__item")).to_contain_text(words.delivered)
        self.settled("home")

    def signs_out(self, stack: DevStack) -> None:
        """Nothing left in the tab, and the refresh token it held is refused from now on."""
        page = self.page
        kept = json.loads(page.evaluate("() => sessionStorage.getItem('shubbak.session')"))
        page.locator(".header-button").click()
        page.wait_for_url("**/sign-in?reason=signed-out")
        expect(page.locator(".notice")).to_contain_text(self.words.signed_out)
        assert page.evaluate("() => sessionStorage.length") == 0
        refused = client_of(stack).post(REFRESH, {"t": kept["refreshToken"]}, path="/graphql/public").data
        assert refused["refreshSession"] == {"__typename": "Forbidden", "code": "SESSION_ENDED"}
        self.settled("signed-out")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_citizen_takes_over_the_record_and_follows_a_request_to_the_rating(
    pages: PageUnderTest, dev_stack: DevStack, language: str
) -> None:
    walk = Walk(pages, language)
    record = open_record(dev_stack)
    walk.takes_over_the_account(record)
    walk.reads_the_record(record)
    walk.changes_the_sms_language()
    filed = file_building_permit(dev_stack, record.citizen_id, record.national_id)
    walk.opens_the_request(dev_stack, filed)
    walk.follows_the_agencies_live(dev_stack, filed)
    walk.downloads_a_document()
    walk.rates_the_centre_once(dev_stack, filed)
    walk.complains_and_follows_it(record, filed)
    walk.reads_the_messages_and_documents()
    walk.signs_out(dev_stack)
    assert pages.console_errors == []
