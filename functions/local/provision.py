"""Provision the local stack on moto from the same files serverless.yml deploys.

Reads the ``infra/`` files ``serverless.yml`` lists under ``resources`` (every resource, created in
dependency order), the state machines listed under ``stepFunctions`` (their ASL files from
``infra/statemachines``), and ``provider.environment`` to derive the environment the functions get.
There is no second copy of any definition here: each resource type has a creator that passes the
template's properties to the AWS API of that service. A type with no creator is an error, except the
few :data:`SKIPPED_LOCALLY` says why the local stack leaves out; ``extensions`` of resources osls
generates (the APIs' stages) have nothing to extend locally and are left out too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import boto3
import yaml

from functions.local.bucket_rules import cors, lifecycle, local_origins
from functions.local.intrinsics import Created, IntrinsicResolver, references_of

__all__ = ["LOCAL_ACCOUNT_ID", "SKIPPED_LOCALLY", "ProvisionedStack", "Templates", "provision"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LOCAL_ACCOUNT_ID = "123456789012"
_FILE_VARIABLE = re.compile(r"^\$\{file\((?P<path>[^)]+)\)\}$")
_SECTIONS = ("Resources", "Outputs")


@dataclass(frozen=True)
class Templates:
    """The deployment's definitions as parsed YAML/JSON."""

    resources: dict[str, Any]
    serverless: dict[str, Any]
    root: Path

    @classmethod
    def load(cls, root: Path = PROJECT_ROOT) -> Templates:
        """``resources`` is one ``${file(infra/...)}`` or a list of them, merged as osls merges them."""
        serverless = yaml.safe_load((root / "serverless.yml").read_text())
        listed = serverless["resources"]
        resources: dict[str, dict[str, Any]] = {section: {} for section in _SECTIONS}
        for entry in listed if isinstance(listed, list) else [listed]:
            if isinstance(entry, dict) and set(entry) == {"extensions"}:
                continue  # they extend resources osls generates: none exist locally
            resources_file = _FILE_VARIABLE.match(entry) if isinstance(entry, str) else None
            if resources_file is None:
                raise ValueError(
                    f"serverless.yml: a resources entry must be ${{file(infra/...)}} or extensions: {entry!r}"
                )
            part = yaml.safe_load((root / resources_file["path"]).read_text())
            unknown = set(part) - set(_SECTIONS)
            if unknown:
                raise ValueError(f"{resources_file['path']}: only {list(_SECTIONS)}, not {sorted(unknown)}")
            for section in _SECTIONS:
                clash = set(resources[section]) & set(part.get(section) or {})
                if clash:
                    raise ValueError(f"{resources_file['path']}: {section} {sorted(clash)} declared twice")
                resources[section] |= part.get(section) or {}
        return cls(resources=resources, serverless=serverless, root=root)

    def state_machines(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Logical id -> (name template, ASL definition) for each state machine."""
        machines: dict[str, tuple[str, dict[str, Any]]] = {}
        for key, machine in self.serverless["stepFunctions"]["stateMachines"].items():
            definition_file = _FILE_VARIABLE.match(machine["definition"])
            if definition_file is None:
                raise ValueError(f"state machine {key}: definition must be ${{file(...)}}")
            definition = json.loads((self.root / definition_file["path"]).read_text())
            machines[machine["id"]] = (machine["name"], definition)
        return machines


SKIPPED_LOCALLY = frozenset(
    {
        "AWS::CloudFront::Distribution",
        "AWS::CloudFront::Function",
        "AWS::CloudFront::OriginAccessControl",
        "AWS::CloudFront::ResponseHeadersPolicy",
        "AWS::CloudWatch::Alarm",
        "AWS::Lambda::Permission",
        "AWS::Logs::SubscriptionFilter",
    }
)
"""CloudFront in front of the pages: locally the dev server serves web/dist itself, with the response
headers policy's headers (functions/local/web_pages.py). CloudWatch alarms (infra/alarms.yml): nothing
local emits the AWS/Lambda, AWS/SQS, AWS/States, AWS/ApiGateway or AWS/SNS metrics they watch, and their
dimensions name resources osls generates; the operations topic they tell is created. A resource that
refers to a skipped one (the pages bucket's policy, which names the distribution) is skipped with it;
SNS's delivery-status logs reach the receipts function through a subscription filter and its permission
(infra/sms.yml): locally no SNS writes those logs (the simulated carrier reports through the aggregator's
webhook instead) and no Lambda function exists to invoke; the log groups themselves are created.
Every other type is created, and an unknown type is an error."""


@dataclass
class ProvisionedStack:
    stack_name: str
    region: str
    resources: dict[str, Created] = field(default_factory=dict)
    environment: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    """Logical id -> type of the resources deliberately not created locally (``SKIPPED_LOCALLY``)."""


Creator = Callable[[str, dict[str, Any]], Created]


class _LocalProvisioner:
    def __init__(self, stack: ProvisionedStack, endpoint_url: str | None) -> None:
        self.stack = stack
        self.session = _session(stack.region)
        self.endpoint_url = endpoint_url
        self._clients: dict[str, Any] = {}

    def client(self, service: str) -> Any:
        if service not in self._clients:
            self._clients[service] = self.session.client(service, endpoint_url=self.endpoint_url)  # type: ignore[call-overload]
        return self._clients[service]

    def creators(self) -> dict[str, Creator]:
        return {
            "AWS::DynamoDB::Table": self.table,
            "AWS::SNS::Topic": self.topic,
            "AWS::SQS::Queue": self.queue,
            "AWS::SNS::Subscription": self.subscription,
            "AWS::SQS::QueuePolicy": self.queue_policy,
            "AWS::S3::Bucket": self.bucket,
            "AWS::Cognito::UserPool": self.user_pool,
            "AWS::Cognito::UserPoolClient": self.user_pool_client,
            "AWS::Cognito::UserPoolGroup": self.user_pool_group,
            "AWS::Logs::LogGroup": self.log_group,
            "AWS::KMS::Key": self.key,
        }

    def table(self, _: str, props: dict[str, Any]) -> Created:
        ddb = self.client("dynamodb")
        name = props["TableName"]
        arguments: dict[str, Any] = {
            key: props[key]
            for key in (
                "TableName",
                "BillingMode",
                "AttributeDefinitions",
                "KeySchema",
                "GlobalSecondaryIndexes",
                "DeletionProtectionEnabled",
            )
            if key in props
        }
        if "SSESpecification" in props:
            arguments["SSESpecification"] = {"Enabled": props["SSESpecification"]["SSEEnabled"]}
        described = ddb.create_table(**arguments)["TableDescription"]
        if "TimeToLiveSpecification" in props:
            ddb.update_time_to_live(TableName=name, TimeToLiveSpecification=props["TimeToLiveSpecification"])
        if props.get("PointInTimeRecoverySpecification", {}).get("PointInTimeRecoveryEnabled"):
            ddb.update_continuous_backups(
                TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
            )
        return Created(ref=name, attributes={"Arn": described["TableArn"]})

    def topic(self, _: str, props: dict[str, Any]) -> Created:
        arn = self.client("sns").create_topic(Name=props["TopicName"])["TopicArn"]
        return Created(ref=arn, attributes={"TopicArn": arn, "TopicName": props["TopicName"]})

    def queue(self, _: str, props: dict[str, Any]) -> Created:
        attributes = {
            key: json.dumps(value)
            if isinstance(value, dict)
            else str(value).lower()
            if isinstance(value, bool)
            else str(value)
            for key, value in props.items()
            if key != "QueueName"
        }
        sqs = self.client("sqs")
        url = sqs.create_queue(QueueName=props["QueueName"], Attributes=attributes)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        return Created(ref=url, attributes={"Arn": arn, "QueueName": props["QueueName"], "QueueUrl": url})

    def subscription(self, _: str, props: dict[str, Any]) -> Created:
        attributes = {
            key: json.dumps(props[key]) if isinstance(props[key], dict) else str(props[key]).lower()
            for key in ("RawMessageDelivery", "FilterPolicy", "FilterPolicyScope")
            if key in props
        }
        arn = self.client("sns").subscribe(
            TopicArn=props["TopicArn"],
            Protocol=props["Protocol"],
            Endpoint=props["Endpoint"],
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )["SubscriptionArn"]
        return Created(ref=arn)

    def queue_policy(self, logical_id: str, props: dict[str, Any]) -> Created:
        sqs = self.client("sqs")
        for url in props["Queues"]:
            sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(props["PolicyDocument"])})
        return Created(ref=logical_id)

    def bucket(self, _: str, props: dict[str, Any]) -> Created:
        s3 = self.client("s3")
        name = props["BucketName"]
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": self.stack.region})
        if "PublicAccessBlockConfiguration" in props:
            s3.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
            )
        if "BucketEncryption" in props:
            s3.put_bucket_encryption(
                Bucket=name,
                ServerSideEncryptionConfiguration={
                    "Rules": [
                        {"ApplyServerSideEncryptionByDefault": rule["ServerSideEncryptionByDefault"]}
                        for rule in props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
                    ]
                },
            )
        if "VersioningConfiguration" in props:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration=props["VersioningConfiguration"])
        if "OwnershipControls" in props:
            s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls=props["OwnershipControls"])
        if "LifecycleConfiguration" in props:
            s3.put_bucket_lifecycle_configuration(Bucket=name, LifecycleConfiguration=lifecycle(props))
        if "CorsConfiguration" in props:
            s3.put_bucket_cors(Bucket=name, CORSConfiguration=cors(props["CorsConfiguration"]))
        return Created(ref=name, attributes={"Arn": f"arn:aws:s3:::{name}"})

    def user_pool(self, _: str, props: dict[str, Any]) -> Created:
        arguments = {key: value for key, value in props.items() if key != "UserPoolName"}
        pool = self.client("cognito-idp").create_user_pool(PoolName=props["UserPoolName"], **arguments)["UserPool"]
        provider = f"cognito-idp.{self.stack.region}.amazonaws.com/{pool['Id']}"
        return Created(ref=pool["Id"], attributes={"Arn": pool["Arn"], "ProviderName": provider})

    def user_pool_client(self, _: str, props: dict[str, Any]) -> Created:
        client = self.client("cognito-idp").create_user_pool_client(**props)["UserPoolClient"]
        return Created(ref=client["ClientId"])

    def user_pool_group(self, _: str, props: dict[str, Any]) -> Created:
        self.client("cognito-idp").create_group(**props)
        return Created(ref=props["GroupName"])

    def key(self, _: str, props: dict[str, Any]) -> Created:
        """The key policy is AWS's business; moto keeps the key and does the cryptography."""
        metadata = self.client("kms").create_key(Description=props.get("Description", ""))["KeyMetadata"]
        if props.get("EnableKeyRotation"):
            self.client("kms").enable_key_rotation(KeyId=metadata["KeyId"])
        return Created(ref=metadata["KeyId"], attributes={"Arn": metadata["Arn"]})

    def log_group(self, _: str, props: dict[str, Any]) -> Created:
        logs = self.client("logs")
        name = props["LogGroupName"]
        logs.create_log_group(logGroupName=name)
        if "RetentionInDays" in props:
            logs.put_retention_policy(logGroupName=name, retentionInDays=props["RetentionInDays"])
        described = next(
            g for g in logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"] if g["logGroupName"] == name
        )
        return Created(ref=name, attributes={"Arn": described["arn"]})

    def state_machine(self, name: str, definition: dict[str, Any]) -> Created:
        arn = self.client("stepfunctions").create_state_machine(
            name=name,
            definition=json.dumps(definition),
            roleArn=f"arn:aws:iam::{LOCAL_ACCOUNT_ID}:role/{name}",
            type="STANDARD",
        )["stateMachineArn"]
        return Created(ref=arn, attributes={"Arn": arn, "Name": name})


@cache
def _session(region: str) -> boto3.session.Session:
    """One session per process: each new session parses the botocore service models again."""
    return boto3.session.Session(region_name=region)


def _creation_order(resources: dict[str, Any]) -> list[str]:
    order: list[str] = []
    pending = dict(resources)
    while pending:
        ready = [
            logical_id
            for logical_id, resource in pending.items()
            # references to what osls generates (HttpApi, WebsocketsApi) order nothing here
            if references_of(resource.get("Properties", {})) & set(resources) <= set(order)
        ]
        if not ready:
            raise ValueError(f"circular or unknown references among {sorted(pending)}")
        for logical_id in sorted(ready):
            order.append(logical_id)
            del pending[logical_id]
    return order


def _serverless_variables(value: Any, stage: str, service: str) -> Any:
    if isinstance(value, str):
        return value.replace("${sls:stage}", stage).replace("${self:service}", service)
    if isinstance(value, dict):
        return {key: _serverless_variables(item, stage, service) for key, item in value.items()}
    if isinstance(value, list):
        return [_serverless_variables(item, stage, service) for item in value]
    return value


LOCAL_WEBSOCKET_URL = "http://127.0.0.1:8000"
"""Where the dev server emulates the WebSocket API and its management endpoint (``@connections``), and
serves the pages (the documents bucket's CORS origin locally)."""
EMULATED_LOCALLY = "WEBSOCKET_MANAGEMENT_URL"
"""The one setting that names a resource osls generates (the WebSocket API) instead of one of infra/."""


def provision(
    *,
    stage: str = "local",
    region: str = "me-south-1",
    endpoint_url: str | None = None,
    templates: Templates | None = None,
    websocket_url: str = LOCAL_WEBSOCKET_URL,
) -> ProvisionedStack:
    """Create every resource of the deployment on moto (server at ``endpoint_url``, or in-process)."""
    templates = templates or Templates.load()
    service = templates.serverless["service"]
    stack = ProvisionedStack(stack_name=f"{service}-{stage}", region=region)
    resolver = IntrinsicResolver(stack.stack_name, region, LOCAL_ACCOUNT_ID, stack.resources)
    provisioner = _LocalProvisioner(stack, endpoint_url)
    creators = provisioner.creators()
    resources = templates.resources["Resources"]
    for logical_id in _creation_order(resources):
        resource = resources[logical_id]
        properties = dict(resource.get("Properties", {}))
        if "CorsConfiguration" in properties:
            properties["CorsConfiguration"] = local_origins(
                properties["CorsConfiguration"], set(stack.skipped), websocket_url
            )
        if resource["Type"] in SKIPPED_LOCALLY or references_of(properties) & set(stack.skipped):
            stack.skipped[logical_id] = resource["Type"]
            continue
        creator = creators.get(resource["Type"])
        if creator is None:
            raise ValueError(f"{logical_id}: the local stack cannot create {resource['Type']}")
        stack.resources[logical_id] = creator(logical_id, resolver.resolve(properties))
    for logical_id, (name, definition) in templates.state_machines().items():
        resolved_name = _serverless_variables(name, stage, service)
        stack.resources[logical_id] = provisioner.state_machine(resolved_name, resolver.resolve(definition))
    environment = _serverless_variables(templates.serverless["provider"]["environment"], stage, service)
    emulated = {EMULATED_LOCALLY: websocket_url} if EMULATED_LOCALLY in environment else {}
    stack.environment = {key: emulated.get(key) or str(resolver.resolve(value)) for key, value in environment.items()}
    stack.environment["AWS_REGION"] = region
    if endpoint_url:
        stack.environment["AWS_ENDPOINT_URL"] = endpoint_url
    return stack
