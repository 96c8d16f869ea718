"""The centre's call list (/centre/calls) in a real Chromium on the local stack, in Arabic and English: a
record opened at a test number the simulated carrier does not know; its SMS fails permanently and lands
on the call list; the operator sees who, which message and why, asks for the full number to call (a
tel: link), notes the call and marks it done; the
call leaves the list (announced) and is recorded done. axe finds nothing serious (docs/sms.md)."""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import expect

from functions.local.simulated_carrier import ALWAYS_PERMANENT
from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.console_desk import sign_in_at_the_desk
from tests.e2e.browser.story import OPERATOR, client_of, until
from tests.e2e.conftest import DevStack
from tests.support.people import OPEN_RECORD, record_input, sign_in, unique_national_id

pytestmark = pytest.mark.e2e

CALLS = "query ($done: Boolean!) { callList(done: $done) { items { id citizenId note } } }"
TEXT = {
    "ar": {
        "template": "فتح السجل",
        "why": "تعذّر إيصالها",
        "done": "سُجّل الاتصال",
        "show": "أظهر الرقم للاتصال",
        "called": "اتصلت بالمواطن",
    },
    "en": {
        "template": "Record opened",
        "why": "Could not be delivered",
        "done": "The call to",
        "show": "Show the number to call",
        "called": "I called the citizen",
    },
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_operator_clears_a_call_for_an_sms_that_never_arrived(
    desk_pages: PageUnderTest, dev_stack: DevStack, language: str
) -> None:
    client = client_of(dev_stack)
    operator = sign_in(client, OPERATOR)
    mobile = f"0{ALWAYS_PERMANENT[4:]}{secrets.randbelow(1000):03d}"
    opened = client.post(OPEN_RECORD, {"input": record_input(unique_national_id(), mobile)}, token=operator).data
    assert opened["openCitizenRecord"]["__typename"] == "CitizenRecordWithPassword", opened
    citizen_id = opened["openCitizenRecord"]["citizen"]["id"]

    def call_of(done: bool) -> dict[str, str] | None:
        items = client.post(CALLS, {"done": done}, token=operator).data["callList"]["items"]
        return next((item for item in items if item["citizenId"] == citizen_id), None)

    call = until("the failed SMS on the call list", lambda: call_of(False))

    page = sign_in_at_the_desk(desk_pages, "/centre/calls", language)
    row = page.locator(f"#call-{call['id']}")
    expect(row).to_be_visible()
    expect(row).to_contain_text(TEXT[language]["template"])
    expect(row).to_contain_text(TEXT[language]["why"])
    expect(row).to_contain_text("Invalid phone number")
    expect(row).to_contain_text(f"{mobile[-2:]}")
    expect(page.locator(".console__nav [aria-current=page]")).to_have_attribute("href", "/centre/calls")
    assert desk_pages.serious_accessibility_violations() == []
    desk_pages.screenshot(f"centre-calls-{language}")

    row.get_by_role("button", name=TEXT[language]["show"]).click()  # the full number, audited
    full = f"+966{mobile[1:]}"
    expect(row.get_by_role("link", name=full)).to_have_attribute("href", f"tel:{full}")
    row.locator("input").fill("reached; the number was mistyped")
    row.get_by_role("button", name=TEXT[language]["called"]).click()
    expect(row).to_have_count(0)
    expect(page.locator("#calls-announcement")).to_contain_text(TEXT[language]["done"])
    done = until("the call recorded done", lambda: call_of(True))
    assert done["note"] == "reached; the number was mistyped"
    assert desk_pages.serious_accessibility_violations() == []
    assert desk_pages.console_errors == []
