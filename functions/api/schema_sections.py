"""The schema in sections: each root class (``CatalogueQueries``, ``RequestMutations`` ...) is a section,
imported and built into the schema only when an operation first selects one of its root fields.

Importing the whole schema (its ~120 Strawberry types, their dataclasses and the domain behind them)
is most of a cold start: a Lambda instance woken by a catalogue query should not pay for the monitoring
office's types. The HTTP path (``functions/api/app.py``) therefore serves each operation with a schema
made of the sections its document needs (the root fields of every operation and of every fragment on a
root type: validation reads them all), plus every section loaded before: the schema only grows, so a
document always meets a schema that contains all it asks for and answers exactly as the full schema
does. Anything this module cannot place — introspection, a root field no section names, a type name the
grown schema lacks — is served by the full schema; a document that does not parse, by the schema
already loaded (a syntax error reads the same against any schema).

``SECTIONS`` names each section's root fields so that no section is imported to find out what it
holds; ``tests/unit/test_schema_sections.py`` fails when this table and the classes disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module

from graphql.error import GraphQLError
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Visitor,
    parse,
    visit,
)

__all__ = ["BASE", "EVERYTHING", "SECTIONS", "Needs", "Section", "needs_of"]


@dataclass(frozen=True)
class Section:
    """One root class of the schema: where it lives, which operation type it extends, its root fields."""

    operation: OperationType
    module: str
    name: str
    fields: frozenset[str]

    def load(self) -> type:
        root: type = getattr(import_module(self.module), self.name)
        return root


def _section(operation: OperationType, module: str, name: str, *fields: str) -> Section:
    return Section(operation, f"functions.api.{module}", name, frozenset(fields))


QUERY, MUTATION, SUBSCRIPTION = OperationType.QUERY, OperationType.MUTATION, OperationType.SUBSCRIPTION

CATALOGUE = _section(QUERY, "queries.catalogue", "CatalogueQueries", "agencies", "agency", "services", "service")
SECTIONS: tuple[Section, ...] = (
    CATALOGUE,
    _section(
        QUERY, "queries.identity", "IdentityQueries", "me", "citizen", "lookupCitizen", "myNotifications", "auditTrail"
    ),
    _section(
        QUERY,
        "queries.requests",
        "RequestQueries",
        *("request", "trackRequest", "myRequests", "centreRequests", "agencyWindow"),
    ),
    _section(QUERY, "queries.documents", "DocumentQueries", "documentDownload", "myDocuments", "draftDocuments"),
    _section(QUERY, "queries.calendar", "CalendarQueries", "businessCalendar"),
    _section(QUERY, "queries.feedback", "FeedbackQueries", "myFeedback"),
    _section(QUERY, "queries.call_list", "CallListQueries", "callList"),
    _section(
        QUERY,
        "queries.monitoring",
        "MonitoringQueries",
        *("centre", "centres", "centreNotices", "inspections", "centrePerformance"),
        *("regionOverview", "centreRanking", "escalations", "complaints"),
    ),
    _section(
        MUTATION,
        "mutations.identity",
        "IdentityMutations",
        *("openCitizenRecord", "reissueTemporaryPassword", "signIn", "completeNewPassword"),
        *("refreshSession", "signOut"),
    ),
    _section(
        MUTATION,
        "mutations.requests",
        "RequestMutations",
        *("submitServiceRequest", "acknowledgeReceipt", "completeStep", "rejectRequest"),
        *("returnToCentre", "resubmitRequest", "confirmDelivery", "cancelRequest"),
    ),
    _section(
        MUTATION,
        "mutations.administration",
        "AdministrationMutations",
        *("defineAgency", "defineService", "defineBusinessCalendar", "createStaffAccount", "disableStaffAccount"),
    ),
    _section(MUTATION, "mutations.documents", "DocumentMutations", "requestDocumentUpload", "attachDocument"),
    _section(
        MUTATION,
        "mutations.licensing",
        "LicensingMutations",
        *("registerCentre", "licenseCentre", "suspendCentre", "reinstateCentre", "revokeCentre"),
    ),
    _section(
        MUTATION,
        "mutations.oversight",
        "OversightMutations",
        *("recordInspection", "closeFindings", "resolveEscalation", "resolveComplaint"),
    ),
    _section(MUTATION, "mutations.feedback", "FeedbackMutations", "rateCentre", "fileComplaint"),
    _section(MUTATION, "mutations.call_list", "CallListMutations", "markCallDone"),
    _section(SUBSCRIPTION, "subscriptions.live", "LiveSubscriptions", "handoffEvents", "requestUpdates"),
    _section(SUBSCRIPTION, "subscriptions.monitoring", "MonitoringSubscriptions", "monitoringAlerts"),
)
"""In the order their fields appear in the full schema (and in ``schema.graphql``)."""

BASE: frozenset[Section] = frozenset({CATALOGUE})
"""Always loaded: a schema needs a query type, and the public catalogue is what anyone asks first."""

EVERYTHING: frozenset[Section] = frozenset(SECTIONS)
_ROOT_NAMED = {
    "Query": OperationType.QUERY,
    "Mutation": OperationType.MUTATION,
    "Subscription": OperationType.SUBSCRIPTION,
}
_SECTION_OF: dict[tuple[OperationType, str], Section] = {
    (section.operation, field): section for section in SECTIONS for field in section.fields
}


@dataclass(frozen=True)
class Needs:
    """What a document needs of the schema: these sections, and a schema that knows these type names
    (named by its variables and fragments; a type the grown schema lacks would be reported with the
    suggestions of a smaller schema, so the caller then loads everything)."""

    sections: frozenset[Section]
    types: frozenset[str] = frozenset()


@lru_cache(maxsize=256)  # clients send the same documents again and again: each is parsed here once
def needs_of(document: str | None, max_tokens: int) -> Needs:
    """The sections a document needs: those of the root fields its operations and its fragments on a
    root type select (validation reads every operation and fragment, not only the one executed), or all
    of them when it asks for introspection or for a root field no section holds, so that the error, with
    its suggestions, is the full schema's own. A document that does not parse needs only the base: a
    syntax error does not depend on the schema."""
    if not document:
        return Needs(BASE)
    try:
        parsed = parse(document, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return Needs(BASE)
    types = frozenset(_named_types(parsed))
    needed = set(BASE)
    for root, field in _root_fields(parsed):
        if field == "__typename":
            continue
        section = _SECTION_OF.get((root, field)) if root else None
        if section is None:
            return Needs(EVERYTHING, types)
        needed.add(section)
    return Needs(frozenset(needed), types)


def _named_types(document: DocumentNode) -> set[str]:
    names = _TypeNames()
    visit(document, names)
    return names.names


class _TypeNames(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_named_type(self, node: NamedTypeNode, *_: object) -> None:
        self.names.add(node.name.value)


def _root_fields(document: DocumentNode) -> Iterator[tuple[OperationType | None, str]]:
    """Every field selected directly on a root type: in operations, and in fragments on a root type.
    ``None`` for the root where a fragment inside them names another type (an error for any schema)."""
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            yield from _fields_on(definition.operation, definition.selection_set)
        elif isinstance(definition, FragmentDefinitionNode) and definition.type_condition.name.value in _ROOT_NAMED:
            yield from _fields_on(_ROOT_NAMED[definition.type_condition.name.value], definition.selection_set)


def _fields_on(root: OperationType | None, selections: SelectionSetNode) -> Iterator[tuple[OperationType | None, str]]:
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            yield root, selection.name.value
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            yield from _fields_on(
                root if condition is None else _ROOT_NAMED.get(condition.name.value), selection.selection_set
            )
