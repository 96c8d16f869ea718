"""At most one sensitive root field per document (signing in, passwords, citizen look-ups).

Aliases, fragments and repeated fields could otherwise try many passwords or ID numbers in one
request; each attempt must be a request of its own (and so count against throttles individually).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)

__all__ = ["SENSITIVE_ROOT_FIELDS", "OneSensitiveFieldPerDocument"]

SENSITIVE_ROOT_FIELDS = frozenset(
    {
        *("signIn", "completeNewPassword", "refreshSession", "lookupCitizen", "reissueTemporaryPassword"),
        *("openCitizenRecord", "trackRequest"),
    }
)
_MAX_FRAGMENT_DEPTH = 16


class OneSensitiveFieldPerDocument(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.count = 0

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        self.count += self._sensitive_in(node.selection_set, 0)
        if self.count > 1:
            self.report_error(
                GraphQLError("Only one sign-in, password or citizen look-up field is allowed per request.", node)
            )

    def _sensitive_in(self, selection_set: SelectionSetNode, depth: int) -> int:
        if depth > _MAX_FRAGMENT_DEPTH:
            return 0
        found = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                found += selection.name.value in SENSITIVE_ROOT_FIELDS
            elif isinstance(selection, InlineFragmentNode):
                found += self._sensitive_in(selection.selection_set, depth + 1)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.context.get_fragment(selection.name.value)
                if fragment is not None:
                    found += self._sensitive_in(fragment.selection_set, depth + 1)
        return found
