"""What clients see of errors, and what the log keeps.

* Domain errors keep their stable code and bilingual message in ``extensions``.
* GraphQL syntax and validation errors (no underlying exception) keep their message, coded
  ``GRAPHQL_PARSE_FAILED`` / ``GRAPHQL_VALIDATION_FAILED``.
* Anything else is masked as "Unexpected error." with code ``INTERNAL_ERROR`` and the request's
  correlation id; the original, with its traceback, goes to the log only (through the PII mask).
"""

from __future__ import annotations

from graphql.error import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors

from functions.domain.errors import DomainError

__all__ = ["ErrorPolicy", "add_error_code", "coded_extensions"]

INTERNAL_ERROR = "INTERNAL_ERROR"


def coded_extensions(error: DomainError) -> dict[str, object]:
    extensions: dict[str, object] = {
        "code": error.code.value,
        "messageAr": error.message_ar,
        "messageEn": error.message_en,
    }
    if error.field:
        extensions["field"] = error.field
    return extensions


def _is_expected(error: GraphQLError) -> bool:
    return error.original_error is None or isinstance(error.original_error, DomainError)


class ErrorPolicy(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not _is_expected(error))

    def _correlation_id(self) -> str | None:
        context = self.execution_context.context
        return getattr(context, "correlation_id", None)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL_ERROR, "correlationId": self._correlation_id()}
        return masked


def add_error_code(error: GraphQLError) -> None:
    """Give every expected error its stable code (called from ``Schema.process_errors``, which sees
    every error, including those that stop a request before execution)."""
    if isinstance(error.original_error, DomainError):
        error.message = error.original_error.message_en
        error.extensions = coded_extensions(error.original_error)
    elif error.original_error is None and not (error.extensions or {}).get("code"):
        parse_failed = isinstance(error, GraphQLSyntaxError)
        code = "GRAPHQL_PARSE_FAILED" if parse_failed else "GRAPHQL_VALIDATION_FAILED"
        error.extensions = {**(error.extensions or {}), "code": code}
