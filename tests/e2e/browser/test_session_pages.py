"""The session, in a real Chromium on the local stack: signing in for every role (routed by the API's
``me``), refusals said and linked, the access token renewed with the refresh token, a refused session and
a refused WebSocket token ending in the sign-in prompt without a loop, and the idle time-out."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from tests.e2e.browser.conftest import PageUnderTest
from tests.e2e.browser.story import Filed, client_of, file_building_permit
from tests.e2e.conftest import DevStack
from tests.support.people import DEMO_PASSWORD, SignedInCitizen, open_and_activate, sign_in
from tests.support.transports import ServerClient

pytestmark = pytest.mark.e2e

OPERATOR, OFFICER = "1000001014", "1000001030"
PASSWORD = "the citizen's own password"


@dataclass(frozen=True)
class Citizen:
    account: SignedInCitizen
    filed: Filed


@pytest.fixture(scope="module")
def citizen(dev_stack: DevStack) -> Citizen:
    """An account the citizen has taken over (through the API), with a request filed for them."""
    client = client_of(dev_stack)
    account = open_and_activate(client, sign_in(client, OPERATOR), password=PASSWORD)
    return Citizen(account, file_building_permit(dev_stack, account.citizen_id, account.national_id))


def sign_in_on(pages: PageUnderTest, national_id: str, password: str, path: str = "/sign-in") -> Page:
    page = pages.open(path)
    pages.tab_to("national-id")
    page.keyboard.type(national_id)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    return page


def stored_session(page: Page) -> dict[str, object]:
    session: dict[str, object] = json.loads(page.evaluate("() => sessionStorage.getItem('shubbak.session')"))
    return session


def change_session(page: Page, **changes: object) -> None:
    page.evaluate(
        "(changes) => sessionStorage.setItem('shubbak.session', JSON.stringify({...JSON.parse(sessionStorage.getItem('shubbak.session')), ...changes}))",
        changes,
    )


def test_missing_and_wrong_credentials_are_summarised_and_linked(pages: PageUnderTest, citizen: Citizen) -> None:
    page = pages.open("/sign-in")
    page.locator("#password").press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_text(["أدخل رقم الهوية الوطنية أو الإقامة", "أدخل كلمة المرور"])
    summary.locator("a").first.click()
    expect(page.locator("#national-id")).to_be_focused()
    page.keyboard.type(citizen.account.national_id)
    page.keyboard.press("Tab")
    page.keyboard.type("not my password")
    page.keyboard.press("Enter")
    expect(summary.locator("a")).to_have_text(  # a list: waits while the two earlier errors are still shown
        ["رقم الهوية أو كلمة المرور غير صحيحة، أو أُوقف الدخول مؤقتًا بعد محاولات خاطئة"]
    )
    expect(page.locator("#password")).to_have_value("")  # a wrong password is not kept on the page
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("sign-in-error-ar")
    page.get_by_role("button", name="English").click()
    page.locator("#password").press("Enter")
    expect(summary.locator("a")).to_have_text(["Enter your password"])
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("sign-in-error-en")
    assert pages.console_errors == []


@pytest.mark.parametrize(
    ("national_id", "home", "elsewhere"),
    [(OPERATOR, "/centre", "/me"), (OFFICER, "/agency", "/monitor")],
)
def test_staff_are_routed_by_the_role_the_api_gives(
    pages: PageUnderTest, national_id: str, home: str, elsewhere: str
) -> None:
    page = sign_in_on(pages, national_id, DEMO_PASSWORD)
    page.wait_for_url(f"**{home}")
    page.goto(pages.base_url + elsewhere)  # another role's pages: back to their own
    page.wait_for_url(f"**{home}")
    page.wait_for_selector("main h1")
    assert pages.serious_accessibility_violations() == []
    assert pages.console_errors == []


def test_a_citizen_comes_back_to_the_page_asked_for_and_not_to_another_roles(
    pages: PageUnderTest, citizen: Citizen
) -> None:
    page = sign_in_on(pages, citizen.account.national_id, PASSWORD, "/sign-in?next=%2Fcentre")
    page.wait_for_url("**/me")  # not a citizen's page: their home instead
    page.goto(pages.base_url + "/sign-in")
    page.wait_for_url("**/me")  # signed in already: no second sign-in
    page.locator(".header-button").click()
    page.wait_for_url("**/sign-in?reason=signed-out")
    page = sign_in_on(pages, citizen.account.national_id, PASSWORD, "/sign-in?next=%2Fme%2Fmessages")
    page.wait_for_url("**/me/messages")


def test_the_access_token_is_renewed_with_the_refresh_token(pages: PageUnderTest, citizen: Citizen) -> None:
    page = sign_in_on(pages, citizen.account.national_id, PASSWORD)
    page.wait_for_url("**/me")
    before = stored_session(page)
    change_session(page, expiresAt=0)  # as if the 15 minutes had passed
    page.goto(pages.base_url + "/me/requests")
    expect(page.locator("h1")).to_have_text("طلباتي")
    expect(page.locator(".item-list__item")).to_contain_text(citizen.filed.tracking_number)
    after = stored_session(page)
    assert after["accessToken"] != before["accessToken"]
    assert after["refreshToken"] == before["refreshToken"]
    assert int(str(after["expiresAt"])) > 0


def test_a_session_that_cannot_be_renewed_ends_in_the_sign_in_prompt_once(
    pages: PageUnderTest, citizen: Citizen
) -> None:
    page = sign_in_on(pages, citizen.account.national_id, PASSWORD)
    page.wait_for_url("**/me")
    page.wait_for_load_state("networkidle")  # the home page's own operations sent with the valid token
    change_session(page, expiresAt=0, refreshToken="no longer honoured")
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if request.url.endswith("/graphql/public") else None)
    page.goto(pages.base_url + "/me/requests")
    page.wait_for_url("**/sign-in?reason=expired&next=%2Fme%2Frequests")
    expect(page.locator(".notice")).to_contain_text("انتهت جلستك")
    assert page.evaluate("() => sessionStorage.length") == 0
    assert len(asked) == 1  # one renewal for every operation that wanted the token; nothing sent after it
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("session-expired-ar")
    pages.tab_to("national-id")
    page.keyboard.type(citizen.account.national_id)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/me/requests")  # back where they were


def forging_connection_init(opened: list[WebSocketRoute]) -> Callable[[WebSocketRoute], None]:
    """The page's socket, passed to the real server, with the token of its connection_init replaced by a
    forged one: the server refuses it as it would an expired or revoked one (HTTP keeps the real token)."""

    def route(socket: WebSocketRoute) -> None:
        opened.append(socket)
        server = socket.connect_to_server()

        def to_server(message: str | bytes) -> None:
            text = message if isinstance(message, str) else message.decode()
            parsed = json.loads(text)
            if parsed.get("type") == "connection_init":
                parsed["payload"] = {"authorization": "Bearer forged.token.value"}
                text = json.dumps(parsed)
            server.send(text)

        socket.on_message(to_server)

    return route


def test_a_refused_socket_token_ends_in_the_sign_in_prompt_without_reconnecting(
    pages: PageUnderTest, citizen: Citizen
) -> None:
    """API Gateway closes a refused connection with 1000, after which graphql-ws reconnects at once: the
    page's client must stop at the server's refusal and ask the person to sign in again."""
    page = sign_in_on(pages, citizen.account.national_id, PASSWORD)
    page.wait_for_url("**/me")
    opened: list[WebSocketRoute] = []
    page.route_web_socket("**/graphql", forging_connection_init(opened))
    page.goto(f"{pages.base_url}/me/requests/{citizen.filed.request_id}")  # the page follows it live
    page.wait_for_url("**/sign-in?reason=expired&next=**")
    assert f"%2Fme%2Frequests%2F{citizen.filed.request_id}" in page.url
    page.wait_for_timeout(2_000)  # time enough for a loop to show itself
    assert 1 <= len(opened) <= 2
    expect(page.locator(".notice")).to_contain_text("انتهت جلستك")


def test_an_idle_session_is_warned_then_ended(pages: PageUnderTest, citizen: Citizen) -> None:
    page = pages.page
    page.clock.install()
    page = sign_in_on(pages, citizen.account.national_id, PASSWORD)
    page.wait_for_url("**/me")
    page.wait_for_selector("main h1")
    kept = stored_session(page)
    page.clock.run_for("13:30")
    warning = page.locator(".notice--warning")
    expect(warning).to_contain_text("ستخرج قريبًا")
    assert pages.serious_accessibility_violations() == []
    pages.screenshot("session-idle-warning-ar")
    warning.get_by_role("button").press("Enter")  # "stay signed in": a key pressed is activity
    expect(warning).to_have_count(0)
    page.clock.run_for("13:30")
    expect(page).to_have_url(f"{pages.base_url}/me")  # 13.5 minutes since the key: still signed in
    page.clock.run_for("02:00")
    page.wait_for_url("**/sign-in?reason=idle&next=%2Fme")
    expect(page.locator(".notice")).to_contain_text("خرجت تلقائيًا")
    assert page.evaluate("() => sessionStorage.length") == 0
    refused = ServerClient(pages.base_url).post(
        "mutation ($t: String!) { refreshSession(refreshToken: $t) { __typename ... on Problem { code } } }",
        {"t": kept["refreshToken"]},
        path="/graphql/public",
    )
    assert refused.data["refreshSession"]["code"] == "SESSION_ENDED"  # revoked, not only forgotten
