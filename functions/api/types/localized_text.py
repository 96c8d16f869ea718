"""Text in Arabic and English, as GraphQL answers it and as administrators give it."""

from __future__ import annotations

import strawberry

from functions.api.value_lengths import FREE_TEXT
from functions.domain.catalogue import LocalizedText

__all__ = ["LocalizedTextInput", "LocalizedTextType"]


@strawberry.type(name="LocalizedText", description="Text in Arabic (ar) and English (en).")
class LocalizedTextType:
    ar: str
    en: str

    @classmethod
    def of(cls, text: LocalizedText) -> LocalizedTextType:
        return cls(ar=text.ar, en=text.en)


@strawberry.input(name="LocalizedTextInput")
class LocalizedTextInput:
    ar: str = strawberry.field(directives=[FREE_TEXT])
    en: str = strawberry.field(directives=[FREE_TEXT])

    def to_domain(self) -> LocalizedText:
        return LocalizedText(ar=self.ar, en=self.en)
