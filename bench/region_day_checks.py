"""After the region's day: was anything lost? And the officers' screens that stayed subscribed meanwhile.

Nothing is lost when, once the stack has settled (bounded wait):

* every filing answered ``SubmittedRequest`` is in the stack, and its receipt SMS (REQUEST_SUBMITTED)
  was delivered;
* the monitoring office's figures for each desk's centre count the run's filings exactly (``submitted``
  moved by the number filed) and its delivered SMS exactly (``sms.delivered`` moved by the number of
  delivered SMS on the run's requests: none missed, none counted twice);
* every subscriber of an agency heard the same hand-off events as the other subscribers of that agency,
  and among them each filing's arrival (FORWARDED) at its first agency.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import gevent
import httpx

from bench.region_day_cast import Filing, Region
from functions.domain.madinah_time import today_in_madinah
from functions.local.live_client import LiveClient

__all__ = [
    "Checks",
    "Subscriber",
    "Subscribers",
    "delivered_since",
    "figures_off",
    "heard_differently",
    "receipts_missing",
]

SETTLE_SECONDS = 180
CHECK_TIMEOUT_SECONDS = 60  # the stack may still be working off the load's backlog
HANDOFF_EVENTS = "subscription { handoffEvents { kind trackingNumber agencyCode } }"
FIGURES = """query ($c: ID!, $d: Date!) { centrePerformance(centreId: $c, from: $d, to: $d) {
    __typename ... on CentrePerformance { figures { submitted sms { delivered } } } } }"""
REQUEST_SMS = """query ($id: ID!) { request(id: $id) { __typename
    ... on ServiceRequest { id centreId sms { template status createdAt sentAt statusAt } } } }"""


@dataclass
class Subscriber:
    agency: str
    heard: set[tuple[str, str]] = field(default_factory=set)
    ready: bool = False
    trouble: list[str] = field(default_factory=list)
    """What the server sent that was not an event (errors, a close), and why listening stopped."""


class Subscribers:
    """Officers' screens subscribed to ``handoffEvents`` for the whole run (graphql-transport-ws)."""

    def __init__(self, base: str, region: Region, per_agency: int) -> None:
        self._url = base.replace("http", "ws", 1) + "/graphql"
        self._region = region
        self._per_agency = per_agency
        self.clients: list[Subscriber] = []
        self._greenlets: list[gevent.Greenlet[Any]] = []
        self._stopping = False

    def start(self) -> Subscribers:
        for agency, token in self._region.officers.items():
            for _ in range(self._per_agency):
                subscriber = Subscriber(agency)
                self.clients.append(subscriber)
                self._greenlets.append(gevent.spawn(self._listen, subscriber, token))
        deadline = time.monotonic() + 60
        while not all(s.ready for s in self.clients):
            if time.monotonic() > deadline:
                raise SystemExit("the subscribers did not all subscribe within 60 s")
            gevent.sleep(0.1)
        return self

    def _listen(self, subscriber: Subscriber, token: str) -> None:
        try:
            with LiveClient.connect(self._url) as live:
                live.init(token)
                live.subscribe("1", HANDOFF_EVENTS)
                refused = [m for m in live.settle() if m.get("type") != "next"]
                subscriber.trouble.extend(f"subscribe answered {str(m)[:300]}" for m in refused)
                subscriber.ready = True
                while not self._stopping:
                    message = live.next_message(timeout=0.5)
                    if message is None and live.close_code is not None:
                        subscriber.trouble.append(f"closed by the server ({live.close_code})")
                        return
                    if message is None:
                        continue
                    event = (message.get("payload") or {}).get("data", {}) or {}
                    if message.get("type") == "next" and event.get("handoffEvents"):
                        heard = event["handoffEvents"]
                        subscriber.heard.add((heard["trackingNumber"], heard["kind"]))
                    elif message.get("type") not in {"pong", "ping"}:
                        subscriber.trouble.append(str(message)[:300])
        except Exception as error:
            subscriber.trouble.append(f"stopped listening: {error!r}")
        finally:
            subscriber.ready = True

    def stop(self) -> None:
        self._stopping = True
        gevent.joinall(self._greenlets, timeout=10)


