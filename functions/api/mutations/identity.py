"""Opening records, temporary passwords, signing in and out, renewing a session, the citizen's SMS language;
with their inputs."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.enums.identity import Language
from functions.api.types.identity import (
    CitizenRecordType,
    IdentityCheckInput,
    NewPasswordRequiredType,
    SignedInType,
    SignedOutType,
)
from functions.api.types.problem import (
    ConflictProblem,
    ForbiddenProblem,
    NotFoundProblem,
    TryLaterProblem,
    ValidationProblem,
)
from functions.api.types.time import CalendarDateInput
from functions.api.value_lengths import RefreshToken, Secret, Session
from functions.domain.visibility import view_of
from functions.services.citizen_records import OpenRecordForm, RecordWithPassword
from functions.services.ports import NewPasswordRequired, Tokens

__all__ = ["IdentityMutations"]


@strawberry.input
class OpenCitizenRecordInput:
    national_id: str = strawberry.field(description="10 digits (Eastern-Arabic digits accepted).")
    name_ar: str
    birth_date: CalendarDateInput = strawberry.field(
        description='As the ID card prints it, e.g. {date: "1412-05-17", calendar: HIJRI}; not in the future.'
    )
    mobile: str = strawberry.field(description="A Saudi mobile: 05XXXXXXXX, +9665XXXXXXXX or 009665XXXXXXXX.")
    identity_check: IdentityCheckInput | None
    name_en: str | None = None
    language: Language = Language.AR

    def to_form(self) -> OpenRecordForm:
        return OpenRecordForm(
            national_id=self.national_id,
            name_ar=self.name_ar,
            name_en=self.name_en,
            birth_date=self.birth_date.to_entry(),
            mobile=self.mobile,
            language=self.language,
            evidence=self.identity_check.to_form() if self.identity_check else None,
        )


@strawberry.type(
    name="CitizenRecordWithPassword",
    description="Hand `temporaryPassword` to the citizen now: it is shown once and never stored by Shubbak.",
)
class CitizenRecordWithPasswordType:
    citizen: CitizenRecordType
    temporary_password: str


OpenRecordResult = Annotated[
    CitizenRecordWithPasswordType
    | ValidationProblem
    | ConflictProblem
    | ForbiddenProblem
    | NotFoundProblem
    | TryLaterProblem,
    strawberry.union("OpenCitizenRecordResult"),
]
SignInResult = Annotated[
    SignedInType | NewPasswordRequiredType | ValidationProblem | TryLaterProblem, strawberry.union("SignInResult")
]
CompleteNewPasswordResult = Annotated[SignedInType | ValidationProblem, strawberry.union("CompleteNewPasswordResult")]
RefreshSessionResult = Annotated[SignedInType | ForbiddenProblem, strawberry.union("RefreshSessionResult")]
SignOutResult = Annotated[SignedOutType | ForbiddenProblem, strawberry.union("SignOutResult")]
ChangeMyLanguageResult = Annotated[
    CitizenRecordType | ForbiddenProblem | NotFoundProblem, strawberry.union("ChangeMyLanguageResult")
]


def _with_password(context: GraphQLContext, opened: RecordWithPassword) -> CitizenRecordWithPasswordType:
    return CitizenRecordWithPasswordType(
        citizen=CitizenRecordType.of(view_of(context.principal, opened.citizen)),
        temporary_password=opened.temporary_password,
    )


def _tokens(tokens: Tokens) -> SignedInType:
    return SignedInType(
        access_token=tokens.access_token, refresh_token=tokens.refresh_token, expires_in=tokens.expires_in
    )


def _signed_in(result: Tokens | NewPasswordRequired) -> SignedInType | NewPasswordRequiredType:
    if isinstance(result, NewPasswordRequired):
        return NewPasswordRequiredType(session=result.session)
    return _tokens(result)


@strawberry.type
class IdentityMutations:
    @strawberry.mutation(
        description="Centre operators: open a citizen's electronic record after checking their identity."
    )
    def open_citizen_record(self, info: Info[GraphQLContext, None], input: OpenCitizenRecordInput) -> OpenRecordResult:
        context = info.context
        return _with_password(
            context, context.use_cases.citizen_records.open_citizen_record(context.caller, input.to_form())
        )

    @strawberry.mutation(description="Centre operators: a new temporary password for a citizen who lost theirs.")
    def reissue_temporary_password(
        self, info: Info[GraphQLContext, None], national_id: str, identity_check: IdentityCheckInput | None = None
    ) -> OpenRecordResult:
        context = info.context
        evidence = identity_check.to_form() if identity_check else None
        return _with_password(
            context,
            context.use_cases.citizen_records.reissue_temporary_password(context.caller, national_id, evidence),
        )

    @strawberry.mutation(
        description=(
            "Citizens: the language of your text messages from now on (the centre chose it when it opened "
            "your record). Audited."
        )
    )
    def change_my_language(self, info: Info[GraphQLContext, None], language: Language) -> ChangeMyLanguageResult:
        context = info.context
        changed = context.use_cases.citizen_records.change_my_language(context.caller, language)
        return CitizenRecordType.of(view_of(context.principal, changed))

    @strawberry.mutation(description="Sign in with a national ID / Iqama number and a password.")
    def sign_in(self, info: Info[GraphQLContext, None], national_id: str, password: Secret) -> SignInResult:
        context = info.context
        return _signed_in(context.use_cases.sign_in.sign_in(context.caller, national_id, password))

    @strawberry.mutation(description="First sign-in: replace the temporary password with your own (10+ characters).")
    def complete_new_password(
        self, info: Info[GraphQLContext, None], national_id: str, session: Session, new_password: Secret
    ) -> CompleteNewPasswordResult:
        context = info.context
        return _tokens(
            context.use_cases.sign_in.complete_new_password(context.caller, national_id, session, new_password)
        )

    @strawberry.mutation(
        description=(
            "A new access token for the refresh token `signIn` gave (send it to /graphql/public: the access "
            "token may have expired). `refreshToken` comes back null: keep the one you have. SESSION_ENDED "
            "once it has expired (12 hours) or you signed out."
        )
    )
    def refresh_session(self, info: Info[GraphQLContext, None], refresh_token: RefreshToken) -> RefreshSessionResult:
        context = info.context
        return _tokens(context.use_cases.sign_in.refresh_session(context.caller, refresh_token))

    @strawberry.mutation(
        description=(
            "Sign out everywhere: every refresh token of your account is revoked, and high-risk operations "
            "refuse your access tokens from now on (SESSION_ENDED)."
        )
    )
    def sign_out(self, info: Info[GraphQLContext, None]) -> SignOutResult:
        context = info.context
        context.use_cases.sign_in.sign_out(context.caller)
        return SignedOutType(signed_out=True)
