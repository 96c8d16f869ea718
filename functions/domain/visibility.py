"""How much of a citizen's personal data a principal may see (field-level, on top of the policy).

* the citizen: everything;
* a centre operator (the citizen is at the counter): names, ID number and birth date; mobile masked;
* everyone else the policy lets read a record (the monitoring office): masked identifiers, initials,
  birth year only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from functions.domain.calendar_dates import EnteredDate
from functions.domain.citizen import Citizen
from functions.domain.principal import Principal, Role

__all__ = ["CitizenView", "Visibility", "view_of"]


class Visibility(StrEnum):
    FULL = "FULL"
    OPERATOR = "OPERATOR"
    MASKED = "MASKED"


@dataclass(frozen=True)
class CitizenView:
    citizen: Citizen
    visibility: Visibility

    @property
    def national_id(self) -> str:
        return (
            self.citizen.national_id.masked if self.visibility is Visibility.MASKED else self.citizen.national_id.value
        )

    @property
    def mobile(self) -> str:
        return self.citizen.mobile.e164 if self.visibility is Visibility.FULL else self.citizen.mobile.masked

    @property
    def name_ar(self) -> str:
        return _initials(self.citizen.name_ar) if self.visibility is Visibility.MASKED else self.citizen.name_ar

    @property
    def name_en(self) -> str | None:
        name = self.citizen.name_en
        return _initials(name) if name and self.visibility is Visibility.MASKED else name

    @property
    def birth_day(self) -> EnteredDate | None:
        """The whole birth date with the calendar it was entered in; None when only the year may show."""
        if self.visibility is Visibility.MASKED:
            return None
        return EnteredDate(self.citizen.birth_date, self.citizen.birth_date_calendar)

    @property
    def birth_date(self) -> str:
        born = self.citizen.birth_date
        return str(born.year) if self.visibility is Visibility.MASKED else born.isoformat()


def view_of(principal: Principal, citizen: Citizen) -> CitizenView:
    if principal.role is Role.CITIZEN and principal.user_id == citizen.citizen_id:
        return CitizenView(citizen, Visibility.FULL)
    if principal.role is Role.CENTRE_OPERATOR:
        return CitizenView(citizen, Visibility.OPERATOR)
    return CitizenView(citizen, Visibility.MASKED)


def _initials(name: str) -> str:
    return " ".join(f"{part[0]}." for part in name.split() if part)
