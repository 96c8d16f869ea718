"""What clients see of errors, and what the log keeps.

Every error carries ``extensions = {code, messageAr, messageEn, field?}`` (docs/architecture.md, "Error
shape"):

* Domain errors keep their stable code and bilingual message.
* Errors of the request itself, raised by graphql-core or Strawberry before any resolver runs, are
  the client's: a syntax error is ``GRAPHQL_PARSE_FAILED``; a document that breaks the schema or a
  limit is ``GRAPHQL_VALIDATION_FAILED``; a value that a type refused (a variable of the wrong type, a
  missing variable or input field, an unknown enum value, a date that is no date) is
  ``BAD_USER_INPUT``. graphql-core reports the last kind with the scalar's own ``GraphQLError`` as the
  original error: an original ``GraphQLError`` is the client's input, never a crash. Their ``message``
  keeps graphql-core's detail (English, for the developer); ``messageAr``/``messageEn`` are the texts
  to show a person.
* Anything else is masked as "Unexpected error." with code ``INTERNAL_ERROR`` and the request's
  correlation id; the original, with its traceback, goes to the log only (through the PII mask).
"""

from __future__ import annotations

from graphql.error import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors

from functions.domain.errors import DomainError, ErrorCode, messages_of

__all__ = ["ErrorPolicy", "add_error_code", "bilingual", "coded_extensions", "is_client_error"]


def bilingual(code: ErrorCode) -> dict[str, object]:
    arabic, english = messages_of(code)
    return {"code": code.value, "messageAr": arabic, "messageEn": english}


def coded_extensions(error: DomainError) -> dict[str, object]:
    extensions = bilingual(error.code)
    if error.field:
        extensions["field"] = error.field
    return extensions


def is_client_error(error: GraphQLError) -> bool:
    """The request's own fault (coded, shown as it is), as opposed to a crash (masked)."""
    return error.original_error is None or isinstance(error.original_error, DomainError | GraphQLError)


class ErrorPolicy(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not is_client_error(error))

    def _correlation_id(self) -> str | None:
        context = self.execution_context.context
        return getattr(context, "correlation_id", None)

    def _process_result(self, result: object) -> None:
        """Most answers carry no error: Strawberry would first check the result against a runtime protocol
        (~7 µs a request, issue 19), only to find nothing to mask."""
        if getattr(result, "errors", None):
            super()._process_result(result)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {**bilingual(ErrorCode.INTERNAL_ERROR), "correlationId": self._correlation_id()}
        return masked


def add_error_code(error: GraphQLError) -> None:
    """Give every expected error its stable code (called from ``Schema.process_errors``, which sees
    every error, including those that stop a request before execution)."""
    original = error.original_error
    if isinstance(original, DomainError):
        error.message = original.message_en
        error.extensions = coded_extensions(original)
    elif is_client_error(error) and not (error.extensions or {}).get("code"):
        if isinstance(error, GraphQLSyntaxError):
            code = ErrorCode.GRAPHQL_PARSE_FAILED
        elif original is not None:
            code = ErrorCode.BAD_USER_INPUT
        else:
            code = ErrorCode.GRAPHQL_VALIDATION_FAILED
        error.extensions = {**(error.extensions or {}), **bilingual(code)}
