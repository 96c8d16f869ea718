from __future__ import annotations

from typing import Any

import boto3

from functions.local.provision import ProvisionedStack


def aws_client(stack: ProvisionedStack, service: str) -> Any:
    """A boto3 client for the stack's AWS (moto's server, or in-process moto when no endpoint is set)."""
    return boto3.client(service, region_name=stack.region, endpoint_url=stack.environment.get("AWS_ENDPOINT_URL"))  # type: ignore[call-overload]


def item_count(stack: ProvisionedStack, table: str = "MainTable") -> int:
    """Every item, counted by a Scan: test bookkeeping only, never a request path."""
    ddb = aws_client(stack, "dynamodb")
    return int(ddb.scan(TableName=stack.resources[table].ref, Select="COUNT")["Count"])


def user_count(stack: ProvisionedStack) -> int:
    cognito = aws_client(stack, "cognito-idp")
    return len(cognito.list_users(UserPoolId=stack.resources["UserPool"].ref)["Users"])
