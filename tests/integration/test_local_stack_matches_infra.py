"""Every resource in infra/ exists in the local stack, with the same keys, indexes and wiring."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.local.provision import LOCAL_WEBSOCKET_URL, SKIPPED_LOCALLY, ProvisionedStack, Templates, provision
from functions.local.redrive import dead_letter_queue_of, redrive

TEMPLATES = Templates.load()
RESOURCES: dict[str, Any] = TEMPLATES.resources["Resources"]


def of_type(kind: str) -> list[str]:
    return sorted(name for name, resource in RESOURCES.items() if resource["Type"] == kind)


def key_schema(entries: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(entry["AttributeName"], entry["KeyType"]) for entry in entries]


def test_every_resource_in_infra_was_created_or_deliberately_skipped(stack: ProvisionedStack) -> None:
    assert set(RESOURCES) <= set(stack.resources) | set(stack.skipped)
    assert set(TEMPLATES.state_machines()) <= set(stack.resources)
    assert not set(stack.skipped) & set(stack.resources)


@pytest.mark.usefixtures("aws")  # no call is made, but none could reach AWS either
def test_a_resource_type_the_local_stack_neither_creates_nor_skips_is_an_error() -> None:
    unknown = {"Resources": {"Odd": {"Type": "AWS::Example::Unknown", "Properties": {}}}, "Outputs": {}}
    templates = Templates(resources=unknown, serverless=TEMPLATES.serverless, root=TEMPLATES.root)
    with pytest.raises(ValueError, match="cannot create AWS::Example::Unknown"):
        provision(templates=templates)


def test_only_cloudfront_the_alarms_and_what_names_them_are_skipped_locally(stack: ProvisionedStack) -> None:
    """The dev server stands in for CloudFront (functions/local/web_pages.py); the pages' bucket is real.
    Alarms watch metrics nothing local emits; the operations topic they tell is created. SNS's delivery
    logs reach no function locally (the log groups are created)."""
    skipped_types = {name for name, resource in RESOURCES.items() if resource["Type"] in SKIPPED_LOCALLY}
    kinds = ("AWS::CloudFront::", "AWS::CloudWatch::Alarm", "AWS::Lambda::Permission", "AWS::Logs::SubscriptionFilter")
    assert skipped_types == {name for name in RESOURCES if RESOURCES[name]["Type"].startswith(kinds)}
    assert set(stack.skipped) == skipped_types | {"WebBucketPolicy"}  # it names the distribution
    assert {"WebBucket", "OperationsTopic", "SmsDeliveryLogGroup", "SmsDeliveryFailureLogGroup"} <= set(stack.resources)


def test_the_pages_bucket_blocks_public_access_and_encrypts(stack: ProvisionedStack) -> None:
    s3 = boto3.client("s3")
    bucket = stack.resources["WebBucket"].ref
    assert all(s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"].values())
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


@pytest.mark.parametrize("logical_id", of_type("AWS::DynamoDB::Table"))
def test_tables_have_the_keys_indexes_and_ttl_of_infra(stack: ProvisionedStack, logical_id: str) -> None:
    declared = RESOURCES[logical_id]["Properties"]
    ddb = boto3.client("dynamodb")
    table = ddb.describe_table(TableName=stack.resources[logical_id].ref)["Table"]
    assert key_schema(table["KeySchema"]) == key_schema(declared["KeySchema"])
    assert table.get("DeletionProtectionEnabled") is declared["DeletionProtectionEnabled"] is True
    actual_indexes = {i["IndexName"]: key_schema(i["KeySchema"]) for i in table.get("GlobalSecondaryIndexes", [])}
    declared_indexes = {i["IndexName"]: key_schema(i["KeySchema"]) for i in declared.get("GlobalSecondaryIndexes", [])}
    assert actual_indexes == declared_indexes
    ttl = ddb.describe_time_to_live(TableName=table["TableName"])["TimeToLiveDescription"]
    if "TimeToLiveSpecification" in declared:
        assert ttl["TimeToLiveStatus"] == "ENABLED"
        assert ttl["AttributeName"] == declared["TimeToLiveSpecification"]["AttributeName"]
    else:
        assert ttl["TimeToLiveStatus"] == "DISABLED"


def test_the_pynamodb_models_use_the_main_table_keys_and_indexes() -> None:
    declared = RESOURCES["MainTable"]["Properties"]
    schema = MainTableItem._get_schema()
    assert key_schema(schema["key_schema"]) == key_schema(declared["KeySchema"])
    model_indexes = {i["index_name"]: key_schema(i["key_schema"]) for i in schema["global_secondary_indexes"]}
    declared_indexes = {i["IndexName"]: key_schema(i["KeySchema"]) for i in declared["GlobalSecondaryIndexes"]}
    assert model_indexes == declared_indexes


@pytest.mark.parametrize("logical_id", of_type("AWS::SQS::Queue"))
def test_queues_exist_and_work_queues_redrive_to_their_dead_letter_queue(
    stack: ProvisionedStack, logical_id: str
) -> None:
    declared = RESOURCES[logical_id]["Properties"]
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=stack.resources[logical_id].ref, AttributeNames=["All"]
    )["Attributes"]
    assert attributes["QueueArn"].endswith(declared["QueueName"]["Fn::Sub"].split("}")[-1])
    if "RedrivePolicy" in declared:
        redrive = json.loads(attributes["RedrivePolicy"])
        dead_letter = declared["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
        assert redrive["deadLetterTargetArn"] == stack.resources[dead_letter].attributes["Arn"]
        assert int(redrive["maxReceiveCount"]) == declared["RedrivePolicy"]["maxReceiveCount"]


def test_every_work_queue_has_a_dead_letter_queue() -> None:
    queues = of_type("AWS::SQS::Queue")
    work = [q for q in queues if "DeadLetter" not in q]
    assert work
    assert all("RedrivePolicy" in RESOURCES[q]["Properties"] for q in work)


@pytest.mark.parametrize("logical_id", of_type("AWS::SNS::Subscription"))
def test_topics_feed_their_queues(stack: ProvisionedStack, logical_id: str) -> None:
    declared = RESOURCES[logical_id]["Properties"]
    topic_arn = stack.resources[declared["TopicArn"]["Ref"]].ref
    queue_arn = stack.resources[declared["Endpoint"]["Fn::GetAtt"][0]].attributes["Arn"]
    listed = boto3.client("sns").list_subscriptions_by_topic(TopicArn=topic_arn)["Subscriptions"]
    subscriptions = [s for s in listed if s["Endpoint"] == queue_arn]  # a topic may feed several queues
    assert [s["Protocol"] for s in subscriptions] == ["sqs"]
    declared_queues = {
        stack.resources[RESOURCES[other]["Properties"]["Endpoint"]["Fn::GetAtt"][0]].attributes["Arn"]
        for other in of_type("AWS::SNS::Subscription")
        if RESOURCES[other]["Properties"]["TopicArn"] == declared["TopicArn"]
    }
    assert {s["Endpoint"] for s in listed} == declared_queues  # and no queue infra/ does not declare
    attributes = boto3.client("sns").get_subscription_attributes(SubscriptionArn=subscriptions[0]["SubscriptionArn"])
    assert attributes["Attributes"]["RawMessageDelivery"] == "true"


def test_the_documents_bucket_takes_posted_uploads_from_the_dev_servers_pages(stack: ProvisionedStack) -> None:
    """Locally the dev server serves the pages in CloudFront's place: the CORS rule names its origin."""
    rules = boto3.client("s3").get_bucket_cors(Bucket=stack.resources["DocumentsBucket"].ref)["CORSRules"]
    assert [(rule["AllowedMethods"], rule["AllowedOrigins"]) for rule in rules] == [(["POST"], [LOCAL_WEBSOCKET_URL])]
    assert "DocumentsBucket" not in stack.skipped