class Checks:
    def __init__(self, base: str, region: Region) -> None:
        self._url = f"{base}/graphql"
        self._region = region
        self._day = today_in_madinah().isoformat()
        self.since = datetime.now(UTC)

    def _call(self, query: str, variables: dict[str, Any], token: str) -> Any:
        reply = httpx.post(
            self._url,
            json={"query": query, "variables": variables},
            headers={"authorization": f"Bearer {token}"},
            timeout=CHECK_TIMEOUT_SECONDS,
        )
        body = reply.json()
        if body.get("errors"):
            raise SystemExit(f"the checks' query failed: {body['errors']}")
        return next(iter(body["data"].values()))

    def figures(self) -> dict[str, tuple[int, int]]:
        """Each desk centre's (filings, delivered SMS) today, once two reads a few seconds apart agree (the
        records opened for the run have their SMS delivered by then)."""
        previous: dict[str, tuple[int, int]] | None = None
        deadline = time.monotonic() + SETTLE_SECONDS
        while time.monotonic() < deadline:
            self.since = datetime.now(UTC)
            now = {desk.centre_id: self._figures_of(desk.centre_id) for desk in self._region.desks}
            if now == previous:
                return now
            previous = now
            gevent.sleep(3)
        raise SystemExit("the figures did not settle")

    def _figures_of(self, centre_id: str) -> tuple[int, int]:
        answer = self._call(FIGURES, {"c": centre_id, "d": self._day}, self._region.monitor)
        if answer["__typename"] != "CentrePerformance":
            raise SystemExit(f"centrePerformance: {answer}")
        return int(answer["figures"]["submitted"]), int(answer["figures"]["sms"]["delivered"])

    def _sms_of(self, request_id: str, operators: list[str]) -> tuple[str, list[dict[str, str]]] | None:
        """The request's centre and SMS, read as the first of ``operators`` whose centre it is."""
        for operator in operators:
            answer = self._call(REQUEST_SMS, {"id": request_id}, self._region.tokens[operator])
            if answer["__typename"] == "ServiceRequest":
                return str(answer["centreId"]), list(answer["sms"])
        return None

    def nothing_lost(self, before: dict[str, tuple[int, int]], listening: Subscribers) -> dict[str, Any]:
        """The problems found once the stack settled (or the bounded wait ran out), and what was counted."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while True:
            try:
                problems, counted = self._look(self.since, before, listening)
            except httpx.HTTPError as error:  # the backlog still being worked off: look again
                problems, counted = [f"the checks could not read the stack: {error!r}"], {}
            if not problems or time.monotonic() > deadline:
                return {"problems": problems, "counted": counted}
            gevent.sleep(3)

    def _look(
        self, since: datetime, before: dict[str, tuple[int, int]], listening: Subscribers
    ) -> tuple[list[str], dict[str, Any]]:
        problems: list[str] = []
        found: list[tuple[Filing, list[dict[str, str]]]] = []
        filed: dict[str, int] = defaultdict(int)
        delivered: dict[str, int] = defaultdict(int)
        for filing in self._region.filed:
            seen = self._sms_of(filing.request_id, [filing.operator])
            if seen is None:
                problems.append(f"{filing.tracking_number}: not found")
                continue
            found.append((filing, seen[1]))
            filed[filing.centre_id] += 1
            delivered[filing.centre_id] += delivered_since(seen[1], since)
        operators = [desk.operator for desk in self._region.desks]
        for request_id in self._region.touched - {f.request_id for f in self._region.filed}:
            seen = self._sms_of(request_id, operators)  # filed before the run; None: not a desk centre's
            if seen is not None:
                delivered[seen[0]] += delivered_since(seen[1], since)
        after = {desk.centre_id: self._figures_of(desk.centre_id) for desk in self._region.desks}
        problems += receipts_missing(found) + figures_off(before, after, filed, delivered)
        problems += heard_differently(self._region.officers, self._region.filed, listening.clients)
        sent = receipt_sent_after(found)
        counted = {
            "filings": len(self._region.filed),
            "receipt_sms_sent_after_filing_ms": {
                "p50": round(percentile(sent, 0.5)),
                "p95": round(percentile(sent, 0.95)),
            },
            "requests_changed_from_before_the_run": len(
                self._region.touched - {f.request_id for f in self._region.filed}
            ),
            "receipts_delivered": len(found) - len(receipts_missing(found)),
            "sms_delivered_during_the_run": sum(delivered.values()),
            "events_heard_per_subscriber": sorted({len(s.heard) for s in listening.clients}),
        }
        return problems, counted


def receipt_sent_after(found: list[tuple[Filing, list[dict[str, str]]]]) -> list[float]:
    """For each filing, ms from its receipt SMS being written (in the filing's own transaction) to its
    hand-over to the SMS provider: what the citizen waits for, less the carrier."""
    waits = []
    for _, sms in found:
        for message in sms:
            if message["template"] == "REQUEST_SUBMITTED" and message.get("sentAt"):
                written, sent = datetime.fromisoformat(message["createdAt"]), datetime.fromisoformat(message["sentAt"])
                waits.append((sent - written).total_seconds() * 1000)
    return waits


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (0 for no values)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else 0.0


def delivered_since(sms: list[dict[str, str]], since: datetime) -> int:
    """The SMS delivered at or after ``since`` (the figures read before the run)."""
    return sum(
        1
        for message in sms
        if message["status"] == "DELIVERED" and datetime.fromisoformat(message["statusAt"]) >= since
    )


def receipts_missing(found: list[tuple[Filing, list[dict[str, str]]]]) -> list[str]:
    """Each filing whose receipt SMS (REQUEST_SUBMITTED) was not delivered."""
    return [
        f"{filing.tracking_number}: receipt SMS not delivered ({sms})"
        for filing, sms in found
        if not any(m["template"] == "REQUEST_SUBMITTED" and m["status"] == "DELIVERED" for m in sms)
    ]


def figures_off(
    before: dict[str, tuple[int, int]],
    after: dict[str, tuple[int, int]],
    filed: dict[str, int],
    delivered: dict[str, int],
) -> list[str]:
    """Each centre whose figures (filings, delivered SMS) did not move by exactly what the run did."""
    problems = []
    for centre, (submitted, sms_delivered) in after.items():
        moved = (submitted - before[centre][0], sms_delivered - before[centre][1])
        if moved != (filed.get(centre, 0), delivered.get(centre, 0)):
            problems.append(
                f"{centre}: figures moved by {moved[0]} filings and {moved[1]} delivered SMS;"
                f" the run filed {filed.get(centre, 0)} and its requests show {delivered.get(centre, 0)} delivered SMS"
            )
    return problems


def heard_differently(officers: dict[str, str], filed: list[Filing], subscribers: list[Subscriber]) -> list[str]:
    """Each subscriber that missed an event another subscriber of its agency heard, and each agency whose
    subscribers never heard a filing arrive (FORWARDED) at it as its first stage."""
    problems = []
    for agency in officers:
        mine = [s for s in subscribers if s.agency == agency]
        everything: set[tuple[str, str]] = set().union(*(s.heard for s in mine))
        problems.extend(
            f"a {agency} subscriber missed {len(everything - s.heard)} events" for s in mine if s.heard != everything
        )
        arrivals = {f.tracking_number for f in filed if f.first_agency == agency}
        unheard = arrivals - {number for number, kind in everything if kind == "FORWARDED"}
        if unheard:
            problems.append(f"{agency}'s subscribers never heard {len(unheard)} filings arrive")
    return problems
