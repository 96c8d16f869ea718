"""The local acquirer (and, with ``make dev``, its CLI): the day's Mada settlement file for the card
payments it processed, with faults to inject, put in the settlements bucket as the real acquirer would
(docs/money.md, "Local simulation").

A real acquirer knows every payment its terminals took; locally the simulator is told them (the demo and
the tests list the slips they printed), or, from the command line, reads the day's unsettled slips from
the running stack's ledger::

    .venv/bin/python -m functions.local.acquirer_simulator --day 2026-12-04 --drop 1 --short 1
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from typing import Any

from functions.domain.ledger import PosSlip
from functions.domain.money import Money
from functions.domain.settlement import write_settlement

__all__ = ["Faults", "Processed", "put_settlement", "settlement_file"]

SHORT_BY = Money(500)
"""What a short-paid line is short of (5 SAR): an acquirer's fee taken twice, say."""


@dataclass(frozen=True)
class Processed:
    """One card payment as the acquirer saw it."""

    slip: PosSlip
    amount: Money
    day: date


@dataclass(frozen=True)
class Faults:
    drop: int = 0
    """Payments left out of the file (the acquirer lost them): the reconciliation finds each missing."""
    short: int = 0
    """Payments settled for 5 SAR less: each an amount mismatch."""
    unknown: int = 0
    """Lines for slips no terminal of ours printed: each missing in the ledger."""
    truncate: bool = False
    """The file cut off before its trailer."""


def settlement_file(settlement_day: date, processed: list[Processed], faults: Faults = Faults()) -> str:
    kept = sorted(processed, key=lambda p: p.slip.key)[faults.drop :]
    lines = [
        (p.slip, Money(p.amount.halalas - SHORT_BY.halalas) if index < faults.short else p.amount, p.day)
        for index, p in enumerate(kept)
    ]
    lines += [
        (PosSlip("MEDT9999", f"{999_000_000_000 + n:012d}"), Money(10_000), settlement_day)
        for n in range(faults.unknown)
    ]
    text = write_settlement(settlement_day, lines)
    if faults.truncate:
        text = "".join(text.splitlines(keepends=True)[:-1])
    return text


def put_settlement(s3: Any, bucket: str, settlement_day: date, text: str, name: str = "settlement") -> str:
    """Where the acquirer delivers it: ``mada/<day>/<name>.csv``."""
    key = f"mada/{settlement_day.isoformat()}/{name}.csv"
    s3.put_object(Bucket=bucket, Key=key, Body=text.encode(), ContentType="text/csv")
    return key


def main() -> None:
    parser = argparse.ArgumentParser(description="Settle a day's card payments on the running local stack.")
    parser.add_argument("--day", type=date.fromisoformat, required=True)
    parser.add_argument("--drop", type=int, default=0)
    parser.add_argument("--short", type=int, default=0)
    parser.add_argument("--unknown", type=int, default=0)
    parser.add_argument("--truncate", action="store_true")
    arguments = parser.parse_args()
    import os  # noqa: PLC0415 - the CLI only: the stack's environment, then its container

    from functions import bootstrap  # noqa: PLC0415
    from functions.local.stack import load_environment, use_fake_credentials  # noqa: PLC0415

    use_fake_credentials()
    environment = load_environment()
    os.environ.update(environment)
    container = bootstrap.container()
    claims = container.adapters.settlements.unsettled(arguments.day)
    processed = [Processed(claim.slip, claim.amount, claim.day) for claim in claims]
    faults = Faults(arguments.drop, arguments.short, arguments.unknown, arguments.truncate)
    key = put_settlement(
        container.adapters.client("s3"),
        environment["SETTLEMENTS_BUCKET"],
        arguments.day,
        settlement_file(arguments.day, processed, faults),
    )
    print(f"{len(processed)} card payments settled in s3://{environment['SETTLEMENTS_BUCKET']}/{key}")


if __name__ == "__main__":
    main()
