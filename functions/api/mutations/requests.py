"""Filing a request, the agencies' decisions, and the centre's follow-up."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.enums.requests import PaymentMethod
from functions.api.types.identity import IdentityCheckInput
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.types.requests import ServiceRequestType
from functions.api.value_lengths import FREE_TEXT, FreeText, OptionalFreeText
from functions.domain.request import RequestFile
from functions.services.request_submission import SubmissionForm

__all__ = ["RequestMutations"]


@strawberry.input(name="FormAnswerInput")
class FormAnswerInput:
    key: str
    value: str = strawberry.field(directives=[FREE_TEXT])


@strawberry.input(name="PosSlipInput", description="The card terminal's slip, as printed (docs/money.md).")
class PosSlipInput:
    terminal_id: str = strawberry.field(description="The terminal id: 8 letters or digits.")
    retrieval_reference: str = strawberry.field(description="The retrieval reference number (RRN): 12 digits.")


@strawberry.input
class SubmitServiceRequestInput:
    citizen_id: strawberry.ID
    service_code: str
    answers: list[FormAnswerInput]
    documents: list[strawberry.ID] = strawberry.field(
        description="The ids of attached documents (attachDocument, uploaded under this idempotency key as the "
        "draft): one for each document the service lists."
    )
    amount: Decimal = strawberry.field(description="SAR collected: the service fee plus the centre's posted charge.")
    payment_method: PaymentMethod
    identity_check: IdentityCheckInput | None = strawberry.field(description="The document checked at this visit.")
    idempotency_key: str = strawberry.field(description="8-64 characters, unique per filing at this centre.")
    pos_slip: PosSlipInput | None = strawberry.field(
        default=None, description="Required for MADA and CARD (the slip's terminal id and RRN); none for CASH."
    )

    def to_form(self) -> SubmissionForm:
        return SubmissionForm(
            citizen_id=str(self.citizen_id),
            service_code=self.service_code,
            answers={answer.key: answer.value for answer in self.answers},
            documents=[str(document_id) for document_id in self.documents],
            amount=self.amount,
            payment_method=self.payment_method,
            identity_check=self.identity_check.to_form() if self.identity_check else None,
            idempotency_key=self.idempotency_key,
            pos_slip=(self.pos_slip.terminal_id, self.pos_slip.retrieval_reference) if self.pos_slip else None,
        )


@strawberry.type(name="SubmittedRequest", description="Print the receipt now: `pin` is shown only on the first answer.")
class SubmittedRequestType:
    request: ServiceRequestType
    pin: str | None = strawberry.field(
        description="The tracking PIN, on the first answer only; null on every repeat under the same idempotency key (the PIN is kept only as a salted hash, so nobody can show it again)."
    )


Problems = ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem
SubmitResult = Annotated[SubmittedRequestType | Problems, strawberry.union("SubmitServiceRequestResult")]
RequestChangeResult = Annotated[ServiceRequestType | Problems, strawberry.union("RequestChangeResult")]


def _file(file: RequestFile) -> ServiceRequestType:
    return ServiceRequestType.of(file)


@strawberry.type
class RequestMutations:
    @strawberry.mutation(
        description="Centre operators: file a service request for a citizen and record the fee collected."
    )
    def submit_service_request(
        self, info: Info[GraphQLContext, None], input: SubmitServiceRequestInput
    ) -> SubmitResult:
        context = info.context
        submitted = context.use_cases.request_submission.submit_service_request(context.caller, input.to_form())
        return SubmittedRequestType(request=ServiceRequestType.of(submitted.file), pin=submitted.pin)

    @strawberry.mutation(
        description="Agency officers: acknowledge receipt of a file (the citizen gets an SMS with the time)."
    )
    def acknowledge_receipt(self, info: Info[GraphQLContext, None], request_id: strawberry.ID) -> RequestChangeResult:
        context = info.context
        return _file(context.use_cases.agency_window.acknowledge_receipt(context.caller, str(request_id)))

    @strawberry.mutation(description="Agency officers: finish your step; the file moves on to the next stage.")
    def complete_step(
        self, info: Info[GraphQLContext, None], request_id: strawberry.ID, note: OptionalFreeText = None
    ) -> RequestChangeResult:
        context = info.context
        return _file(context.use_cases.agency_window.complete_step(context.caller, str(request_id), note))

    @strawberry.mutation(description="Agency officers: reject the request, with the reason; the route ends.")
    def reject_request(
        self, info: Info[GraphQLContext, None], request_id: strawberry.ID, reason: FreeText
    ) -> RequestChangeResult:
        context = info.context
        return _file(context.use_cases.agency_window.reject_request(context.caller, str(request_id), reason))

    @strawberry.mutation(description="Agency officers: return the file to the centre for missing items.")
    def return_to_centre(
        self,
        info: Info[GraphQLContext, None],
        request_id: strawberry.ID,
        missing_items: Annotated[list[str], strawberry.argument(directives=[FREE_TEXT])],
    ) -> RequestChangeResult:
        context = info.context
        return _file(context.use_cases.agency_window.return_to_centre(context.caller, str(request_id), missing_items))

    @strawberry.mutation(
        description="Centre operators: answer a return (optionally with corrected answers and documents: the ids "
        "of attached documents, one per document the service lists; by default the ones attached last)."
    )
    def resubmit_request(
        self,
        info: Info[GraphQLContext, None],
        request_id: strawberry.ID,
        answers: list[FormAnswerInput] | None = None,
        documents: list[strawberry.ID] | None = None,
    ) -> RequestChangeResult:
        context = info.context
        new_answers = {a.key: a.value for a in answers} if answers is not None else None
        new_documents = [str(d) for d in documents] if documents is not None else None
        return _file(
            context.use_cases.centre_desk.resubmit_request(context.caller, str(request_id), new_answers, new_documents)
        )

    @strawberry.mutation(description="Centre operators: the citizen was contacted and received the result.")
    def confirm_delivery(self, info: Info[GraphQLContext, None], request_id: strawberry.ID) -> RequestChangeResult:
        context = info.context
        return _file(context.use_cases.centre_desk.confirm_delivery(context.caller, str(request_id)))

    @strawberry.mutation(
        description="Centre operators: cancel before any agency acknowledged receipt; the fee is refunded."
    )
    def cancel_request(
        self, info: Info[GraphQLContext, None], request_id: strawberry.ID, reason: OptionalFreeText = None
    ) -> RequestChangeResult:
        context = info.context
        return _file(context.use_cases.centre_desk.cancel_request(context.caller, str(request_id), reason))
