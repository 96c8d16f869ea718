"""Live subscriptions on moto: connections and subscriptions in the connections table, the management
API's answers (GoneException through botocore's Stubber: moto never raises it), the live events queue,
and an agency's own queue filtered on the events topic."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from functions.adapters.dynamodb.connection_store import DynamoConnectionStore
from functions.adapters.topics.events import SnsRequestEvents, parse_request_event
from functions.adapters.websocket_connections import ApiGatewayConnections
from functions.api.live.fanout import LiveFanOut
from functions.bootstrap import Container
from functions.domain.live import LiveConnection, LiveSubscription, agency_topic, request_topic
from functions.domain.principal import Principal, Role
from functions.domain.request_event import RequestEvent
from functions.local.provision import ProvisionedStack
from functions.services.live_connections import LiveConnections
from tests.fakes.identity import FixedClock
from tests.support.aws import aws_client

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
OFFICER = Principal("officer-1", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY")


def event(agency: str | None, request_id: str = "r-1") -> RequestEvent:
    return RequestEvent(
        event_id=uuid.uuid4().hex,
        kind="FORWARDED",
        at=NOW,
        request_id=request_id,
        tracking_number="MED-2611-000001",
        service_code="BUILDING-PERMIT",
        centre_id="MED-C01",
        status="AT_AGENCIES",
        actor_role="system",
        stage=1,
        agency_code=agency,
        handoff_status="FORWARDED",
        due_at=NOW + timedelta(hours=4),
    )


@pytest.fixture
def store(container: Container) -> DynamoConnectionStore:
    return container.adapters.connection_store


def subscription(
    connection_id: str, operation_id: str = "1", topic: str = agency_topic("MUNICIPALITY")
) -> LiveSubscription:
    return LiveSubscription(
        connection_id=connection_id,
        operation_id=operation_id,
        topic=topic,
        document="subscription { handoffEvents { kind } }",
        principal=OFFICER,
        expires_at=NOW + timedelta(hours=2),
        variables={"a": [1, "b"]},
    )


def test_a_connection_is_opened_acknowledged_once_and_found_again(store: DynamoConnectionStore) -> None:
    pending = LiveConnection("c-ack", connected_at=NOW, expires_at=NOW + timedelta(seconds=10))
    store.open(pending)
    assert store.get("c-ack") == pending
    acknowledged = LiveConnection("c-ack", NOW, NOW + timedelta(hours=2), principal=OFFICER)
    assert store.acknowledge(acknowledged) is True
    assert store.get("c-ack") == acknowledged
    assert store.acknowledge(acknowledged) is False
    assert store.acknowledge(LiveConnection("never-opened", NOW, NOW, principal=OFFICER)) is False
    assert store.get("never-opened") is None


def test_an_accounts_connections_are_found_by_its_user_id_until_each_is_removed(store: DynamoConnectionStore) -> None:
    """AUTH-08: disabling an account closes its connections, found without scanning the table."""
    officer = Principal("officer-to-disable", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY")
    colleague = Principal("officer-2", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY")
    for connection_id, principal in (("u-1", officer), ("u-2", officer), ("u-3", colleague)):
        store.open(LiveConnection(connection_id, NOW, NOW + timedelta(seconds=10)))
        assert store.acknowledge(LiveConnection(connection_id, NOW, NOW + timedelta(hours=2), principal=principal))
        store.add_subscription(subscription(connection_id))
    assert sorted(store.connections_of(officer.user_id)) == ["u-1", "u-2"]
    store.remove_connection("u-1")
    assert store.connections_of(officer.user_id) == ["u-2"]
    assert store.connections_of(colleague.user_id) == ["u-3"]
    for connection_id in ("u-2", "u-3"):
        store.remove_connection(connection_id)
    assert store.connections_of(officer.user_id) == store.connections_of(colleague.user_id) == []


def test_subscriptions_are_found_by_topic_unique_per_operation_and_removed_with_their_connection(
    store: DynamoConnectionStore,
) -> None:
    store.open(LiveConnection("c-sub", NOW, NOW + timedelta(hours=2), principal=OFFICER))
    assert store.add_subscription(subscription("c-sub", "1")) is True
    assert store.add_subscription(subscription("c-sub", "1")) is False
    assert store.add_subscription(subscription("c-sub", "2", request_topic("r-9"))) is True
    assert store.count_subscriptions("c-sub") == 2
    assert store.subscriptions_for(agency_topic("MUNICIPALITY")) == [subscription("c-sub", "1")]
    assert [s.operation_id for s in store.subscriptions_for(request_topic("r-9"))] == ["2"]
    store.remove_subscription("c-sub", "2")
    assert store.subscriptions_for(request_topic("r-9")) == []
    store.remove_connection("c-sub")
    assert store.get("c-sub") is None
    assert store.subscriptions_for(agency_topic("MUNICIPALITY")) == []


def test_expired_connections_are_listed_oldest_first_without_a_scan(store: DynamoConnectionStore) -> None:
    store.open(LiveConnection("c-late", NOW, NOW + timedelta(seconds=30)))
    store.open(LiveConnection("c-early", NOW, NOW + timedelta(seconds=5)))
    store.open(LiveConnection("c-alive", NOW, NOW + timedelta(hours=1)))
    expired = store.expired(NOW + timedelta(minutes=1), limit=10)
    assert [c.connection_id for c in expired] == ["c-early", "c-late"]
    for connection in ("c-late", "c-early", "c-alive"):
        store.remove_connection(connection)


def stubbed_connections() -> tuple[ApiGatewayConnections, Stubber]:
    client = boto3.client(
        "apigatewaymanagementapi", region_name="me-south-1", endpoint_url="https://example.invalid/prod"
    )
    return ApiGatewayConnections(client), Stubber(client)


def test_gone_is_reported_as_false_and_other_errors_raise() -> None:
    connections, stub = stubbed_connections()
    stub.add_response("post_to_connection", {}, {"ConnectionId": "alive", "Data": b'{"type": "pong"}'})
    stub.add_client_error("post_to_connection", "GoneException", http_status_code=410)
    stub.add_client_error("post_to_connection", "LimitExceededException", http_status_code=429)
    stub.add_client_error("delete_connection", "GoneException", http_status_code=410)
    with stub:
        assert connections.send("alive", {"type": "pong"}) is True
        assert connections.send("left", {"type": "pong"}) is False
        with pytest.raises(Exception, match="LimitExceeded"):
            connections.send("busy", {"type": "pong"})
        connections.close("left")  # already gone: nothing to do
    stub.assert_no_pending_responses()


def test_a_gone_exception_mid_fan_out_removes_that_connection_and_the_rest_still_get_the_event(
    container: Container, store: DynamoConnectionStore
) -> None:
    for connection in ("f-1", "f-gone", "f-3"):
        store.open(LiveConnection(connection, NOW, NOW + timedelta(hours=2), principal=OFFICER))
        store.add_subscription(subscription(connection, "h"))
    outcomes = {"f-1": "ok", "f-gone": "gone", "f-3": "ok"}
    posted: list[str] = []

    class ByConnection:
        """Each post through the real adapter on its own stubbed client (the posts run in parallel)."""

        def send(self, connection_id: str, message: dict[str, Any]) -> bool:
            own, own_stub = stubbed_connections()
            if outcomes[connection_id] == "gone":
                own_stub.add_client_error("post_to_connection", "GoneException", http_status_code=410)
            else:
                own_stub.add_response("post_to_connection", {})
            with own_stub:
                posted.append(connection_id)
                return own.send(connection_id, message)

        def close(self, connection_id: str) -> None:
            raise AssertionError("nothing expired here")

    gateway = ByConnection()
    connections = LiveConnections(
        store=store,
        gateway=gateway,
        clock=FixedClock(NOW),
        standing=container.use_cases.account_standing,
        init_timeout=timedelta(seconds=10),
        lifetime=timedelta(hours=2),
        max_subscriptions=20,
    )
    fanout = LiveFanOut(connections=connections, gateway=gateway, documents=container.use_cases.subscription_documents)
    delivery = fanout.deliver(event("MUNICIPALITY"))
    assert (delivery.sent, delivery.gone) == (2, 1)
    assert sorted(posted) == ["f-1", "f-3", "f-gone"]
    assert store.get("f-gone") is None
    assert store.subscriptions_for(agency_topic("MUNICIPALITY")) == [subscription("f-1", "h"), subscription("f-3", "h")]
    for connection in ("f-1", "f-3"):
        store.remove_connection(connection)


def test_request_events_reach_the_live_events_queue(stack: ProvisionedStack) -> None:
    sns, sqs = aws_client(stack, "sns"), aws_client(stack, "sqs")
    queue = stack.resources["LiveEventsQueue"].ref
    published = event("MUNICIPALITY", request_id="r-live")
    SnsRequestEvents(sns, stack.resources["EventsTopic"].ref).publish(published)
    messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
    assert [parse_request_event(m["Body"]) for m in messages] == [published]


def test_an_agency_queue_filtered_on_the_events_topic_gets_its_own_hand_offs_and_none_of_anothers(
    stack: ProvisionedStack,
) -> None:
    """docs/subscriptions.md: an agency's own system subscribes its queue to the events topic with a
    filter policy on the ``agency`` attribute (never to the handoffs topic, which carries task tokens)."""
    sns, sqs = aws_client(stack, "sns"), aws_client(stack, "sqs")
    topic = stack.resources["EventsTopic"].ref
    queues = {}
    for agency in ("MUNICIPALITY", "CIVIL-DEFENCE"):
        url = sqs.create_queue(QueueName=f"agency-{agency.lower()}-own-system")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        sns.subscribe(
            TopicArn=topic,
            Protocol="sqs",
            Endpoint=arn,
            Attributes={"RawMessageDelivery": "true", "FilterPolicy": json.dumps({"agency": [agency]})},
        )
        queues[agency] = url
    events = SnsRequestEvents(sns, topic)
    sent = [event("MUNICIPALITY"), event("CIVIL-DEFENCE"), event(None), event("MUNICIPALITY")]
    for published in sent:
        events.publish(published)
    for agency, url in queues.items():
        received = [
            parse_request_event(m["Body"])
            for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"]).get(
                "Messages", []
            )
        ]
        assert sorted(e.event_id for e in received) == sorted(e.event_id for e in sent if e.agency_code == agency)
        assert {e.agency_code for e in received} == {agency}
