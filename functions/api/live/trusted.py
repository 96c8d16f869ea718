"""Trusted documents over the WebSocket API (``functions/api/trusted_documents.py`` says the rules):
a ``subscribe`` message names its document by ``documentId`` or by text, and outside local and dev only
the manifest's documents are prepared, before any GraphQL parsing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from functions.api.live.documents import SubscriptionAccepted, SubscriptionDocuments, SubscriptionRefused
from functions.api.live.protocol import SubscribeRequest
from functions.api.trusted_documents import TrustedDocuments, refusal
from functions.domain.errors import ValidationFailed
from functions.domain.live import LiveEvent, LiveSubscription
from functions.services.caller import Caller

__all__ = ["TrustedSubscriptionDocuments"]


class TrustedSubscriptionDocuments:
    """The WebSocket path's gate, in front of the subscription documents (a ``SubscriptionDocuments``):
    the accepted subscription keeps the manifest's text, which every event is rendered with."""

    def __init__(self, inner: SubscriptionDocuments, documents: TrustedDocuments) -> None:
        self._inner = inner
        self._documents = documents

    def prepare(self, caller: Caller, request: SubscribeRequest) -> SubscriptionAccepted | SubscriptionRefused:
        try:
            query = self._documents.document_for(request.query, request.document_id)
        except ValidationFailed as error:
            return SubscriptionRefused([refusal(error)])
        trusted = replace(request, query=query if isinstance(query, str) else "", document_id=None)
        decision = self._inner.prepare(caller, trusted)
        if isinstance(decision, SubscriptionAccepted):
            return replace(decision, document=trusted.query)
        return decision

    def render(self, subscriptions: Sequence[LiveSubscription], event: LiveEvent) -> list[dict[str, Any] | None]:
        return self._inner.render(subscriptions, event)
