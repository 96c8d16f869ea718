"""The packaged CloudFormation template (``make package``, stage prod) holds everything the code needs,
and each function may do only what it does. Rules that apply to every function or resource are
generic: a function added to serverless.yml is checked without touching these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pynamodb.attributes import TTLAttribute

from deploy.lambda_artifact import ARTIFACT, Target
from functions.adapters.dynamodb.main_table import MainTableItem
from tests.deployment.template_rules import (
    ACTIONS_AWS_GRANTS_ONLY_ON_EVERY_RESOURCE,
    environment_references_problems,
    functions,
    grants,
    holders_of,
    missing_settings,
    queue_consumer_problems,
    referenced_logical_ids,
    required_settings,
    reserved_variables_set,
    resources_of_type,
    role_sharing_problems,
    wildcard_problems,
)

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = ROOT / "functions" / "settings.py"  # where Settings.from_environ names what it requires
# Releasing a hand-off wait belongs to the paths that decide (the GraphQL function: acknowledge,
# complete, reject, return, resubmit, cancel) and to the handoffs consumer (a token that arrives after
# its decision). Any other holder is a finding; nobody sends heartbeats.
TASK_TOKEN_RELEASERS: dict[str, set[str]] = {
    "states:SendTaskSuccess": {"graphqlHttp", "handoffs"},
    "states:SendTaskFailure": {"graphqlHttp", "handoffs"},
    "states:SendTaskHeartbeat": set(),
}
# PynamoDB models and the table they are bound to, to check TTL where a model expires items.
MODEL_TABLES = {MainTableItem: "MainTable"}

Template = dict[str, Any]


# ---------------------------------------------------------------- environment and names


def test_bootstrap_requires_settings_the_parser_can_see() -> None:
    """Guards the parser: if bootstrap stopped calling required("..."), the environment test would pass on nothing."""
    assert {"SHUBBAK_STAGE", "MAIN_TABLE"} <= required_settings(BOOTSTRAP)


def test_every_function_gets_every_setting_bootstrap_requires(template: Template) -> None:
    assert functions(template)
    assert missing_settings(template, required_settings(BOOTSTRAP)) == {}


def test_no_function_sets_a_variable_the_lambda_runtime_owns(template: Template) -> None:
    assert reserved_variables_set(template) == {}


def test_every_resource_the_environment_names_exists_with_the_promised_type(template: Template) -> None:
    assert environment_references_problems(template) == []


def test_every_function_runs_the_artifact_on_the_runtime_it_was_built_for(template: Template) -> None:
    target = Target.from_serverless()
    for name, function in functions(template).items():
        properties = function["Properties"]
        assert properties["Runtime"] == f"python{target.python[0]}.{target.python[1]}", name
        assert properties["Architectures"] == ["arm64" if target.pip_platform == "manylinux2014_aarch64" else "x86_64"]
        assert properties["Code"]["S3Key"].endswith("/" + ARTIFACT.name), name
        assert properties["TracingConfig"] == {"Mode": "Active"}, name


def test_every_function_has_a_log_group_with_retention(template: Template) -> None:
    log_groups = resources_of_type(template, "AWS::Logs::LogGroup")
    names = {json.dumps(group["Properties"]["LogGroupName"]): group for group in log_groups.values()}
    for function in functions(template).values():
        group = names[json.dumps("/aws/lambda/" + function["Properties"]["FunctionName"])]
        assert group["Properties"]["RetentionInDays"] > 0


# ---------------------------------------------------------------- least privilege


def test_no_wildcard_is_granted_except_where_aws_requires_it(template: Template) -> None:
    assert grants(template)
    assert wildcard_problems(template) == []


def test_each_function_and_state_machine_has_a_role_of_its_own(template: Template) -> None:
    assert resources_of_type(template, "AWS::IAM::Role")
    assert role_sharing_problems(template) == []


@pytest.mark.parametrize("action", sorted(TASK_TOKEN_RELEASERS))
def test_only_the_named_functions_may_release_hand_off_waits(template: Template, action: str) -> None:
    allowed_roles = {
        str(function["Properties"]["Role"]["Fn::GetAtt"][0])
        for name, function in functions(template).items()
        if function["Properties"]["FunctionName"].rsplit("-", 1)[-1] in TASK_TOKEN_RELEASERS[action]
    }
    assert holders_of(template, action) == allowed_roles


def test_the_state_machines_publish_only_to_the_topics_their_definitions_name(template: Template) -> None:
    machines = resources_of_type(template, "AWS::StepFunctions::StateMachine")
    assert machines
    for name, machine in machines.items():
        role = next(iter(referenced_logical_ids(machine["Properties"]["RoleArn"])))
        role_grants = [grant for grant in grants(template) if grant.logical_id == role]
        published_to = {r for grant in role_grants if "sns:Publish" in grant.actions for r in grant.resources}
        assert published_to == {f"${{{topic}}}" for topic in topics_named_in(machine)}, name
        actions = {action for grant in role_grants for action in grant.actions}
        assert actions - {"sns:Publish"} <= set(ACTIONS_AWS_GRANTS_ONLY_ON_EVERY_RESOURCE), name


def topics_named_in(machine: dict[str, Any]) -> set[str]:
    """The topics of the TopicArn fields of a definition (serverless-step-functions turns each
    {"Ref": X} into a ${placeholder} of an Fn::Sub)."""
    text, placeholders = machine["Properties"]["DefinitionString"]["Fn::Sub"]
    topic_fields = re.findall(r'"TopicArn":\s*"\$\{([^}]+)\}"', text)
    return {placeholders[field]["Ref"] for field in topic_fields}


# ---------------------------------------------------------------- what the code needs


def test_the_graphql_route_requires_a_user_pool_token(template: Template) -> None:
    routes = resources_of_type(template, "AWS::ApiGatewayV2::Route")
    graphql = [r["Properties"] for r in routes.values() if r["Properties"]["RouteKey"] == "POST /graphql"]
    assert [route["AuthorizationType"] for route in graphql] == ["JWT"]
    authorizer = template["Resources"][graphql[0]["AuthorizerId"]["Ref"]]["Properties"]
    assert authorizer["IdentitySource"] == ["$request.header.Authorization"]
    assert referenced_logical_ids(authorizer["JwtConfiguration"]["Issuer"]) == {"UserPool"}
    assert referenced_logical_ids(authorizer["JwtConfiguration"]["Audience"]) == {"UserPoolClient"}
    assert resources_of_type(template, "AWS::Cognito::UserPool")


def test_every_queue_consumer_reports_partial_failures_and_has_a_dead_letter_queue(template: Template) -> None:
    assert queue_consumer_problems(template) == []


def test_every_work_queue_redrives_to_a_dead_letter_queue(template: Template) -> None:
    queues = resources_of_type(template, "AWS::SQS::Queue")
    redriven = [q["Properties"]["RedrivePolicy"] for q in queues.values() if "RedrivePolicy" in q["Properties"]]
    dead_letter_targets = set().union(*(referenced_logical_ids(policy) for policy in redriven))
    work = set(queues) - dead_letter_targets
    assert work
    assert [name for name in sorted(work) if "RedrivePolicy" not in queues[name]["Properties"]] == []


def test_every_state_machine_logs_to_a_log_group_of_the_stack(template: Template) -> None:
    machines = resources_of_type(template, "AWS::StepFunctions::StateMachine")
    assert machines
    for name, machine in machines.items():
        logging = machine["Properties"]["LoggingConfiguration"]
        assert logging["Level"] in {"ERROR", "ALL", "FATAL"}, name
        destinations = [d["CloudWatchLogsLogGroup"]["LogGroupArn"] for d in logging["Destinations"]]
        groups = set().union(*(referenced_logical_ids(d) for d in destinations))
        assert groups, name
        assert {template["Resources"][g]["Type"] for g in groups} == {"AWS::Logs::LogGroup"}, name


def test_every_table_has_point_in_time_recovery_and_encryption(template: Template) -> None:
    tables = resources_of_type(template, "AWS::DynamoDB::Table")
    assert tables
    for name, table in tables.items():
        properties = table["Properties"]
        assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}, name
        assert properties["SSESpecification"] == {"SSEEnabled": True}, name


@pytest.mark.parametrize(("model", "logical_id"), MODEL_TABLES.items())
def test_tables_expire_items_on_the_attribute_their_models_use(template: Template, model: Any, logical_id: str) -> None:
    ttl = [name for name, attribute in model.get_attributes().items() if isinstance(attribute, TTLAttribute)]
    specification = template["Resources"][logical_id]["Properties"].get("TimeToLiveSpecification")
    expected = {"AttributeName": model.get_attributes()[ttl[0]].attr_name, "Enabled": True} if ttl else None
    assert specification == expected


def test_buckets_block_public_access_and_encrypt(template: Template) -> None:
    buckets = resources_of_type(template, "AWS::S3::Bucket")
    assert "DocumentsBucket" in buckets
    for name, bucket in buckets.items():
        properties = bucket["Properties"]
        assert properties["BucketEncryption"]["ServerSideEncryptionConfiguration"], name
        assert all(properties["PublicAccessBlockConfiguration"].values()), name
