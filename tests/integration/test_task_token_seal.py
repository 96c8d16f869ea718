"""SEC-01: task tokens sealed at rest with a KMS-wrapped data key (envelope encryption, on moto's KMS)."""

from __future__ import annotations

import base64

import boto3
import pytest
from cryptography.exceptions import InvalidTag

from functions.adapters.task_token_seal import SEALED_PREFIX, SealKeyItem, TaskTokenSeal
from functions.bootstrap import Container
from functions.local.provision import ProvisionedStack

TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAeXample-task-token" * 8


def another_container(container: Container, stack: ProvisionedStack) -> TaskTokenSeal:
    """A second Lambda instance: its own KMS client and table binding, the same stack."""
    return TaskTokenSeal(boto3.client("kms"), stack.environment["TASK_TOKEN_KEY_ID"], container.adapters.main_table)


def test_a_sealed_token_opens_only_with_the_stacks_key_and_is_the_same_in_every_instance(
    container: Container, stack: ProvisionedStack
) -> None:
    sealed = container.adapters.task_tokens.seal(TOKEN)
    assert sealed.startswith(SEALED_PREFIX)
    assert TOKEN not in sealed
    assert container.adapters.task_tokens.open(sealed) == TOKEN
    elsewhere = another_container(container, stack)
    assert elsewhere.seal(TOKEN) == sealed  # a redelivered message is recognised by its sealed token
    assert elsewhere.open(sealed) == TOKEN


def test_a_changed_sealed_token_does_not_open(container: Container) -> None:
    sealed = container.adapters.task_tokens.seal(TOKEN)
    raw = bytearray(base64.urlsafe_b64decode(sealed.removeprefix(SEALED_PREFIX)))
    raw[-1] ^= 1
    with pytest.raises(InvalidTag):
        container.adapters.task_tokens.open(SEALED_PREFIX + base64.urlsafe_b64encode(bytes(raw)).decode())
    with pytest.raises(ValueError, match="not a sealed task token"):
        container.adapters.task_tokens.open(TOKEN)


def test_the_table_keeps_the_data_key_only_as_kms_wrapped_it(container: Container, stack: ProvisionedStack) -> None:
    container.adapters.task_tokens.seal(TOKEN)
    stored = container.adapters.main_table.bind(SealKeyItem).get("KEY#TASK-TOKENS", "KEY")
    wrapped = base64.b64decode(stored.wrapped)
    plaintext = boto3.client("kms").decrypt(CiphertextBlob=wrapped)["Plaintext"]
    assert len(plaintext) == 64  # AES-SIV with two 256-bit keys
    assert plaintext not in wrapped
