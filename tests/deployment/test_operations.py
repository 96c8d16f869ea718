"""Issue 14, item 7 and AUTH-04 against the packaged template: nothing lost (tables and the documents and
settlements buckets retained and protected), someone told (every alarm, to the operations topic), and the APIs and
consumers bounded. Each rule is also shown biting on a small broken template."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from tests.deployment.operations_rules import unprotected_stores, unthrottled_stages, unwatched
from tests.deployment.template_rules import environment_of, functions, resources_of_type

Template = dict[str, Any]


def buckets_the_code_uses(template: Template) -> set[str]:
    """Named to a function (its environment), or read by one (its role's grants on ``${Bucket.Arn}/...``)."""
    named = {
        value["Ref"]
        for function in functions(template).values()
        for name, value in environment_of(function).items()
        if name.endswith("_BUCKET") and isinstance(value, dict) and "Ref" in value
    }
    granted = set(re.findall(r"\$\{([A-Za-z0-9]+)\.Arn\}/", json.dumps(resources_of_type(template, "AWS::IAM::Role"))))
    return (named | granted) & set(resources_of_type(template, "AWS::S3::Bucket"))


def test_every_table_and_the_documents_and_settlements_buckets_survive_a_deletion_or_replacement(
    template: Template,
) -> None:
    buckets = buckets_the_code_uses(template)
    assert buckets == {"DocumentsBucket", "SettlementsBucket"}
    assert resources_of_type(template, "AWS::DynamoDB::Table")
    assert unprotected_stores(template, buckets) == []


def test_a_table_or_bucket_left_unprotected_is_found(template: Template) -> None:
    broken = copy.deepcopy(template)
    del broken["Resources"]["AuditTable"]["DeletionPolicy"]
    broken["Resources"]["MainTable"]["Properties"]["DeletionProtectionEnabled"] = False
    broken["Resources"]["DocumentsBucket"]["UpdateReplacePolicy"] = "Delete"
    assert unprotected_stores(broken, {"DocumentsBucket"}) == [
        "MainTable: no deletion protection",
        "AuditTable: not retained",
        "DocumentsBucket: not retained",
    ]


def test_every_function_queue_state_machine_api_and_the_sms_spend_tell_the_operations_topic(
    template: Template,
) -> None:
    assert unwatched(template) == []
    assert resources_of_type(template, "AWS::SNS::Topic")["OperationsTopic"]


def test_a_missing_or_misdirected_alarm_is_found(template: Template) -> None:
    broken = copy.deepcopy(template)
    for name in ("GraphqlHttpLambdaFunctionThrottlesAlarm", "FiguresDeadLetterQueueDepthAlarm", "HttpApi5xxAlarm"):
        del broken["Resources"][name]
    broken["Resources"]["SmsMonthlySpendAlarm"]["Properties"]["AlarmActions"] = []
    assert sorted(unwatched(broken)) == [
        "FiguresDeadLetterQueue: no depth alarm",
        "GraphqlHttpLambdaFunction: no Throttles alarm",
        "HttpApi: no 5xx alarm",
        "SmsMonthlySpendAlarm: does not tell the operations topic",
    ]


def test_both_apis_limit_requests_per_stage_and_the_public_route_more(template: Template) -> None:
    assert unthrottled_stages(template) == []
    http = resources_of_type(template, "AWS::ApiGatewayV2::Stage")["HttpApiStage"]["Properties"]
    public = http["RouteSettings"]["POST /graphql/public"]
    assert public["ThrottlingRateLimit"] < http["DefaultRouteSettings"]["ThrottlingRateLimit"]
    socket = resources_of_type(template, "AWS::ApiGatewayV2::Stage")["WebsocketsDeploymentStage"]["Properties"]
    assert (
        socket["RouteSettings"]["$connect"]["ThrottlingRateLimit"]
        < socket["DefaultRouteSettings"]["ThrottlingRateLimit"]
    )
    broken = copy.deepcopy(template)
    del broken["Resources"]["WebsocketsDeploymentStage"]["Properties"]["DefaultRouteSettings"]
    assert unthrottled_stages(broken) == ["WebsocketsDeploymentStage: no default rate and burst limit"]


def test_the_graphql_function_and_every_queue_consumer_have_a_concurrency_bound(template: Template) -> None:
    """Reserved concurrency for the API function; SQS consumers through the event source's maximum
    concurrency (reserved concurrency would throttle the poller and push messages to the dead letters)."""
    reserved = {
        function["Properties"]["Handler"]: function["Properties"].get("ReservedConcurrentExecutions")
        for function in functions(template).values()
    }
    assert reserved["functions/handlers/graphql_http.handler"] == 50
    mappings = resources_of_type(template, "AWS::Lambda::EventSourceMapping").values()
    assert mappings
    assert all(2 <= m["Properties"]["ScalingConfig"]["MaximumConcurrency"] <= 10 for m in mappings)
