"""The arithmetic of bench/lifecycle_cost.py: DynamoDB item sizes and request units, Lambda's billed
duration, SQS requests per batch, and the prices' one assumption taken from the deployment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.lifecycle_meter import DynamoUnits
from bench.lifecycle_prices import (
    LAMBDA_MEMORY_GB,
    PRICES,
    CostLine,
    item_size,
    lambda_gb_seconds,
    read_units,
    sqs_requests,
    write_units,
)

SERVERLESS = Path(__file__).resolve().parents[2] / "serverless.yml"


def test_an_items_size_is_its_names_and_values_in_bytes() -> None:
    # "pk" 2 + "REQ#1" 5; "n" 1 + 12345 -> 5 digits -> 3 bytes + 1; "ok" 2 + 1; "ar" 2 + "نعم" 6 bytes
    item = {"pk": {"S": "REQ#1"}, "n": {"N": "12345"}, "ok": {"BOOL": True}, "ar": {"S": "نعم"}}
    assert item_size(item) == 7 + 5 + 3 + 8


def test_maps_and_lists_add_three_bytes_and_one_per_element() -> None:
    item = {"m": {"M": {"a": {"S": "xy"}}}, "l": {"L": [{"S": "z"}, {"NULL": True}]}}
    assert item_size(item) == (1 + 3 + 1 + 1 + 2) + (1 + 3 + (1 + 1) + (1 + 1))


def test_a_malformed_value_is_refused() -> None:
    with pytest.raises(ValueError, match="not a DynamoDB attribute value"):
        item_size({"a": "plain"})


@pytest.mark.parametrize(
    ("size", "transactional", "units"),
    [(0, False, 1), (1024, False, 1), (1025, False, 2), (3000, True, 6)],
)
def test_a_write_costs_one_unit_per_started_kilobyte_twice_in_a_transaction(
    size: int, transactional: bool, units: int
) -> None:
    assert write_units(size, transactional=transactional) == units


def test_reads_cost_half_a_unit_per_four_kilobytes_eventually_consistent() -> None:
    assert read_units(0) == 0.5
    assert read_units(4097) == 1.0
    assert read_units(4097, consistent=True) == 2.0
    assert read_units(100, transactional=True) == 2.0


def test_a_write_counts_again_for_each_index_holding_the_item() -> None:
    units = DynamoUnits(indexes={"main": [("gsi1pk", "gsi1sk"), ("gsi2pk", "gsi2sk")]}, probe=lambda *_: None)
    in_one_index = {"pk": {"S": "a"}, "sk": {"S": "b"}, "gsi1pk": {"S": "c"}, "gsi1sk": {"S": "d"}}
    put = {"TableName": "main", "Item": in_one_index}
    assert units.writes("PutItem", put, units.before("PutItem", put)) == 2
    transaction = {"TransactItems": [{"Put": put}, {"Put": {"TableName": "other", "Item": {"pk": {"S": "x"}}}}]}
    # in a transaction the table's write is doubled, the index's is not
    assert units.writes("TransactWriteItems", transaction, units.before("TransactWriteItems", transaction)) == 3 + 2


def test_an_update_costs_the_larger_of_the_item_before_and_after() -> None:
    small, large = {"pk": {"S": "a"}}, {"pk": {"S": "a"}, "blob": {"S": "x" * 1500}}
    reads = iter([small, large])
    units = DynamoUnits(indexes={}, probe=lambda *_: next(reads))
    update = {"TableName": "main", "Key": {"pk": {"S": "a"}}}
    assert units.writes("UpdateItem", update, units.before("UpdateItem", update)) == 2


def test_a_query_is_billed_on_what_it_scanned() -> None:
    units = DynamoUnits(indexes={}, probe=lambda *_: None)
    items = [{"blob": {"S": "x" * 2000}}]
    assert units.reads("Query", {}, {"Items": items, "Count": 1, "ScannedCount": 3}) == 1.0
    assert units.reads("Query", {}, {"Items": [], "Count": 0, "ScannedCount": 0}) == 0.5


def test_lambda_bills_each_invocation_rounded_up_to_the_millisecond() -> None:
    assert lambda_gb_seconds([0.0101, 0.002], memory_gb=1.0) == pytest.approx(0.011 + 0.002)


def test_sqs_requests_are_one_send_per_message_and_a_receive_and_a_delete_per_batch() -> None:
    assert sqs_requests(messages=10, batches=4) == 18


def test_a_cost_line_is_its_count_times_its_price() -> None:
    lines = [CostLine("Step Functions transitions", 16, PRICES["Step Functions transitions"])]
    assert CostLine.total(lines) == pytest.approx(0.0004)


def test_the_memory_priced_is_the_deployments() -> None:
    deployment = SERVERLESS.read_text()
    memory = re.search(r"^  memorySize: (\d+)$", deployment, re.MULTILINE)
    assert memory is not None
    assert int(memory.group(1)) / 1024 == LAMBDA_MEMORY_GB
    assert re.search(r"^  architecture: arm64$", deployment, re.MULTILINE)
