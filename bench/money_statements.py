"""A centre's month of statements (and its balances) costs the same DynamoDB calls at 1,000 and 10,000 filings.

    make bench-money        # or: .venv/bin/python -m bench.money_statements --filings 1000 10000

On in-process moto, provisioned from ``infra/``: for each volume, a centre of its own gets that many
filings spread over the 30 days before today (cash, card and SADAD, each with its fee and charge), a few
refunds and remittances; their journal entries are made by the domain's own posting functions
(``filing_entry``, ``refund_entry``, ``remittance_entry``). Then the centre's 30 day statements and its
balances are read through the use case the API calls (``CentreMoney``), every DynamoDB call counted (a
botocore hook on the table's one connection) and timed (median and 90th percentile of 20 reads); the
figures read are checked against the entries (each day's figures are the sum of its entries', the
balances the sum of every line).

Seeding writes the journal in batches, and each account and day once with the sum of its entries (by the
adapter's own item classes), instead of one transaction per entry: the items end as the entries' own
transactions would leave them (balances and figures only ever add), and moto deep-copies the whole table
for every item of every transaction (the posting path itself is measured by the tests, not here).

Exit status 1 when the bigger volume's read made more DynamoDB calls than the smaller one's, or a figure
read disagreed with the entries.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from moto import mock_aws

from bench.centre_performance import Call, counted_calls
from functions.adapters.dynamodb.ledger_items import AccountItem, DayItem, EntryItem, day_sort_key, ledger_partition
from functions.bootstrap import Container, Settings, build_container
from functions.domain.ledger import Account, Channel, Figure, JournalEntry, filing_entry, refund_entry, remittance_entry
from functions.domain.money import Money
from functions.domain.principal import Principal, Role
from functions.local.provision import provision
from functions.local.seeding import seed_catalogue, seed_people
from functions.local.stack import use_fake_credentials
from functions.services.caller import Caller

MONITOR = Caller(Principal("bench-monitor", Role.MONITOR), "bench")
DAYS = 30
READS = 20
FEES = [Money(10000), Money(30000), Money(100000), Money(5000)]
AGENCIES = ["CIVIL-AFFAIRS", "COMMERCE", "MUNICIPALITY", "PASSPORTS"]


@dataclass(frozen=True)
class Measure:
    filings: int
    entries: int
    statement_calls: list[Call]
    balance_calls: list[Call]
    median_ms: float
    p90_ms: float
    agrees: bool


def entries_for(centre_id: str, filings: int, today: date, rng: random.Random) -> list[JournalEntry]:
    """A month of a centre's money: filings by every channel, one in 50 refunded, a remittance a day."""
    first = datetime.combine(today - timedelta(days=DAYS - 1), datetime.min.time(), UTC)
    entries: list[JournalEntry] = []
    for n in range(filings):
        at = first + timedelta(days=rng.randrange(DAYS), hours=rng.randrange(5, 14), minutes=rng.randrange(60))
        filing = filing_entry(
            centre_id=centre_id,
            request_id=f"bench-{uuid.uuid4().hex}",
            fee_agency=AGENCIES[n % len(AGENCIES)],
            fee=FEES[n % len(FEES)],
            charge=Money(2500),
            channel=list(Channel)[n % len(Channel)],
            posted_at=at,
        )
        entries.append(filing)
        if n % 50 == 0:
            entries.append(refund_entry(filing, at + timedelta(hours=1)))
    for offset in range(DAYS):
        at = first + timedelta(days=offset, hours=15)
        entries.append(
            remittance_entry(centre_id=centre_id, amount=Money(100), reference=f"DEP-{offset:04d}", posted_at=at)
        )
    return entries


def seed(container: Container, centre_id: str, entries: list[JournalEntry]) -> None:
    table = container.adapters.main_table
    journal, accounts, days = table.bind(EntryItem), table.bind(AccountItem), table.bind(DayItem)
    with journal.batch_write() as batch:
        for entry in entries:
            batch.save(journal.from_domain(entry))
    balances: Counter[Account] = Counter()
    figures: dict[date, Counter[Figure]] = {}
    for entry in entries:
        for line in entry.lines:
            balances[line.account] += line.halalas
        figures.setdefault(entry.day, Counter()).update(entry.figures)
    partition = ledger_partition(centre_id)
    for account, halalas in balances.items():
        accounts(pk=partition, sk=f"ACCOUNT#{account.key}").update(actions=[AccountItem.balance.add(halalas)])
    for day, sums in figures.items():
        days(pk=partition, sk=day_sort_key(day)).update(
            actions=[DayItem.figure(figure).add(value) for figure, value in sums.items() if value]
        )


