"""The demo's GraphQL client and how it prints the story (``make demo``)."""

from __future__ import annotations

import os
import secrets
import sys
import threading
import time
from datetime import timedelta
from typing import Any

import httpx

from functions.domain.calendar_dates import hijri_day_of
from functions.domain.identity_numbers import luhn_valid
from functions.domain.madinah_time import today_in_madinah

URL = os.environ.get("SHUBBAK_GRAPHQL_URL", "http://127.0.0.1:8000/graphql")
SOCKET_URL = URL.replace("http", "ws", 1)
PASSWORD = "Shubbak-demo-2026"  # noqa: S105 - the local seed's published demo password
STEP_TIMEOUT_SECONDS = 60


class Demo:
    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.sms_seen: set[str] = set()

    def call(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        reply = self.client.post(URL, json={"query": query, "variables": variables or {}}, headers=headers)
        body: dict[str, Any] = reply.json()
        if body.get("errors"):
            raise SystemExit(f"GraphQL error: {body['errors']}")
        return dict(body["data"])

    def sign_in(self, national_id: str, password: str = PASSWORD) -> dict[str, Any]:
        query = """mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) {
            __typename ... on SignedIn { accessToken } ... on NewPasswordRequired { session } ... on Problem { code } } }"""
        return dict(self.call(query, {"n": national_id, "p": password})["signIn"])

    def until(self, what: str, check: Any) -> Any:
        deadline = time.monotonic() + STEP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            result = check()
            if result:
                return result
            time.sleep(0.5)
        raise SystemExit(f"timed out waiting for: {what}")

    def show_sms(self, citizen_token: str) -> set[str]:
        """Print the citizen's SMS not printed yet; the events seen so far."""
        items = self.call("{ myNotifications(first: 50) { items { event text status } } }", token=citizen_token)
        for message in reversed(items["myNotifications"]["items"]):
            if message["event"] not in self.sms_seen and message["status"] != "PENDING":
                self.sms_seen.add(message["event"])
                say(f"      📱 SMS: {message['text']}")
        return self.sms_seen


def new_national_id() -> str:
    body = "1" + "".join(secrets.choice("0123456789") for _ in range(8))
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


_OUTPUT = threading.Lock()


def say(text: str) -> None:
    """One line of the story, written whole: the live listener prints from its own thread, and
    ``print`` writes a text and its newline separately, so two threads' lines could run together."""
    with _OUTPUT:
        sys.stdout.write(f"{text}\n")
        sys.stdout.flush()


def step(text: str) -> None:
    say(f"\n▶ {text}")


def card_expiry(days_ahead: int = 900) -> dict[str, str]:
    """A national ID card's expiry as the card prints it: a Hijri date, entered as such."""
    printed = hijri_day_of(today_in_madinah() + timedelta(days=days_ahead))
    if printed is None:
        raise SystemExit("the card's expiry is past the Umm al-Qura tables")
    return {"date": printed.iso, "calendar": "HIJRI"}
