from __future__ import annotations

import strawberry

from functions.domain.catalogue import LocalizedText

__all__ = ["LocalizedTextType"]


@strawberry.type(name="LocalizedText", description="Text in Arabic (ar) and English (en).")
class LocalizedTextType:
    ar: str
    en: str

    @classmethod
    def of(cls, text: LocalizedText) -> LocalizedTextType:
        return cls(ar=text.ar, en=text.en)
