"""At most one sensitive root field per document (signing in, passwords, citizen look-ups).

Aliases, fragments and repeated fields could otherwise try many passwords or ID numbers in one
request; each attempt must be a request of its own (and so count against throttles individually).

The count sees through inline fragments and fragment spreads at any depth: the walk uses its own
stack (no recursion limit to stop it), counts each fragment once however often it is spread (a
fragment spread twice counts twice, without walking it twice: a chain of fragments that each spread
the previous one twice would otherwise be walked 2**n times), and ends a fragment cycle at its back
edge (graphql's own ``NoFragmentCycles`` rule reports the cycle).
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
        *("openCitizenRecord", "trackRequest", "callNumber"),
    }
)


class OneSensitiveFieldPerDocument(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.count = 0
        self._in_fragment: dict[str, int] = {}
        self._counting: set[str] = set()

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        self.count += self._sensitive_in(node.selection_set)
        if self.count > 1:
            self.report_error(
                GraphQLError("Only one sign-in, password or citizen look-up field is allowed per request.", node)
            )

    def _sensitive_in(self, selection_set: SelectionSetNode) -> int:
        """Sensitive fields selected on the root type: directly, in inline fragments, in spreads."""
        found = 0
        pending = [selection_set]
        while pending:
            for selection in pending.pop().selections:
                if isinstance(selection, FieldNode):
                    found += selection.name.value in SENSITIVE_ROOT_FIELDS
                elif isinstance(selection, InlineFragmentNode):
                    pending.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    found += self._sensitive_in_fragment(selection.name.value)
        return found

    def _sensitive_in_fragment(self, name: str) -> int:
        if name in self._in_fragment:
            return self._in_fragment[name]
        fragment = self.context.get_fragment(name)
        if fragment is None or name in self._counting:  # unknown, or a cycle's back edge
            return 0
        self._counting.add(name)
        found = self._sensitive_in(fragment.selection_set)
        self._counting.discard(name)
        self._in_fragment[name] = found
        return found
