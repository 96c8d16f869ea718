"""The local moto server answers queries from their partition (functions/local/moto_launcher.py,
``queries_read_their_partition``): every answer and every page must be exactly moto's own, which reads
the whole table. The same items and queries go to the launcher's server and to an unpatched moto in
this process; the answers are compared, items, order, counts and page keys."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from functions.local.moto_server import MotoServer

REGION = "me-south-1"


def create_tables(client: Any, suffix: str) -> tuple[str, str]:
    ranged, flat = f"ranged-{suffix}", f"flat-{suffix}"
    index = {
        "IndexName": "byGroup",
        "KeySchema": [{"AttributeName": "gpk", "KeyType": "HASH"}, {"AttributeName": "gsk", "KeyType": "RANGE"}],
        "Projection": {"ProjectionType": "ALL"},
    }
    client.create_table(
        TableName=ranged,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("pk", "sk", "gpk", "gsk")],
        GlobalSecondaryIndexes=[index],
        BillingMode="PAY_PER_REQUEST",
    )
    client.create_table(
        TableName=flat,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("pk", "gpk", "gsk")],
        GlobalSecondaryIndexes=[index],
        BillingMode="PAY_PER_REQUEST",
    )
    return ranged, flat


def fill(client: Any, ranged: str, flat: str) -> None:
    draw = random.Random(7)
    for number in range(300):
        item: dict[str, Any] = {
            "pk": {"S": f"P{draw.randrange(12)}"},
            "sk": {"S": f"S#{draw.randrange(1000):03d}"},
            "n": {"N": str(number)},
        }
        if draw.random() < 0.7:  # a sparse index: some items are not in it
            item |= {"gpk": {"S": f"G{draw.randrange(4)}"}, "gsk": {"S": f"{draw.randrange(100):02d}"}}
        client.put_item(TableName=ranged, Item=item)
        client.put_item(TableName=flat, Item={k: v for k, v in item.items() if k != "sk"} | {"pk": {"S": f"F{number}"}})


def queries(ranged: str, flat: str) -> list[dict[str, Any]]:
    def eq(name: str, value: str) -> dict[str, Any]:
        return {"KeyConditionExpression": f"{name} = :v", "ExpressionAttributeValues": {":v": {"S": value}}}

    return [
        {"TableName": ranged, **eq("pk", "P3")},
        {"TableName": ranged, **eq("pk", "P3"), "ScanIndexForward": False, "Limit": 4},
        {"TableName": ranged, **eq("pk", "P5"), "Limit": 3},
        {
            "TableName": ranged,
            "KeyConditionExpression": "pk = :p AND begins_with(sk, :s)",
            "ExpressionAttributeValues": {":p": {"S": "P1"}, ":s": {"S": "S#1"}},
        },
        {
            "TableName": ranged,
            **eq("pk", "P2"),
            "FilterExpression": "n > :n",
            "ExpressionAttributeValues": {":v": {"S": "P2"}, ":n": {"N": "100"}},
            "Limit": 5,
        },
        {"TableName": ranged, **eq("pk", "NOWHERE")},
        {"TableName": ranged, "IndexName": "byGroup", **eq("gpk", "G1"), "Limit": 7},
        {"TableName": ranged, "IndexName": "byGroup", **eq("gpk", "G2"), "ScanIndexForward": False, "Limit": 9},
        {
            "TableName": ranged,
            "IndexName": "byGroup",
            "KeyConditionExpression": "gpk = :g AND gsk > :s",
            "ExpressionAttributeValues": {":g": {"S": "G0"}, ":s": {"S": "50"}},
        },
        {"TableName": flat, **eq("pk", "F17")},
        {"TableName": flat, "IndexName": "byGroup", **eq("gpk", "G3"), "Limit": 11},
    ]


def every_page(client: Any, query: dict[str, Any]) -> list[dict[str, Any]]:
    pages = []
    start: dict[str, Any] | None = None
    while True:
        page = client.query(**query, **({"ExclusiveStartKey": start} if start else {}))
        pages.append({k: page.get(k) for k in ("Items", "Count", "ScannedCount", "LastEvaluatedKey")})
        start = page.get("LastEvaluatedKey")
        if not start:
            return pages


def answers(client: Any) -> list[list[dict[str, Any]]]:
    ranged, flat = create_tables(client, uuid.uuid4().hex[:8])
    fill(client, ranged, flat)
    found = [every_page(client, query) for query in queries(ranged, flat)]
    return [[{**page, "LastEvaluatedKey": bool(page["LastEvaluatedKey"])} for page in pages] for pages in found]


@pytest.fixture
def moto_in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB", raising=False)
    with mock_aws():
        yield boto3.client("dynamodb", region_name=REGION)


def test_every_query_answers_as_moto_itself_page_by_page(moto_server: MotoServer, moto_in_process: Any) -> None:
    served = boto3.client("dynamodb", region_name=REGION, endpoint_url=moto_server.endpoint_url)
    expected = answers(moto_in_process)
    assert sum(len(pages) for pages in expected) > len(expected)  # some queries really page
    assert all(page["Items"] for pages in expected[:5] for page in pages[:1])  # and find items
    assert answers(served) == expected