def test_the_documents_bucket_blocks_public_access_and_encrypts(stack: ProvisionedStack) -> None:
    s3 = boto3.client("s3")
    bucket = stack.resources["DocumentsBucket"].ref
    block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values())
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


def test_the_user_pool_has_its_groups_policy_and_client(stack: ProvisionedStack) -> None:
    cognito = boto3.client("cognito-idp")
    pool_id = stack.resources["UserPool"].ref
    pool = cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 10
    groups = {g["GroupName"] for g in cognito.list_groups(UserPoolId=pool_id)["Groups"]}
    assert groups == {"citizen", "center-operator", "agency-officer", "monitor", "admin"}
    client = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=stack.resources["UserPoolClient"].ref)
    assert "ALLOW_USER_PASSWORD_AUTH" in client["UserPoolClient"]["ExplicitAuthFlows"]


@pytest.mark.parametrize("logical_id", of_type("AWS::Logs::LogGroup"))
def test_log_groups_exist_with_their_retention(stack: ProvisionedStack, logical_id: str) -> None:
    declared = RESOURCES[logical_id]["Properties"]
    name = stack.resources[logical_id].ref
    groups = boto3.client("logs").describe_log_groups(logGroupNamePrefix=name)["logGroups"]
    named = [(g["logGroupName"], g.get("retentionInDays")) for g in groups if g["logGroupName"] == name]
    assert named == [(name, declared["RetentionInDays"])]


def test_the_state_machine_is_created_from_its_asl_with_references_resolved(stack: ProvisionedStack) -> None:
    described = boto3.client("stepfunctions").describe_state_machine(
        stateMachineArn=stack.resources["HandoffStateMachine"].ref
    )
    definition = described["definition"]
    assert '"Ref"' not in definition
    assert stack.resources["HandoffsTopic"].ref in definition
    assert stack.resources["MonitoringTopic"].ref in definition


def test_the_environment_of_the_functions_points_at_the_created_resources(stack: ProvisionedStack) -> None:
    assert stack.environment["MAIN_TABLE"] == stack.resources["MainTable"].ref
    assert stack.environment["SHUBBAK_STAGE"] == "local"


