"""A fake HTTP SMS aggregator on loopback, for ``make dev`` and the tests: the send API of
``functions/adapters/sms_aggregator.py`` and signed delivery reports pushed to a webhook, the handsets
played by the simulated carrier (docs/sms.md).

    with FakeAggregator(api_key="k", report_secret="s", report_url="http://127.0.0.1:8000/sms/reports") as fake:
        AggregatorSmsGateway(fake.url, "k", "Shubbak").send_sms(...)

Hand-written on the standard library's ``http.server``: a real server a test starts on a free port,
with no dependency to install.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from functions.domain.notification import DeliveryStatus
from functions.local.simulated_carrier import SimulatedCarrier
from functions.services.delivery_reports import report_signature

__all__ = ["FakeAggregator", "SignedReport"]

SMPP_STATE = {
    DeliveryStatus.DELIVERED: "DELIVRD",
    DeliveryStatus.TEMPORARY_FAILURE: "EXPIRED",
    DeliveryStatus.PERMANENT_FAILURE: "UNDELIV",
}


@dataclass(frozen=True)
class SignedReport:
    timestamp: str
    signature: str
    body: bytes


class FakeAggregator:
    def __init__(
        self,
        *,
        api_key: str,
        report_secret: str,
        sender_ids: frozenset[str] = frozenset({"Shubbak"}),
        report_url: str | None = None,
        carrier: SimulatedCarrier | None = None,
        port: int = 0,
    ) -> None:
        self.api_key = api_key
        self.report_secret = report_secret.encode("utf-8")
        self.sender_ids = sender_ids
        self.report_url = report_url
        self.carrier = carrier or SimulatedCarrier()
        self.refusing = False
        """While True, every send is answered 503 (a provider outage: the other provider takes over)."""
        self.messages: list[dict[str, Any]] = []
        self.reports: list[SignedReport] = []
        self.report_answers: list[int] = []
        self._port = port
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake aggregator serves only inside `with FakeAggregator(...)`")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeAggregator:
        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), self._handler())
        threading.Thread(target=self._server.serve_forever, name="fake-aggregator", daemon=True).start()
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def sign(self, report: dict[str, Any], at: float | None = None) -> SignedReport:
        body = json.dumps(report).encode("utf-8")
        timestamp = str(int(time.time() if at is None else at))
        return SignedReport(timestamp, "sha256=" + report_signature(self.report_secret, timestamp, body), body)

    def _accept(self, message: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.refusing:
            return 503, {"error": {"code": "UNAVAILABLE", "message": "try later"}}
        if message.get("sender") not in self.sender_ids:
            return 400, {"error": {"code": "SENDER_NOT_REGISTERED", "message": "sender ID not registered"}}
        if not message.get("to") or not message.get("text"):
            return 400, {"error": {"code": "INVALID", "message": "to and text are required"}}
        message_id = uuid.uuid4().hex
        self.messages.append({**message, "messageId": message_id})
        outcome = self.carrier.outcome(str(message["to"]))
        report = {
            "reportId": uuid.uuid4().hex,
            "messageId": message_id,
            "status": SMPP_STATE[outcome.status],
            "description": outcome.reason,
            "doneAt": datetime.now(UTC).isoformat(),
        }
        timer = threading.Timer(self.carrier.delay_seconds, self._report, args=(report,))
        timer.daemon = True
        timer.start()
        return 202, {"messageId": message_id, "status": "ACCEPTED"}

    def _report(self, report: dict[str, Any]) -> None:
        signed = self.sign(report)
        self.reports.append(signed)
        if self.report_url is None:
            return
        request = urllib.request.Request(  # noqa: S310 (the local webhook)
            self.report_url,
            data=signed.body,
            headers={
                "content-type": "application/json",
                "x-shubbak-timestamp": signed.timestamp,
                "x-shubbak-signature": signed.signature,
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
                self.report_answers.append(answer.status)
        except urllib.error.HTTPError as refused:
            refused.close()
            self.report_answers.append(refused.code)
        except OSError:
            self.report_answers.append(0)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                if self.path != "/v1/messages":
                    self._answer(404, {"error": {"code": "NOT_FOUND"}})
                elif self.headers.get("authorization") != f"Bearer {fake.api_key}":
                    self._answer(401, {"error": {"code": "UNAUTHORIZED"}})
                else:
                    try:
                        message = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)))
                    except ValueError:
                        self._answer(400, {"error": {"code": "INVALID"}})
                        return
                    self._answer(*fake._accept(message))

            def _answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the dev server prints each SMS itself."""

        return Handler
