"""The template rules catch what they are for: each is shown a small template that breaks it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.deployment.template_rules import (
    environment_references_problems,
    holders_of,
    missing_settings,
    queue_consumer_problems,
    required_settings,
    reserved_variables_set,
    role_sharing_problems,
    wildcard_problems,
)


def role(*statements: dict[str, Any]) -> dict[str, Any]:
    return {
        "Type": "AWS::IAM::Role",
        "Properties": {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": list(statements)}}]},
    }


def function(role_id: str = "ApiRole", **variables: Any) -> dict[str, Any]:
    return {
        "Type": "AWS::Lambda::Function",
        "Properties": {
            "Role": {"Fn::GetAtt": [role_id, "Arn"]},
            "Timeout": 28,
            "Environment": {"Variables": variables},
        },
    }


def allow(action: str | list[str], resource: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource}


TABLE_ARN = {"Fn::GetAtt": ["MainTable", "Arn"]}


def template(**resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "Resources": {
            "MainTable": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
            "Topic": {"Type": "AWS::SNS::Topic", "Properties": {}},
            "Api": function(MAIN_TABLE={"Ref": "MainTable"}),
            "ApiRole": role(allow("dynamodb:GetItem", TABLE_ARN)),
            **resources,
        }
    }


def test_required_settings_are_read_from_the_calls_to_required(tmp_path: Path) -> None:
    bootstrap = tmp_path / "bootstrap.py"
    bootstrap.write_text(
        "def from_environ(environ):\n"
        "    required = environ.__getitem__\n"
        "    return required('A_TABLE'), required('AWS_REGION'), environ.get('OPTIONAL')\n"
    )
    assert required_settings(bootstrap) == {"A_TABLE", "AWS_REGION"}


def test_a_required_setting_missing_from_a_function_is_found_and_runtime_variables_are_not() -> None:
    assert missing_settings(template(), {"MAIN_TABLE", "AWS_REGION"}) == {}
    assert missing_settings(template(), {"MAIN_TABLE", "AUDIT_TABLE", "AWS_REGION"}) == {"Api": ["AUDIT_TABLE"]}


def test_setting_a_variable_the_lambda_runtime_owns_is_found() -> None:
    broken = template(Api=function(AWS_REGION="me-south-1"))
    assert reserved_variables_set(broken) == {"Api": ["AWS_REGION"]}


def test_an_environment_variable_naming_a_missing_or_wrong_resource_is_found() -> None:
    assert environment_references_problems(template()) == []
    missing = template(Api=function(AUDIT_TABLE={"Ref": "AuditTable"}))
    wrong_type = template(Api=function(MAIN_TABLE={"Ref": "Topic"}))
    in_a_sub = template(Api=function(EVENTS_TOPIC_ARN={"Fn::Sub": "${Nowhere}"}))
    assert environment_references_problems(missing) == ["Api: AUDIT_TABLE names AuditTable, which the template lacks"]
    assert environment_references_problems(wrong_type) == [
        "Api: MAIN_TABLE names Topic, a AWS::SNS::Topic, not a AWS::DynamoDB::Table"
    ]
    assert environment_references_problems(in_a_sub) == [
        "Api: EVENTS_TOPIC_ARN names Nowhere, which the template lacks"
    ]


def test_wildcard_actions_and_resources_are_found() -> None:
    assert wildcard_problems(template()) == []
    star_action = template(ApiRole=role(allow("dynamodb:*", TABLE_ARN)))
    star_resource = template(ApiRole=role(allow("dynamodb:GetItem", "*")))
    star_in_arn = template(ApiRole=role(allow("dynamodb:Query", {"Fn::Sub": "${MainTable.Arn}/index/*"})))
    star_in_join = template(ApiRole=role(allow("sns:Publish", {"Fn::Join": [":", ["arn:aws:sns", "*"]]})))
    not_action = template(ApiRole=role({"Effect": "Allow", "NotAction": "iam:*", "Resource": TABLE_ARN}))
    for broken in (star_action, star_resource, star_in_arn, star_in_join, not_action):
        assert len(wildcard_problems(broken)) >= 1, broken["Resources"]["ApiRole"]


def test_wildcards_aws_requires_are_accepted_and_only_for_their_actions() -> None:
    tracing = allow(["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "*")
    log_streams = allow(
        "logs:PutLogEvents",
        {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/api:*:*"},
    )
    sms_only = {"Effect": "Allow", "Action": "sns:Publish", "NotResource": "arn:aws:sns:*:*:*"}
    assert wildcard_problems(template(ApiRole=role(tracing, log_streams, sms_only))) == []
    smuggled = allow(["xray:PutTraceSegments", "dynamodb:DeleteItem"], "*")
    assert wildcard_problems(template(ApiRole=role(smuggled))) == [
        "ApiRole: xray:PutTraceSegments, dynamodb:DeleteItem on *: '*' resource for dynamodb:DeleteItem"
    ]


def test_only_the_objects_under_one_fixed_prefix_of_one_bucket_may_be_a_wildcard() -> None:
    bucket = {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {}}}
    under_prefix = allow(["s3:GetObject", "s3:PutObject"], {"Fn::Sub": "${Bucket.Arn}/documents/*"})
    assert wildcard_problems(template(**bucket, ApiRole=role(under_prefix))) == []
    too_wide = [
        {"Fn::Sub": "${Bucket.Arn}/*"},  # every object of the bucket
        {"Fn::Sub": "${Bucket.Arn}/documents/*/x"},  # a wildcard inside the key
        {"Fn::Sub": "${Bucket.Arn}/docu*/*"},  # a prefix that is not fixed
        {"Fn::Sub": "${MainTable.Arn}/documents/*"},  # not a bucket
        {"Fn::Sub": "${Elsewhere.Arn}/documents/*"},  # not in this template
        "arn:aws:s3:::*/documents/*",  # any bucket
    ]
    for resource in too_wide:
        assert len(wildcard_problems(template(**bucket, ApiRole=role(allow("s3:GetObject", resource))))) == 1, resource


def test_a_wildcard_in_a_deny_is_not_a_grant() -> None:
    deny = {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}
    assert wildcard_problems(template(ApiRole=role(allow("dynamodb:GetItem", TABLE_ARN), deny))) == []


def test_shared_foreign_and_unused_roles_are_found() -> None:
    assert role_sharing_problems(template()) == []
    shared = template(Worker=function("ApiRole"))
    foreign = template(Api={"Type": "AWS::Lambda::Function", "Properties": {"Role": "arn:aws:iam::1:role/x"}})
    assert role_sharing_problems(shared) == [
        "ApiRole is used by ['Api', 'Worker']: one role per function or state machine"
    ]
    assert role_sharing_problems(foreign) == [
        "Api: its role is not a role of this template (arn:aws:iam::1:role/x)",
        "ApiRole is used by nothing: one role per function or state machine",
    ]


def test_the_holders_of_an_action_are_the_roles_granting_it() -> None:
    releaser = role(allow("states:SendTaskSuccess", {"Ref": "Machine"}))
    assert holders_of(template(Worker=function("WorkerRole"), WorkerRole=releaser), "states:SendTaskSuccess") == {
        "WorkerRole"
    }


def queue(**properties: Any) -> dict[str, Any]:
    return {"Type": "AWS::SQS::Queue", "Properties": properties}


def mapping(**properties: Any) -> dict[str, Any]:
    return {
        "Type": "AWS::Lambda::EventSourceMapping",
        "Properties": {
            "EventSourceArn": {"Fn::GetAtt": ["Work", "Arn"]},
            "FunctionName": {"Fn::GetAtt": ["Api", "Arn"]},
            **properties,
        },
    }


def test_a_queue_consumer_without_partial_failures_dead_letters_or_long_enough_visibility_is_found() -> None:
    good_queue = queue(VisibilityTimeout=180, RedrivePolicy={"maxReceiveCount": 5})
    good = template(Work=good_queue, Consumer=mapping(FunctionResponseTypes=["ReportBatchItemFailures"]))
    assert queue_consumer_problems(good) == []
    broken = template(Work=queue(VisibilityTimeout=10), Consumer=mapping())
    assert queue_consumer_problems(broken) == [
        "Consumer: no ReportBatchItemFailures, one bad message fails the whole batch",
        "Consumer: queue Work has no dead-letter queue",
        "Consumer: queue visibility timeout is shorter than the function timeout 28",
    ]
