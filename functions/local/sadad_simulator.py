"""The local SADAD (docs/money.md, "Local simulation"): pays a bill as SADAD would tell us, a signed
payment notification POSTed to the webhook, with faults to inject (a wrong amount, a bad signature, an
old timestamp, the same notification twice); and writes its end-of-day report of the bills paid, with
faults too (a bill left out, one settled short, one we never billed), into the settlements bucket::

    .venv/bin/python -m functions.local.sadad_simulator --bill 402917365518 --amount 125.00
"""

from __future__ import annotations

import argparse
import json
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from functions.domain.money import Money
from functions.domain.settlement import write_sadad_report
from functions.handlers.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER
from functions.local.acquirer_simulator import SHORT_BY, Faults
from functions.services.signed_webhooks import signature_of

__all__ = ["PaidBill", "end_of_day_report", "notification", "pay", "put_report", "signed_headers"]


def notification(
    bill_number: str, amount: str, *, notification_id: str | None = None, paid_at: datetime | None = None
) -> bytes:
    return json.dumps(
        {
            "notificationId": notification_id or f"SN-{secrets.token_hex(8)}",
            "billNumber": bill_number,
            "amount": amount,
            "paidAt": (paid_at or datetime.now(UTC)).isoformat(),
            "bankReference": f"BK{secrets.randbelow(10**10):010d}",
        }
    ).encode()


def signed_headers(secret: str, body: bytes, *, at: float | None = None, forged: bool = False) -> dict[str, str]:
    timestamp = str(int(at if at is not None else time.time()))
    signature = signature_of(b"not-the-secret" if forged else secret.encode(), timestamp, body)
    return {"content-type": "application/json", TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: f"sha256={signature}"}


def pay(url: str, secret: str, bill_number: str, amount: str, **faults: Any) -> httpx.Response:
    body = notification(bill_number, amount)
    return httpx.post(url, content=body, headers=signed_headers(secret, body, **faults), timeout=10)


@dataclass(frozen=True)
class PaidBill:
    bill_number: str
    amount: Money
    paid_at: datetime


def end_of_day_report(day: date, paid: list[PaidBill], faults: Faults | None = None) -> str:
    """SADAD's report of the day's bills paid, with the acquirer simulator's faults: ``drop`` bills left
    out, ``short`` settled 5 SAR short, ``unknown`` bills we never issued, ``truncate`` the trailer cut."""
    faults = faults or Faults()
    kept = sorted(paid, key=lambda bill: bill.bill_number)[faults.drop :]
    lines = [
        (
            b.bill_number,
            Money(b.amount.halalas - SHORT_BY.halalas) if n < faults.short else b.amount,
            b.paid_at,
            f"BK{n:08d}",
        )
        for n, b in enumerate(kept)
    ]
    noon = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
    lines += [(f"{999_900_000_000 + n}", Money(10_000), noon, f"BKX{n:07d}") for n in range(faults.unknown)]
    text = write_sadad_report(day, lines)
    return "".join(text.splitlines(keepends=True)[:-1]) if faults.truncate else text


def put_report(s3: Any, bucket: str, day: date, text: str, name: str = "report") -> str:
    """Where SADAD's report is delivered: ``sadad/<day>/<name>.csv``."""
    key = f"sadad/{day.isoformat()}/{name}.csv"
    s3.put_object(Bucket=bucket, Key=key, Body=text.encode(), ContentType="text/csv")
    return key


def main() -> None:
    parser = argparse.ArgumentParser(description="Pay a SADAD bill on the running local stack.")
    parser.add_argument("--bill", required=True)
    parser.add_argument("--amount", required=True)
    parser.add_argument("--url", default="http://127.0.0.1:8000/sadad/payments")
    parser.add_argument("--forged", action="store_true", help="sign with the wrong secret")
    arguments = parser.parse_args()
    from functions.local.stack import load_environment  # noqa: PLC0415 - the CLI only

    secret = load_environment()["SADAD_NOTIFICATION_SECRET"]
    reply = pay(arguments.url, secret, arguments.bill, arguments.amount, forged=arguments.forged)
    print(reply.status_code, reply.text)


if __name__ == "__main__":
    main()
