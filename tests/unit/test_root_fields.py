"""GQL-14 / CHAOS-06 in-process: a dependency that stalls or refuses for a while answers the coded,
retryable TEMPORARILY_UNAVAILABLE (not a masked INTERNAL_ERROR), and one slow resolver does not hold
up the other requests the same event loop serves (as uvicorn serves them under ``make dev``)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
from botocore.exceptions import ClientError, ConnectTimeoutError, ReadTimeoutError
from mangum import Mangum
from pynamodb.exceptions import GetError

from functions.api.app import build_asgi_app
from functions.api.schema import GraphQLPolicy, GrowingSchema
from functions.api.trusted_documents import TrustedDocuments
from functions.domain.catalogue import Agency, Service
from functions.domain.error_messages import messages_of
from functions.domain.errors import ErrorCode
from functions.domain.paging import Page, PageRequest
from functions.local.seeding import seed_catalogue
from functions.services.deadline import DeadlineExceeded
from tests.fakes.catalogue import InMemoryCatalogueRepository
from tests.fakes.identity import IdentityWorld
from tests.support.transports import LambdaClient

POLICY = GraphQLPolicy.for_stage("prod")


def wrapped_timeout() -> Exception:
    """PynamoDB's error for a get whose connection timed out, as PynamoDB raises it (cause chained)."""
    try:
        raise GetError("Failed to get item") from ConnectTimeoutError(endpoint_url="https://dynamodb")
    except GetError as error:
        return error


FAILURES: dict[str, Exception] = {
    "deadline": DeadlineExceeded("1.0 s left, a call may take 5.0 s"),
    "read timeout": ReadTimeoutError(endpoint_url="https://dynamodb"),
    "pynamodb-wrapped connect timeout": wrapped_timeout(),
    "throttled": ClientError({"Error": {"Code": "ThrottlingException", "Message": "slow down"}}, "Query"),
}


class FailingCatalogue(InMemoryCatalogueRepository):
    failure: Exception | None = None

    def list_agencies(self, page: PageRequest) -> Page[Agency]:
        if self.failure is not None:
            raise self.failure
        return super().list_agencies(page)


def app_over(repository: InMemoryCatalogueRepository) -> Any:
    world = IdentityWorld(catalogue_repository=repository)
    seed_catalogue(world.catalogue)
    any_document = TrustedDocuments(texts={}, enforced=False)
    return build_asgi_app(
        GrowingSchema(POLICY),
        world.use_cases,
        POLICY,
        verifier=None,
        documents=any_document,
        deadline_seconds=20,  # type: ignore[arg-type]
    )


async def post(app: Any, query: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        return await client.post("/graphql/public", json={"query": query})


@pytest.mark.parametrize("kind", list(FAILURES))
def test_a_stalled_or_throttled_dependency_answers_temporarily_unavailable(kind: str) -> None:
    repository = FailingCatalogue()
    app = app_over(repository)
    repository.failure = FAILURES[kind]
    reply = asyncio.run(post(app, "{ agencies { code } }"))
    [error] = reply.json()["errors"]
    arabic, english = messages_of(ErrorCode.TEMPORARILY_UNAVAILABLE)
    assert error["extensions"] == {"code": "TEMPORARILY_UNAVAILABLE", "messageAr": arabic, "messageEn": english}
    assert error["message"] == english


def test_any_other_failure_stays_masked() -> None:
    repository = FailingCatalogue()
    app = app_over(repository)
    repository.failure = ClientError({"Error": {"Code": "ValidationException", "Message": "bad key"}}, "Query")
    reply = asyncio.run(post(app, "{ agencies { code } }"))
    assert reply.json()["errors"][0]["extensions"]["code"] == "INTERNAL_ERROR"


class SlowCatalogue(InMemoryCatalogueRepository):
    """``list_agencies`` waits (at most 10 s) until released, and says when it is done."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()
        self.order: list[str] = []

    def list_agencies(self, page: PageRequest) -> Page[Agency]:
        self.entered.set()
        self.release.wait(timeout=10)
        self.order.append("slow resolver done")
        return super().list_agencies(page)


def test_one_slow_resolver_does_not_hold_up_another_request_on_the_same_loop() -> None:
    repository = SlowCatalogue()
    app = app_over(repository)

    async def both() -> None:
        slow = asyncio.create_task(post(app, "{ agencies { code } }"))
        await asyncio.to_thread(repository.entered.wait, 10)
        fast = await post(app, "{ services { code } }")
        assert fast.json()["data"]["services"]
        repository.order.append("fast answered")
        repository.release.set()
        assert (await slow).json()["data"]["agencies"]

    asyncio.run(both())
    assert repository.order == ["fast answered", "slow resolver done"]


def on_lambda(app: Any, query: str) -> Any:
    """The app as the Lambda handler serves it (``functions/handlers/graphql_http.py``): through Mangum, made
    in the invocation, on the loop the invocation runs on."""

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return Mangum(app, lifespan="off")(event, context)

    return LambdaClient(handler).post(query, path="/graphql/public")


class RecordingCatalogue(InMemoryCatalogueRepository):
    """Says on which thread each listing ran; with ``meet``, the two listings wait (at most 5 s) for each other."""

    def __init__(self, meet: bool = False) -> None:
        super().__init__()
        self.threads: dict[str, int] = {}
        self._both = threading.Barrier(2, timeout=5) if meet else None

    def list_agencies(self, page: PageRequest) -> Page[Agency]:
        self._ran("agencies")
        return super().list_agencies(page)

    def list_services(self, page: PageRequest, agency_code: str | None = None) -> Page[Service]:
        self._ran("services")
        return super().list_services(page, agency_code)

    def _ran(self, listing: str) -> None:
        self.threads[listing] = threading.get_ident()
        if self._both is not None:
            self._both.wait()


def test_on_lambda_a_lone_root_field_runs_on_the_loop_not_in_a_worker_thread() -> None:
    repository = RecordingCatalogue()
    reply = on_lambda(app_over(repository), "{ agencies { code } }")
    assert reply.json()["data"]["agencies"]
    assert repository.threads == {"agencies": threading.get_ident()}  # the loop's thread: the caller's here


def test_on_lambda_the_root_fields_of_one_query_still_wait_side_by_side() -> None:
    repository = RecordingCatalogue(meet=True)  # neither listing returns until the other has started
    reply = on_lambda(app_over(repository), "{ agencies { code } services { code } }")
    assert "errors" not in reply.json()
    assert threading.get_ident() not in repository.threads.values()


@pytest.mark.parametrize("kind", list(FAILURES))
def test_on_lambda_a_stalled_dependency_of_a_lone_root_field_answers_temporarily_unavailable(kind: str) -> None:
    repository = FailingCatalogue()
    app = app_over(repository)
    repository.failure = FAILURES[kind]
    [error] = on_lambda(app, "{ agencies { code } }").json()["errors"]
    assert error["extensions"]["code"] == "TEMPORARILY_UNAVAILABLE"
