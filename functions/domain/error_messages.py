"""Every error code's message, from the ``errors`` catalogues (``functions/locale/<language>/LC_MESSAGES/
errors.po``): fixed sentences, never personal data, so safe to log and to return.

Problems carry Arabic and English, whose catalogues are complete (a unit test checks every code). Any
other language falls back to English for a code its catalogue lacks, and to English entirely while it
has no ``errors.po`` (Urdu, Bengali and Indonesian today: their pages are not translated yet).
"""

from __future__ import annotations

from functions.domain.error_codes import ErrorCode
from functions.domain.message_catalogues import text

__all__ = ["ERRORS_DOMAIN", "FALLBACK_LANGUAGE", "message_in", "messages_of"]

ERRORS_DOMAIN = "errors"
FALLBACK_LANGUAGE = "en"


def message_in(code: ErrorCode, language: str) -> str:
    return text(ERRORS_DOMAIN, code.value, (language, FALLBACK_LANGUAGE))


def messages_of(code: ErrorCode) -> tuple[str, str]:
    """The Arabic and the English message, as problems carry them."""
    return message_in(code, "ar"), message_in(code, "en")
