"""The text an SMS goes out with: its template in the citizen's language and, on a phone several records
share, the initials of whose message it is in place of the brand (docs/sms.md, "One phone, several
records")."""

from __future__ import annotations

from functions.domain.citizen import Citizen, Language
from functions.domain.notification import Notification
from functions.domain.sms import addressed, encoding_of, initials_of, render
from functions.services.ports import CitizenRepository

__all__ = ["sms_text"]


def sms_text(notification: Notification, citizen: Citizen, citizens: CitizenRepository) -> str:
    text = render(notification.template, citizen.language, notification.values)
    if citizens.records_on(citizen.mobile) <= 1:
        return text
    initials = _initials(citizen, text)
    return addressed(text, initials) if initials else text


def _initials(citizen: Citizen, text: str) -> str | None:
    """From the Arabic name, unless that would turn a Latin-script text into UCS-2 (and two segments):
    then from the English name, or none (the brand stays)."""
    arabic = initials_of(citizen.name_ar)
    if citizen.language is Language.AR or encoding_of(text) == "UCS-2":
        return arabic
    english = initials_of(citizen.name_en)
    return english if english and encoding_of(english) == "GSM-7" else None
