"""The fan-out: each event reaches every subscription that may see it, with exactly the fields it
selected, and no other; a vanished connection never stops delivery to the others."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.madinah_time import MADINAH
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod
from functions.domain.request_event import RequestEvent
from functions.local.pos_terminal import slip_for
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, TODAY, IdentityWorld
from tests.fakes.live import LiveWorld

OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
AGENCIES = ["MUNICIPALITY", "CIVIL-DEFENCE", "COMMERCE"]
HANDOFFS = "subscription { handoffEvents { id kind agencyCode trackingNumber } }"
UPDATES = "subscription ($id: ID!) { requestUpdates(requestId: $id) { id kind requestId } }"


def officer(agency: str) -> Principal:
    return Principal(f"officer-{agency}", Role.AGENCY_OFFICER, agency_code=agency)


class Filed:
    """Two citizens with one request each, filed at MED-C01 (for requestUpdates' authorisation)."""

    def __init__(self) -> None:
        self.world = IdentityWorld()
        seed_catalogue(self.world.catalogue)
        self.citizens: list[str] = []
        self.requests: list[str] = []
        for national_id, mobile in (("1000000008", "0512345678"), ("1000000016", "0512345679")):
            evidence = EvidenceForm(
                IdentityDocumentType.NATIONAL_ID_CARD, national_id, DateEntry.gregorian(TODAY + timedelta(days=400))
            )
            form = OpenRecordForm(national_id, "محمد", None, ADULT_BIRTH, mobile, Language.AR, evidence)
            citizen_id = self.world.records.open_citizen_record(OPERATOR, form).citizen.citizen_id
            filing = SubmissionForm(
                citizen_id=citizen_id,
                service_code="SHOP-LICENCE",
                answers={"activity": "RETAIL", "shopAreaSqm": "40"},
                documents=filed_documents(self.world, OPERATOR, "SHOP-LICENCE", f"filing-{national_id}"),
                amount=Decimal("325.00"),
                payment_method=PaymentMethod.MADA,
                identity_check=evidence,
                idempotency_key=f"filing-{national_id}",
                pos_slip=slip_for(f"filing-{national_id}"),
            )
            submitted = self.world.submission.submit_service_request(OPERATOR, filing)
            self.citizens.append(citizen_id)
            self.requests.append(submitted.file.request.request_id)

    def event(self, request: int, agency: str | None, kind: str = "FORWARDED") -> RequestEvent:
        return RequestEvent(
            event_id=uuid.uuid4().hex,
            kind=kind,
            at=self.world.clock.now(),
            request_id=self.requests[request],
            tracking_number=f"MED-2611-00000{request}",
            service_code="SHOP-LICENCE",
            centre_id="MED-C01",
            status="AT_AGENCIES",
            actor_role="system",
            stage=1 if agency else None,
            agency_code=agency,
            handoff_status="FORWARDED" if agency else None,
            due_at=self.world.clock.now() + timedelta(hours=4) if agency else None,
        )


@pytest.fixture(scope="module")
def filed() -> Filed:
    return Filed()


def test_an_officer_gets_each_own_agency_hand_off_with_exactly_the_fields_selected(filed: Filed) -> None:
    live = LiveWorld(filed.world)
    live.connected("mun", officer("MUNICIPALITY"))
    live.subscribe("mun", "h", "subscription { handoffEvents { kind dueAt dueAtMadinah { at } } }")
    event = filed.event(0, "MUNICIPALITY")
    live.fanout.deliver(event)
    due = event.due_at
    assert due is not None
    wall = due.astimezone(MADINAH).isoformat()
    assert wall.endswith("+03:00")
    assert live.gateway.to("mun")[-1] == {
        "id": "h",
        "type": "next",
        "payload": {
            "data": {"handoffEvents": {"kind": "FORWARDED", "dueAt": due.isoformat(), "dueAtMadinah": {"at": wall}}}
        },
    }


def test_a_citizen_gets_only_their_own_requests_updates(filed: Filed) -> None:
    live = LiveWorld(filed.world)
    citizen_a = Principal(filed.citizens[0], Role.CITIZEN)
    live.connected("a", citizen_a)
    live.subscribe("a", "own", UPDATES, {"id": filed.requests[0]})
    live.subscribe("a", "other", UPDATES, {"id": filed.requests[1]})
    *_, refusal = live.gateway.to("a")
    assert refusal["id"] == "other"
    assert refusal["payload"][0]["extensions"]["code"] == "NOT_FOUND"
    for request in (0, 1, 0):
        live.fanout.deliver(filed.event(request, None, kind="SUBMITTED"))
    updates = [m for m in live.gateway.to("a") if m["type"] == "next"]
    assert [m["payload"]["data"]["requestUpdates"]["requestId"] for m in updates] == [filed.requests[0]] * 2


def test_agency_officers_may_not_follow_a_whole_request(filed: Filed) -> None:
    live = LiveWorld(filed.world)
    live.connected("com", officer("COMMERCE"))
    live.subscribe("com", "r", UPDATES, {"id": filed.requests[0]})
    assert live.gateway.to("com")[-1]["payload"][0]["extensions"]["code"] == "FORBIDDEN"
    assert live.store.subscriptions == {}


SUBSCRIBERS = st.lists(
    st.one_of(
        st.tuples(st.just("officer"), st.sampled_from(AGENCIES), st.just(0)),
        st.tuples(st.just("citizen"), st.sampled_from([0, 1]), st.sampled_from([0, 1])),
        st.tuples(st.just("operator"), st.just("MED-C01"), st.sampled_from([0, 1])),
        st.tuples(st.just("monitor"), st.just(""), st.sampled_from([0, 1])),
    ),
    min_size=1,
    max_size=8,
)
EVENTS = st.lists(st.tuples(st.sampled_from([0, 1]), st.sampled_from([*AGENCIES, None])), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subscribers=SUBSCRIBERS, events=EVENTS)
def test_no_subscriber_ever_receives_an_event_outside_its_grant(
    filed: Filed, subscribers: list[tuple[str, str | int, int]], events: list[tuple[int, str | None]]
) -> None:
    """Agency A never receives B's events; a citizen never another citizen's; and every subscriber gets
    every event it may see, once."""
    live = LiveWorld(filed.world)
    granted: dict[str, object] = {}
    for number, (kind, who, request) in enumerate(subscribers):
        connection = f"c{number}"
        if kind == "officer":
            live.connected(connection, officer(str(who)))
            live.subscribe(connection, "1", HANDOFFS)
            live.subscribe(connection, "2", UPDATES, {"id": filed.requests[request]})  # refused: not theirs
            granted[connection] = ("agency", who)
        else:
            principal = {
                "citizen": Principal(filed.citizens[int(who)] if kind == "citizen" else "", Role.CITIZEN),
                "operator": OPERATOR.principal,
                "monitor": Principal("mon", Role.MONITOR),
            }[kind]
            live.connected(connection, principal)
            live.subscribe(connection, "2", UPDATES, {"id": filed.requests[request]})
            live.subscribe(connection, "1", HANDOFFS)  # refused: not an officer
            owns = kind != "citizen" or int(who) == request
            granted[connection] = ("request", filed.requests[request] if owns else None)
    delivered = [filed.event(request, agency) for request, agency in events]
    for event in delivered:
        live.fanout.deliver(event)
    for connection, (scope, value) in granted.items():  # type: ignore[misc]
        received = [m["payload"]["data"] for m in live.gateway.to(connection) if m["type"] == "next"]
        if scope == "agency":
            expected = [e.event_id for e in delivered if e.agency_code == value]
            assert [r["handoffEvents"]["agencyCode"] for r in received] == [value] * len(expected)
            assert [r["handoffEvents"]["id"] for r in received] == expected
        else:
            expected = [e.event_id for e in delivered if e.request_id == value]
            assert [r["requestUpdates"]["id"] for r in received] == expected
            assert all(r["requestUpdates"]["requestId"] == value for r in received)


def test_a_connection_gone_mid_fan_out_is_removed_and_the_others_still_get_the_event(filed: Filed) -> None:
    live = LiveWorld(filed.world)
    for connection in ("first", "vanished", "throttled", "last"):
        live.connected(connection, officer("MUNICIPALITY"))
        live.subscribe(connection, "h", HANDOFFS)
    live.gateway.gone.add("vanished")
    live.gateway.failing.add("throttled")
    delivery = live.fanout.deliver(filed.event(0, "MUNICIPALITY"))
    assert (delivery.sent, delivery.gone, delivery.failed) == (2, 1, 1)
    assert [c for c, m in live.gateway.sent if m["type"] == "next"] == ["first", "last"]
    assert "vanished" not in live.store.connections
    assert ("vanished", "h") not in live.store.subscriptions
    assert "throttled" in live.store.connections  # a failure to post is not proof the client left


def test_an_expired_subscription_is_not_served_and_its_connection_is_closed_and_cleaned(filed: Filed) -> None:
    live = LiveWorld(filed.world)
    live.connected("old", officer("MUNICIPALITY"))
    live.subscribe("old", "h", HANDOFFS)
    live.world.clock.at += timedelta(hours=2)
    live.connected("new", officer("MUNICIPALITY"))
    live.subscribe("new", "h", HANDOFFS)
    try:
        delivery = live.fanout.deliver(filed.event(0, "MUNICIPALITY"))
    finally:
        live.world.clock.at -= timedelta(hours=2)
    assert (delivery.sent, delivery.expired) == (1, 1)
    assert [c for c, m in live.gateway.sent if m["type"] == "next"] == ["new"]
    assert live.gateway.closed == ["old"]
    assert set(live.store.connections) == {"new"}