def filter_of(rule: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """(prefix, tags) of an S3 API lifecycle filter, whichever shape it takes."""
    rule_filter = rule.get("Filter", {})
    conjunction = rule_filter.get("And", rule_filter)
    tags = conjunction.get("Tags", [rule_filter["Tag"]] if "Tag" in rule_filter else [])
    return conjunction.get("Prefix", ""), sorted((tag["Key"], tag["Value"]) for tag in tags)


def test_the_documents_bucket_has_the_lifecycle_rules_of_infra(stack: ProvisionedStack) -> None:
    declared = RESOURCES["DocumentsBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    bucket = stack.resources["DocumentsBucket"].ref
    local = {rule["ID"]: rule for rule in boto3.client("s3").get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]}
    assert set(local) == {rule["Id"] for rule in declared}
    for rule in declared:
        applied = local[rule["Id"]]
        assert applied["Status"] == rule["Status"]
        tags = sorted((tag["Key"], tag["Value"]) for tag in rule.get("TagFilters", []))
        assert filter_of(applied) == (rule.get("Prefix", ""), tags), rule["Id"]
        assert applied.get("Expiration", {}).get("Days") == rule.get("ExpirationInDays")
        assert applied.get("Expiration", {}).get("ExpiredObjectDeleteMarker") == rule.get("ExpiredObjectDeleteMarker")
        assert applied.get("NoncurrentVersionExpiration") == rule.get("NoncurrentVersionExpiration")


def test_documents_expire_only_by_the_sweepers_tags_and_uploads_within_a_day() -> None:
    rules = {rule["Id"]: rule for rule in RESOURCES["DocumentsBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]}
    closed = rules["closed-request-documents"]
    assert (closed["Prefix"], closed["TagFilters"]) == ("documents/", [{"Key": "retention", "Value": "closed"}])
    assert closed["NoncurrentVersionExpiration"]["NoncurrentDays"] <= 1  # the bytes go, not just the current version
    expiring = {
        rule["Id"]: rule["TagFilters"]
        for rule in rules.values()
        if rule.get("Prefix") == "documents/" and "ExpirationInDays" in rule
    }
    assert expiring == {  # nothing else ever expires a current document: only the sweeper's tags do
        "closed-request-documents": [{"Key": "retention", "Value": "closed"}],
        "abandoned-draft-documents": [{"Key": "retention", "Value": "abandoned"}],
    }
    assert rules["unverified-uploads"]["Prefix"] == "incoming/"
    assert rules["unverified-uploads"]["ExpirationInDays"] == 1


@pytest.mark.parametrize("logical_id", of_type("AWS::SNS::Subscription"))
def test_subscriptions_filter_as_infra_declares(stack: ProvisionedStack, logical_id: str) -> None:
    """The figures queue's filter (no monitoring alerts) holds locally as on AWS."""
    declared = RESOURCES[logical_id]["Properties"]
    topic_arn = stack.resources[declared["TopicArn"]["Ref"]].ref
    queue_arn = stack.resources[declared["Endpoint"]["Fn::GetAtt"][0]].attributes["Arn"]
    listed = boto3.client("sns").list_subscriptions_by_topic(TopicArn=topic_arn)["Subscriptions"]
    [subscription] = [s for s in listed if s["Endpoint"] == queue_arn]
    attributes = boto3.client("sns").get_subscription_attributes(SubscriptionArn=subscription["SubscriptionArn"])
    policy = attributes["Attributes"].get("FilterPolicy")
    assert (json.loads(policy) if policy else None) == declared.get("FilterPolicy")


def test_a_dead_letter_queue_is_redriven_onto_the_queue_that_dead_lettered_it(stack: ProvisionedStack) -> None:
    """Issue 14, item 7: a poison message dead-lettered after its receives; once its cause is fixed,
    ``make redrive`` (functions/local/redrive.py) puts it back, body and attributes, and empties the DLQ."""
    sqs = boto3.client("sqs")
    queue = stack.resources["HandoffsQueue"].ref
    dead_letters = dead_letter_queue_of(sqs, queue)
    attributes = {"agency": {"DataType": "String", "StringValue": "MUNICIPALITY"}}
    sqs.send_message(QueueUrl=queue, MessageBody='{"poison": true}', MessageAttributes=attributes)
    for _ in range(6):  # maxReceiveCount 5: the sixth receive finds it dead-lettered
        sqs.receive_message(QueueUrl=queue, VisibilityTimeout=0, WaitTimeSeconds=0)
    assert (
        int(
            sqs.get_queue_attributes(QueueUrl=dead_letters, AttributeNames=["All"])["Attributes"][
                "ApproximateNumberOfMessages"
            ]
        )
        == 1
    )

    assert redrive(sqs, dead_letters, queue) == 1
    back = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"], WaitTimeSeconds=0)["Messages"]
    assert [(m["Body"], m["MessageAttributes"]["agency"]["StringValue"]) for m in back] == [
        ('{"poison": true}', "MUNICIPALITY")
    ]
    assert redrive(sqs, dead_letters, queue) == 0
