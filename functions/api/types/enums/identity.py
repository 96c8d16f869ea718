"""The enums of people: a citizen's language and identity document, staff roles and accounts, and how
much of a record a view shows."""

from __future__ import annotations

import strawberry

from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.principal import Role
from functions.domain.staff import AccountStatus
from functions.domain.visibility import Visibility

__all__ = ["AccountStatus", "IdentityDocumentType", "Language", "Role", "Visibility"]

strawberry.enum(
    Language,
    name="Language",
    description="The language of the citizen's SMS: Arabic, English, Urdu, Bengali or Indonesian (pages: Arabic or English).",
)
strawberry.enum(IdentityDocumentType, name="IdentityDocumentType")
strawberry.enum(Role, name="Role")
strawberry.enum(AccountStatus, name="AccountStatus")
strawberry.enum(Visibility, name="Visibility", description="How much personal data this view shows you.")
