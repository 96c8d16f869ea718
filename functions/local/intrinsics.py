"""Resolving the CloudFormation intrinsic functions that infra/ and serverless.yml use.

moto's CloudFormation cannot create several of our resource types (Cognito pools and clients, SNS
subscriptions, queue policies), so the local stack creates every resource itself and needs to
resolve ``Ref``, ``Fn::GetAtt`` and ``Fn::Sub`` the way CloudFormation would. Only the subset used
in this repository is supported; anything else is an error rather than a silent guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Created", "IntrinsicResolver", "UnsupportedIntrinsic", "references_of"]

_SUB_VARIABLE = re.compile(r"\$\{([^}]+)\}")


class UnsupportedIntrinsic(ValueError):
    pass


@dataclass
class Created:
    """A created resource: what ``Ref`` returns and what ``Fn::GetAtt`` can read."""

    ref: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class IntrinsicResolver:
    stack_name: str
    region: str
    account_id: str
    created: dict[str, Created] = field(default_factory=dict)

    def pseudo(self, name: str) -> str:
        values = {
            "AWS::StackName": self.stack_name,
            "AWS::Region": self.region,
            "AWS::AccountId": self.account_id,
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
        }
        if name not in values:
            raise UnsupportedIntrinsic(name)
        return values[name]

    def ref(self, name: str) -> str:
        if name.startswith("AWS::"):
            return self.pseudo(name)
        return self.created[name].ref

    def get_att(self, logical_id: str, attribute: str) -> str:
        try:
            return self.created[logical_id].attributes[attribute]
        except KeyError as error:
            raise UnsupportedIntrinsic(f"{logical_id}.{attribute}") from error

    def resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, argument),) = value.items()
            if key == "Ref":
                return self.ref(argument)
            if key == "Fn::GetAtt":
                logical_id, attribute = argument if isinstance(argument, list) else argument.split(".", 1)
                return self.get_att(logical_id, attribute)
            if key == "Fn::Sub":
                return self._sub(argument)
            if key.startswith("Fn::"):
                raise UnsupportedIntrinsic(key)
        return {key: self.resolve(item) for key, item in value.items()}

    def _sub(self, template: Any) -> str:
        if not isinstance(template, str):
            raise UnsupportedIntrinsic("Fn::Sub with a variable map")

        def variable(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("AWS::"):
                return self.pseudo(name)
            if "." in name:
                logical_id, attribute = name.split(".", 1)
                return self.get_att(logical_id, attribute)
            return self.ref(name)

        return _SUB_VARIABLE.sub(variable, template)


def references_of(value: Any) -> set[str]:
    """Logical ids a value refers to (for creating resources in dependency order)."""
    found: set[str] = set()
    if isinstance(value, list):
        for item in value:
            found |= references_of(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and isinstance(item, str) and not item.startswith("AWS::"):
                found.add(item)
            elif key == "Fn::GetAtt":
                found.add(item[0] if isinstance(item, list) else item.split(".", 1)[0])
            elif key == "Fn::Sub" and isinstance(item, str):
                names = (name.split(".", 1)[0] for name in _SUB_VARIABLE.findall(item))
                found |= {name for name in names if not name.startswith("AWS::")}
            else:
                found |= references_of(item)
    return found