def agrees(container: Container, centre_id: str, entries: list[JournalEntry], first: date, last: date) -> bool:
    money = container.use_cases.centre_money
    statements = {s.day: s for s in money.statements(MONITOR, centre_id, first, last)}
    for day in (first + timedelta(days=n) for n in range(DAYS)):
        expected: Counter[Figure] = Counter()
        for entry in entries:
            if entry.day == day:
                expected.update(entry.figures)
        if any(statements[day].figure(figure) != expected[figure] for figure in Figure):
            return False
    lines: Counter[str] = Counter()
    for entry in entries:
        for line in entry.lines:
            lines[line.account.key] += line.halalas
    read = {b.account.key: b.halalas for b in money.balances(MONITOR, centre_id)}
    return read == {key: value for key, value in lines.items() if value} and sum(read.values()) == 0


def measure(container: Container, centre_id: str, filings: int, entries: list[JournalEntry]) -> Measure:
    money = container.use_cases.centre_money
    today = container.adapters.clock.now().date()
    first, last = today - timedelta(days=DAYS - 1), today
    money.statements(MONITOR, centre_id, first, last)  # the caller's standing, read once and kept 30 s
    with counted_calls(container) as statement_calls:
        money.statements(MONITOR, centre_id, first, last)
    with counted_calls(container) as balance_calls:
        money.balances(MONITOR, centre_id)
    timings = []
    for _ in range(READS):
        started = time.perf_counter()
        money.statements(MONITOR, centre_id, first, last)
        timings.append((time.perf_counter() - started) * 1000)
    return Measure(
        filings=filings,
        entries=len(entries),
        statement_calls=statement_calls,
        balance_calls=balance_calls,
        median_ms=statistics.median(timings),
        p90_ms=statistics.quantiles(timings, n=10)[-1],
        agrees=agrees(container, centre_id, entries, first, last),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filings", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--seed", type=int, default=17)
    arguments = parser.parse_args()
    use_fake_credentials()
    rng = random.Random(arguments.seed)  # noqa: S311 (reproducible synthetic load, nothing secret)
    results: list[Measure] = []
    with mock_aws():
        stack = provision()
        os.environ.update(stack.environment)
        container = build_container(Settings.from_environ(stack.environment))
        seed_catalogue(container.use_cases.catalogue)
        seed_people(container)
        today = container.adapters.clock.now().date()
        for volume, centre_id in zip(sorted(arguments.filings), ["MED-C01", "MED-C02", "MED-C03"], strict=False):
            entries = entries_for(centre_id, volume, today, rng)
            started = time.perf_counter()
            seed(container, centre_id, entries)
            print(
                f"seeded {volume} filings ({len(entries)} entries) in {time.perf_counter() - started:.1f} s", flush=True
            )
            results.append(measure(container, centre_id, volume, entries))
    report(results)
    grew = any(
        len(later.statement_calls) > len(earlier.statement_calls)
        or len(later.balance_calls) > len(earlier.balance_calls)
        for earlier, later in itertools.pairwise(results)
    )
    return 1 if grew or not all(r.agrees for r in results) else 0


def report(results: list[Measure]) -> None:
    print("\nA centre's 30 day statements and its balances, read through CentreMoney (the API's use case):\n")
    print("(the GetItem is the centre, looked up to authorise; moto answers every Query by walking the whole")
    print("table, so its times grow with the table, where DynamoDB's grow with the 30 items returned)\n")
    print(
        "| filings in the month | journal entries | statements: DynamoDB calls | balances: DynamoDB calls | statements: median / p90 ms on moto | figures agree with the entries |"
    )
    print("|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.filings:,} | {r.entries:,} | {len(r.statement_calls)} ({', '.join(map(str, r.statement_calls))})"
            f" | {len(r.balance_calls)} ({', '.join(map(str, r.balance_calls))})"
            f" | {r.median_ms:.1f} / {r.p90_ms:.1f} | {'yes' if r.agrees else 'NO'} |"
        )


if __name__ == "__main__":
    sys.exit(main())
