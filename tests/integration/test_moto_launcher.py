"""The local moto server's DynamoDB transactions (functions/local/moto_launcher.py): the cheap snapshot
must roll a failed transaction back exactly as moto's whole-table copy did, touched items included."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from functions.local.moto_server import MotoServer

TABLES = {"ranged": True, "flat": False}


@pytest.fixture(scope="module")
def dynamodb(moto_server: MotoServer) -> Any:
    moto_server.reset()
    client = boto3.client("dynamodb", region_name="me-south-1", endpoint_url=moto_server.endpoint_url)
    for name, ranged in TABLES.items():
        keys = [("pk", "HASH"), ("sk", "RANGE")] if ranged else [("pk", "HASH")]
        client.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": a, "KeyType": k} for a, k in keys],
            AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a, _ in keys],
            BillingMode="PAY_PER_REQUEST",
        )
    return client


def key(table: str, name: str) -> dict[str, Any]:
    return {"pk": {"S": name}, "sk": {"S": "ITEM"}} if TABLES[table] else {"pk": {"S": name}}


def counted(dynamodb: Any, table: str, name: str) -> int | None:
    item = dynamodb.get_item(TableName=table, Key=key(table, name), ConsistentRead=True).get("Item")
    return int(item["n"]["N"]) if item else None


@pytest.mark.parametrize("table", TABLES)
def test_a_cancelled_transaction_leaves_every_item_as_it_was(dynamodb: Any, table: str) -> None:
    for name in ("a", "b", "bystander"):
        dynamodb.put_item(TableName=table, Item={**key(table, name), "n": {"N": "1"}})
    with pytest.raises(ClientError, match="TransactionCanceled"):
        dynamodb.transact_write_items(
            TransactItems=[
                {
                    "Update": {
                        "TableName": table,
                        "Key": key(table, "a"),
                        "UpdateExpression": "SET n = :two",
                        "ExpressionAttributeValues": {":two": {"N": "2"}},
                    }
                },
                {"Put": {"TableName": table, "Item": {**key(table, "new"), "n": {"N": "1"}}}},
                {"Delete": {"TableName": table, "Key": key(table, "bystander")}},
                {
                    "ConditionCheck": {
                        "TableName": table,
                        "Key": key(table, "b"),
                        "ConditionExpression": "n = :nine",
                        "ExpressionAttributeValues": {":nine": {"N": "9"}},
                    }
                },
            ]
        )
    assert counted(dynamodb, table, "a") == 1  # updated in place by moto, then rolled back
    assert counted(dynamodb, table, "new") is None
    assert counted(dynamodb, table, "bystander") == 1


@pytest.mark.parametrize("table", TABLES)
def test_a_committed_transaction_is_kept_and_later_failures_do_not_undo_it(dynamodb: Any, table: str) -> None:
    for name in ("c", "d"):
        dynamodb.put_item(TableName=table, Item={**key(table, name), "n": {"N": "1"}})

    def bump(name: str) -> dict[str, Any]:
        return {
            "Update": {
                "TableName": table,
                "Key": key(table, name),
                "UpdateExpression": "SET n = n + :one",
                "ConditionExpression": "n < :limit",
                "ExpressionAttributeValues": {":one": {"N": "1"}, ":limit": {"N": "26"}},
            }
        }

    def attempt(_: int) -> bool:
        try:
            dynamodb.transact_write_items(TransactItems=[bump("c"), bump("d")])
        except ClientError:
            return False
        return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(attempt, range(40)))
    assert outcomes.count(True) == 25  # from 1 up to the limit of 26, then every attempt is refused
    assert counted(dynamodb, table, "c") == counted(dynamodb, table, "d") == 26


PAGES = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def upload_bucket(moto_server: MotoServer) -> Any:
    """A bucket whose CORS rule lets the pages' origin POST, as infra's documents bucket does."""
    s3 = boto3.client("s3", region_name="me-south-1", endpoint_url=moto_server.endpoint_url)
    s3.create_bucket(Bucket="uploads", CreateBucketConfiguration={"LocationConstraint": "me-south-1"})
    s3.put_bucket_cors(
        Bucket="uploads",
        CORSConfiguration={
            "CORSRules": [{"AllowedMethods": ["POST"], "AllowedOrigins": [PAGES], "AllowedHeaders": ["*"]}]
        },
    )
    return s3


@pytest.mark.parametrize(("origin", "allowed"), [(PAGES, PAGES), ("http://elsewhere.test", None)])
def test_a_browsers_form_post_is_answered_by_the_buckets_cors_rule_only(
    upload_bucket: Any, moto_server: MotoServer, origin: str, allowed: str | None
) -> None:
    """No blanket CORS: the bucket's rule decides, for the preflight and for the upload's answer."""
    import httpx

    form = upload_bucket.generate_presigned_post("uploads", "incoming/doc", ExpiresIn=60)
    preflight = httpx.options(
        form["url"], headers={"Origin": origin, "Access-Control-Request-Method": "POST"}, timeout=10
    )
    posted = httpx.post(
        form["url"], data=form["fields"], files={"file": ("a.pdf", b"%PDF-1.4")}, headers={"Origin": origin}, timeout=10
    )
    assert posted.status_code == 204
    assert posted.headers.get("access-control-allow-origin") == allowed
    assert preflight.headers.get("access-control-allow-origin") == allowed
