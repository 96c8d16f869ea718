"""Saudi riyal amounts held as whole halalas (1 SAR = 100 halalas): no floating point near money."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["Money"]

_HALALAS_PER_RIYAL = 100


@dataclass(frozen=True, order=True)
class Money:
    halalas: int

    @classmethod
    def sar(cls, amount: str | int | Decimal) -> Money:
        """``Money.sar("150.50")``: riyals with at most two decimals; anything finer is refused."""
        try:
            value = Decimal(amount) * _HALALAS_PER_RIYAL
            whole = value == value.to_integral_value()
        except (InvalidOperation, ValueError) as error:
            raise ValidationFailed(ErrorCode.FEE_INVALID) from error
        if not value.is_finite() or not whole:
            raise ValidationFailed(ErrorCode.FEE_INVALID)
        return cls(int(value))

    @property
    def riyals(self) -> Decimal:
        return (Decimal(self.halalas) / _HALALAS_PER_RIYAL).quantize(Decimal("0.01"))

    def __add__(self, other: Money) -> Money:
        return Money(self.halalas + other.halalas)

    def __str__(self) -> str:
        return f"{self.riyals} SAR"
